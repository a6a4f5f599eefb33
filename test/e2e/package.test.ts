// Our proof that the package works as users get it: pack it as npm would publish it (from a
// copy of the project, so the build that `prepack` runs does not touch the dist/ other test
// files are running), check what is in it, install the tarball into a temp prefix (offline: the
// bundle has no runtime dependencies) without a warning, and run the installed command.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { runBin, sandbox } from '../helpers/binary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
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

test('npm pack → install without a warning → the installed restaurant-menu works', async () => {
  const copy = join(work, 'project');
  const skip = new Set(['node_modules', 'dist', '.git', 'coverage']);
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !skip.has(src.slice(ROOT.length).split('/')[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const npm = (cwd: string, ...args: string[]) => execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'warn' } });

  const [packed] = JSON.parse(npm(copy, 'pack', '--json', '--pack-destination', work));
  const files = packed.files.map((f: { path: string }) => f.path).sort();
  expect(files).toContain('bin/restaurant-menu.js');
  expect(files).toContain('dist/cli.js');
  expect(files).toContain('dist/complete.js');
  expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
  expect(files.filter((f: string) => !/^(bin|dist)\/|^(package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
  expect(files.some((f: string) => f.endsWith('.map'))).toBe(false);
  // The packed manifest has no install-time script; the project's own still builds on `npm install`.
  const manifest = JSON.parse(execFileSync('tar', ['-xOzf', join(work, packed.filename), 'package/package.json'], { encoding: 'utf8' }));
  expect(manifest.scripts).toBeUndefined();
  expect(JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).scripts.prepare).toBe('npm run build');

  const prefix = join(work, 'prefix');
  const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], { encoding: 'utf8' });
  expect(install.status, install.stderr).toBe(0);
  expect(install.stderr).not.toMatch(/warn/i);

  const bin = join(prefix, 'bin', 'restaurant-menu');
  const box = sandbox();
  try {
    const r = await runBin(['--api', api.url, 'sven dufva', '--json'], box.env, [bin]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'found', restaurant: { id: 'dufva' } });
    expect((await runBin(['--version'], box.env, [bin])).stdout.trim()).toBe(manifest.version);
    // Shell completion, through its own bundle, from the cache the lookup filled.
    expect((await runBin(['__complete', '0', '--', 'sven'], box.env, [bin])).stdout).toBe('Sven Dufva\n');
  } finally {
    box.cleanup();
  }
}, 120_000);
