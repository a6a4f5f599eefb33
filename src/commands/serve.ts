// `restaurant-menu serve`: the caching relay for the menu API (src/relay/), in one process or
// in worker processes. Loaded lazily: a lookup never parses the relay or its metrics.
import type { CommandSpec } from '../cli/command.js';
import type { Run } from '../cli/run.js';

export const command = {
  name: 'serve',
  description: 'run the caching relay: GET /<path> answered with <upstream>/<path>',
  options: ['host', 'port', 'upstream', 'relayTtl', 'maxStale', 'workers', 'maxEntries', 'maxBytes', 'upstreamTimeout', 'upstreamConcurrency', 'redis', 'redisTimeout', 'logLevel', 'logFormat', 'accessLog'],
  examples: ['restaurant-menu serve --port 8000 --ttl 10s', 'PORT=8080 UPSTREAM_URL=https://... restaurant-menu serve'],
} as const satisfies CommandSpec;

export async function run(run: Run): Promise<number> {
  const { serve } = await import('../relay/main.js');
  return serve(run);
}
