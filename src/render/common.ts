import Table from 'cli-table3';
import type { Restaurant } from '../api/model.js';
import type { RegionGroup } from '../commands/show.js';
import type { Style } from './style.js';

/** What a renderer hands back: text for stdout and one-line notes for stderr. */
export interface Rendered {
  stdout: string;
  stderr: string[];
}

export const tsv = (...fields: string[]) => fields.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t');

/** A boxed table no wider than the terminal; long cells wrap (cli-table3 measures å/ä/ö and emoji). */
export function boxTable(style: Style, head: string[], rows: string[][], weights: number[]): string {
  const width = Math.min(style.columns, 120);
  // Each column costs its content plus 2 padding and 1 border; one more border closes the row.
  const inner = width - 1 - head.length * 3;
  const total = weights.reduce((a, b) => a + b, 0);
  const colWidths = weights.map((w) => Math.max(6, Math.floor((inner * w) / total)) + 2);
  const table = new Table({
    head: head.map((h) => style.c.bold(h)),
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: style.c.level ? ['gray'] : [] },
  });
  table.push(...rows);
  return table.toString();
}

export function whereToGo(style: Style, r: Pick<Restaurant, 'homepage' | 'mapUrl' | 'menuUrl'>): string[] {
  const lines: string[] = [];
  const add = (label: string, url: string) => url && lines.push(`${style.c.dim(label.padEnd(10))}${url}`);
  add('Homepage', r.homepage);
  add('Map', r.mapUrl);
  if (r.menuUrl && r.menuUrl !== r.homepage) add('Menu page', r.menuUrl);
  return lines;
}

export function listLines(style: Style, groups: RegionGroup[]): string[] {
  const idWidth = Math.max(...groups.flatMap((g) => g.restaurants.map((r) => r.id.length)), 4);
  const lines: string[] = [];
  for (const group of groups) {
    if (lines.length) lines.push('');
    lines.push(style.c.bold(`${group.region} (${group.restaurants.length})`));
    for (const r of group.restaurants) lines.push(`  ${style.c.cyan(r.id.padEnd(idWidth))}  ${r.name}`);
  }
  return lines;
}

export function listTsv(groups: RegionGroup[]): string[] {
  return groups.flatMap((g) => g.restaurants.map((r) => tsv(g.region, r.id, r.name)));
}

export function names(restaurants: Restaurant[], max = 3): string {
  const shown = restaurants.slice(0, max).map((r) => `${r.name} (${r.id})`);
  return restaurants.length > max ? `${shown.join(', ')}, …` : shown.join(' or ');
}
