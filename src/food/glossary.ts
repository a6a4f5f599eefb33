// The word analysis that diet tags, English glosses and bilingual search share, over the glossary
// (data/glossary.ts). The lookup maps are built on the first call and kept; each dish word's
// analysis is memoised, because the same few thousand words come back in every menu of every day.
import { fold } from '../text.js';
import { ROWS, STOP_WORDS, type FoodClass } from './data/glossary.js';
import { analysedPart, MAX_COMPOUND_CHARS, MAX_MEMO_WORD_CHARS, work } from './limits.js';

export type { FoodClass };

// ── Lookup ────────────────────────────────────────────────────────────────────────────────────

export interface Entry {
  /** Folded Swedish forms; the first is the headword. */
  readonly sv: readonly string[];
  /** The English gloss, as written. */
  readonly gloss: string;
  /** The gloss as the last part of a compound, when it differs ("grönsaksbiff" is a patty, "biff" a steak). */
  readonly headGloss: string | undefined;
  /** Folded English forms (gloss and synonyms). */
  readonly en: readonly string[];
  readonly cls: FoodClass;
  readonly flags: string;
  /** The class of a default-meat dish (flag d) once a filling is named. */
  readonly base: FoodClass | undefined;
}

interface Index {
  readonly entries: readonly Entry[];
  /** Folded Swedish word → entry. */
  readonly sv: Map<string, Entry>;
  /** Swedish compound stems (forms and forms without their final a/e: "gurk", "skink") → entry. */
  readonly stems: Map<string, Entry>;
  /** Singular folded English word → entry. */
  readonly en: Map<string, Entry>;
  /** Multi-word forms by first word, longest first; English ones singular. */
  readonly phrases: Map<string, { words: readonly string[]; entry: Entry; lang: 'sv' | 'en' }[]>;
  readonly stop: Set<string>;
  /** The length of the longest Swedish form or stem: no lookup of a longer text can succeed. */
  readonly longest: number;
  /**
   * The stems as a trie, so that a scan along a word reads each letter once and stops where no stem
   * can go on: node * 65536 + a letter's code → the next node (the root is 0).
   */
  readonly trie: Map<number, number>;
  /** By trie node: the stem that ends there. */
  readonly trieStems: readonly (Entry | undefined)[];
}

/** The trie node after `node` and the letter at word[i], or undefined when no stem goes on so. */
const step = (ix: Index, node: number, word: string, i: number): number | undefined => ix.trie.get(node * 65536 + word.charCodeAt(i));

let index: Index | undefined;
let searchIndex: Map<string, Entry[]> | undefined;

/**
 * fold() for the glossary's own text, which is written in Latin letters, keeping the '|' between
 * forms and the '\n' between rows: the whole column is folded in one call, at native speed, instead
 * of a thousand calls before the JIT warms up. A test checks that fold() leaves every form as it is.
 */
function foldColumn(texts: string[]): string[] {
  return texts
    .join('\n')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9|\n]+/g, ' ')
    .replace(/ ?([|\n]) ?/g, '$1')
    .replace(/^ | $/g, '')
    .split('\n');
}

// Start-up matters (every `today` builds this once): each column is folded in one call, the loops
// are plain, and the English word index that only search needs is built apart, on first use.
function buildIndex(): Index {
  const entries: Entry[] = [];
  const sv = new Map<string, Entry>();
  const stems = new Map<string, Entry>();
  const en = new Map<string, Entry>();
  const phrases: Index['phrases'] = new Map();
  const stop = new Set(STOP_WORDS.split(' '));
  const synonyms: [word: string, entry: Entry][] = [];

  const addPhrase = (words: string[], entry: Entry, lang: 'sv' | 'en') => {
    const list = phrases.get(words[0]!);
    if (list) list.push({ words, entry, lang });
    else phrases.set(words[0]!, [{ words, entry, lang }]);
  };

  const svColumn = foldColumn(ROWS.map((row) => row[0]));
  // The '~' and '^' marks are not letters: folding drops them.
  const enColumn = foldColumn(ROWS.map((row) => row[1]));
  for (let r = 0; r < ROWS.length; r++) {
    const row = ROWS[r]!;
    const flags = row[3] ?? '';
    let svForms = svColumn[r]!.split('|');
    // "ragu|ragù" fold to one form.
    if (svForms.length > 1) svForms = svForms.filter((form, i, all) => all.indexOf(form) === i);
    const enRaw = row[1].split('|');
    const enFolded = enColumn[r]!.split('|');
    const enForms: string[] = [];
    let headGloss: string | undefined;
    for (let i = 0; i < enRaw.length; i++) {
      if (enRaw[i]!.startsWith('^')) headGloss = enRaw[i]!.slice(1);
      const form = enFolded[i]!;
      if (form && !enForms.includes(form)) enForms.push(form);
    }
    const gloss = enRaw[0]!.startsWith('~') ? enRaw[0]!.slice(1) : enRaw[0]!;
    const entry: Entry = { sv: svForms, gloss, headGloss, en: enForms, cls: row[2], flags, base: row[4] };
    entries.push(entry);
    const compoundOnly = flags.includes('c');
    for (let f = 0; f < svForms.length; f++) {
      const form = svForms[f]!;
      if (form.includes(' ')) {
        addPhrase(form.split(' '), entry, 'sv');
        continue;
      }
      // A compound-only stem ("ox", "höns") is never looked up as a word of its own.
      if (!compoundOnly && !sv.has(form)) sv.set(form, entry);
      if (!stems.has(form)) stems.set(form, entry);
      const last = form[form.length - 1];
      if ((last === 'a' || last === 'e') && form.length >= 4) {
        const cut = form.slice(0, -1);
        if (!stems.has(cut)) stems.set(cut, entry);
      }
    }
    for (let i = 0; i < enRaw.length; i++) {
      const form = enFolded[i]!;
      if (!form || enRaw[i]!.startsWith('~')) continue;
      if (form.includes(' ')) {
        addPhrase(form.split(' ').map(singular), entry, 'en');
        continue;
      }
      // An English word that several entries list belongs to the one whose gloss it is ("stew" is
      // gryta, not kalops, which only lists it), else to the first.
      if (i === 0) {
        const word = singular(form);
        if (!en.has(word)) en.set(word, entry);
      } else synonyms.push([singular(form), entry]);
    }
  }
  for (const [word, entry] of synonyms) if (!en.has(word)) en.set(word, entry);
  for (const list of phrases.values()) list.sort((a, b) => b.words.length - a.words.length);
  // Every Swedish form is also a stem.
  let longest = 0;
  const trie = new Map<number, number>();
  const trieStems: (Entry | undefined)[] = [undefined];
  for (const [key, entry] of stems) {
    if (key.length > longest) longest = key.length;
    let node = 0;
    for (let c = 0; c < key.length; c++) {
      const edge = node * 65536 + key.charCodeAt(c);
      let next = trie.get(edge);
      if (next === undefined) {
        next = trieStems.length;
        trieStems.push(undefined);
        trie.set(edge, next);
      }
      node = next;
    }
    trieStems[node] = entry;
  }
  return { entries, sv, stems, en, phrases, stop, longest, trie, trieStems };
}

function getIndex(): Index {
  return (index ??= buildIndex());
}

/** Every content word of an English form (singular) → entries, for search ("potato" → potatismos too). */
function getSearchIndex(): Map<string, Entry[]> {
  if (searchIndex) return searchIndex;
  const ix = getIndex();
  const words = new Map<string, Entry[]>();
  for (const entry of ix.entries) {
    for (const form of entry.en) {
      for (const raw of form.split(' ')) {
        const word = singular(raw);
        if (word.length < 3 || ix.stop.has(word)) continue;
        const list = words.get(word);
        if (!list) words.set(word, [entry]);
        else if (!list.includes(entry)) list.push(entry);
      }
    }
  }
  return (searchIndex = words);
}

/** Every glossary entry, for tests and tools. */
export function glossaryEntries(): readonly Entry[] {
  return getIndex().entries;
}

/** English plural → singular, enough for food words: potatoes → potato, berries → berry, prawns → prawn. */
export function singular(word: string): string {
  if (word.length <= 3 || !word.endsWith('s')) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('oes')) return word.slice(0, -2);
  if (word.endsWith('ches') || word.endsWith('shes') || word.endsWith('sses') || word.endsWith('xes')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.slice(0, -1);
}

// Longest first; a stripped word must still be a known form or stem of at least three letters.
export const SV_ENDINGS = ['arna', 'orna', 'erna', 'na', 'en', 'et', 'ar', 'or', 'er', 'n', 't', 's', 'a', 'e'];
const LONGEST_ENDING = 4;

/** A Swedish word as a whole, allowing regular inflections: "laxen", "köttbullarna", "rödbetor". */
function lookupSv(word: string, ix: Index): Entry | undefined {
  // Longer than any form with its longest ending: nothing to find, and nothing to hash.
  if (word.length > ix.longest + LONGEST_ENDING) return undefined;
  work(word.length);
  const exact = ix.sv.get(word);
  if (exact) return exact;
  for (const ending of SV_ENDINGS) {
    if (!word.endsWith(ending)) continue;
    const stem = word.slice(0, -ending.length);
    if (stem.length < 3) continue;
    work(stem.length);
    const found = ix.sv.get(stem) ?? ix.stems.get(stem);
    if (found && !found.flags.includes('c')) return found;
  }
  return undefined;
}

/**
 * Splits a Swedish compound into known parts, fewest parts first: "kycklinggryta" → kyckling + gryta,
 * "grönsaksbiff" → grönsak + s + biff, "rödbetsbiff" → rödbet(a) + s + biff. Only the last part may be
 * inflected; the others are stems, each optionally followed by the linking "s".
 *
 * Bounded whatever the word: one longer than MAX_COMPOUND_CHARS is not split (no food compound is
 * that long), and each start a split can reach is scanned once along the stems' trie, which no stem
 * follows for more than 18 letters: at most 40 × 18 steps, and a few form lookups for the last part.
 */
function splitCompound(word: string, ix: Index): Entry[] | undefined {
  const n = word.length;
  if (n < 5 || n > MAX_COMPOUND_CHARS) return undefined;
  splitCount.fill(0);
  splitCount.fill(NOT_YET, 0, n - 2); // a part has three letters at least: no split starts after n - 3
  if (solveSplit(word, 0, ix) < 2) return undefined;
  const parts: Entry[] = [];
  for (let i = 0; i < n; i = splitRest[i]!) parts.push(splitFirst[i]!);
  return parts;
}

// For each start i of the word being split: the fewest parts covering word[i..] (0: none do;
// NOT_YET: not worked out), the first part, and where the rest starts. Worked out only for the
// starts a split can reach from the word's start (for most words, a handful), in arrays kept for
// the next word.
const NOT_YET = 255;
const splitCount = new Uint8Array(MAX_COMPOUND_CHARS + 1);
const splitFirst: (Entry | undefined)[] = new Array(MAX_COMPOUND_CHARS + 1);
const splitRest = new Uint8Array(MAX_COMPOUND_CHARS + 1);

function solveSplit(word: string, i: number, ix: Index): number {
  if (splitCount[i] !== NOT_YET) return splitCount[i]!;
  const n = word.length;
  splitCount[i] = 0;
  // Along the trie from i: every stem word[i..j] is a first part, and the scan stops where no stem
  // goes on (reach: the letters of word[i..] that some stem starts with).
  let node: number | undefined = 0;
  let reach = i;
  while (reach < n) {
    work(1);
    node = step(ix, node, word, reach);
    if (node === undefined) break;
    const j = ++reach;
    const stem = ix.trieStems[node];
    if (!stem || j - i < 2 || j > n - 3 || (j - i < 3 && !stem.flags.includes('c'))) continue;
    // The rest starts at j, or after a linking "s"; the first of the fewest parts wins.
    for (let k = j; k <= (word[j] === 's' ? j + 1 : j); k++) {
      const parts = solveSplit(word, k, ix);
      if (parts > 0 && (splitCount[i] === 0 || parts + 1 < splitCount[i]!)) {
        splitCount[i] = parts + 1;
        splitFirst[i] = stem;
        splitRest[i] = k;
      }
    }
  }
  // Or word[i..] is the last part, a form with an ending of at most four letters: one part, fewer
  // than any split.
  if (i > 0 && reach >= n - LONGEST_ENDING) {
    const last = lookupSv(word.slice(i), ix);
    if (last && !last.flags.includes('c')) {
      splitCount[i] = 1;
      splitFirst[i] = last;
      splitRest[i] = n;
    }
  }
  return splitCount[i]!;
}

/** One analysed word (or multi-word phrase) of a dish. */
export interface Unit {
  /** The folded word, or the phrase's words joined by spaces. */
  readonly text: string;
  /** The whole word's entry, when the glossary knows it as a word or phrase. */
  readonly entry: Entry | undefined;
  /** The compound's parts, when the word is not known whole but splits fully into known parts. */
  readonly parts: readonly Entry[] | undefined;
  /** How the word was recognised: by a Swedish form, an English form, or both spell it the same. */
  readonly lang: 'sv' | 'en' | 'both' | undefined;
  readonly stop: boolean;
  /** Index of the clause (split at commas, brackets, slashes, full stops, colons). */
  readonly clause: number;
  /** Before a short heading's colon ("Vegetarisk: …", "Dagens fisk: …"). */
  readonly heading: boolean;
}

interface WordInfo {
  entry: Entry | undefined;
  parts: Entry[] | undefined;
  lang: Unit['lang'];
}

const wordCache = new Map<string, WordInfo>();

function analyseWord(word: string, ix: Index): WordInfo {
  const cached = wordCache.get(word);
  if (cached) return cached;
  const svEntry = lookupSv(word, ix);
  work(word.length);
  const enEntry = ix.en.get(singular(word));
  let info: WordInfo;
  if (svEntry) {
    const lang = enEntry === svEntry || svEntry.en.includes(word) ? 'both' : 'sv';
    info = { entry: svEntry, parts: undefined, lang };
  } else if (enEntry) {
    info = { entry: enEntry, parts: undefined, lang: 'en' };
  } else {
    const parts = splitCompound(word, ix);
    info = { entry: undefined, parts, lang: parts ? 'sv' : undefined };
  }
  // Menus repeat the same words; the caps only guard against unbounded input.
  if (word.length <= MAX_MEMO_WORD_CHARS) {
    if (wordCache.size > 20_000) wordCache.clear();
    wordCache.set(word, info);
  }
  return info;
}

const looseCache = new Map<string, Entry[]>();

/**
 * Known glossary words at the start or the end of a word that does not split fully: "kycklingklubba"
 * has kyckling, "parmaskinka" has skinka. For the diet rules and search, never for glosses.
 */
export function looseParts(word: string): readonly Entry[] {
  let found = looseCache.get(word);
  if (!found) {
    found = findLooseParts(word);
    if (word.length <= MAX_MEMO_WORD_CHARS) {
      if (looseCache.size > 20_000) looseCache.clear();
      looseCache.set(word, found);
    }
  }
  return found;
}

function findLooseParts(word: string): Entry[] {
  const ix = getIndex();
  const found: Entry[] = [];
  // The longest stem the word starts with, leaving three letters at least: a scan along the trie
  // that stops where no stem goes on.
  let head: Entry | undefined;
  let node: number | undefined = 0;
  for (let i = 0; i < word.length - 3; i++) {
    work(1);
    node = step(ix, node, word, i);
    if (node === undefined) break;
    if (i >= 2) head = ix.trieStems[node] ?? head;
  }
  if (head) found.push(head);
  // The longest form (with an ending) the word ends with; no form is longer than ix.longest.
  // Three letters at least before it: "planka" and "lankan" do not end in a duck ("anka").
  for (let i = Math.max(3, word.length - ix.longest - LONGEST_ENDING); i <= word.length - 4; i++) {
    work(3);
    // Every form is three letters at least: one that does not start as a stem does cannot be here.
    const start = step(ix, 0, word, i);
    const second = start === undefined ? undefined : step(ix, start, word, i + 1);
    if (second === undefined || step(ix, second, word, i + 2) === undefined) continue;
    const tail = lookupSv(word.slice(i), ix);
    if (tail) {
      found.push(tail);
      break;
    }
  }
  return found;
}

// Clause breaks: punctuation that separates the parts of a menu line. A hyphen between words is a
// break ("Lax - potatis"), one inside a word is not ("vego-bolognese" folds to two words).
const BREAK = /[()[\]{}]|[,;|•·/–—!?:\n]|\.(?=\s|$)|\s-\s/g;

interface RawWord {
  word: string;
  clause: number;
}

/**
 * The dish's folded words, each with its clause. Words before the first colon are a heading when
 * there are at most four of them, outside brackets ("Dagens vegetariska: …", not "Pasta med (tips: …").
 */
function words(dish: string): { words: RawWord[]; headingEnd: number } {
  const found: RawWord[] = [];
  let clause = 0;
  let depth = 0;
  let headingEnd = -1;
  let colonSeen = false;
  let from = 0;
  const take = (segment: string) => {
    for (const word of fold(segment).split(' ')) if (word) found.push({ word, clause });
  };
  for (const match of dish.matchAll(BREAK)) {
    // Runs of breaks (", (", or a hostile ",,,,") have nothing between them to fold.
    if (match.index > from) take(dish.slice(from, match.index));
    from = match.index + match[0].length;
    const mark = match[0];
    if (mark === '(' || mark === '[' || mark === '{') depth++;
    else if (mark === ')' || mark === ']' || mark === '}') depth = Math.max(0, depth - 1);
    else if (mark === ':' && !colonSeen) {
      colonSeen = true;
      if (found.length > 0 && found.length <= 4 && depth === 0) headingEnd = found.length;
    }
    clause++;
  }
  take(dish.slice(from));
  return { words: found, headingEnd };
}

// describeDish() asks for the diet and the gloss of the same dish, one after the other.
let last: { dish: string; units: readonly Unit[] } | undefined;

/**
 * The dish as analysed words, with multi-word glossary phrases ("pytt i panna") merged into one unit.
 * Only its first MAX_ANALYSED_CHARS characters are read (limits.ts).
 */
export function analyse(dish: string): readonly Unit[] {
  if (last?.dish === dish) return last.units;
  const ix = getIndex();
  const { words: raw, headingEnd } = words(analysedPart(dish));
  const units: Unit[] = [];
  for (let i = 0; i < raw.length; i++) {
    const { word, clause } = raw[i]!;
    const heading = i < headingEnd;
    const phrase = ix.phrases.get(word)?.find(({ words, lang }) =>
      words.every((w, k) => {
        const next = raw[i + k];
        if (next === undefined || next.clause !== clause) return false;
        return (lang === 'en' ? singular(next.word) : next.word) === w;
      }),
    );
    if (phrase) {
      const text = phrase.words.join(' ');
      units.push({ text, entry: phrase.entry, parts: undefined, lang: phrase.lang, stop: false, clause, heading });
      i += phrase.words.length - 1;
      continue;
    }
    // Numbers, prices and weights ("95kr", "150g", "2st"), and single letters (allergen marks: "M", "S", "Ä").
    if (ix.stop.has(word) || /^\d+[a-z]{0,3}$/.test(word) || (word.length === 1 && !ix.sv.has(word))) {
      units.push({ text: word, entry: undefined, parts: undefined, lang: undefined, stop: true, clause, heading });
      continue;
    }
    const info = analyseWord(word, ix);
    units.push({ text: word, entry: info.entry, parts: info.parts, lang: info.lang, stop: false, clause, heading });
  }
  last = { dish, units };
  return units;
}

const partsCache = new Map<string, Entry[] | undefined>();

/**
 * The parts of a word known whole that is also a compound ("potatismos" is potatis + mos), for
 * search; the diet rules and glosses use the whole word's entry.
 */
export function compoundParts(word: string): readonly Entry[] | undefined {
  if (partsCache.has(word)) return partsCache.get(word);
  const parts = word.length >= 6 ? splitCompound(word, getIndex()) : undefined;
  if (word.length <= MAX_MEMO_WORD_CHARS) {
    if (partsCache.size > 20_000) partsCache.clear();
    partsCache.set(word, parts);
  }
  return parts;
}

/** Glossary entries a query word stands for: its Swedish entry, and every entry whose English has the word. */
export function entriesForQueryWord(word: string): { entries: Entry[]; parts: Entry[] | undefined } {
  const ix = getIndex();
  const entries: Entry[] = [];
  const sv = lookupSv(word, ix);
  if (sv) entries.push(sv);
  // "potatis" also finds "Mashed potatoes", as "potato" does: the Swedish word's English words lead to
  // the same entries as the English query would.
  const english = [singular(word), ...(sv?.en.filter((form) => !form.includes(' ')).map(singular) ?? [])];
  for (const key of english) {
    for (const entry of getSearchIndex().get(key) ?? []) if (!entries.includes(entry)) entries.push(entry);
  }
  const parts = sv ? undefined : splitCompound(word, ix);
  return { entries, parts };
}
