// Pieces every renderer uses: the result shape, JSON, tab-separated records, prose that wraps,
// the restaurant list, dish labels and the "where to go" links.
import { jsonText } from '../json.js';
import type { Restaurant } from '../api/model.js';
import { dietLabel, type DishInfo } from '../menu/dishes.js';
import type { RegionGroup } from '../menu/restaurants.js';
import type { Warning } from '../menu/source.js';
import { displayWidth, largest, pad, safeUrl, wrap } from '../text.js';
import { link, type Style } from './style.js';
import type { CellLine } from './table.js';

/** What a renderer hands back: text for stdout, and notes for stderr (printed after it). */
export interface Rendered {
  stdout: string;
  notes: string[];
}

/** Lines as output: each ends with a newline; no lines, no output. */
export function lines(list: string[]): string {
  return list.length ? `${list.join('\n')}\n` : '';
}

/** `--json` output of a command that read the menu API: the result, and what its answers lacked (docs/output.md). */
export function jsonWithWarnings(result: object, warnings: Warning[]): string {
  return jsonText({ ...result, warnings });
}

export const rendered = (stdout: string, notes: string[] = []): Rendered => ({ stdout, notes });

/** One tab-separated record. Fields from the network hold no tab or newline (the model saw to it). */
const TAB_OR_NEWLINE = /[\t\r\n]/;
export const tsv = (...fields: string[]) => fields.map((f) => (TAB_OR_NEWLINE.test(f) ? f.replace(/[\t\r\n]+/g, ' ') : f)).join('\t');

/** The fields that start every tab-separated record about a restaurant. */
export const restaurantFields = (r: Restaurant) => [r.region, r.id, r.name];

/**
 * A dish as a tab-separated record: region, id, name, dish, diet, English gloss (with
 * --english), map, homepage, menu page. The same columns wherever a dish is printed.
 */
export function dishRecord(style: Style, r: Restaurant, info: DishInfo): string {
  // With --color always (or FORCE_COLOR) the records are coloured as a table would be; the fields stay the same.
  const tags = info.tags.map((tag) => style.c[LABEL_COLOURS[tag]](tag)).join(',');
  return tsv(r.region, r.id, style.c.bold(r.name), info.dish, tags, style.english ? (info.english ?? '') : '', r.mapUrl, r.homepage, r.menuUrl);
}

/** Prose for a terminal: wrapped at word boundaries to its width. */
export function prose(style: Style, text: string, paint: (s: string) => string = (s) => s): string[] {
  return wrap(text, style.columns).map((line) => paint(line));
}

const LABEL_COLOURS = { vegan: 'green', vegetarian: 'green', fish: 'cyan', meat: 'red' } as const;

/**
 * Below this many columns a Diet column would squeeze the dishes: the label then follows the
 * dish, in brackets, instead.
 */
const DIET_COLUMN_FROM = 64;

/** Whether a table of these dishes has a Diet column (some dish has a label, and there is room). */
export function dietColumn(style: Style, infos: DishInfo[]): boolean {
  return style.columns >= DIET_COLUMN_FROM && infos.some((d) => dietLabel(d));
}

/** A dish's diet as a coloured word (text, so it reads without colour), or '' when unknown. */
export function dietCell(style: Style, info: DishInfo): string {
  const label = dietLabel(info);
  return label ? style.c[LABEL_COLOURS[label]](label) : '';
}

/**
 * A dish's lines in a table cell: the text (after a bullet where a restaurant's dishes share a
 * cell column; with its diet in brackets when the table has no Diet column), then its English
 * gloss (dim) with --english.
 */
export function dishCell(style: Style, info: DishInfo, how: { bullet?: boolean; withLabel?: boolean } = {}): CellLine[] {
  const label = how.withLabel ? dietLabel(info) : undefined;
  const out: CellLine[] = [`${how.bullet ? '• ' : ''}${info.dish}${label ? ` (${label})` : ''}`];
  if (style.english && info.english) out.push({ text: `${how.bullet ? '  ' : ''}— ${info.english}`, paint: style.c.dim });
  return out;
}

const LINK_TEXT_MAX = 40;

/**
 * A link's short text says what the link is, not which field it came in: its host (without
 * `www.`) and the start of its path, so a "map" link to evil.example/phish reads as that. A host
 * too long to show whole loses its start, never its end (the end names whose site it is).
 */
export function linkText(url: string): string {
  const u = new URL(url);
  let host = u.hostname.replace(/^www\./, '');
  if (host.length > LINK_TEXT_MAX) host = `…${host.slice(-(LINK_TEXT_MAX - 1))}`;
  const path = u.pathname.replace(/\/$/, '');
  const room = LINK_TEXT_MAX - host.length;
  return host + (path.length <= room ? path : room > 1 ? `${path.slice(0, room - 1)}…` : '');
}

export function whereToGo(style: Style, r: Pick<Restaurant, 'homepage' | 'mapUrl' | 'menuUrl'>): string[] {
  const out: string[] = [];
  const add = (label: string, url: string) => {
    const safe = safeUrl(url);
    if (safe) out.push(`${style.c.dim(label.padEnd(10))}${link(style, safe, linkText(safe))}`);
  };
  add('Homepage', r.homepage);
  add('Map', r.mapUrl);
  if (r.menuUrl && r.menuUrl !== r.homepage) add('Menu page', r.menuUrl);
  return out;
}

/** The restaurant list on a terminal: a heading per region, identifier and name per line. */
export function listLines(style: Style, groups: RegionGroup<Restaurant>[], headings = true): string[] {
  let idWidth = 4;
  for (const g of groups) for (const r of g.restaurants) idWidth = Math.max(idWidth, displayWidth(r.id));
  const out: string[] = [];
  for (const group of groups) {
    if (out.length) out.push('');
    if (headings) out.push(style.c.bold(`${group.region} (${group.restaurants.length})`));
    // A name too long for the line wraps under itself, not under the identifiers. Where the
    // names' column cannot hold their words whole (a narrow terminal), each name goes under its
    // identifier instead, with the whole width.
    const room = style.columns - idWidth - 4;
    const stacked = room < Math.min(24, largest(group.restaurants.flatMap((r) => r.name.split(' ').map(displayWidth))));
    const hang = ' '.repeat(stacked ? 4 : idWidth + 4);
    for (const r of group.restaurants) {
      const [first, ...rest] = wrap(r.name, stacked ? Math.max(8, style.columns - 4) : room);
      if (stacked) out.push(`  ${style.c.cyan(r.id)}`, `${hang}${first}`, ...rest.map((l) => hang + l));
      else out.push(`  ${style.c.cyan(pad(r.id, idWidth))}  ${first}`, ...rest.map((l) => hang + l));
    }
  }
  return out;
}

export function listRecords(groups: RegionGroup<Restaurant>[]): string[] {
  return groups.flatMap((g) => g.restaurants.map((r) => tsv(...restaurantFields(r))));
}

/** `Sven Dufva (dufva)`, for notes. */
export const named = (r: Restaurant) => `${r.name} (${r.id})`;
