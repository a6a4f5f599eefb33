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
import { analysedPart } from './limits.js';
import { fold } from '../text.js';

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

const CONJUNCTIONS = new Set(['och', 'eller', '&', 'and', 'or']);

/**
 * The first halves of "X- och Y-soppa" ("Kyckling- och grönsakssoppa"), folded: words written with a
 * trailing hyphen before "och"/"eller". One pass over the text's words.
 */
function suspendedWords(dish: string): Set<string> | undefined {
  if (!dish.includes('- ')) return undefined;
  let found: Set<string> | undefined;
  const words = analysedPart(dish).split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    const word = words[i]!;
    if (word.length > 1 && word.endsWith('-') && CONJUNCTIONS.has(words[i + 1]!.toLowerCase())) {
      (found ??= new Set()).add(fold(word.slice(0, -1)));
    }
  }
  return found;
}

/**
 * An English gloss of the dish, or undefined when the glossary knows none of its food words, or
 * when the dish is not Swedish ("Grilled salmon" needs no "salmon").
 */
export function englishGloss(dish: string): string | undefined {
  // Sets: a hostile dish can name thousands of different items, and each is kept once.
  const items = new Set<string>();
  // "Kyckling- och grönsakssoppa" → "chicken and vegetable soup": the first half waits for the compound.
  const suspended = suspendedWords(dish);
  let pending: string | undefined;
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
    // The second half of "X- och Y-…" is the next word: anything else and X stands alone.
    if (pending && !unit.stop && !(unit.parts ?? unit.entry)) {
      items.add(pending);
      pending = undefined;
    }
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
      // "Ost- och champinjonfyllda …": the second half describes; the first stands alone.
      if (pending) items.add(pending);
      pending = undefined;
      adjectives.add(text);
      continue;
    }
    if (suspended?.has(unit.text)) {
      pending = unit.entry ? modifierGloss(unit.entry) : text;
      continue;
    }
    if (pending) text = `${pending} and ${text}`;
    pending = undefined;
    const item = [without ? 'without' : '', ...adjectives, text].filter(Boolean).join(' ');
    adjectives.clear();
    without = false;
    items.add(item);
  }
  if (pending) items.add(pending);
  // Say each thing once: "Dagens soppa: ärtsoppa" is "pea soup", not "soup, pea soup".
  // The ends of every item after a space, once each: linear in the gloss, however many items.
  const ends = new Set<string>();
  for (const item of items) {
    for (let i = item.indexOf(' '); i >= 0; i = item.indexOf(' ', i + 1)) ends.add(item.slice(i + 1));
  }
  const said = [...items].filter((item) => !ends.has(item));
  return swedish && said.length > 0 ? said.join(', ') : undefined;
}
