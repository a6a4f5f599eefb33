// Colour for a terminal, with chalk: the styles the tool uses, or none. Whether there is colour
// is decided once, by style.ts (--color, NO_COLOR, FORCE_COLOR, a terminal); chalk is told that
// decision (`new Chalk({ level })`) and does no detection of its own. chalk is loaded only when
// colour is on (`loadPainter`), so a piped run never parses it.
import type { ChalkInstance } from 'chalk';

export type Paint = (text: string) => string;

export interface Painter {
  /** 1 when colour is on (the 16 basic colours), 0 when off. */
  readonly level: 0 | 1;
  readonly bold: Paint;
  readonly dim: Paint;
  readonly gray: Paint;
  readonly red: Paint;
  readonly green: Paint;
  readonly yellow: Paint;
  readonly cyan: Paint;
}

let chalk: ChalkInstance | undefined;

/** Loads chalk, once, when a painter with colour is to be used. */
export async function loadPainter(painter: Painter): Promise<void> {
  if (painter.level === 0 || chalk) return;
  const { Chalk } = await import('chalk');
  chalk ??= new Chalk({ level: painter.level });
}

function colour(name: Exclude<keyof Painter, 'level'>): Paint {
  return (text) => {
    if (!chalk) throw new Error('colour used before loadPainter()');
    return chalk[name](text);
  };
}

const none: Paint = (text) => text;

export function painter(colourOn: boolean): Painter {
  if (!colourOn) return { level: 0, bold: none, dim: none, gray: none, red: none, green: none, yellow: none, cyan: none };
  return {
    level: 1,
    bold: colour('bold'),
    dim: colour('dim'),
    gray: colour('gray'),
    red: colour('red'),
    green: colour('green'),
    yellow: colour('yellow'),
    cyan: colour('cyan'),
  };
}
