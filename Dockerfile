# The relay, as a container:  docker build -t restaurant-menu-relay .
#                             docker run -p 8000:8000 -e CACHE_TTL=10s restaurant-menu-relay
# Build stage: install dev dependencies, type-check and bundle.
FROM node:22-alpine AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
COPY bin ./bin
RUN npm run build

# Runtime stage: the bundle has no runtime dependencies, so no node_modules are copied.
FROM node:22-alpine
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000
WORKDIR /app
COPY --from=build /src/package.json ./
COPY --from=build /src/bin ./bin
COPY --from=build /src/dist ./dist
USER node
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${PORT}/-/health" || exit 1
# Exec form: node is PID 1 and gets SIGTERM directly; the relay shuts down gracefully on it.
CMD ["node", "bin/restaurant-menu.js", "serve"]
