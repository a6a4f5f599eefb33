// The diet rules on dishes as restaurants really publish them (issue 22): 755 dish texts from 20
// public repositories, labelled by hand, split ONCE by repository owner into a part the rules are
// tuned on (dev) and a part they are only scored on (held-out). The floors apply to held-out.
// Sources added later keep the split of the earlier ones and go by one rule, decided before their
// dishes are read: held-out when the first hex digit of sha1(owner) is 0-4, else dev (docs/food.md).
// The invented traps (test/fixtures/labelled-dishes.json) are printed beside them for comparison.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dietOf } from '../../src/food/diet.js';

type Label = 'vegan' | 'vegetarian' | 'fish' | 'meat' | 'unclear';
interface RealDish {
  dish: string;
  label: Label;
  reason: string;
  source: string;
  split: 'dev' | 'held-out';
}
interface Invented {
  dish: string;
  diet: Exclude<Label, 'unclear'> | null;
}

/** The owners of the first split (710 dishes); later sources go by the sha1 rule. */
const FIRST_OWNERS = [
  'AdamWendell', 'ChristerNilsson', 'DavidAkerlind', 'Hannapham1007', 'Mojken', 'OscarLitorell', 'PierreLeFevre',
  'Stromdahl', 'Tibbelit', 'jmattaa', 'lindskogen', 'luciademoja', 'martinolsson', 'meeeeeep', 'moggleif',
  'qlik-pas', 'rstening', 'sotpotatis', 'zodiapps',
];

const real: RealDish[] = JSON.parse(readFileSync(new URL('../fixtures/real-dishes.json', import.meta.url), 'utf8'));
const invented: Invented[] = JSON.parse(readFileSync(new URL('../fixtures/labelled-dishes.json', import.meta.url), 'utf8'));

const CLASSES = ['vegan', 'vegetarian', 'fish', 'meat', 'none'] as const;
type Cls = (typeof CLASSES)[number];

interface Scores {
  confusion: Record<Cls, Record<Cls, number>>;
  veg: { precision: number; recall: number };
  /** Of the dishes tagged vegan, the share labelled vegan or vegetarian. */
  veganClaims: number;
  vegan: { precision: number; recall: number };
  fish: { precision: number; recall: number };
  meat: { precision: number; recall: number };
}

/** Rows: predicted, columns: labelled ("unclear" and no label count as "none"). */
function score(items: readonly { dish: string; truth: Cls }[]): Scores {
  const confusion = Object.fromEntries(CLASSES.map((p) => [p, Object.fromEntries(CLASSES.map((l) => [l, 0]))])) as Scores['confusion'];
  for (const { dish, truth } of items) confusion[dietOf(dish) ?? 'none'][truth]++;
  const sum = (predicted: readonly Cls[], truth: readonly Cls[]) =>
    predicted.reduce((n, p) => n + truth.reduce((m, l) => m + confusion[p][l], 0), 0);
  const pr = (group: readonly Cls[]) => ({ precision: sum(group, group) / sum(group, CLASSES), recall: sum(group, group) / sum(CLASSES, group) });
  return {
    confusion,
    veg: pr(['vegan', 'vegetarian']),
    veganClaims: sum(['vegan'], ['vegan', 'vegetarian']) / sum(['vegan'], CLASSES),
    vegan: pr(['vegan']),
    fish: pr(['fish']),
    meat: pr(['meat']),
  };
}

function table(title: string, s: Scores): string {
  const f = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  return [
    title,
    `${'predicted'.padEnd(12)}${CLASSES.map((c) => c.padStart(11)).join('')}`,
    ...CLASSES.map((p) => `${p.padEnd(12)}${CLASSES.map((l) => String(s.confusion[p][l]).padStart(11)).join('')}`),
    `veg (incl. vegan) P ${f(s.veg.precision)} R ${f(s.veg.recall)} · vegan P ${f(s.vegan.precision)} R ${f(s.vegan.recall)} ` +
      `(vegan claims at least vegetarian ${f(s.veganClaims)}) · fish P ${f(s.fish.precision)} R ${f(s.fish.recall)} · ` +
      `meat P ${f(s.meat.precision)} R ${f(s.meat.recall)}`,
  ].join('\n');
}

const part = (split: RealDish['split']) =>
  real.filter((d) => d.split === split).map((d) => ({ dish: d.dish, truth: (d.label === 'unclear' ? 'none' : d.label) as Cls }));
const dev = score(part('dev'));
const heldOut = score(part('held-out'));
const inventedScores = score(invented.map((d) => ({ dish: d.dish, truth: d.diet ?? 'none' })));

/**
 * The floors on held-out, and the floors the rules reach today (asserted, so that they do
 * not fall back). Where the two differ the target is missed: printed here, and in docs/food.md.
 */
const FLOORS = [
  { name: 'vegetarian precision', target: 0.97, reached: 0.95, value: heldOut.veg.precision },
  { name: 'vegetarian recall', target: 0.85, reached: 0.6, value: heldOut.veg.recall },
  { name: 'vegan claims at least vegetarian', target: 0.97, reached: 0.9, value: heldOut.veganClaims },
  { name: 'meat precision', target: 0.97, reached: 0.93, value: heldOut.meat.precision },
  { name: 'meat recall', target: 0.9, reached: 0.9, value: heldOut.meat.recall },
  { name: 'fish precision', target: 0.95, reached: 0.95, value: heldOut.fish.precision },
  { name: 'fish recall', target: 0.85, reached: 0.85, value: heldOut.fish.recall },
];

console.log(
  [
    table(`Diet tags on ${part('dev').length} real dishes, dev part (tuned on)`, dev),
    '',
    table(`Diet tags on ${part('held-out').length} real dishes, held-out part (scored only)`, heldOut),
    '',
    table(`Diet tags on ${invented.length} invented dishes (test/fixtures/labelled-dishes.json)`, inventedScores),
    '',
    'Held-out floors (issue 22 target / asserted today / measured):',
    ...FLOORS.map(
      (f) =>
        `  ${f.name.padEnd(34)} ${f.target.toFixed(2)} / ${f.reached.toFixed(2)} / ${f.value.toFixed(3)}` +
        (f.value < f.target ? `  MISSED by ${(f.target - f.value).toFixed(3)}` : ''),
    ),
  ].join('\n'),
);

describe('the real dishes', () => {
  test('at least 600 dishes from at least 15 sources, none over 15% of the set, each labelled with a reason', () => {
    expect(real.length).toBeGreaterThanOrEqual(600);
    const bySource = new Map<string, number>();
    for (const d of real) {
      expect(['vegan', 'vegetarian', 'fish', 'meat', 'unclear']).toContain(d.label);
      expect(d.reason.length).toBeGreaterThan(0);
      expect(d.source).toMatch(/^[\w.-]+\/[\w.-]+:.+/);
      bySource.set(d.source.split(':')[0]!, (bySource.get(d.source.split(':')[0]!) ?? 0) + 1);
    }
    expect(bySource.size).toBeGreaterThanOrEqual(15);
    for (const n of bySource.values()) expect(n).toBeLessThanOrEqual(0.15 * real.length);
  });

  test('sources added after the first split follow the sha1(owner) rule', () => {
    const first = new Set(FIRST_OWNERS);
    for (const d of real) {
      const owner = d.source.split('/')[0]!;
      if (first.has(owner)) continue;
      const digit = parseInt(createHash('sha1').update(owner).digest('hex')[0]!, 16);
      expect(d.split, owner).toBe(digit <= 4 ? 'held-out' : 'dev');
    }
  });

  test('split by repository owner: no owner in both parts, about a third held out', () => {
    const owners = (split: RealDish['split']) => new Set(real.filter((d) => d.split === split).map((d) => d.source.split('/')[0]));
    const devOwners = owners('dev');
    for (const owner of owners('held-out')) expect(devOwners.has(owner)).toBe(false);
    const share = part('held-out').length / real.length;
    expect(share).toBeGreaterThan(0.3);
    expect(share).toBeLessThan(0.45);
  });
});

describe('diet tags on the held-out real dishes', () => {
  test.each(FLOORS)('$name at least $reached (the issue asks $target)', ({ value, reached }) => {
    expect(value).toBeGreaterThanOrEqual(reached);
  });
});

describe('diet tags on the dev real dishes (what the rules were tuned to)', () => {
  test('vegetarian precision at least 0.98 and recall at least 0.93', () => {
    expect(dev.veg.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.veg.recall).toBeGreaterThanOrEqual(0.93);
  });

  test('meat precision and recall at least 0.98, fish at least 0.98', () => {
    expect(dev.meat.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.meat.recall).toBeGreaterThanOrEqual(0.98);
    expect(dev.fish.precision).toBeGreaterThanOrEqual(0.98);
    expect(dev.fish.recall).toBeGreaterThanOrEqual(0.98);
  });
});
