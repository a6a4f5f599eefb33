// The layout's rules, checked on the source (docs/design.md): no import cycle (type imports
// included), no command importing another command, no file of the relay over 180 lines.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sources(SRC);
const name = (path: string) => relative(SRC, path);

/** Each file's imports of other files of src/ (static, dynamic and type-only alike). */
const imports = new Map(
  files.map((file) => {
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/(?:^import\s[^'"]*?from\s+|^export\s[^'"]*?from\s+|import\()\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1]!);
    const targets = specs
      .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, ''))
      .map((base) => [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate)))
      .filter((target): target is string => target !== undefined);
    return [file, targets];
  }),
);

test('no import cycle in src/, type imports included', () => {
  const cycles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    if (path.includes(file)) return void cycles.push([...path.slice(path.indexOf(file)), file].map(name).join(' → '));
    if (done.has(file)) return;
    path.push(file);
    for (const target of imports.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  expect(cycles).toEqual([]);
});

test('no command imports another command (commands/index.ts lists them; results.ts holds their result types)', () => {
  const commands = files.filter((f) => name(f).startsWith('commands/') && !/commands\/(index|results)\.ts$/.test(f));
  expect(commands.length).toBeGreaterThanOrEqual(7);
  const crossing = commands.flatMap((file) => (imports.get(file) ?? []).filter((t) => commands.includes(t)).map((t) => `${name(file)} → ${name(t)}`));
  expect(crossing).toEqual([]);
});

test('no file of the relay is over 180 lines', () => {
  const long = files.filter((f) => name(f).startsWith('relay/')).map((f) => ({ file: name(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 })).filter((f) => f.lines > 180);
  expect(long).toEqual([]);
});
