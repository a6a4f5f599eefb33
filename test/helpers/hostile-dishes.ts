// Dish texts written to make the food rules slow, for test/unit/food-hostile.test.ts and bench/food.ts:
// each shape is a way to make some rule do more than linear work (the two, and the others
// a review of src/food/ found), plus ordinary dishes of the same size for a baseline.
import { readFileSync } from 'node:fs';

export const MB = 1024 * 1024;

/** A small deterministic generator, so every run builds the same text. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const pick = <T>(rnd: (n: number) => number, list: readonly T[]): T => list[rnd(list.length)]!;

// Stems and words of the glossary, so that splitting and lookups find something at every turn.
const STEMS = ['kyckling', 'lax', 'gryta', 'soppa', 'potatis', 'biff', 'ost', 'grönsaks', 'fisk', 'kött', 'svamp', 'räk', 'rödbets', 'korv', 'sås'];
const FOODS = ['lax', 'kyckling', 'potatis', 'ris', 'köttbullar', 'halloumi', 'bacon', 'räkor', 'lasagne', 'tofu', 'ost', 'ägg', 'sallad', 'bröd', 'bönor'];
const ADJECTIVES = ['stekt', 'kokt', 'rostad', 'grillad', 'krispig', 'ugnsbakad', 'friterad', 'rökt', 'gravad', 'vego', 'vegansk', 'vegetarisk'];
const MIXED = [
  'utan', 'without', 'ingen', 'fri', 'free', 'vego', 'vegansk', 'oumph', 'med', 'och', 'men', 'på', 'finns', 'även',
  'Vegetarisk:', '(V)', ',', ';', '/', ' - ', '(', ')', '.', ':', '🌱', '🐟', '42', 'constructor', 'köttfri', 'lasagne',
  ...FOODS, ...ADJECTIVES,
];
const LETTERS = 'aeiklnorstuäö';

interface Shape {
  /** How every dish starts. */
  start: string;
  /** The next piece of text. */
  piece: (rnd: (n: number) => number) => string;
  /** How every dish ends. */
  end?: string;
}

const SHAPES: Record<string, Shape> = {
  // The first: compound splitting tried every slice of a word (cubic).
  'one long word': { start: 'kyckling ', piece: (rnd) => LETTERS.slice(rnd(4), 8 + rnd(5)) },
  'one long word of food stems': { start: 'Dagens ', piece: (rnd) => pick(rnd, STEMS) },
  // The second: each negation scanned to the end of its clause (quadratic).
  'repeated negations': { start: 'Lasagne ', piece: (rnd) => (rnd(8) === 0 ? 'kött ' : 'utan ') },
  // Each "fri" looked back over every stop word before it for the word it cancels.
  'repeated free': { start: 'Kyckling ', piece: (rnd) => pick(rnd, ['fri ', 'free ', 'fritt ']) },
  // Each "vego" (a modifier and an adjective) looked forward over every adjective after it for its food.
  'repeated modifiers': { start: 'Pasta ', piece: (rnd) => pick(rnd, ['vego ', 'vego ', 'vego ', 'stekt ']), end: 'korv' },
  'repeated commas and clauses': { start: 'Kyckling', piece: (rnd) => pick(rnd, [', ', ', lax', '; ', '/', ' - ', '(', ')', '. ', ':']) },
  // Many short compounds (up to the splitting cap), all different.
  'repeated compound parts': {
    start: '',
    piece: (rnd) => {
      let word = '';
      while (word.length < 30) word += pick(rnd, STEMS);
      return `${word} `;
    },
  },
  // Many different glossed items, which the gloss kept unique with a list.
  'many distinct items': {
    start: '',
    piece: (rnd) => `${pick(rnd, ADJECTIVES)} ${pick(rnd, ADJECTIVES)} ${pick(rnd, FOODS)}${pick(rnd, STEMS)}, `,
  },
  mixed: { start: '', piece: (rnd) => `${pick(rnd, MIXED)} ` },
};

/**
 * Each shape as dishes of `dishChars` characters (or a few more), `totalChars` at least in all:
 * `(MB, MB)` is one dish of 1 MB, `(MB, 4096)` 256 dishes of 4 KB. Another `seed`, other text.
 */
export const hostileDishes: Record<string, (totalChars: number, dishChars: number, seed?: number) => string[]> = Object.fromEntries(
  Object.entries(SHAPES).map(([name, shape], i) => [
    name,
    (totalChars: number, dishChars: number, seed = 0) => {
      const rnd = random((0x9e3779b9 ^ (i + 1)) + seed * 7919);
      const dishes: string[] = [];
      let total = 0;
      while (total < totalChars) {
        const parts = [shape.start];
        let length = shape.start.length + (shape.end?.length ?? 0);
        while (length < dishChars) {
          const piece = shape.piece(rnd);
          parts.push(piece);
          length += piece.length;
        }
        if (shape.end) parts.push(shape.end);
        const dish = parts.join('');
        dishes.push(dish);
        total += dish.length;
      }
      return dishes;
    },
  ]),
);

const labelled: string[] = (
  JSON.parse(readFileSync(new URL('../fixtures/labelled-dishes.json', import.meta.url), 'utf8')) as { dish: string }[]
).map((l) => l.dish);

/** The hand-labelled dishes, over and over, `totalChars` at least in all. */
export function ordinaryDishes(totalChars: number): string[] {
  const dishes: string[] = [];
  let total = 0;
  for (let i = 0; total < totalChars; i++) {
    const dish = labelled[i % labelled.length]!;
    dishes.push(dish);
    total += dish.length;
  }
  return dishes;
}
