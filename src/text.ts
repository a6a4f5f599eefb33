// Text helpers shared by every part of the tool: folding for matching, clipping for messages.

/** Case, accents, punctuation and runs of whitespace don't matter: `Jöns  Jacob ` → `jons jacob`. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
