// `npm pack` and `npm publish` run `prepack` before packing the files and `postpack` after.
// The packed package.json must carry no install-time script (npm warns about `prepare` when a
// tarball is installed, and the bundle needs no build there), while a clone must still build on
// `npm install`. So: `strip` saves package.json aside and removes its scripts; `restore` puts
// it back. (The same pattern as pinst, which does this for husky's postinstall.)
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const file = new URL('../package.json', import.meta.url);
const saved = new URL('../package.json.prepack', import.meta.url);

if (process.argv[2] === 'strip') {
  const text = readFileSync(file, 'utf8');
  writeFileSync(saved, text);
  const { scripts: _, ...manifest } = JSON.parse(text);
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(saved)) renameSync(saved, file);
} else {
  console.error('usage: node scripts/pack-manifest.js strip|restore');
  process.exit(2);
}
