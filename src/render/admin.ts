// Output of the housekeeping commands (`cache info`, `config list`).
import type { CacheInfo } from '../commands/cache.js';
import type { SettingRow } from '../commands/config.js';
import { SETTINGS } from '../config.js';
import { tsv, type Rendered } from './common.js';
import type { OutputMode } from './style.js';

const json = (value: unknown): Rendered => ({ stdout: `${JSON.stringify(value, null, 2)}\n`, stderr: [] });

export function renderCacheInfo(info: CacheInfo, mode: OutputMode): Rendered {
  if (mode === 'json') return json(info);
  const rows: [string, string][] = [
    ['file', info.file],
    ['entries', String(info.entries)],
    ['size', `${(info.bytes / 1024).toFixed(1)} KiB`],
    ['oldest', info.oldest ?? '-'],
    ['newest', info.newest ?? '-'],
  ];
  const lines = mode === 'plain' ? rows.map((r) => tsv(...r)) : rows.map(([k, v]) => `${k.padEnd(8)} ${v}`);
  return { stdout: `${lines.join('\n')}\n`, stderr: [] };
}

export function renderConfigList(rows: SettingRow[], mode: OutputMode): Rendered {
  if (mode === 'json') return json(rows);
  const lines =
    mode === 'plain'
      ? rows.map((r) => tsv(r.key, r.value, r.from))
      : rows.map((r) => `${r.key.padEnd(12)} ${r.value}  (${r.from === 'env' ? SETTINGS[r.key].env : r.from})`);
  return { stdout: `${lines.join('\n')}\n`, stderr: [] };
}
