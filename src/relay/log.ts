// The relay's log: one line per event. JSON lines for log collectors (the default when stdout is
// not a terminal), or readable text on a terminal. Field values are neutralised like any text
// that may come from the network (a hostile content type, a path). Where the lines go: stdout,
// for as long as it takes them (logOutput).
import type { Io, Output } from '../cli/io.js';
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
  // see logOutput below). An access-log line is written in a response's `finish`
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

/**
 * The log's output: stdout, until it is closed (a log shipper that restarts, `| head`) or fails
 * (a full disk, `> /dev/full`). Losing the log never stops the relay: it says so once on stderr
 * and goes on serving. A failed write drops that line; later lines are tried again (the disk may
 * be freed), a closed output is not written again. If stderr fails too, nothing more is said.
 */
export function logOutput(io: Pick<Io, 'stdout' | 'stderr' | 'whenStdoutCloses' | 'whenStdoutFails'>): Output {
  let closed = false;
  let said = false;
  const say = (why: string) => {
    if (said) return;
    said = true;
    try {
      io.stderr.write(`restaurant-menu: ${why}; the relay keeps serving without logs\n`);
    } catch {
      // stderr failed as well: nowhere left to say it
    }
  };
  io.whenStdoutCloses?.(() => {
    closed = true;
    say('the log output was closed');
  });
  // A write that fails on the process's stdout (a full disk) drops that line; the next is tried.
  io.whenStdoutFails?.((reason) => {
    say(`cannot write the log: ${reason}`);
    return 'try-next-write';
  });
  return {
    write: (text: string) => {
      if (closed) return;
      try {
        io.stdout.write(text);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException)?.code;
        say(code === 'ENOSPC' ? 'cannot write the log: the disk is full' : `cannot write the log (${code ?? String(error)})`);
      }
    },
  };
}
