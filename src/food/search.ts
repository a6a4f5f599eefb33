// Bilingual dish search for `find`: every query word must match the dish (in any order), in Swedish
// or English, as itself, through the glossary, or as a diet the dish fits.
//
// A query word matches a dish when
// (a) a word of the folded dish is the query word, inflected ("ris" ~ "riset", "ost" ~ "ostar"), or,
//     for a word the glossary does not know, begins it ("tryff" ~ "tryffelpasta"); or a dish word the
//     glossary does not know ends with it, as a compound ends with its head ("ost" ~ "halloumiost").
//     Never a string inside a word: "ris" does not find "Vegetarisk", "ost" not "rostad" or "rostbiff",
//     "pasta" not "pastor". "Risotto" is its own dish, not a compound of "ris": `find ris` leaves it out
//     (`find risotto` finds it);
// (b) it is a glossary word, in either language, and the dish has that glossary entry, as a word, an
//     inflected word or a part of a compound ("chicken" ~ "Kycklinggryta", "lax" ~ "Grilled salmon",
//     "potatoes" ~ "Potatismos"); a Swedish compound query matches when the dish has all its parts
//     ("laxfilé" ~ "Salmon fillet with dill");
// (c) it names a diet and the dish's diet fits it ("vegetarian" ~ "Halloumi med couscous").
import { dietOf } from './diet.js';
import { fitsDiet, type Diet, type DietFilter } from './filter.js';
import { analyse, compoundParts, entriesForQueryWord, looseParts, SV_ENDINGS, type Entry, type Unit } from './glossary.js';
import { fold } from '../text.js';

// "kött" and "meat" follow the meat tag, which includes poultry. A Map: "constructor" is no diet.
const DIET_WORDS = new Map<string, DietFilter>();
for (const [filter, words] of [
  ['vegan', 'vegan vegansk veganska veganskt vaxtbaserad vaxtbaserat plantbased'],
  ['vegetarian', 'vegetarian vegetarisk vegetariska vegetariskt veg veggie vego vegetarianer'],
  ['pescetarian', 'pescetarian pescatarian pescetarisk'],
  ['fish', 'fish fisk'],
  ['meat', 'meat kott'],
] as const) {
  for (const word of words.split(' ')) DIET_WORDS.set(word, filter);
}

interface QueryWord {
  readonly text: string;
  /** Glossary entries the word stands for, in either language. */
  readonly entries: readonly Entry[];
  /** A Swedish compound's parts, all of which the dish must have. */
  readonly parts: readonly Entry[] | undefined;
  readonly diet: DietFilter | undefined;
}

/** A compiled query: build it once per search, match it against every dish. */
export interface DishQuery {
  readonly words: readonly QueryWord[];
}

/** The query's words folded and looked up; undefined when it has no words. */
export function compileQuery(query: string): DishQuery | undefined {
  const texts = fold(query).split(' ').filter(Boolean);
  if (texts.length === 0) return undefined;
  const words = texts.map((text): QueryWord => {
    // Words of one or two letters ("i" in "pytt i panna") only match as text.
    const { entries, parts } = text.length >= 3 ? entriesForQueryWord(text) : { entries: [], parts: undefined };
    return { text, entries, parts, diet: DIET_WORDS.get(text) };
  });
  return { words };
}

/**
 * Whether a text reads as food rather than a restaurant's name: every word of three letters or
 * more is a food word the glossary knows ("kyckling", "chicken curry").
 */
export function looksLikeDish(text: string): boolean {
  const words = compileQuery(text)?.words.filter((w) => w.text.length >= 3) ?? [];
  return words.length > 0 && words.every((w) => w.entries.length > 0 || (w.parts?.length ?? 0) > 0 || w.diet !== undefined);
}

/** Every glossary entry the dish has: whole words, phrases, compound parts, and known ends of unknown words. */
function dishEntries(dish: string): Set<Entry> {
  const found = new Set<Entry>();
  for (const unit of analyse(dish)) {
    if (unit.stop) continue;
    if (unit.entry) {
      found.add(unit.entry);
      for (const part of compoundParts(unit.text) ?? []) found.add(part);
    } else if (unit.parts) {
      for (const part of unit.parts) found.add(part);
    } else {
      for (const part of looseParts(unit.text)) found.add(part);
    }
  }
  return found;
}

/** (a): the query word as a word of the dish, inflected, or (for words the glossary does not know) as their start or end. */
function matchesAsWord(word: QueryWord, units: readonly Unit[]): boolean {
  const known = word.entries.length > 0 || word.parts !== undefined;
  for (const unit of units) {
    for (const text of unit.text.split(' ')) {
      if (text === word.text) return true;
      if (text.length <= word.text.length) continue;
      if (text.startsWith(word.text)) {
        const rest = text.slice(word.text.length);
        if (!known || SV_ENDINGS.includes(rest)) return true;
      }
      // A compound head: only in a word the glossary does not know (a known one is matched by its parts).
      if (!unit.stop && !unit.entry && !unit.parts && text.length - word.text.length >= 2 && text.endsWith(word.text)) return true;
    }
  }
  return false;
}

/** Whether the dish matches every word of the query; only the part of it the rules read counts (limits.ts). */
export function matchesDish(query: DishQuery, dish: string): boolean {
  const units = analyse(dish);
  // Analysed only when a word does not match as text, and then once for all words.
  let entries: Set<Entry> | undefined;
  let diet: Diet | undefined | null = null;
  return query.words.every((word) => {
    if (matchesAsWord(word, units)) return true;
    if (word.entries.length > 0 || word.parts) {
      entries ??= dishEntries(dish);
      const have = entries;
      if (word.entries.some((e) => have.has(e))) return true;
      if (word.parts?.every((e) => have.has(e))) return true;
    }
    if (word.diet) {
      if (diet === null) diet = dietOf(dish);
      return fitsDiet(diet, word.diet);
    }
    return false;
  });
}
