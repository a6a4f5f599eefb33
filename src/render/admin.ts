// Output of the housekeeping commands (`cache ...`, `config ...`).
import type { CacheCleared, CacheInfo, CachePathResult, ConfigResult, SettingRow } from '../commands/results.js';
import { formatBytes } from '../duration.js';
import { displayWidth, pad, plural } from '../text.js';
import { describeAge } from './wording.js';
import { jsonText } from '../json.js';
import { lines, rendered, tsv, type Rendered } from './common.js';
import type { Style } from './style.js';

/** Local date and time, minutes precision: `2026-11-28 09:15`. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Aligned `key  value` lines for a terminal, `key⇥value` records when piped. */
function keyValues(style: Style, rows: [string, string][]): string {
  if (style.mode === 'plain') return lines(rows.map((r) => tsv(...r)));
  const width = Math.max(...rows.map(([k]) => displayWidth(k)));
  return lines(rows.map(([k, v]) => `${style.c.dim(pad(k, width))}  ${v}`));
}

export function renderCachePath(result: CachePathResult, style: Style): Rendered {
  return rendered(style.mode === 'json' ? jsonText(result) : lines([result.file]));
}

export function renderCacheInfo(info: CacheInfo, style: Style, now: number): Rendered {
  const notes = info.problem ? [`the cache file is damaged (${info.problem}); it is ignored and will be rebuilt`] : [];
  if (style.mode === 'json') return rendered(jsonText(info), notes);
  const when = (iso: string | null) => (iso === null ? '-' : style.mode === 'plain' ? iso : `${localTime(iso)} (${describeAge(Date.parse(iso), now)})`);
  return rendered(
    keyValues(style, [
      ['file', info.file],
      ['state', info.state],
      ['entries', String(info.entries)],
      ['size', style.mode === 'plain' ? String(info.bytes) : formatBytes(info.bytes)],
      ['oldest', when(info.oldest)],
      ['newest', when(info.newest)],
    ]),
    notes,
  );
}

export function renderCacheCleared(result: CacheCleared, style: Style): Rendered {
  if (style.mode === 'json') return rendered(jsonText(result));
  return rendered(lines([`removed ${plural(result.removed, 'cached entry', 'cached entries')} from ${result.file}`]));
}

/** A bad value is shown as found; the note says why, and that commands using it will refuse it. */
function invalidNotes(rows: SettingRow[]): string[] {
  return rows.filter((r) => r.invalid).map((r) => `${r.invalid} (commands that use ${r.key} refuse it until it is fixed)`);
}

function origin(row: SettingRow): string {
  return row.from === 'env' ? `from ${row.env}` : row.from;
}

export function renderConfig(result: ConfigResult, style: Style): Rendered {
  if (style.mode === 'json') return rendered(jsonText(result));
  switch (result.status) {
    case 'config_path':
      return rendered(lines([result.file]));
    case 'config_get': {
      const row = result.setting;
      // Piped: the value alone, for `$(restaurant-menu config get api)`.
      if (style.mode === 'plain') return rendered(lines([row.value]), invalidNotes([row]));
      const from = row.invalid ? style.c.red(`(${origin(row)}, invalid)`) : style.c.dim(`(${origin(row)})`);
      return rendered(lines([`${row.value || style.c.dim('none')}  ${from}`]), invalidNotes([row]));
    }
    case 'config_set':
      return rendered(lines([`${result.key} = ${result.value}`]));
    case 'config_unset':
      return rendered(lines(result.removed ? [`removed the saved ${result.key}`] : []), result.removed ? [] : [`${result.key} was not saved; nothing to remove`]);
    case 'config_list': {
      const rows = result.settings;
      const notes = invalidNotes(rows);
      if (style.mode === 'plain') return rendered(lines(rows.map((r) => tsv(r.key, r.value, r.from))), notes);
      const keyWidth = Math.max(...rows.map((r) => displayWidth(r.key)));
      const valueWidth = Math.min(48, Math.max(...rows.map((r) => displayWidth(r.value))));
      const fromText = (r: SettingRow) => (r.invalid ? `${origin(r)}, invalid` : origin(r));
      const from = (r: SettingRow, text = fromText(r)) => (r.invalid ? style.c.red(text) : style.c.dim(text));
      // Where the three columns do not fit the terminal, each value is followed by its origin in
      // parentheses instead of lining the origins up (a long value then wraps under itself).
      const fits = keyWidth + 2 + valueWidth + 2 + Math.max(...rows.map((r) => displayWidth(fromText(r)))) <= style.columns;
      const row = fits
        ? (r: SettingRow) => `${pad(r.key, keyWidth)}  ${pad(r.value, valueWidth)}  ${from(r)}`
        : (r: SettingRow) => `${pad(r.key, keyWidth)}  ${r.value ? `${r.value} ` : ''}${from(r, `(${fromText(r)})`)}`;
      return rendered(lines(rows.map(row)), notes);
    }
  }
}
