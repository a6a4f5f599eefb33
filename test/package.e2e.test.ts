// Our proof that `npx restaurant-menu-cli` works: pack the package as npm would publish it,
// install the tarball into a temp prefix (offline: the bundle has no runtime dependencies),
// and run the installed `restaurant-menu` command against the stand-in API.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMenuApi, type MenuApi } from './helpers/menu-api.js';
import { runBin, sandbox } from './helpers/run-cli.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let api: MenuApi;
let work: string;

beforeAll(async () => {
  api = await startMenuApi();
  work = mkdtempSync(join(tmpdir(), 'rm-pack-'));
});
afterAll(async () => {
  await api.close();
  rmSync(work, { recursive: true, force: true });
});

test('npm pack → install → the restaurant-menu command works', () => {
  const npm = (...args: string[]) => execFileSync('npm', args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } });
  // --ignore-scripts: `npm test` has just built dist/ (pretest) with the same script prepack runs;
  // rebuilding here would delete dist/ under the feet of the other test files running the binary.
  const [packed] = JSON.parse(npm('pack', '--json', '--ignore-scripts', '--pack-destination', work));
  const files = packed.files.map((f: { path: string }) => f.path).sort();
  expect(files).toContain('bin/restaurant-menu.js');
  expect(files).toContain('dist/cli.js');
  expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
  expect(files.filter((f: string) => !/^(bin|dist)\/|^(package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
  expect(files.some((f: string) => f.endsWith('.map'))).toBe(false);

  const prefix = join(work, 'prefix');
  npm('install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed.filename));
  return { prefix };
}, 120_000);

test('the installed command looks a restaurant up', async () => {
  const bin = join(work, 'prefix', 'bin', 'restaurant-menu');
  const box = sandbox();
  try {
    const r = await runBin(['--api', api.url, 'sven dufva', '--json'], box.env, [bin]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'found', restaurant: { id: 'dufva' } });
    const v = await runBin(['--version'], box.env, [bin]);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  } finally {
    box.cleanup();
  }
});
