// Durations and sizes as people type them, and back.
import { UsageError } from './errors.js';
import { quote } from './text.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Parses `90s`, `15m`, `2h`, `1d`, `500ms`, `1h30m`, or a bare number of seconds, into milliseconds. */
export function parseDuration(input: string): number {
  const text = String(input).trim().toLowerCase();
  if (/^\d{1,12}(\.\d{1,6})?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = /^(?:\d{1,12}(?:\.\d{1,6})?(?:ms|s|m|h|d))+$/.test(text) ? text.match(/\d+(?:\.\d+)?(?:ms|s|m|h|d)/g) : null;
  if (!parts) throw new UsageError(`invalid duration ${quote(input, 20)}: use a number of seconds or e.g. 90s, 15m, 2h`);
  let total = 0;
  for (const part of parts) {
    const [, value, unit] = part.match(/^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/)!;
    total += Number(value) * UNIT_MS[unit!]!;
  }
  return Math.round(total);
}

/** The canonical text of a duration, as saved and listed: `5s`, `1h30m`, `500ms`, `0s`. */
export function durationText(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const unit of ['d', 'h', 'm', 's', 'ms']) {
    const size = UNIT_MS[unit]!;
    const n = Math.floor(rest / size);
    if (n) text += `${n}${unit}`;
    rest -= n * size;
  }
  return text;
}

/** Human form of a duration for messages: `42 min`, `3 h 5 min`, `12 s`. */
export function formatDuration(ms: number): string {
  if (ms > 0 && ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 ? `${h} h ${min % 60} min` : `${h} h`;
  return `${Math.round(h / 24)} days`;
}

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** Parses `64MB`, `512KB`, `1048576` into bytes. */
export function parseBytes(text: string): number {
  const m = text.trim().toLowerCase().match(/^(\d{1,12}(?:\.\d{1,6})?)\s*([kmg]?b?)$/);
  if (!m) throw new UsageError(`invalid size ${quote(text, 20)}: use bytes or e.g. 64MB, 512KB`);
  return Math.floor(Number(m[1]) * BYTE_UNITS[m[2]!]!);
}

/** Human size: `32 B`, `4.2 KB`, `1.5 MB`. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const [value, unit] = n < 1024 ** 2 ? [n / 1024, 'KB'] : n < 1024 ** 3 ? [n / 1024 ** 2, 'MB'] : [n / 1024 ** 3, 'GB'];
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}
