// The character codes that the scanners walking a text with charCodeAt compare against
// (json.ts: JSON nesting; relay/safe-path.ts: request targets).

export const QUOTE = 0x22; // "
export const FRAGMENT = 0x23; // #
export const PERCENT = 0x25; // %
export const DOT = 0x2e; // .
export const SLASH = 0x2f; // /
export const QUERY = 0x3f; // ?
export const OPEN_BRACKET = 0x5b; // [
export const BACKSLASH = 0x5c; // \
export const CLOSE_BRACKET = 0x5d; // ]
export const OPEN_BRACE = 0x7b; // {
export const CLOSE_BRACE = 0x7d; // }
export const DEL = 0x7f;
