// Colour for a terminal: the seven SGR styles the tool uses, or none. Written here rather than
// with chalk, whose colour detection (supports-color) loads node:tty, ~12 ms of every start-up,
// to decide what style.ts decides anyway.

export type Paint = (text: string) => string;

export interface Painter {
  /** 1 when colour is on, 0 when off. */
  readonly level: 0 | 1;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly gray: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

const sgr = (open: number, close: number): Paint => (text) => `\x1b[${open}m${text}\x1b[${close}m`;
const none: Paint = (text) => text;

export function painter(colour: boolean): Painter {
  if (!colour) return { level: 0, bold: none, dim: none, gray: none, red: none, green: none, yellow: none, cyan: none };
  return { level: 1, bold: sgr(1, 22), dim: sgr(2, 22), gray: sgr(90, 39), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39) };
}
