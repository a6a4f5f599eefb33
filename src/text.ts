// Text helpers shared by every part of the tool: neutralising text from the network, folding
// for matching, clipping and wrapping for display, and the two URL rules (which URLs may be
// shown, and how credentials in a URL are hidden).
// Whitespace controls (tab, newline, CR, VT, FF, NEL, line and paragraph separators) read as a
// space; every other C0/C1 control and DEL is shown as a visible, inert character (its Unicode
// control picture, ␛ for ESC; � for C1 controls, which have no picture); bidirectional
// embeddings, overrides and isolates, which could reorder the line they stand on, become �.
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function visible(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/**
 * Makes text from the network safe to print: no byte of it can move the cursor, set a window
 * title, write the clipboard, hide text or reorder a line. Runs of whitespace become one space.
 * Applied where API answers enter the model (api/model.ts), so no renderer can forget it.
 */
export function neutralise(text: string): string {
  return text.replace(WHITESPACE_CONTROLS, ' ').replace(UNSAFE, visible).replace(/ {2,}/g, ' ').trim();
}

/** Case, accents, punctuation and runs of whitespace don't matter: `Jöns  Jacob ` → `jons jacob`. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** At most `max` characters, with an ellipsis when cut; for echoing input and long fields. */
export function clip(text: string, max = 40): string {
  const s = String(text);
  if (s.length <= max) return s;
  // Don't cut a surrogate pair in half.
  const cut = /[\ud800-\udbff]/.test(s[max - 1]!) ? max - 1 : max;
  return `${s.slice(0, cut)}…`;
}

/** User input echoed in a message: neutralised (it may come from a script) and clipped. */
export function quote(text: string, max = 40): string {
  return `'${clip(neutralise(text), max)}'`;
}

const ANSI = /\x1b\[[0-9;]*m|\x1b\]8;;[^\x07\x1b]*(?:\x07|\x1b\\)/g;

// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W/F, by block).
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];
let pictographic: RegExp | undefined;
let zeroWidth: RegExp | undefined;

/**
 * Columns a string takes on a terminal: colour codes and OSC 8 link wrappers take none,
 * combining marks and joiners none, wide CJK and emoji two. A few lines instead of
 * string-width, whose `new Intl.Segmenter()` at load cost ~15 ms of every start-up.
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  // Plain ASCII is the common case, and cheap.
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  pictographic ??= /\p{Extended_Pictographic}/u;
  zeroWidth ??= /[\p{Mn}\p{Me}\p{Cf}\u0000-\u001f\u007f-\u009f\ufe00-\ufe0f]/u;
  const chars = [...plain];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const cp = char.codePointAt(0)!;
    if (zeroWidth.test(char)) continue;
    if (chars[i - 1] === '\u200d') continue; // joined to the emoji before it
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      width += 2; // a flag is two regional indicators, two columns in all
      if (chars[i + 1] && /[\u{1f1e6}-\u{1f1ff}]/u.test(chars[i + 1]!)) i++;
      continue;
    }
    const emoji = pictographic.test(char) && (cp >= 0x1f000 || chars[i + 1] === '\ufe0f');
    width += emoji || WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

/**
 * The largest of some numbers, without spreading them into arguments: `Math.max(...xs)` throws
 * "Maximum call stack size exceeded" for a few hundred thousand of them (200,000 restaurants).
 */
export function largest(values: Iterable<number>, floor = 0): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** Pads to a display width (padEnd counts code units, not columns). */
export function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wraps prose at word boundaries to `width` columns. Continuation lines start with `indent`
 * (a hanging indent); a word longer than a line is cut, as nothing else would fit.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  const room = () => width - (lines.length ? displayWidth(indent) : 0);
  const push = () => {
    lines.push(lines.length ? indent + line : line);
    line = '';
    lineWidth = 0;
  };
  for (const word of text.split(' ')) {
    let w = displayWidth(word);
    if (line && lineWidth + 1 + w > room()) push();
    let rest = word;
    while (w > room() && room() > 0) {
      let [head, tail] = splitAtWidth(rest, room() - lineWidth - (line ? 1 : 0));
      // Not one character fits even an empty line (a wide one in a narrow room): it overflows.
      if (!head && !line) {
        const first = String.fromCodePoint(rest.codePointAt(0)!);
        [head, tail] = [first, rest.slice(first.length)];
      }
      if (!head) {
        push();
        continue;
      }
      line += (line ? ' ' : '') + head;
      push();
      rest = tail;
      w = displayWidth(rest);
    }
    if (!rest) continue;
    line += (line ? ' ' : '') + rest;
    lineWidth += (lineWidth ? 1 : 0) + w;
  }
  if (line || lines.length === 0) push();
  return lines;
}

function splitAtWidth(text: string, width: number): [string, string] {
  let used = 0;
  let i = 0;
  for (const char of text) {
    const w = displayWidth(char);
    if (used + w > width) break;
    used += w;
    i += char.length;
  }
  return [text.slice(0, i), text.slice(i)];
}

/**
 * A URL that may be shown or linked: only `http:` and `https:`, in canonical form (which
 * percent-encodes anything unsafe); anything else, `javascript:` included, is dropped ('').
 */
export function safeUrl(text: string): string {
  if (!text) return '';
  // Already plain: lower-case http(s) and printable ASCII only (the common case, and every cached copy).
  if (/^https?:\/\/[!-~]+$/.test(text)) return text;
  try {
    const url = new URL(text.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/** A URL with its password (and user) hidden, for messages, logs and cache keys. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (!url.username && !url.password) return text;
    url.password = url.password ? '***' : '';
    return url.href.replace(/\/$/, text.endsWith('/') ? '/' : '');
  } catch {
    return text.replace(/\/\/[^/@\s]*@/, '//***@');
  }
}

/** `1 entry`, `2 entries`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `a`, `a or b`, `a, b or c` (or `and`). */
export function joinWords(words: string[], last = 'or'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}
