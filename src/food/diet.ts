// Diet tags inferred from a dish's text. Pure and table-tested (test/unit/food-diet.test.ts), with a
// hand-labelled set of dishes that measures precision and recall.
//
// The rules, in order:
// 1. An explicit label wins ("Vegetarisk: …", "(V)", "🌱", "Dagens fisk: …", a leading "Vegansk …"),
//    unless it only says an alternative exists ("finns även vegetarisk").
// 2. Meat or poultry anywhere → meat (also with fish); fish or seafood → fish. Hidden products count
//    (kycklingbuljong, fisksås, bacon in a soup). Words that are neutralised do not: substitutes and
//    their modifiers ("sojafärs", "vegansk bacon", "vegetarisk korv"), negations ("utan kött", "sin carne",
//    "köttfri").
// 3. A dish type that is meat by default (lasagne, kebab, burgare, biff) is meat unless a filling is
//    named ("spenatlasagne", "halloumiburgare", "kebab på oumph").
// 4. Otherwise a closed world: vegetarian or vegan when every food word is known, at least
//    one shows what the dish is, and no word could hide meat (an unknown noun, stock, gravy; stop words
//    and unknown describing words such as "saffransdoftande" cannot). Dairy, egg or honey make it
//    vegetarian; none of them, vegan. When in doubt: no tag. Calling a meat dish vegetarian is the
//    error that hurts, so the rules give up recall for precision. Measured on real dishes in
//    test/unit/food-real.test.ts (docs/food.md).
import { tagsOf, type Diet, type DietTag } from './filter.js';
import { analyse, looseParts, type Entry, type FoodClass, type Unit } from './glossary.js';
import { isClipped, MAX_MEMO_WORD_CHARS, work, analysedPart } from './limits.js';

/** `['vegan', 'vegetarian']`, `['vegetarian']`, `['fish']`, `['meat']`, or `[]` when the text does not tell. */
export function dietTags(dish: string): DietTag[] {
  return tagsOf(dietOf(dish));
}

// ── Labels ──────────────────────────────────────────────────────────────────────────────────────

// Strong labels mean a diet wherever they stand; weak ones are also ordinary words ("veg" is
// vegetables, "fisk" is fish, "gröna" is green), so they count only in a heading ("Fisk: …") or a
// clause of labels alone ("(V)", ", vg"). A Map: "constructor" in a dish is not a label.
const LABELS = new Map<string, { diet: Diet; strong: boolean }>();
const label = (diet: Diet, strong: boolean, words: string) => {
  for (const word of words.split(' ')) LABELS.set(word.replace(/_/g, ' '), { diet, strong });
};
label(
  'vegan',
  true,
  'vegan vegansk veganska veganskt plant_based plantbased plantbaserad plantbaserade vaxtbaserad vaxtbaserade vaxtbaserat',
);
label('vegan', false, 'vg ve');
label('vegetarian', true, 'vegetarisk vegetariska vegetariskt vegetarian veggie vego veggo');
label('vegetarian', false, 'v veg gront grona green lakto ovo laktoovo');
label('fish', false, 'fisk fish seafood skaldjur hav havet havets');
label('meat', false, 'kott meat');

/** The diet a label word names, and whether it names it anywhere (strong) or only as a heading or tag. */
export function labelWord(folded: string): { diet: Diet; strong: boolean } | undefined {
  return LABELS.get(folded);
}

const EMOJI: [RegExp, Diet][] = [
  [/🌱/u, 'vegan'],
  [/[🐟🐠🐡🦐🦞🦀🦑🐙🍣]/u, 'fish'],
  [/[🥩🍖🍗🥓🐖🐷🐄🐮🐓🐔]/u, 'meat'],
];

// A clause with one of these only offers an alternative: "(finns även vegetarisk)", "vegan on request".
const OPTION_WORDS = new Set('aven ocksa also finns available kan gar fas request begaran bestall bestallning'.split(' '));
// "Eller" offers an alternative diet only beside a label ("eller vegansk"); between foods it is the
// eater's choice ("ris eller bulgur"), and every choice counts.
const CHOICE_WORDS = new Set(['eller', 'or', 'alternativt']);

// Negations cancel the food words after them in the clause, until a word that starts a new list.
const NEGATIONS = new Set(['utan', 'without', 'sin', 'no', 'ej', 'ingen', 'inget']);
const NEGATION_ENDS = new Set(['med', 'with', 'serveras', 'served', 'men', 'but']);
// "köttfritt", "meat free": a trailing "free" cancels the word before it.
const FREE = new Set(['free', 'fri', 'fritt', 'fria']);
// "Kebab på oumph", "bolognese på linser": the food after these names a default-meat dish's filling.
const FILLING_LINKS = new Set(['pa', 'av', 'of', 'made']);
// "Havets …": the sea's version of a meat dish.
const SEA = new Set(['havets']);

const ANIMAL: ReadonlySet<FoodClass> = new Set(['meat', 'poultry', 'fish', 'seafood']);
const NOT_VEGAN: ReadonlySet<FoodClass> = new Set(['dairy', 'egg', 'honey']);
const FOOD: ReadonlySet<FoodClass> = new Set(['plant', 'dairy', 'egg', 'honey', 'substitute']);

const has = (entry: Entry, flag: string) => entry.flags.includes(flag);

/** Per clause: does it offer an alternative ("finns även vegansk"), and is it labels alone ("(V, L)")? */
interface Clauses {
  option: boolean[];
  labelOnly: boolean[];
}

function clauseFacts(units: readonly Unit[]): Clauses {
  const option: boolean[] = [];
  const choice: boolean[] = [];
  const strong: boolean[] = [];
  const labels: boolean[] = [];
  const other: boolean[] = [];
  for (const unit of units) {
    if (OPTION_WORDS.has(unit.text)) option[unit.clause] = true;
    if (CHOICE_WORDS.has(unit.text)) choice[unit.clause] = true;
    const named = LABELS.get(unit.text);
    if (named?.strong) strong[unit.clause] = true;
    if (named) labels[unit.clause] = true;
    else if (!unit.stop) other[unit.clause] = true;
  }
  choice.forEach((has, c) => {
    if (has && strong[c]) option[c] = true;
  });
  return { option, labelOnly: labels.map((has, c) => has && !other[c]) };
}

// Emoji are rare in menus: one test to skip the three below.
const ANY_EMOJI = /\p{Extended_Pictographic}/u;

function findLabel(dish: string, units: readonly Unit[], clauses: Clauses): Diet | undefined {
  const found = new Set<Diet>();
  if (ANY_EMOJI.test(dish)) {
    const emoji = EMOJI.filter(([pattern]) => pattern.test(dish));
    if (emoji.length === 1) found.add(emoji[0]![1]);
  }
  let first: Unit | undefined;
  let last: Unit | undefined;
  for (const unit of units) {
    if (unit.stop || unit.heading) continue;
    first ??= unit;
    last = unit;
  }
  for (const unit of units) {
    const named = LABELS.get(unit.text);
    if (!named || clauses.option[unit.clause]) continue;
    const placed = unit.heading || clauses.labelOnly[unit.clause];
    if (placed || (named.strong && (unit === first || unit === last))) found.add(named.diet);
  }
  if (found.size === 0) return undefined;

  const veg = found.has('vegan') || found.has('vegetarian');
  const animal = found.has('fish') || found.has('meat');
  // Contradicting labels ("Vegetariskt eller kött:") say nothing; the ingredients decide.
  if (veg && animal) return undefined;
  if (found.has('vegan')) return 'vegan';
  if (found.has('vegetarian')) return 'vegetarian';
  if (found.has('meat')) return 'meat';
  return 'fish';
}

// ── Ingredients ─────────────────────────────────────────────────────────────────────────────────

/** What one word contributes once the compound's own modifiers have been applied. */
interface Facts {
  readonly classes: readonly FoodClass[];
  /** Default-meat dish types in this word that no part of it fills. */
  readonly defaults: readonly Entry[];
  /** Shows what the dish is made of (not a side, frame, seasoning or adjective). */
  readonly evidence: boolean;
  /** Fills default-meat dish types anywhere in the dish (a substitute, halloumi, falafel). */
  readonly fills: boolean;
  readonly known: boolean;
}

// Fish does not: "biff och räkor" is still steak. It fills when compounded ("laxburgare") or after "på".
const fillsAnywhere = (e: Entry) => e.cls === 'substitute' || has(e, 'p');
const isEvidence = (e: Entry) => FOOD.has(e.cls) && !/[afsh]/.test(e.flags);

function entryFacts(entry: Entry, first: boolean): Facts {
  if (has(entry, 'd')) return { classes: [], defaults: [entry], evidence: false, fills: false, known: true };
  const side = has(entry, 's') && !/[afh]/.test(entry.flags);
  return {
    classes: [entry.cls],
    defaults: [],
    // A side that leads the dish is its main food: "Stekt potatis med ägg", "Ris med grönsaker".
    evidence: isEvidence(entry) || (first && side && FOOD.has(entry.cls)),
    fills: fillsAnywhere(entry),
    known: true,
  };
}

function compoundFacts(parts: readonly Entry[]): Facts {
  let active = parts;
  let fills = false;
  // "köttfri", "mjölkfritt": everything before "fri" is absent, and "köttfri lasagne" says what the lasagne is not.
  const free = active.findIndex((p) => has(p, 'x'));
  if (free >= 0) {
    fills = active.slice(0, free).some((p) => p.cls === 'meat' || p.cls === 'poultry');
    active = active.slice(free + 1);
  }
  const classes: FoodClass[] = [];
  const defaults: Entry[] = [];
  let evidence = false;
  let vegan = false; // a v-modifier or substitute came before: animal and dairy parts after it are plant-based
  let vegetarian = false; // a g-modifier: meat and fish parts after it are not meat
  let milkFree = false; // an m-modifier: dairy after it is plant-based ("havregrädde")
  let filled = false; // a part before the head names the filling
  active.forEach((part, i) => {
    // A default-meat dish type is the head ("spenatlasagne") or a modifier ("kebabpizza", "biffgryta").
    if (has(part, 'd')) {
      if (filled || vegan || vegetarian) {
        classes.push(part.base ?? 'neutral');
        evidence = true;
      } else defaults.push(part);
      return;
    }
    const head = i === active.length - 1;
    let cls = part.cls;
    // Stock or gravy of a named origin is that origin: "grönsaksbuljong" is plant, "kycklingbuljong" poultry.
    if (cls === 'opaque' && head && i > 0) cls = 'neutral';
    if (vegan && (ANIMAL.has(cls) || NOT_VEGAN.has(cls))) cls = 'plant';
    else if (vegetarian && ANIMAL.has(cls)) cls = 'egg';
    else if (milkFree && cls === 'dairy') cls = 'plant';
    if (cls !== part.cls) evidence = true;
    // "Sojastrimlor", "tofubitar": a plant-based part before a shape is a plant-based protein.
    if (vegan && cls === 'neutral' && !/[afhs]/.test(part.flags)) evidence = true;
    classes.push(cls);
    // A side names the food when it leads a compound ("potatissoppa"); a frame does not ("salladsbuffé").
    if (FOOD.has(cls) && !/[ahf]/.test(part.flags) && (!head || !has(part, 's'))) evidence = true;
    if (fillsAnywhere(part)) fills = true;
    if (has(part, 'v') || part.cls === 'substitute') vegan = true;
    if (has(part, 'g')) vegetarian = true;
    if (has(part, 'm')) milkFree = true;
    const fillingClass = ANIMAL.has(cls) ? cls !== 'meat' && cls !== 'poultry' : FOOD.has(cls);
    if (fillingClass && !has(part, 'h') && !has(part, 'a') && (cls !== 'dairy' || has(part, 'p'))) filled = true;
  });
  // "Kebabkryddade", "pizzainspirerad": a compound that ends in a describing word only flavours the dish.
  const describing = active.length > 0 && has(active[active.length - 1]!, 'a');
  return { classes, defaults: describing ? [] : defaults, evidence, fills, known: true };
}

// Facts of compounds and unknown words, by word: working them out is the costly part, and menus repeat words.
const wordFacts = new Map<string, Facts>();

function unitFacts(unit: Unit, first: boolean): Facts {
  if (unit.entry) return entryFacts(unit.entry, first);
  let facts = wordFacts.get(unit.text);
  if (!facts) {
    facts = unit.parts ? compoundFacts(unit.parts) : unknownFacts(unit.text);
    if (unit.text.length <= MAX_MEMO_WORD_CHARS) {
      if (wordFacts.size > 20_000) wordFacts.clear();
      wordFacts.set(unit.text, facts);
    }
  }
  return facts;
}

// Unknown words shaped as participles or adjectives ("saffransdoftande", "provensalsk", "hemlagad",
// "smoked") describe a food; they do not name one, so they cannot hide meat by themselves. Five
// letters at least: short words are too often nouns.
const DESCRIBING = /^[a-z]{2,}(?:ad|ade|at|ig|iga|igt|ande|ende|kt|kta|ed)$|^[a-z]{4,}(?:sk|ska|skt)$/;

function unknownFacts(word: string): Facts {
  // An unknown word can still show meat or fish at its start or end ("kycklingklubba", "parmaskinka").
  const loose = looseParts(word).filter((e) => ANIMAL.has(e.cls));
  const describing = word.length >= 5 && DESCRIBING.test(word);
  return {
    classes: loose.filter((e) => !has(e, 'd')).map((e) => e.cls),
    // A default-meat dish type at the end of an unknown word ("blorpbiff") may be filled by the
    // unknown part: the word stays unknown. One inside a describing word ("kebabkryddade") is a flavour.
    defaults: [],
    evidence: false,
    fills: false,
    known: describing,
  };
}

/**
 * What the word before a food does to it: "vegansk ost" is plant-based; "Oumph-kebab" is a kebab
 * without meat but otherwise as usual; "vegetarisk korv" is not meat, and may not be vegan.
 */
type Modifier = 'vegan' | 'substitute' | 'vegetarian' | 'sea';

function applyModifier(modifier: Modifier, facts: Facts, classes: Set<FoodClass>): void {
  // "Havets wallenbergare", "havets pytt": the sea's version of a meat classic is made of fish.
  if (modifier === 'sea') {
    for (const cls of facts.classes) classes.add(cls === 'meat' || cls === 'poultry' ? 'fish' : cls);
    if (facts.defaults.length > 0) classes.add('fish');
    return;
  }
  for (const cls of facts.classes) {
    if (ANIMAL.has(cls)) classes.add(modifier === 'vegetarian' ? 'egg' : 'plant');
    else classes.add(modifier === 'vegan' && NOT_VEGAN.has(cls) ? 'plant' : cls);
  }
  for (const entry of facts.defaults) classes.add(modifier === 'vegan' ? 'plant' : (entry.base ?? 'neutral'));
  // A vegetarian label says nothing about vegan: the dish is not shown to be vegan.
  if (modifier === 'vegetarian') classes.add('egg');
}

/**
 * The dish's diet, or undefined when the text does not tell. Of a dish longer than the rules read
 * (MAX_ANALYSED_CHARS), only "meat" is said: the unread rest could hold meat as an unknown word could.
 */
export function dietOf(dish: string): Diet | undefined {
  const units = analyse(dish);
  const clauses = clauseFacts(units);
  const diet = findLabel(analysedPart(dish), units, clauses) ?? ingredientsDiet(units, clauses);
  return isClipped(dish) && diet !== 'meat' ? undefined : diet;
}

function ingredientsDiet(units: readonly Unit[], clauses: Clauses): Diet | undefined {
  const classes = new Set<FoodClass>();
  const defaults: { entry: Entry; index: number }[] = [];
  let evidence = false;
  let fills = false;
  let unknown = false;
  let sawFood = false;
  // Units cancelled by a negation, and units made plant-based or vegetarian by the word before them.
  const negated = new Set<number>();
  const modified = new Map<number, Modifier>();

  // One pass, each unit looked at once: a negation cancels the food words after it in its clause,
  // until a word that starts a new list; "fri" the food word before it; a modifier the food word
  // right after it (adjectives aside). A later one of each overrides an earlier one, as a scan from
  // each would.
  let negating = -1; // the clause a negation is cancelling words in, or -1
  let lastFood = -1; // the last non-stop unit of the current clause, or -1
  let pending: { modifier: Modifier; clause: number } | undefined; // a modifier still looking for its food
  units.forEach((unit, i) => {
    work(1);
    const previous = units[i - 1];
    if (previous && previous.clause !== unit.clause) lastFood = -1;
    if (negating !== unit.clause) negating = -1;
    else if (NEGATION_ENDS.has(unit.text)) negating = -1;
    else if (!unit.stop) negated.add(i);
    if (NEGATIONS.has(unit.text)) negating = unit.clause;
    else if (FREE.has(unit.text) && lastFood >= 0) negated.add(lastFood);
    if (!unit.stop) lastFood = i;

    if (pending && pending.clause !== unit.clause) pending = undefined;
    if (pending) {
      if (unit.stop) pending = undefined;
      else if (!(unit.entry && has(unit.entry, 'a'))) {
        modified.set(i, pending.modifier);
        pending = undefined;
      }
    }
    if (clauses.option[unit.clause]) return;
    // "Pasta med vegansk ost", "på vegetarisk korv", "Anamma-korv": the word makes the food right
    // after it (adjectives aside) plant-based, or for vegetarian ones, not meat.
    const asLabel = LABELS.get(unit.text);
    const entry = unit.entry;
    let modifier: Modifier | undefined;
    if (asLabel?.strong) modifier = asLabel.diet === 'vegan' ? 'vegan' : 'vegetarian';
    else if (entry && (entry.cls === 'substitute' || has(entry, 'v'))) modifier = 'substitute';
    else if (entry && has(entry, 'g')) modifier = 'vegetarian';
    else if (SEA.has(unit.text)) modifier = 'sea';
    if (modifier) pending = { modifier, clause: unit.clause };
  });

  units.forEach((unit, i) => {
    // Label words are read by findLabel; "fisk", "kött" and "veg" in the text are food words too.
    const labelWord = LABELS.has(unit.text) && (unit.heading || !(unit.entry && unit.entry.cls !== 'neutral'));
    if (unit.stop || labelWord) return;
    // Headings are section names ("Husman:", "Från grillen:"): their unknown words hide nothing.
    const facts = unitFacts(unit, !sawFood && !unit.heading);
    if (negated.has(i)) {
      // "Lasagne utan kött", "köttfri": saying there is no meat fills a dish that is meat by default.
      if (facts.classes.some((c) => c === 'meat' || c === 'poultry')) fills = true;
      return;
    }
    // "Lasagne (finns även med halloumi)": an alternative's meat still counts, its filling does not.
    const alternative = clauses.option[unit.clause] === true;
    if (!facts.known && !unit.heading) unknown = true;
    if (unit.entry ? !has(unit.entry, 'a') : facts.known) sawFood = true;
    const modifier = modified.get(i);
    if (modifier && (facts.defaults.length > 0 || facts.classes.some((c) => ANIMAL.has(c) || NOT_VEGAN.has(c)))) {
      applyModifier(modifier, facts, classes);
      evidence = true;
      return;
    }
    for (const cls of facts.classes) classes.add(cls);
    for (const entry of facts.defaults) defaults.push({ entry, index: i });
    if (facts.evidence && !alternative) evidence = true;
    if (facts.fills && !alternative) fills = true;
  });

  if (classes.has('meat') || classes.has('poultry')) return 'meat';
  for (const { entry, index } of defaults) {
    if (!fills && !filledAfter(units, index, negated) && !filledBefore(units, index, negated)) {
      return entry.cls === 'fish' || entry.cls === 'seafood' ? 'fish' : 'meat';
    }
    classes.add(entry.base ?? 'neutral');
    evidence = true;
  }
  if (classes.has('fish') || classes.has('seafood')) return 'fish';
  if (unknown || classes.has('opaque') || !evidence) return undefined;
  for (const cls of NOT_VEGAN) if (classes.has(cls)) return 'vegetarian';
  return 'vegan';
}

/**
 * "Rotselleri schnitzel", "Bean burger", "Dagens fångst-stroganoff": the main food written as a word
 * of its own right before a default-meat dish type names its filling, as it would compounded
 * ("rotsellerischnitzel"). Plant foods, substitutes and fish fill; cheese only when it is a main
 * protein (halloumi), as in compounds ("Ost burgare" is a cheeseburger); sides, sauces and
 * adjectives do not ("Pommes burgare", "Chili burger").
 */
function filledBefore(units: readonly Unit[], index: number, negated: Set<number>): boolean {
  const before = units[index - 1];
  const unit = units[index];
  if (!before || !unit || before.stop || before.clause !== unit.clause || negated.has(index - 1)) return false;
  const parts = before.entry ? [before.entry] : before.parts;
  const head = parts?.[parts.length - 1];
  if (!parts || !head || parts.some((p) => p.cls === 'meat' || p.cls === 'poultry' || has(p, 'd'))) return false;
  if (/[ahsf]/.test(head.flags)) return false;
  const cls = head.cls;
  return cls === 'plant' || cls === 'substitute' || cls === 'fish' || cls === 'seafood' || (cls === 'dairy' && has(head, 'p'));
}

// "Lasagne med spenat och ricotta", "Börek med fetaost och spinach": after a composite dish type
// (flag i) "med" names what it is filled with, not a side as in "Biff med svamp". Only a main plant
// food within these few words fills it; cheese alone does not ("Lasagne med ost" may be the usual one).
const WITH_LINKS = new Set(['med', 'with']);
const WITH_REACH = 6;

/** "Bolognese på linser": a food word after "på" names the filling of the dish type before it. */
function filledAfter(units: readonly Unit[], index: number, negated: Set<number>): boolean {
  const link = units[index + 1];
  const filling = units[index + 2];
  const dish = units[index];
  if (link && dish && WITH_LINKS.has(link.text) && dish.entry && has(dish.entry, 'i')) return filledWith(units, index + 2, negated);
  if (!link || !filling || !FILLING_LINKS.has(link.text) || negated.has(index + 2)) return false;
  const facts = unitFacts(filling, false);
  const fish = facts.classes.some((c) => c === 'fish' || c === 'seafood');
  return facts.defaults.length === 0 && (facts.evidence || facts.fills || fish);
}

function filledWith(units: readonly Unit[], from: number, negated: Set<number>): boolean {
  const clause = units[from - 1]!.clause;
  for (let i = from; i < units.length && i < from + WITH_REACH; i++) {
    const unit = units[i]!;
    if (unit.clause !== clause) break;
    if (unit.stop || negated.has(i)) continue;
    const facts = unitFacts(unit, false);
    if (facts.classes.some((c) => ANIMAL.has(c)) || facts.defaults.length > 0) return false;
    if (facts.fills) return true;
    // As in filledBefore: the word's head is a main plant food, not a side, sauce or frame ("pestosallad").
    const parts = unit.entry ? [unit.entry] : unit.parts;
    const head = parts?.[parts.length - 1];
    if (head && !/[ahsf]/.test(head.flags) && (head.cls === 'plant' || head.cls === 'substitute')) return true;
  }
  return false;
}
