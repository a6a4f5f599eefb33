// The package as users get it from a registry: a local Verdaccio (devDependency, no uplinks: it
// reaches nothing beyond this machine) gets the package published as a release would (`npm
// publish` from a copy of the project, so `prepack` builds it there), then, in an empty directory
// with an empty npm cache, `npx --yes restaurant-menu-cli` and `npm install -g` run it against a
// stand-in API. Whatever is bundled or a runtime dependency, npm must resolve it from this
// registry alone, without a warning.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startMenuApi, type MenuApi } from '../helpers/menu-api.js';
import { runBin, sandbox } from '../helpers/binary.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
let api: MenuApi;
let work: string;
let verdaccio: ChildProcess | undefined;
let registry: string;

/** A port nothing listens on now (Verdaccio is given it; it does not report a port 0 it was given). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Waits until Verdaccio answers its ping, or it exits. */
async function ready(url: string, child: ChildProcess, log: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`verdaccio exited ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(`${url}/-/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // polling for readiness, not for a result
  }
}

beforeAll(async () => {
  api = await startMenuApi();
  work = mkdtempSync(join(tmpdir(), 'rm-registry-'));
  const port = await freePort();
  registry = `http://127.0.0.1:${port}`;
  const config = join(work, 'verdaccio.yaml');
  // No uplinks: a package this registry does not hold is not found, never fetched from the internet.
  writeFileSync(
    config,
    [
      `storage: ${join(work, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(work, 'htpasswd')}`,
      'uplinks: {}',
      'packages:',
      "  '**':",
      '    access: $all',
      '    publish: $authenticated',
      'log: { type: stdout, format: pretty, level: warn }',
      '',
    ].join('\n'),
  );
  let log = '';
  verdaccio = spawn(process.execPath, [join(ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio'), '--config', config, '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  verdaccio.stdout!.on('data', (d) => (log += d));
  verdaccio.stderr!.on('data', (d) => (log += d));
  await ready(registry, verdaccio, () => log);
}, 60_000);

afterAll(async () => {
  verdaccio?.kill();
  await api?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('published to a registry, it runs through npx and a global install, in an empty directory with an empty cache, without a warning', async () => {
  // A user for publishing, as a release has one.
  const user = await fetch(`${registry}/-/user/org.couchdb.user:release`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'release', password: 'release-password' }),
  });
  expect(user.status, await user.clone().text()).toBe(201);
  const { token } = (await user.json()) as { token: string };
  const host = registry.replace(/^http:/, '');
  const npmrc = join(work, 'npmrc');
  writeFileSync(npmrc, `registry=${registry}/\n${host}/:_authToken=${token}\n`);
  // Only what this test gives npm: its own config, cache and registry.
  const npmEnv = (cache: string) => ({
    PATH: process.env.PATH!,
    HOME: join(work, 'npm-home'),
    npm_config_userconfig: npmrc,
    npm_config_cache: cache,
    npm_config_registry: `${registry}/`,
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  });
  mkdirSync(join(work, 'npm-home'));

  const copy = join(work, 'project');
  const skip = new Set(['node_modules', 'dist', '.git', 'coverage']);
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !skip.has(src.slice(ROOT.length).split('/')[0]!) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  const publish = spawnSync('npm', ['publish', '--registry', `${registry}/`], { cwd: copy, encoding: 'utf8', env: { ...npmEnv(join(work, 'publish-cache')), npm_config_loglevel: 'warn' } });
  expect(publish.status, publish.stderr).toBe(0);

  // The tarball as published: the bundle, no tests, sources or source maps.
  const pack = spawnSync('npm', ['pack', 'restaurant-menu-cli', '--json', '--pack-destination', work], { cwd: work, encoding: 'utf8', env: npmEnv(join(work, 'pack-cache')) });
  expect(pack.status, pack.stderr).toBe(0);
  const tarball = join(work, JSON.parse(pack.stdout)[0].filename);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
  expect(files).toContain('package/dist/cli.js');
  expect(files.filter((f) => /^package\/(test|src|bench|scripts)\/|\.map$|\.ts$/.test(f))).toEqual([]);

  const box = sandbox();
  try {
    // npx in an empty directory, with an empty cache.
    const empty = join(work, 'empty');
    mkdirSync(empty);
    // Not spawnSync: the stand-in API answers from this process.
    const npx = await runBin(['--yes', '--registry', `${registry}/`, 'restaurant-menu-cli', '--api', api.url, 'Restaurang Bikupan'], { ...box.env, ...npmEnv(join(work, 'npx-cache')) }, ['npx'], empty);
    expect(npx.code, npx.stderr).toBe(0);
    expect(npx.stdout).toContain('Restaurang Bikupan');
    expect(npx.stderr).not.toMatch(/warn/i);

    // A global install into a prefix, again with an empty cache.
    const prefix = join(work, 'prefix');
    const install = spawnSync('npm', ['install', '--global', '--prefix', prefix, '--registry', `${registry}/`, 'restaurant-menu-cli'], {
      cwd: empty,
      encoding: 'utf8',
      env: npmEnv(join(work, 'install-cache')),
    });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/warn/i);
    const bin = [join(prefix, 'bin', 'restaurant-menu')];
    expect((await runBin(['--version'], box.env, bin)).stdout.trim()).toBe(VERSION);
    const r = await runBin(['--api', api.url, 'Restaurang Bikupan', '--json'], box.env, bin);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'found', restaurant: { name: 'Restaurang Bikupan' } });
  } finally {
    box.cleanup();
  }
}, 240_000);
