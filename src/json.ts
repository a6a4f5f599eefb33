// JSON from the network, parsed as untrusted. V8's JSON.parse takes 2.6-4.3 µs per level of
// nesting on Node 20-24 (three million `[` in a 6 MB body: 8-13 s; `npx tsx bench/claims.ts`),
// all of it on the event loop, where no time limit can interrupt it. So the nesting is counted
// first, in one pass over the text with no allocation, and a text nested deeper than any answer
// of the menu API is refused unparsed.
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET, QUOTE } from './char-codes.js';

/** Deeper than any menu API answer (three levels) or relay entry by a wide margin. */
export const MAX_JSON_DEPTH = 64;

/** Whether the text's objects and arrays nest no deeper than `max` (strings skipped, escapes honoured). */
export function nestingWithin(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > max) return false;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return true;
}

/** The text too deeply nested to be parsed: a SyntaxError, as JSON.parse gives for any text it refuses. */
export class TooDeepError extends SyntaxError {
  constructor(max: number) {
    super(`JSON nested deeper than ${max} levels`);
    this.name = 'TooDeepError';
  }
}

/** JSON.parse for text from the network: refused unparsed (a SyntaxError) when nested deeper than `max`. */
export function parseUntrusted(text: string, max = MAX_JSON_DEPTH): unknown {
  if (!nestingWithin(text, max)) throw new TooDeepError(max);
  return JSON.parse(text);
}

/** What `--json` prints: the value, indented, with a final newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
