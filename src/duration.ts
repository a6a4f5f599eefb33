import { UsageError } from './errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `15m`, `2h`, `1d`, `500ms`, `1h30m`, or a bare number of seconds, into milliseconds. */
export function parseDuration(input: string, what = 'duration'): number {
  const text = String(input).trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = text.match(/^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/) ? text.match(/\d+(?:\.\d+)?(?:ms|s|m|h|d)/g) : null;
  if (!parts) {
    throw new UsageError(`invalid ${what} '${clip(input)}': use a number of seconds or e.g. 90s, 15m, 2h`);
  }
  let total = 0;
  for (const part of parts) {
    const [, value, unit] = part.match(/^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/)!;
    total += Number(value) * UNIT_MS[unit!]!;
  }
  return Math.round(total);
}

/** Human form of a duration for messages: `42 min`, `3 h 5 min`, `12 s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

export function clip(text: string, max = 40): string {
  const s = String(text);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
