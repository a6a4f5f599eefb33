// Structured logs: one JSON object per line on stdout, as container platforms expect.
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export type Logger = Record<LogLevel, (msg: string, fields?: Record<string, unknown>) => void>;

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(line)): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  const make = (name: LogLevel) =>
    LOG_LEVELS.indexOf(name) > threshold
      ? () => {}
      : (msg: string, fields: Record<string, unknown> = {}) =>
          write(`${JSON.stringify({ time: new Date().toISOString(), level: name, msg, pid: process.pid, ...fields })}\n`);
  return { error: make('error'), warn: make('warn'), info: make('info'), debug: make('debug') };
}
