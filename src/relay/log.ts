// The relay's log: one line per event. JSON lines for log collectors (the default when stdout is
// not a terminal), or readable text on a terminal. Field values are neutralised like any text
// that may come from the network (a hostile content type, a path).
import type { Output } from '../cli/io.js';
import { neutralise } from '../text.js';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;

export interface LoggerOptions {
  level: LogLevel;
  format: 'text' | 'json';
  out: Output;
  now?: () => number;
}

const clean = (value: unknown): unknown => (typeof value === 'string' ? neutralise(value) : value);

function textValue(value: unknown): string {
  const text = typeof value === 'string' ? neutralise(value) : JSON.stringify(value);
  return /[\s"=]/.test(text) ? JSON.stringify(text) : text;
}

export function createLogger(options: LoggerOptions): Logger {
  const threshold = LOG_LEVELS.indexOf(options.level);
  const now = options.now ?? Date.now;
  const line = (level: LogLevel, msg: string, fields: Record<string, unknown>): string => {
    const time = new Date(now()).toISOString();
    if (options.format === 'json') {
      const safe = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined).map(([k, v]) => [k, clean(v)]));
      return `${JSON.stringify({ time, level, msg, pid: process.pid, ...safe })}\n`;
    }
    const rest = Object.entries(fields)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${textValue(v)}`)
      .join(' ');
    return `${time.slice(11, 19)} ${level.padEnd(5)} ${msg}${rest ? `  ${rest}` : ''}\n`;
  };
  // A logger never throws: a line that cannot be written is dropped (the output says so, once;
  // see logOutput in commands/serve.ts). An access-log line is written in a response's `finish`
  // handler, where a throw would be an uncaught exception.
  const write = (text: string) => {
    try {
      options.out.write(text);
    } catch {
      // dropped
    }
  };
  const make = (level: LogLevel) =>
    LOG_LEVELS.indexOf(level) > threshold ? () => {} : (msg: string, fields: Record<string, unknown> = {}) => write(line(level, msg, fields));
  return { error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug') };
}

/** A logger that writes nowhere (tests, and a relay whose log output was closed). */
export const silentLogger: Logger = { error: () => {}, warn: () => {}, info: () => {}, debug: () => {} };
