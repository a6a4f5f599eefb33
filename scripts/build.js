// Bundles the CLI with esbuild, commander, got, chalk, cli-table3 and conf included: one bundle
// instead of ~150 files in node_modules is the biggest single win for start-up time, and it makes
// the published package dependency-free, so `npx restaurant-menu-cli` installs fast and offline
// (docs/design.md, "Choices"). What is heavy or seldom needed (got, conf, chalk, cli-table3, the
// relay) stays behind dynamic import() and lands in its own chunk, so a warm lookup never parses it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

/**
 * `import { readFileSync } from 'node:fs'` in an ES module makes Node build a facade of every
 * export of the built-in, which reads lazy getters such as fs.promises and so loads streams,
 * readline and more: +6, -1 and +18 ms CPU of a start-up on Node 20, 22, 24 (within a busy
 * machine's noise; `npx tsx bench/claims.ts`), for nothing. Bundled, a built-in is instead
 * required (through the banner's createRequire), and its exports read where used.
 */
const builtinsAsRequire = {
  name: 'builtins-as-require',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => ({ contents: `module.exports = require(${JSON.stringify(path)});`, loader: 'js' }));
  },
};

/**
 * The disk cache remembers what the food rules said of each dish text (src/store/dish-memo.ts),
 * for rules with this hash: of every source file src/food/describe.ts is built from, so a change
 * to any of them (the glossary, the rules, fold() in text.ts) makes a new build forget it.
 */
const rulesInputs = await build({ entryPoints: ['src/food/describe.ts'], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'warning' });
const foodRules = createHash('sha256');
for (const file of Object.keys(rulesInputs.metafile.inputs).sort()) foodRules.update(`${file}\0`).update(readFileSync(file));

const common = {
  plugins: [builtinsAsRequire],
  metafile: true,
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.NO_MINIFY !== "1",
  sourcemap: 'linked',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version), __FOOD_RULES__: JSON.stringify(foodRules.digest('hex').slice(0, 16)) },
  // Some bundled CommonJS dependencies call require() on Node built-ins.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  logLevel: 'warning',
};
const cli = await build({ ...common, entryPoints: { cli: 'src/main.ts' }, splitting: true, chunkNames: 'chunks/[name]-[hash]' });
// Shell completion runs the binary on every <TAB>: bin/ loads this small bundle for `__complete`
// instead of cli.js. Built on its own, as one file, so that it shares no chunk with the CLI.
const complete = await build({ ...common, entryPoints: { complete: 'src/completion/complete.ts' } });
const inputs = [...Object.keys(cli.metafile.inputs), ...Object.keys(complete.metafile.inputs)];

// The bundle carries third-party code, so it carries their licence texts too.
const packages = new Map();
for (const input of inputs) {
  const m = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (m && !packages.has(m[1])) packages.set(m[1], JSON.parse(readFileSync(join(m[1], 'package.json'), 'utf8')));
}
const notices = [...packages.entries()]
  .sort(([, a], [, b]) => a.name.localeCompare(b.name))
  .map(([dir, p]) => {
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${p.license}`;
    return `${p.name}@${p.version} (${p.license})\n\n${text}\n`;
  });
writeFileSync('dist/THIRD-PARTY-LICENSES.txt', notices.join(`\n${'-'.repeat(72)}\n\n`));
