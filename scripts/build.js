// Bundles the CLI with esbuild. One bundle instead of ~150 files in node_modules is the
// biggest single win for start-up time (a warm lookup must stay near `node -e 0`), and it
// makes the published package dependency-free, so `npx restaurant-menu-cli` installs fast.
// Heavy modules (got, conf, the relay) stay behind dynamic import() and land in their own
// chunks, so a warm lookup never parses them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Some bundled CommonJS dependencies call require() on Node built-ins.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
});
