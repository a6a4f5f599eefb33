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

/** The indent and marker before a line's text: its continuation lines hang under the text after them. */
function hangOf(text: string): number {
  const match = MARKER.exec(text);
  return match ? displayWidth(match[1]!) + displayWidth(match[2]!) : (/^ */.exec(text)?.[0].length ?? 0);
}

/** What a table's columns need: each column's widest line, and the narrowest it may be made without cutting a word. */
function needs(columns: Column[], rows: Row[]): { natural: number[]; mins: number[] } {
  const natural = columns.map((col, i) =>
    largest(
      rows.flatMap((row) => (row[i] ?? []).map((l) => displayWidth(clip(textOf(l), MAX_LINE)))),
      displayWidth(col.head),
    ),
  );
  // A column is never narrower than its longest word (up to 20) and the indent or bullet before
  // it, so names and dishes wrap between words and a bullet stays with its dish.
  const longestWord = columns.map((col, i) =>
    largest([
      ...col.head.split(' ').map((w) => Math.min(WORD_MAX, displayWidth(w))),
      ...rows.flatMap((row) =>
        (row[i] ?? []).map((l) => {
          const text = clip(textOf(l), MAX_LINE);
          return hangOf(text) + largest(text.split(' ').map((w) => Math.min(WORD_MAX, displayWidth(w))));
        }),
      ),
    ]),
  );
  return { natural, mins: columns.map((col, i) => Math.min(natural[i]!, Math.max(col.min ?? 8, longestWord[i]!))) };
}

/** A word longer than this may be cut to fit a column. */
const WORD_MAX = 20;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Column widths: each column's widest line, then the widest shrunk first until the table fits. */
function layout(columns: Column[], rows: Row[], room: number): number[] {
  const { natural, mins: whole } = needs(columns, rows);
  if (sum(natural) <= room) return natural;
  let mins = whole;
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

/**
 * Whether a table of these columns fits the terminal with every word whole (up to 20 columns
 * long, with its bullet): below that width, `today` and `find` stack each restaurant's name
 * above its dishes instead.
 */
export function holdsWords(style: Style, columns: Column[], rows: Row[]): boolean {
  return sum(needs(columns, rows).mins) <= contentRoom(style, columns.length);
}

function wrapLine(line: CellLine, width: number): string[] {
  const text = clip(textOf(line), MAX_LINE);
  const match = MARKER.exec(text);
  // An indent is kept on every line (wrap() would drop it); a marker starts the first line and
  // the rest hangs under the text after it, so that a marker never stands on a line alone.
  const indent = match?.[1] ?? /^ */.exec(text)![0];
  const marker = match?.[2] ?? '';
  const hang = ' '.repeat(displayWidth(marker));
  const room = Math.max(1, width - displayWidth(indent) - hang.length);
  const wrapped = wrap(text.slice(indent.length + marker.length), room).map((l, i) => indent + (i === 0 ? marker : hang) + l);
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

/**
 * The lines of a group of rows, cell by cell. A cell taller than the rest of its row runs on into
 * the cells below it that are empty (a restaurant's name and "(cached copy)" beside its next
 * dishes), rather than leave a blank line between two dishes of the next column.
 */
export function groupLines(group: Row[], widths: number[]): string[][] {
  const out: string[][] = [];
  const carried: string[][] = widths.map(() => []);
  for (const [r, row] of group.entries()) {
    const next = group[r + 1];
    const cells = widths.map((w, i) => [...carried[i]!.splice(0), ...(row[i] ?? []).flatMap((line) => wrapLine(line, w))]);
    // A cell may run on when the next row of the group leaves its column empty.
    const runsOn = cells.map((_, i) => next !== undefined && (next[i] ?? []).length === 0);
    const fixed = cells.filter((_, i) => !runsOn[i]).map((cell) => cell.length);
    const height = Math.max(1, ...(fixed.length ? fixed : cells.map((cell) => cell.length)));
    for (const [i, cell] of cells.entries()) if (runsOn[i] && cell.length > height) carried[i] = cell.splice(height);
    for (let y = 0; y < height; y++) out.push(cells.map((cell) => cell[y] ?? ''));
  }
  return out;
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
    for (const line of groupLines(group, widths)) pending.push(line.map((text, i) => pad(text, widths[i]!)));
  }
  flush();
  // A table with no rows still has the rule under its head.
  if (groups.length === 0) out.push(rule!);
  out.push(bottom!);
  return out.map((line) => (RULE.test(line) ? c.gray(line) : line)).join('\n');
}
