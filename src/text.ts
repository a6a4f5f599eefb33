// Text helpers shared by every part of the tool: neutralising text from the network, folding
// for matching, clipping and wrapping for display, and the two URL rules (which URLs may be
// shown, and how credentials in a URL are hidden).
// Whitespace controls (tab, newline, CR, VT, FF, NEL, line and paragraph separators) read as a
// space; every other C0/C1 control and DEL is shown as a visible, inert character (its Unicode
// control picture, ␛ for ESC; � for C1 controls, which have no picture). Format characters
// (Unicode category Cf: bidi embeddings, overrides, isolates and marks, zero-width spaces and
// joiners, word joiners, invisible operators, interlinear annotation, tag characters, the soft
// hyphen) could reorder the line they stand on or make two different names look the same: they
// become �, as do the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), letters that look like
// nothing. Two uses of format characters in emoji are kept: a zero-width joiner between two
// pictographs (👩‍🍳) and a flag's tag sequence (🏴 + tags + cancel tag). A character carries at
// most 3 combining marks: enough for Vietnamese (ệ = e + 2), Thai (vowel + tone) and a keycap
// emoji (1 + U+FE0F + U+20E3); the rest of a run (a "zalgo" stack of 400) is dropped, so that
// clipping by display width also bounds the length.
// One pass: a plain scan finds the next character that may need a change (anything but
// printable ASCII and Latin-1, or two spaces), and one sticky expression decides at that place
// (which group matched says what to put instead). Scanning with the Unicode classes themselves
// took 25 times as long on ordinary text (bench/text.ts).
const SUSPECT = /[^\x20-\x7e\u00a0-\u00ac\u00ae-\u02ff]| [ \t\n\v\f\r\u0085\u2028\u2029]/g;
const NEUTRALISE = new RegExp(
  [
    /([\t\n\v\f\r \u0085\u2028\u2029]{2,}|[\t\n\v\f\r\u0085\u2028\u2029])/u.source, // 1: whitespace
    /(\p{M}{3})\p{M}+/u.source, // 2: the marks a character keeps, of a longer run
    // 3: a subdivision flag (🏴 + tag letters + cancel tag), a zero-width joiner between pictographs
    /(\u{1F3F4}[\u{E0020}-\u{E007E}]{1,8}\u{E007F}|\u200D(?<=[\p{Extended_Pictographic}\u{FE0F}\u{1F3FB}-\u{1F3FF}]\u200D)(?=\p{Extended_Pictographic}))/u.source,
    /[\u0000-\u001f\u007f-\u009f\p{Cf}\u115f\u1160\u3164\uffa0]/u.source, // else: a control, format character or filler
  ].join('|'),
  'uy',
);

/** What a match of NEUTRALISE becomes. */
function replacement(m: RegExpExecArray): string {
  if (m[1] !== undefined) return ' ';
  if (m[2] !== undefined) return m[2];
  if (m[3] !== undefined) return m[3];
  const code = m[0].charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return '\ufffd';
}

/**
 * Makes text from the network safe to print: no byte of it can move the cursor, set a window
 * title, write the clipboard, hide text, reorder a line or pass for other text; no character
 * carries more than 3 combining marks. Runs of whitespace become one space. One pass,
 * linear in the text. Applied where API answers enter the model (api/model.ts), so no renderer
 * can forget it.
 */
export function neutralise(text: string): string {
  let out = '';
  let last = 0;
  SUSPECT.lastIndex = 0;
  for (let suspect = SUSPECT.exec(text); suspect; suspect = SUSPECT.exec(text)) {
    let at = suspect.index;
    NEUTRALISE.lastIndex = at;
    let m = NEUTRALISE.exec(text);
    if (!m) {
      // A character that stays (ä, 食, 🍔): step over it, a surrogate pair whole.
      const pair = text.charCodeAt(at) >= 0xd800 && text.charCodeAt(at) <= 0xdbff && text.charCodeAt(at + 1) >= 0xdc00 && text.charCodeAt(at + 1) <= 0xdfff;
      SUSPECT.lastIndex = at + (pair ? 2 : 1);
      continue;
    }
    // Replaced, and so is whatever follows at once (sticky), without scanning again.
    for (; m; m = NEUTRALISE.exec(text)) {
      out += text.slice(last, at) + replacement(m);
      last = at = NEUTRALISE.lastIndex;
    }
    SUSPECT.lastIndex = last;
  }
  return (last ? out + text.slice(last) : text).trim();
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
 * combining marks, joiners, format characters and conjoining Hangul vowels and finals none,
 * wide CJK and emoji two. One pass, linear in the text. A few lines instead of string-width,
 * whose `new Intl.Segmenter()` at load costs 19-28 ms CPU on Node 20-24 (`npx tsx bench/claims.ts`).
 */
export function displayWidth(text: string): number {
  const plain = text.includes('\x1b') ? text.replace(ANSI, '') : text;
  // Plain ASCII is the common case, and cheap.
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  pictographic ??= /\p{Extended_Pictographic}/u;
  // Conjoining Hangul vowels and finals (U+1160-U+11FF, U+D7B0-U+D7FF) join the wide initial
  // before them into one syllable, as wcwidth counts them.
  zeroWidth ??= /[\p{Mn}\p{Me}\p{Cf}\ufe00-\ufe0f\u1160-\u11ff\ud7b0-\ud7ff]/u;
  let width = 0;
  let previous = 0;
  for (let i = 0; i < plain.length; ) {
    const cp = plain.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    const joined = previous === 0x200d; // joined to the emoji before it
    // A skin tone (U+1F3FB-U+1F3FF) after an emoji changes how it looks, not how wide it is.
    const modifier = cp >= 0x1f3fb && cp <= 0x1f3ff && previous >= 0x2000;
    previous = cp;
    if (modifier) continue;
    // ASCII and Latin-1 (å, ä, ö) need no look-up: one column, controls and the soft hyphen none.
    if (cp < 0x300) {
      width += cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xad ? 0 : 1;
      continue;
    }
    const char = String.fromCodePoint(cp);
    if (zeroWidth.test(char) || joined) continue;
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      width += 2; // a flag is two regional indicators, two columns in all
      const next = plain.codePointAt(i) ?? 0;
      if (next >= 0x1f1e6 && next <= 0x1f1ff) i += 2;
      continue;
    }
    const emoji = pictographic.test(char) && (cp >= 0x1f000 || plain.charCodeAt(i) === 0xfe0f);
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
 * (a hanging indent); a word longer than a line is cut, as nothing else would fit, unless
 * `whole` says it must stay whole (a URL, to stay clickable and copyable): it then starts a
 * line of its own, or, longer than any line, stays where it is.
 */
export function wrap(text: string, width: number, indent = '', whole?: (word: string) => boolean): string[] {
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
    // A word to keep whole that no line could hold stays on this one (the terminal folds it).
    const overlong = whole !== undefined && w > width - displayWidth(indent) && whole(word);
    if (line && lineWidth + 1 + w > room() && !overlong) push();
    let rest = word;
    while (w > room() && room() > 0 && !whole?.(rest)) {
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

/**
 * A word that is never cut: a URL or a file's absolute path (to stay clickable and copyable), or
 * one that carries a terminal escape (colour, a link).
 */
const UNCUTTABLE = /^[^\w\s]{0,2}(?:https?:\/\/|\/[^/\s]+\/)|\x1b/;

/**
 * Output for a terminal of `width` columns: a line longer than that is wrapped at word
 * boundaries, its continuation lines indented as the line is, and by `hang` more (or, after a
 * `key  ` column, under the value); lines that fit are left as they are. URLs and words carrying escapes are never cut (they get a line of their
 * own); the terminal folds one longer than the line.
 */
export function fitLines(text: string, width: number, hang = ''): string {
  if (!text) return text;
  return text
    .split('\n')
    .map((line) => {
      if (displayWidth(line) <= width) return line;
      // `key  value` (an exit code, a label and its link): the value wraps under itself, where
      // that leaves it room, and no URL that would fit a line of its own has to stay beside the key.
      const label = /^ *[^ ]+ {2,}(?=[^ ])/.exec(line)?.[0];
      const beside = label === undefined ? 0 : width - displayWidth(label);
      const whole = (word: string) => UNCUTTABLE.test(word);
      const cramped = (word: string) => whole(word) && displayWidth(word) > beside && displayWidth(word) <= width;
      if (label !== undefined && beside >= 12 && !line.slice(label.length).split(' ').some(cramped)) {
        const under = ' '.repeat(displayWidth(label));
        return wrap(line.slice(label.length), beside, '', whole)
          .map((l, i) => (i ? under : label) + l.trimEnd())
          .join('\n');
      }
      const lead = /^ */.exec(line)![0];
      const room = Math.max(1, width - lead.length);
      const wrapped = wrap(line.slice(lead.length), room, hang, (word) => UNCUTTABLE.test(word));
      // Nothing to gain (a URL no line can hold): the line as it was, its padding kept.
      if (wrapped.length === 1) return line;
      return wrapped.map((l) => lead + l.trimEnd()).join('\n');
    })
    .join('\n');
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
