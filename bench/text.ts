// neutralise() and displayWidth() on every string from the network: their time on 1 MB of
// ordinary and of hostile text, against the three-pass neutralise() and the per-character
// displayWidth() they replaced (copied below as the baseline), measured alternately in one run;
// and 2 MB against 1 MB, which a linear function keeps near 2.
//   npx tsx bench/text.ts [--runs 15]
import { parseArgs } from 'node:util';
import { displayWidth, neutralise } from '../src/text.js';
import { median } from './lib.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } });
const runs = Number(values.runs);

// The baseline: neutralise() and displayWidth() as they were before issue 18.
function neutraliseBefore(text: string): string {
  const visible = (char: string) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  };
  return text
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, visible)
    .replace(/ {2,}/g, ' ')
    .trim();
}
const WIDE: [number, number][] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6], [0x20000, 0x3fffd],
];
function displayWidthBefore(plain: string): number {
  if (/^[\x20-\x7e]*$/.test(plain)) return plain.length;
  const pictographic = /\p{Extended_Pictographic}/u;
  const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}\u0000-\u001f\u007f-\u009f\ufe00-\ufe0f]/u;
  const chars = [...plain];
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const cp = char.codePointAt(0)!;
    if (zeroWidth.test(char)) continue;
    if (chars[i - 1] === '\u200d') continue;
    if (cp >= 0x1f1e6 && cp <= 0x1f1ff) {
      width += 2;
      if (chars[i + 1] && /[\u{1f1e6}-\u{1f1ff}]/u.test(chars[i + 1]!)) i++;
      continue;
    }
    const emoji = pictographic.test(char) && (cp >= 0x1f000 || chars[i + 1] === '\ufe0f');
    width += emoji || WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1;
  }
  return width;
}

const MB = 1024 * 1024;
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const inputs: Record<string, string> = {
  'ordinary dishes': fill('Köttbullar med gräddsås, potatismos och rårörda lingon 🍔 ', MB),
  'hostile mix': fill(`a\u200b${'\u0301'.repeat(10)} \n\t\u001b`, MB),
  'zalgo stack': `e${'\u0301'.repeat(MB - 1)}`,
};

function time(f: () => unknown): number {
  const started = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median ms of each function, run alternately. */
function alternate(fns: Record<string, () => unknown>): Record<string, number> {
  for (const f of Object.values(fns)) for (let i = 0; i < 3; i++) f(); // warm up (the regexp tiers up)
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) for (const [name, f] of Object.entries(fns)) times[name]!.push(time(f));
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`median of ${runs} runs each, 1 MB inputs (node ${process.version})\n`);
console.log('input              neutralise  before     ratio   displayWidth  before      ratio');
for (const [name, text] of Object.entries(inputs)) {
  const t = alternate({
    neutralise: () => neutralise(text),
    neutraliseBefore: () => neutraliseBefore(text),
    width: () => displayWidth(text),
    widthBefore: () => displayWidthBefore(text),
  });
  console.log(
    `${name.padEnd(18)} ${ms(t.neutralise!).padStart(10)}  ${ms(t.neutraliseBefore!).padStart(9)}  ${(t.neutralise! / t.neutraliseBefore!).toFixed(2).padStart(6)}x  ${ms(t.width!).padStart(12)}  ${ms(t.widthBefore!).padStart(9)}  ${(t.width! / t.widthBefore!).toFixed(2).padStart(6)}x`,
  );
}

const hostile = inputs['hostile mix']!;
const doubled = hostile + hostile;
const linear = alternate({ one: () => neutralise(hostile), two: () => neutralise(doubled), w1: () => displayWidth(hostile), w2: () => displayWidth(doubled) });
console.log(`\n2 MB / 1 MB of the hostile mix (linear: ~2): neutralise ${(linear.two! / linear.one!).toFixed(2)}, displayWidth ${(linear.w2! / linear.w1!).toFixed(2)}`);
