// A short English gloss of a Swedish dish, built word by word from the glossary:
// "Köttbullar med gräddsås, potatismos och lingon" → "meatballs, cream sauce, mashed potatoes, lingonberries".
//
// Never invent: a word the glossary does not know is left out, and so is a compound that does not
// split wholly into known parts (half a compound would be a guess at the other half). For the same
// reason a dish shape right after an unknown word is left out: in "Karl Johan-sås" or "Texmex-gryta"
// it is the end of a name we cannot translate. Adjectives and cooking methods go before the food
// word that follows them ("stekt lax" → "fried salmon") and are dropped when no known food follows.
import { labelWord } from './diet.js';
import { analyse, singular, type Entry } from './glossary.js';

const NEGATIONS = new Set(['utan', 'without']);

/** The gloss of an entry when it modifies the next part of a compound: "potatoes" → "potato" (potatissoppa). */
function modifierGloss(entry: Entry): string {
  const words = entry.gloss.split(' ');
  const last = words.pop()!;
  return [...words, singular(last)].join(' ');
}

// By parts array: the analysis keeps one per word, so a word's compound gloss is built once.
const compoundGlosses = new WeakMap<readonly Entry[], { text: string; adjective: boolean }>();

function compoundGloss(parts: readonly Entry[]): { text: string; adjective: boolean } {
  let gloss = compoundGlosses.get(parts);
  if (!gloss) compoundGlosses.set(parts, (gloss = buildCompoundGloss(parts)));
  return gloss;
}

function buildCompoundGloss(parts: readonly Entry[]): { text: string; adjective: boolean } {
  const free = parts.findIndex((p) => p.flags.includes('x'));
  // "köttfri" → "meat-free", "mjölkfritt" → "milk-free".
  if (free > 0) return { text: `${parts.slice(0, free).map(modifierGloss).join(' ')}-free`, adjective: true };
  const head = parts[parts.length - 1]!;
  const words: string[] = [];
  for (const [i, part] of parts.entries()) {
    const gloss = i === parts.length - 1 ? (head.headGloss ?? head.gloss) : modifierGloss(part);
    // "naanbröd" is naan bread, not "naan bread bread".
    if (gloss && !words.join(' ').endsWith(gloss)) words.push(gloss);
  }
  return { text: words.join(' '), adjective: head.flags.includes('a') };
}

/**
 * An English gloss of the dish, or undefined when the glossary knows none of its food words, or
 * when the dish is not Swedish ("Grilled salmon" needs no "salmon").
 */
export function englishGloss(dish: string): string | undefined {
  // Sets: a hostile dish can name thousands of different items, and each is kept once.
  const items = new Set<string>();
  const adjectives = new Set<string>();
  let without = false;
  let afterUnknown = false;
  let swedish = false;
  let previous: { clause: number; heading: boolean } | undefined;
  for (const unit of analyse(dish)) {
    const newClause = previous !== undefined && unit.clause !== previous.clause;
    // An adjective describes a food in its own clause; a heading's ("Vegetarisk: …") carries over.
    if (newClause && !previous!.heading) {
      adjectives.clear();
      without = false;
    }
    if (newClause) afterUnknown = false;
    previous = unit;
    if (unit.stop) {
      adjectives.clear();
      if (NEGATIONS.has(unit.text)) without = true;
      afterUnknown = false;
      continue;
    }
    // "Veg:", "Fisk:", "Green:" name a menu section, not a food.
    const label = unit.heading ? labelWord(unit.text) : undefined;
    if (label && !label.strong) continue;
    let text: string;
    let adjective: boolean;
    let frame: boolean;
    if (unit.entry) {
      text = unit.entry.gloss;
      adjective = unit.entry.flags.includes('a');
      frame = unit.entry.flags.includes('f');
    } else if (unit.parts) {
      ({ text, adjective } = compoundGloss(unit.parts));
      frame = false;
    } else {
      adjectives.clear();
      afterUnknown = true;
      continue;
    }
    const skip = !text || (frame && afterUnknown);
    afterUnknown = false;
    if (skip) continue;
    if (unit.lang === 'sv' && text.toLowerCase() !== unit.text) swedish = true;
    if (adjective) {
      adjectives.add(text);
      continue;
    }
    const item = [without ? 'without' : '', ...adjectives, text].filter(Boolean).join(' ');
    adjectives.clear();
    without = false;
    items.add(item);
  }
  return swedish && items.size > 0 ? [...items].join(', ') : undefined;
}
