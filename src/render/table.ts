// A boxed table sized to its content, up to the terminal's width. Long cells wrap at word
// boundaries, continuation lines indent under the text's first character, and rows can be
// grouped (no rule between rows of one group). Several tables can share one layout (`fit`), so
// that the tables of a page line up. Written here rather than with cli-table3, which
// re-measures every cell on every pass (a 240 KB dish took two minutes) and cannot hang an indent.
import { clip, displayWidth, largest, pad, wrap } from '../text.js';
import type { Style } from './style.js';

/** One line of a cell, optionally painted (colour is applied after wrapping, line by line). */
export type CellLine = string | { text: string; paint: (text: string) => string };
export type Cell = CellLine[];
export type Row = Cell[];

export interface Column {
  head: string;
  /** Narrowest the column may be made to fit the terminal. */
  min?: number;
}

/** Longer lines are clipped before layout: a table cell is no place for a novel. */
const MAX_LINE = 300;
/** Lines that start with these (after any indent) hang their continuation under the text after them. */
const MARKER = /^( *)(— |• |★ )/;

const textOf = (line: CellLine) => (typeof line === 'string' ? line : line.text);

/** Column widths: each column's widest line, then the widest shrunk first until the table fits. */
function layout(columns: Column[], rows: Row[], room: number): number[] {
  const natural = columns.map((col, i) =>
    largest(
      rows.flatMap((row) => (row[i] ?? []).map((l) => displayWidth(clip(textOf(l), MAX_LINE)))),
      displayWidth(col.head),
    ),
  );
  // A column is never narrower than its longest word (up to 20), so names wrap between words.
  const longestWord = columns.map((_, i) => largest(rows.flatMap((row) => (row[i] ?? []).flatMap((l) => clip(textOf(l), MAX_LINE).split(' ').map((w) => Math.min(20, displayWidth(w)))))));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= room) return natural;
  let mins = columns.map((col, i) => Math.min(natural[i]!, Math.max(col.min ?? 8, longestWord[i]!)));
  // On a very narrow terminal, words may have to be cut: fall back to the declared minimums,
  // then shrink those too, rather than overflow the line.
  if (sum(mins) > room) mins = columns.map((col, i) => Math.min(natural[i]!, col.min ?? 8));
  if (sum(mins) > room) mins = mins.map((m) => Math.max(3, Math.floor((m * room) / sum(mins))));
  // The smallest cap such that min(natural, max(cap, min)) still fits, found by bisection.
  const width = (cap: number) => natural.map((n, i) => Math.min(n, Math.max(cap, mins[i]!)));
  let lo = 1;
  let hi = Math.max(...natural);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (sum(width(mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  return width(lo);
}

function wrapLine(line: CellLine, width: number): string[] {
  const text = clip(textOf(line), MAX_LINE);
  const match = MARKER.exec(text);
  // An indent is kept on every line (wrap() would drop it); a marker hangs the rest under the text.
  const indent = match?.[1] ?? '';
  const hang = match ? ' '.repeat(displayWidth(match[2]!)) : '';
  const wrapped = wrap(text.slice(indent.length), width - indent.length, hang).map((l) => indent + l);
  return typeof line === 'string' ? wrapped : wrapped.map((text) => line.paint(text));
}

/** The room a table of these columns leaves for its content. */
const contentRoom = (style: Style, columnCount: number) => style.columns - 1 - columnCount * 3;

/** The column widths that fit every row given, for tables that should line up. */
export function fit(style: Style, columns: Column[], rows: Row[]): number[] {
  return layout(columns, rows, contentRoom(style, columns.length));
}

export function boxTable(style: Style, columns: Column[], groups: Row[][], widths = fit(style, columns, groups.flat())): string {
  const { c } = style;
  const border = (s: string) => c.gray(s);
  const rule = (left: string, mid: string, right: string) => border(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right);
  const renderRow = (row: Row) => {
    const cells = widths.map((w, i) => (row[i] ?? []).flatMap((line) => wrapLine(line, w)));
    const height = Math.max(1, ...cells.map((cell) => cell.length));
    const out: string[] = [];
    for (let y = 0; y < height; y++) {
      const parts = cells.map((cell, i) => {
        return ` ${pad(cell[y] ?? '', widths[i]!)} `;
      });
      out.push(border('│') + parts.join(border('│')) + border('│'));
    }
    return out;
  };
  const lines = [rule('┌', '┬', '┐'), ...renderRow(columns.map((col) => [c.bold(col.head)])), rule('├', '┼', '┤')];
  groups.forEach((group, g) => {
    if (g > 0) lines.push(rule('├', '┼', '┤'));
    for (const row of group) for (const line of renderRow(row)) lines.push(line);
  });
  lines.push(rule('└', '┴', '┘'));
  return lines.join('\n');
}
