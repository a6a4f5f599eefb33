// A boxed table sized to its content, up to the terminal's width. Long cells wrap at word
// boundaries, continuation lines indent under the text's first character, and rows can be
// grouped (no rule between rows of one group). Several tables can share one layout (`fit`), so
// that the tables of a page line up. This module decides the widths, the wrapping and the hanging
// indents, and clips every line first; cli-table3 draws the box around lines that already fit
// (its own word wrap grows with the square of a cell: 48 KB takes 6-9 s on Node 20-24, where
// boxTable() draws a 240 KB dish in 22-37 ms: `npx tsx bench/claims.ts`).
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

let Table: typeof import('cli-table3') | undefined;

/** Loads cli-table3, once, before the first table is drawn (only output in table mode has tables). */
export async function loadTable(): Promise<void> {
  Table ??= (await import('cli-table3')).default;
}

/** A rule across the table (┌─┬─┐, ├─┼─┤, └─┴─┘), which the border colour paints as one piece. */
const RULE = /^[┌├└][─┬┼┴┐┤┘]*$/;
/**
 * cli-table3 checks each cell against every cell above it (for row spans), and re-measures a
 * cell's whole text for each line it draws: it draws lines, one per row, at most this many at once.
 */
const LINES_PER_DRAW = 200;

/**
 * The table, drawn by cli-table3 from lines this module has already clipped, wrapped, indented
 * and padded to `widths`: cli-table3 draws the box (its own wrapping and truncation never act, as
 * every line fits its column). Each line is a cli-table3 row of a compact table, the head's and
 * each group's rows ruled off with cli-table3's rule.
 */
export function boxTable(style: Style, columns: Column[], groups: Row[][], widths = fit(style, columns, groups.flat())): string {
  if (!Table) throw new Error('a table drawn before loadTable()');
  const { c } = style;
  const bar = c.gray('│');
  const options = {
    colWidths: widths.map((w) => w + 2),
    wordWrap: false,
    style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1, compact: true },
    chars: { left: bar, middle: bar, right: bar },
  };
  const draw = (rows: string[][], compact = true) => {
    const table = new Table!({ ...options, style: { ...options.style, compact } });
    table.push(...rows);
    return table.toString().split('\n');
  };
  const blank = widths.map((w) => ' '.repeat(w));
  const [top, , rule, , bottom] = draw([blank, blank], false);
  const out = [top!];
  let pending: string[][] = [];
  const flush = () => {
    for (let i = 0; i < pending.length; i += LINES_PER_DRAW) out.push(...draw(pending.slice(i, i + LINES_PER_DRAW)).slice(1, -1));
    pending = [];
  };
  for (const [g, group] of [[columns.map((col) => [c.bold(col.head)])], ...groups].entries()) {
    if (g > 0) {
      flush();
      out.push(rule!);
    }
    for (const row of group) {
      const cells = widths.map((w, i) => (row[i] ?? []).flatMap((line) => wrapLine(line, w)));
      const height = Math.max(1, ...cells.map((cell) => cell.length));
      for (let y = 0; y < height; y++) pending.push(cells.map((cell, i) => pad(cell[y] ?? '', widths[i]!)));
    }
  }
  flush();
  // A table with no rows still has the rule under its head.
  if (groups.length === 0) out.push(rule!);
  out.push(bottom!);
  return out.map((line) => (RULE.test(line) ? c.gray(line) : line)).join('\n');
}
