import { Chalk, supportsColor, type ChalkInstance } from 'chalk';

export type OutputMode = 'table' | 'plain' | 'json';

export interface Style {
  c: ChalkInstance;
  /** Terminal width to fit tables into. */
  columns: number;
}

/**
 * Colour only on a terminal, never with --no-color or NO_COLOR (https://no-color.org: any
 * non-empty value). chalk itself does not read NO_COLOR, so the decision is made here.
 */
export function makeStyle(options: { color: boolean; isTTY: boolean; columns?: number }): Style {
  const noColorEnv = Boolean(process.env.NO_COLOR);
  const enabled = options.color && options.isTTY && !noColorEnv;
  const level = enabled ? (supportsColor ? supportsColor.level : 1) || 1 : 0;
  return { c: new Chalk({ level }), columns: Math.max(20, options.columns || 80) };
}
