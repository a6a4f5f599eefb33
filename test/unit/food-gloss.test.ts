import { describe, expect, test } from 'vitest';
import { englishGloss } from '../../src/food/gloss.js';
import { glossaryEntries } from '../../src/food/glossary.js';
import { fold } from '../../src/text.js';

describe('englishGloss', () => {
  test('the example in the issue', () => {
    expect(englishGloss('Köttbullar med gräddsås, potatismos och lingon')).toBe(
      'meatballs, cream sauce, mashed potatoes, lingonberries',
    );
  });

  test.each([
    // Compounds are glossed part by part, in Swedish order, which is English order too.
    ['Kycklinggryta med ris', 'chicken stew, rice'],
    ['Laxfilé med citron', 'salmon fillet, lemon'],
    ['Rödbetsbiffar med fetaost', 'beetroot patty, feta cheese'],
    ['Räksmörgås med ägg', 'prawn sandwich, egg'],
    ['Kycklingpasta med soltorkade tomater', 'chicken pasta, sun-dried tomatoes'],
    // Cooking methods and adjectives go with the food after them.
    ['Stekt lax med dillsås', 'fried salmon, dill sauce'],
    ['Stekt strömming med potatismos och lingon', 'fried Baltic herring, mashed potatoes, lingonberries'],
    ['Vegetarisk: Pytt i panna', 'vegetarian Swedish hash'],
    // Multi-word dishes, inflections, negations.
    ['Pytt i panna med rödbetor', 'Swedish hash, beetroot'],
    ['Janssons frestelse', 'anchovy and potato gratin'],
    ['Köttbullarna med potatisen', 'meatballs, potatoes'],
    ['Köttfri lasagne', 'meat-free lasagna'],
    ['Pasta med kyckling utan ost', 'pasta, chicken, without cheese'],
    // A section label is not a food.
    ['Fisk: Stekt lax', 'fried salmon'],
    ['Veg: Sötpotatisbiffar', 'sweet potato patty'],
    // Repeated glosses are given once.
    ['Kyckling med kyckling', 'chicken'],
    // Issue 22: dish names are kept whole, "X- och Y-soppa" is one soup, each thing is said once.
    ['Korv stroganoff med ris', 'sausage stroganoff, rice'],
    ['Pytt i panna med stekt ägg', 'Swedish hash, fried egg'],
    ['Kyckling- och grönsakssoppa', 'chicken and vegetable soup'],
    ['Kantarell- och potatisgryta', 'chanterelle and potato stew'],
    ['Dagens soppa: ärtsoppa', 'pea soup'],
    ['Boeuf bourguignon med potatismos', 'beef bourguignon, mashed potatoes'],
    ['Dagens fångst med potatis', 'catch of the day, potatoes'],
    // "Pastor" is never a plural of pasta.
    ['Tacos al pastor med koriander', 'tacos al pastor (pork), coriander'],
    // "X- och Y…" only joins X to the word right after "och".
    ['Ost- och champinjonfyllda pannkakor', 'cheese, button mushroom stuffed pancakes'],
    ['Pasta med tomat- & ostsås', 'pasta, tomato and cheese sauce'],
    // A compound part is not guessed from a word that only starts like it.
    ['Långbakad karré med pressgurka', 'slow-baked pork loin, pressed cucumber salad'],
    ['Fish and chips med remouladsås', 'fish and chips, remoulade'],
  ])('%s → %s', (dish, gloss) => {
    expect(englishGloss(dish)).toBe(gloss);
  });

  test.each([
    // Words the glossary does not know are left out; it never guesses at them.
    ['Kycklinggryta med blorpnik', 'chicken stew'],
    // Half a compound would be a guess: "laxblorp" is not glossed as "salmon".
    ['Laxblorp med rödlök', 'red onion'],
    // In "Gustav Vasa-sås" the sauce belongs to a name the glossary does not know ("Karl Johan" it
    // now knows: porcini).
    ['Oxfilé med Gustav Vasa-sås', 'beef fillet'],
  ])('never invents: %s → %s', (dish, gloss) => {
    expect(englishGloss(dish)).toBe(gloss);
  });

  test.each([
    ['Blorp med glorp'],
    ["Chef's choice"],
    ['Dagens rätt'],
    [''],
    ['***'],
    // Already English, or the same in both languages: nothing to add.
    ['Grilled salmon'],
    ['Grilled salmon with potatoes'],
    ['Halloumi'],
    ['Pasta pesto'],
  ])('no gloss: %j', (dish) => {
    expect(englishGloss(dish)).toBeUndefined();
  });
});

describe('the glossary', () => {
  const entries = glossaryEntries();

  test('has a few hundred entries, each with a gloss', () => {
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const entry of entries) {
      expect(entry.sv.length).toBeGreaterThan(0);
      // Only "rätt" ("Dagens rätt") has nothing to say in English.
      if (entry.sv[0] !== 'ratt') expect(entry.gloss).not.toBe('');
    }
  });

  test('its forms are folded the way dishes are', () => {
    for (const entry of entries) {
      for (const form of [...entry.sv, ...entry.en]) expect(fold(form)).toBe(form);
    }
  });

  test('a Swedish form means one thing', () => {
    const owner = new Map<string, string>();
    for (const entry of entries) {
      for (const form of entry.sv) {
        expect(owner.get(form), `${form} is in ${owner.get(form)} and ${entry.sv[0]}`).toBeUndefined();
        owner.set(form, entry.sv[0]!);
      }
    }
  });

  test('has the multi-word dishes', () => {
    const forms = new Set(entries.flatMap((e) => e.sv));
    for (const dish of ['pytt i panna', 'janssons frestelse', 'chili sin carne', 'chili con carne', 'flygande jacob']) {
      expect(forms).toContain(dish);
    }
  });

  test('flags and base classes are consistent', () => {
    for (const entry of entries) {
      expect(entry.flags).toMatch(/^[afsdpvgmxchi]*$/);
      // A default-meat dish type needs the class it has once a filling is named.
      expect(entry.base !== undefined, entry.sv[0]).toBe(entry.flags.includes('d'));
    }
  });
});
