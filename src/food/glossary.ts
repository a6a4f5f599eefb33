// A Swedish↔English lunch-food glossary, written for this project, and the word analysis that
// diet tags, English glosses and bilingual search share.
//
// The data is one list of plain literals: loading this module costs next to nothing. The lookup
// maps are built on the first call and kept; each dish word's analysis is memoised, because the
// same few thousand words come back in every menu of every day.
import { fold } from '../text.js';
import { analysedPart, MAX_COMPOUND_CHARS, MAX_MEMO_WORD_CHARS, work } from './limits.js';

/**
 * What a word says about a dish's diet.
 * - meat, poultry, fish, seafood: animal flesh (and hidden products of it: stock, gelatine, fish sauce).
 * - dairy, egg, honey: vegetarian but not vegan.
 * - plant: vegan food.
 * - substitute: a plant-based stand-in for meat (oumph, tofu, sojafärs); it also cancels the meat word it
 *   is compounded with ("sojafärs") and fills a dish that is meat by default ("kebab på oumph").
 * - opaque: may hide meat or fish (buljong, skysås, ramen): the dish cannot be called vegetarian from it.
 * - neutral: cooking methods, adjectives, dish shapes; says nothing.
 */
export type FoodClass =
  | 'meat'
  | 'poultry'
  | 'fish'
  | 'seafood'
  | 'dairy'
  | 'egg'
  | 'honey'
  | 'plant'
  | 'substitute'
  | 'opaque'
  | 'neutral';

/**
 * Flags, one letter each:
 * - a: adjective or cooking method; its gloss is put before the next food word ("stekt lax" → "fried salmon").
 * - f: frame, a dish shape that needs a filling to tell anything ("soppa", "gryta", "pizza").
 * - s: side; alone it does not show what the main food is ("ris", "potatis").
 * - d: meat (or fish) by default: a dish type whose usual filling is meat, unless a filling is named
 *   ("lasagne" vs "spenatlasagne", "burgare" vs "halloumiburgare"); then it counts as its base class.
 * - p: a vegetarian main protein that fills a default-meat dish wherever it appears ("halloumi", "falafel").
 * - v: as the first part of a compound or the word before, makes the meat, fish, dairy or egg after it
 *   plant-based ("sojafärs", "tofukorv"); substitutes do the same ("Anamma-korv").
 * - g: likewise, makes the meat or fish after it vegetarian ("vegokorv", "quornfärs").
 * - m: as the first part of a compound, makes the dairy after it plant-based ("havregrädde", "kokosmjölk").
 * - x: as the last part of a compound, negates the parts before it ("köttfri", "mjölkfri").
 * - c: only as the first part of a compound, never a word by itself ("ox" in "oxfilé", "höns" in "hönsbuljong").
 * - h: seasoning, sauce or condiment: it does not show what the dish is made of ("dill", "lingon", "bearnaise"),
 *   and does not fill a default-meat dish ("pepparbiff" is still steak).
 * - i: with d, a composite dish whose "med" names its filling ("Lasagne med spenat"), unlike a steak's side
 *   ("Biff med svamp"); a main plant food a few words on fills it (diet.ts, filledWith).
 */
type Row = readonly [sv: string, en: string, cls: FoodClass, flags?: string, base?: FoodClass];

// One row per meaning, in both directions: Swedish forms (separated by '|'), English forms (the first
// is the gloss, the others are search synonyms), the class and flags. Write the Swedish as it is
// spelled; it is folded once, when the maps are built. Regular inflections (-en, -et, -ar, -or, -er,
// -na, -arna …) are found by stripping, so only irregular ones (morötter, nudlar) are listed.
// An English form with a leading '~' is a gloss only, not used to recognise English text ("stek"
// glosses as "roast", but "roast vegetables" has no meat); one with a leading '^' is the gloss as the
// last part of a compound ("rödbetsbiff" → "beetroot patty"). An empty gloss: the word is not glossed.
const ROWS: readonly Row[] = [
  // ── Meat ──────────────────────────────────────────────────────────────────────────────────
  ['kött', 'meat', 'meat'],
  ['nötkött|nöt', 'beef', 'meat'],
  ['ox', 'beef|ox', 'meat', 'c'],
  ['oxkött', 'beef', 'meat'],
  ['kalv|kalvkött', 'veal', 'meat'],
  ['fläsk', 'pork', 'meat'],
  ['gris|griskött', 'pork|pig', 'meat'],
  ['lamm|lammkött', 'lamb', 'meat'],
  ['vilt', 'game', 'meat'],
  ['hjort', 'venison|deer', 'meat'],
  ['älg', 'moose|elk', 'meat'],
  ['ren', 'reindeer', 'meat', 'c'],
  ['renskav', 'sautéed reindeer', 'meat'],
  ['vildsvin', 'wild boar', 'meat'],
  ['rådjur', 'roe deer|venison', 'meat'],
  ['kanin', 'rabbit', 'meat'],
  ['färs', 'mince|minced meat|ground meat', 'meat'],
  ['blandfärs', 'mixed mince', 'meat'],
  ['köttfärssås', 'meat sauce|bolognese', 'meat'],
  ['köttbulle|köttbullar', 'meatballs', 'meat'],
  ['frikadell|frikadeller', 'pork dumplings|meatballs', 'meat'],
  ['korv', 'sausage', 'meat'],
  ['falukorv', 'falu sausage|sausage', 'meat'],
  ['prinskorv', 'cocktail sausages|sausage', 'meat'],
  ['varmkorv', 'hot dog|sausage', 'meat'],
  ['isterband', 'smoked pork sausage|sausage', 'meat'],
  ['chorizo', 'chorizo|sausage', 'meat'],
  ['salsiccia', 'Italian sausage|sausage', 'meat'],
  ['bratwurst', 'bratwurst|sausage', 'meat'],
  ['kabanoss', 'kabanos sausage|sausage', 'meat'],
  ['salami', 'salami', 'meat'],
  ['pepperoni', 'pepperoni', 'meat'],
  ['mortadella', 'mortadella', 'meat'],
  ['pastrami', 'pastrami', 'meat'],
  ['bacon', 'bacon', 'meat'],
  ['pancetta', 'pancetta|bacon', 'meat'],
  ['guanciale', 'guanciale', 'meat'],
  ['skinka', 'ham', 'meat'],
  ['prosciutto|parmaskinka|serranoskinka', 'cured ham|prosciutto|ham', 'meat'],
  ['kassler', 'smoked pork loin|pork', 'meat'],
  ['karré', 'pork loin|^loin|pork neck', 'meat'],
  ['kotlett', 'chop|pork chop', 'meat'],
  ['revbensspjäll|revben', 'spare ribs|ribs', 'meat'],
  ['sidfläsk|fläsksida', 'pork belly|pork', 'meat'],
  ['stek', '~roast', 'meat'],
  ['entrecote', 'ribeye|entrecôte|steak', 'meat'],
  ['ryggbiff', 'sirloin steak|steak', 'meat'],
  ['rostbiff', 'roast beef|beef', 'meat'],
  ['lövbiff', 'minute steak|steak', 'meat'],
  ['fransyska', 'beef round|beef', 'meat'],
  ['högrev', 'beef chuck|chuck|beef', 'meat'],
  ['bringa', 'brisket', 'meat'],
  ['oxkind|kalvkind|fläskkind|griskind', 'cheek', 'meat'],
  ['tunga', 'tongue', 'meat'],
  // Flatfish named after tongues: the sole is fish.
  ['sjötunga|rödtunga', 'sole|flatfish', 'fish'],
  ['lever', 'liver', 'meat'],
  ['leverpastej', 'liver pâté', 'meat'],
  ['njure', 'kidney', 'meat'],
  ['blodpudding', 'black pudding', 'meat'],
  ['sylta', 'brawn', 'meat'],
  ['gulasch', 'goulash', 'meat'],
  ['kalops', 'Swedish beef stew|beef stew|stew', 'meat'],
  ['sjömansbiff', "sailor's beef casserole|beef casserole", 'meat'],
  ['wallenbergare', 'veal patties|veal', 'meat'],
  ['pannbiff', 'beef patties|patty', 'meat'],
  ['lindströmsbiff', 'beef and beetroot patties|patty', 'meat'],
  ['biff rydberg', 'beef Rydberg|beef', 'meat'],
  ['kåldolme|kåldolmar', 'cabbage rolls|stuffed cabbage', 'meat'],
  ['kålpudding', 'cabbage and mince bake', 'meat', 'd', 'plant'],
  ['kroppkaka|kroppkakor', 'pork-filled potato dumplings|dumplings', 'meat'],
  ['palt|pitepalt', 'pork-filled potato dumplings|dumplings', 'meat'],
  ['dillkött', 'meat in dill sauce', 'meat'],
  ['pepparrotskött', 'beef in horseradish sauce|beef', 'meat'],
  // Traditionally cooked with pork; the vegetarian one says so.
  ['ärtsoppa', 'pea soup|split pea soup', 'meat'],
  ['carbonara', 'carbonara', 'meat'],
  ['chili con carne', 'chili con carne', 'meat'],
  ['carne', 'meat', 'meat'],
  ['cheeseburgare|cheeseburger', 'cheeseburger|burger', 'meat'],
  ['gelatin', 'gelatine', 'meat'],
  ['ister|späck', 'lard', 'meat'],
  ['kebab', 'kebab', 'meat', 'd', 'plant'],
  ['döner', 'doner kebab|kebab', 'meat', 'd', 'plant'],
  ['gyros', 'gyros', 'meat', 'd', 'dairy'],
  ['shawarma', 'shawarma', 'meat', 'd', 'dairy'],
  ['souvlaki', 'souvlaki|skewers', 'meat', 'd', 'plant'],
  ['schnitzel|wienerschnitzel', 'schnitzel', 'meat', 'd', 'egg'],
  // Patties and burgers are bound with egg or served with mayonnaise when they are not meat.
  ['biff', 'steak|^patty|patty', 'meat', 'd', 'egg'],
  ['burgare|hamburgare|burger', 'burger|hamburger', 'meat', 'd', 'egg'],
  ['järpe|järpar', 'meat patties|^patties|patty', 'meat', 'd', 'egg'],
  ['lasagne|lasagna|lasagnette', 'lasagna|lasagne', 'meat', 'di', 'dairy'],
  ['moussaka', 'moussaka', 'meat', 'd', 'dairy'],
  ['bolognese|bolognaise', 'bolognese', 'meat', 'd', 'plant'],
  ['ragu|ragù', 'ragù', 'meat', 'd', 'plant'],
  ['stroganoff', 'stroganoff', 'meat', 'd', 'dairy'],
  ['pytt|pytt i panna|pyttipanna', 'Swedish hash|hash', 'meat', 'd', 'plant'],
  ['gyoza', 'gyoza|dumplings', 'meat', 'di', 'plant'],
  ['biryani', 'biryani', 'meat', 'd', 'dairy'],

  // ── Poultry ───────────────────────────────────────────────────────────────────────────────
  ['kyckling', 'chicken', 'poultry'],
  ['kalkon', 'turkey', 'poultry'],
  ['anka', 'duck', 'poultry'],
  ['gås', 'goose', 'poultry'],
  ['höns|höna', 'hen|chicken', 'poultry', 'c'],
  ['vaktel', 'quail', 'poultry'],
  // Chicken by default; "blomkålsvingar" are cauliflower.
  ['vinge|vingar|wings', 'wings', 'poultry', 'd', 'plant'],
  ['klubba', 'drumstick', 'poultry'],
  ['flygande jacob|flygande jakob', 'chicken casserole with banana and bacon|chicken', 'poultry'],
  ['butter chicken', 'butter chicken', 'poultry'],
  ['nuggets', 'nuggets', 'poultry', 'd', 'egg'],

  // ── Fish ──────────────────────────────────────────────────────────────────────────────────
  ['fisk', 'fish', 'fish'],
  ['lax', 'salmon', 'fish'],
  ['gravlax', 'cured salmon|gravlax|salmon', 'fish'],
  ['torsk', 'cod', 'fish'],
  ['sej', 'saithe|pollock|coley', 'fish'],
  ['kolja', 'haddock', 'fish'],
  ['kummel', 'hake', 'fish'],
  ['hälleflundra|hälleflyndra', 'halibut', 'fish'],
  ['rödspätta|spätta', 'plaice', 'fish'],
  ['sill', 'herring', 'fish'],
  ['strömming', 'Baltic herring|herring', 'fish'],
  ['skarpsill', 'sprats', 'fish'],
  ['makrill', 'mackerel', 'fish'],
  ['tonfisk', 'tuna', 'fish'],
  ['abborre', 'perch', 'fish'],
  ['gös', 'pike-perch|zander', 'fish'],
  ['gädda', 'pike', 'fish'],
  ['röding', 'arctic char|char', 'fish'],
  ['regnbåge', 'rainbow trout|trout', 'fish'],
  ['öring', 'trout', 'fish'],
  ['sik', 'whitefish', 'fish'],
  ['pangasius', 'pangasius', 'fish'],
  ['tilapia', 'tilapia', 'fish'],
  ['ansjovis', 'anchovies|anchovy', 'fish', 'h'],
  ['sardin|sardiner', 'sardines', 'fish'],
  ['lutfisk', 'lutefisk', 'fish'],
  ['fiskbulle|fiskbullar', 'fish balls|fish', 'fish'],
  ['fiskpinne|fiskpinnar', 'fish fingers|fish sticks|fish', 'fish'],
  ['fisksås', 'fish sauce', 'fish', 'h'],
  ['worcestershiresås|worcestershire', 'Worcestershire sauce', 'fish', 'h'],
  ['kaviar', 'cod roe spread|roe', 'fish'],
  ['rom', 'roe', 'fish'],
  ['löjrom', 'vendace roe|roe', 'fish'],
  ['janssons frestelse|jansson', 'anchovy and potato gratin|gratin', 'fish'],
  ['sashimi', 'sashimi', 'fish'],
  ['puttanesca', 'puttanesca', 'fish'],
  ['bouillabaisse', 'bouillabaisse|fish soup', 'fish'],
  ['ceviche', 'ceviche', 'fish'],
  ['surimi', 'surimi', 'fish'],
  ['sushi', 'sushi', 'fish', 'd', 'plant'],

  // ── Seafood ───────────────────────────────────────────────────────────────────────────────
  ['räka|räkor', 'prawns|shrimp|shrimps|prawn', 'seafood'],
  ['skaldjur', 'shellfish|seafood', 'seafood'],
  ['mussla|musslor|blåmusslor|moules', 'mussels|clams', 'seafood'],
  ['kammussla|kammusslor', 'scallops', 'seafood'],
  ['kräfta|kräftor', 'crayfish', 'seafood'],
  ['havskräfta|havskräftor', 'langoustines|scampi', 'seafood'],
  ['hummer', 'lobster', 'seafood'],
  ['krabba', 'crab', 'seafood'],
  ['ostron', 'oysters', 'seafood'],
  ['ostronsås', 'oyster sauce', 'seafood', 'h'],
  ['bläckfisk', 'squid|octopus', 'seafood'],
  ['calamari|calamares', 'calamari|squid', 'seafood'],
  ['scampi', 'scampi|prawns', 'seafood'],
  ['skagen|skagenröra', 'Skagen shrimp salad|shrimp', 'seafood'],

  // ── Dairy ─────────────────────────────────────────────────────────────────────────────────
  ['mjölk', 'milk', 'dairy', 'h'],
  ['grädde', 'cream', 'dairy', 'h'],
  ['kräm', 'cream', 'dairy', 'h'],
  ['vispgrädde', 'whipped cream|cream', 'dairy'],
  ['crème fraîche|fraiche', 'crème fraîche', 'dairy', 'h'],
  ['gräddfil', 'sour cream', 'dairy', 'h'],
  ['smetana', 'smetana|sour cream', 'dairy', 'h'],
  ['yoghurt|yogurt', 'yoghurt|yogurt', 'dairy'],
  ['kvarg|kesella', 'quark', 'dairy'],
  ['keso', 'cottage cheese', 'dairy'],
  ['färskost', 'cream cheese', 'dairy'],
  ['smör', 'butter', 'dairy', 'h'],
  ['ghee', 'ghee', 'dairy'],
  ['ost', 'cheese', 'dairy'],
  ['halloumi', 'halloumi|halloumi cheese', 'dairy', 'p'],
  ['paneer', 'paneer|paneer cheese', 'dairy', 'p'],
  ['fetaost|feta', 'feta cheese|feta|cheese', 'dairy'],
  ['mozzarella', 'mozzarella|cheese', 'dairy'],
  ['burrata', 'burrata|cheese', 'dairy'],
  ['parmesan|parmesanost|parmigiano', 'parmesan|cheese', 'dairy'],
  ['pecorino', 'pecorino|cheese', 'dairy'],
  ['ricotta', 'ricotta|cheese', 'dairy'],
  ['mascarpone', 'mascarpone', 'dairy'],
  ['chèvre|getost', "goat's cheese|goat cheese|cheese", 'dairy'],
  ['cheddar', 'cheddar|cheese', 'dairy'],
  ['gorgonzola', 'gorgonzola|cheese', 'dairy'],
  ['brie', 'brie|cheese', 'dairy'],
  ['västerbottensost|västerbotten', 'Västerbotten cheese|cheese', 'dairy'],
  ['ostsås', 'cheese sauce', 'dairy', 'h'],
  ['gräddsås', 'cream sauce', 'dairy', 'h'],
  ['béchamel|bechamelsås', 'béchamel sauce', 'dairy'],
  ['tzatziki', 'tzatziki', 'dairy', 'h'],
  ['kebabsås', 'kebab sauce', 'dairy', 'h'],
  ['vitlökssås', 'garlic sauce', 'dairy', 'h'],
  ['raita', 'raita', 'dairy', 'h'],
  ['dillsås', 'dill sauce', 'dairy', 'h'],
  ['citronsås', 'lemon sauce', 'dairy', 'h'],
  ['vitvinssås', 'white wine sauce', 'dairy', 'h'],
  ['svampsås', 'mushroom sauce', 'dairy', 'h'],
  ['pepparsås', 'pepper sauce', 'dairy', 'h'],
  ['löksås', 'onion sauce', 'dairy', 'h'],
  ['senapssås', 'mustard sauce', 'dairy', 'h'],
  ['currysås', 'curry sauce', 'dairy', 'h'],
  ['äggsås', 'egg sauce', 'egg', 'h'],
  ['pesto', 'pesto', 'dairy'],
  ['alfredo', 'alfredo', 'dairy'],
  ['korma', 'korma', 'dairy'],
  ['tikka|tikka masala', 'tikka masala', 'meat', 'd', 'dairy'],
  ['palak paneer|saag paneer', 'spinach and paneer', 'dairy', 'p'],
  ['risotto', 'risotto', 'dairy'],
  ['quesadilla|quesadillas', 'quesadilla', 'dairy', 'f'],
  ['nachos', 'nachos', 'dairy', 'f'],
  ['enchilada|enchiladas', 'enchiladas', 'dairy', 'f'],
  ['margherita', 'margherita', 'dairy'],
  ['capricciosa', 'capricciosa', 'meat'],
  ['gratäng', 'gratin|bake', 'dairy', 'f'],
  ['potatismos|mos', 'mashed potatoes|mash', 'dairy', 's'],
  ['rotmos', 'mashed root vegetables|root vegetable mash', 'dairy', 's'],
  ['naan|naanbröd|nanbröd', 'naan bread|naan|bread', 'dairy', 's'],
  ['ostkaka', 'Swedish curd cake', 'dairy'],
  ['vaniljsås', 'vanilla custard', 'dairy'],
  ['glass', 'ice cream', 'dairy'],
  ['krämig|krämiga|krämigt', 'creamy', 'dairy', 'a'],
  ['gratinerad|gratinerade|gratinerat', 'gratinated|au gratin', 'dairy', 'a'],
  ['smörstekt|smörstekta', 'butter-fried', 'dairy', 'a'],

  // ── Egg and honey ─────────────────────────────────────────────────────────────────────────
  ['ägg', 'egg|eggs', 'egg'],
  ['äggula|äggulor', 'egg yolk', 'egg'],
  ['äggröra', 'scrambled eggs|egg', 'egg'],
  ['omelett', 'omelette|omelet', 'egg'],
  ['frittata', 'frittata', 'egg'],
  ['shakshuka', 'shakshuka|eggs', 'egg'],
  ['majonnäs|majonäs|majo|mayo', 'mayonnaise|mayo', 'egg', 'h'],
  ['aioli', 'aioli', 'egg', 'h'],
  ['bearnaise|bearnaisesås', 'béarnaise sauce|bearnaise', 'egg', 'h'],
  ['hollandaise|hollandaisesås', 'hollandaise sauce|hollandaise', 'egg', 'h'],
  ['remoulad|remouladsås', 'remoulade', 'egg', 'h'],
  ['tartarsås', 'tartare sauce', 'egg', 'h'],
  ['pannkaka|pannkakor', 'pancakes', 'egg'],
  ['plättar', 'small pancakes|pancakes', 'egg'],
  ['raggmunk|raggmunkar', 'potato pancakes|pancakes', 'egg'],
  ['våffla|våfflor', 'waffles', 'egg'],
  ['quiche', 'quiche', 'egg', 'f'],
  ['paj|pajer', 'pie|quiche', 'egg', 'f'],
  ['pie', 'pie', 'egg', 'f'],
  ['makaronilåda', 'macaroni bake', 'egg'],
  ['mac and cheese|mac n cheese', 'macaroni cheese|mac and cheese', 'dairy'],
  ['tempura', 'tempura', 'egg'],
  ['brioche', 'brioche', 'egg', 's'],
  ['panerad|panerade|panerat', 'breaded', 'egg', 'a'],
  ['honung', 'honey', 'honey', 'h'],

  // ── Substitutes (plant-based stand-ins for meat) ──────────────────────────────────────────
  ['oumph', 'Oumph|oumph', 'substitute', 'v'],
  // Most Quorn products are bound with egg.
  ['quorn', 'Quorn|quorn', 'egg', 'pg'],
  ['anamma', 'Anamma|anamma', 'substitute', 'v'],
  ['tofu', 'tofu', 'substitute', 'v'],
  ['tempeh', 'tempeh', 'substitute', 'v'],
  ['seitan', 'seitan', 'substitute', 'v'],
  ['sojafärs', 'soy mince', 'substitute'],
  ['sojabitar', 'soy chunks', 'substitute'],
  ['jackfrukt|jackfruit', 'jackfruit', 'substitute', 'v'],
  ['protein', 'protein', 'neutral'],
  ['vegofärs', 'plant-based mince|veggie mince', 'substitute'],
  ['chili sin carne', 'chili sin carne', 'substitute'],
  ['soja', 'soy|soya', 'plant', 'vh'],
  ['vego', 'veggie', 'neutral', 'ga'],
  ['vegan|vegansk|veganska|veganskt', 'vegan', 'neutral', 'va'],
  ['veggie', 'veggie', 'neutral', 'ga'],
  ['vegetarisk|vegetariska|vegetariskt|vegetarian', 'vegetarian', 'neutral', 'ga'],
  ['plant based|plantbased|plantbaserad|plantbaserade', 'plant-based', 'neutral', 'va'],
  ['växtbaserad|växtbaserade|växtbaserat|växt', 'plant-based', 'neutral', 'va'],
  ['havre', 'oat', 'plant', 'm'],
  ['kokos', 'coconut', 'plant', 'mh'],
  ['mandel|mandlar', 'almonds|almond', 'plant', 'mh'],
  ['cashew|cashewnötter', 'cashews|cashew', 'plant', 'mh'],
  ['kokosmjölk', 'coconut milk', 'plant'],
  ['havregrädde', 'oat cream', 'plant'],
  ['fri|fritt|fria', 'free', 'neutral', 'x'],

  // ── Legumes, grains, bread ────────────────────────────────────────────────────────────────
  ['böna|bönor', 'beans|bean', 'plant'],
  ['bruna bönor', 'Swedish brown beans|beans', 'plant'],
  ['kidneyböna|kidneybönor', 'kidney beans|beans', 'plant'],
  ['edamame|edamamebönor', 'edamame beans|edamame', 'plant'],
  ['haricots verts|haricots', 'green beans|beans', 'plant'],
  ['lins|linser', 'lentils|lentil', 'plant'],
  ['kikärta|kikärt|kikärtor', 'chickpeas|chickpea', 'plant'],
  ['ärta|ärt|ärtor', 'peas|pea', 'plant'],
  ['sockerärta|sockerärtor', 'sugar snap peas|peas', 'plant'],
  ['dal|dahl|daal|dhal', 'dal|lentil curry|lentils', 'plant'],
  ['chana masala', 'chickpea curry|chickpeas', 'plant'],
  ['hummus', 'hummus|houmous', 'plant'],
  ['tabbouleh|tabouleh|taboulé', 'tabbouleh', 'plant'],
  ['ratatouille', 'ratatouille', 'plant'],
  ['falafel', 'falafel', 'plant', 'p'],
  ['ris', 'rice', 'plant', 's'],
  ['jasminris', 'jasmine rice|rice', 'plant', 's'],
  ['basmatiris', 'basmati rice|rice', 'plant', 's'],
  ['råris|fullkornsris', 'brown rice|rice', 'plant', 's'],
  ['råg|rågbröd', 'rye bread|rye', 'plant', 's'],
  ['nudel|nudlar', 'noodles|noodle', 'plant', 's'],
  ['pasta', 'pasta', 'plant', 'fs'],
  ['spagetti|spaghetti', 'spaghetti|pasta', 'plant', 's'],
  ['penne', 'penne|pasta', 'plant', 's'],
  ['tagliatelle', 'tagliatelle|pasta', 'plant', 's'],
  ['fusilli', 'fusilli|pasta', 'plant', 's'],
  ['linguine', 'linguine|pasta', 'plant', 's'],
  ['rigatoni', 'rigatoni|pasta', 'plant', 's'],
  ['orzo', 'orzo|pasta', 'plant', 's'],
  ['makaroner|makaroni', 'macaroni|pasta', 'plant', 's'],
  ['gnocchi', 'gnocchi', 'plant', 's'],
  // Fresh filled pasta is made with egg and usually filled with cheese.
  ['ravioli', 'ravioli', 'egg', 'f'],
  ['cannelloni', 'cannelloni', 'egg', 'f'],
  ['tortellini|tortelloni|agnolotti|cappelletti', 'tortellini|filled pasta', 'egg', 'f'],
  ['couscous', 'couscous', 'plant', 's'],
  ['bulgur', 'bulgur', 'plant', 's'],
  ['quinoa', 'quinoa', 'plant', 's'],
  ['matvete', 'wheat berries', 'plant', 's'],
  ['korn|pärlkorn', 'barley', 'plant', 's'],
  ['dinkel', 'spelt', 'plant', 's'],
  ['polenta', 'polenta', 'plant', 's'],
  ['bröd', 'bread', 'plant', 's'],
  ['surdeg|surdegsbröd', 'sourdough bread|sourdough|bread', 'plant', 's'],
  ['knäckebröd', 'crispbread', 'plant', 's'],
  ['tunnbröd', 'flatbread', 'plant', 's'],
  ['pitabröd|pita', 'pitta bread|pita|bread', 'plant', 'fs'],
  ['focaccia', 'focaccia|bread', 'plant', 's'],
  ['krutong|krutonger', 'croutons', 'plant', 's'],
  ['chapati', 'chapati|flatbread', 'plant', 's'],
  ['pommes|pomme|pommes frites|frites', 'fries|french fries|chips', 'plant', 's'],

  // ── Potatoes, vegetables, fruit ───────────────────────────────────────────────────────────
  ['potatis|potatisar', 'potatoes|potato', 'plant', 's'],
  ['sötpotatis', 'sweet potato|sweet potatoes', 'plant'],
  ['klyftpotatis', 'potato wedges|wedges|potato', 'plant', 's'],
  ['hasselbackspotatis', 'Hasselback potatoes|potato', 'plant', 's'],
  ['grönsak|grönsaker', 'vegetables|veg|vegetable', 'plant'],
  ['rotfrukt|rotfrukter', 'root vegetables|root vegetable', 'plant'],
  ['grönt', 'greens', 'plant', 's'],
  ['tomat|tomater', 'tomatoes|tomato', 'plant'],
  ['gurka|gurkor', 'cucumber', 'plant', 's'],
  ['sallad', 'salad|lettuce', 'plant', 'fs'],
  ['grönsallad', 'green salad|salad', 'plant', 's'],
  ['isbergssallad', 'iceberg lettuce|lettuce', 'plant', 's'],
  // Swedish coleslaw is dressed with mayonnaise or crème fraîche.
  ['coleslaw', 'coleslaw', 'egg', 's'],
  ['ruccola|rucola', 'rocket|arugula', 'plant'],
  ['spenat', 'spinach', 'plant'],
  ['grönkål', 'kale', 'plant'],
  ['kål', 'cabbage', 'plant'],
  ['vitkål', 'white cabbage|cabbage', 'plant'],
  ['rödkål', 'red cabbage|cabbage', 'plant'],
  ['spetskål', 'pointed cabbage|cabbage', 'plant'],
  ['blomkål', 'cauliflower', 'plant'],
  ['broccoli', 'broccoli', 'plant'],
  ['brysselkål', 'Brussels sprouts|sprouts', 'plant'],
  ['pak choi|pak choy', 'bok choy|pak choi', 'plant'],
  ['morot|morötter', 'carrots|carrot', 'plant'],
  ['palsternacka|palsternackor', 'parsnips|parsnip', 'plant'],
  ['rödbeta|rödbetor', 'beetroot|beets|beet', 'plant'],
  ['kålrot|kålrötter', 'swede|rutabaga', 'plant'],
  ['rotselleri', 'celeriac', 'plant'],
  ['selleri|blekselleri', 'celery', 'plant'],
  ['fänkål', 'fennel', 'plant'],
  ['jordärtskocka|jordärtskockor', 'Jerusalem artichoke', 'plant'],
  ['kronärtskocka|kronärtskockor', 'artichoke', 'plant'],
  ['sparris', 'asparagus', 'plant'],
  ['lök|lökar', 'onions|onion', 'plant'],
  ['rödlök', 'red onion|onion', 'plant'],
  ['vitlök', 'garlic', 'plant', 'h'],
  ['purjolök|purjo', 'leek|leeks', 'plant'],
  ['schalottenlök|schalottenlökar', 'shallots|shallot', 'plant'],
  ['salladslök', 'spring onion|scallions|onion', 'plant'],
  ['gräslök', 'chives', 'plant', 'h'],
  ['paprika|paprikor', 'pepper|bell pepper|peppers', 'plant'],
  ['chili|chilli', 'chilli|chili', 'plant', 'h'],
  ['jalapeño|jalapeno', 'jalapeño', 'plant', 'h'],
  ['zucchini|squash', 'courgette|zucchini|squash', 'plant'],
  ['aubergine|auberginer', 'aubergine|eggplant', 'plant'],
  ['pumpa', 'pumpkin|squash', 'plant'],
  ['butternut', 'butternut squash|squash', 'plant'],
  ['majs', 'sweetcorn|corn', 'plant'],
  ['avokado', 'avocado', 'plant'],
  ['guacamole', 'guacamole', 'plant', 'h'],
  ['salsa', 'salsa', 'plant', 'h'],
  ['pico de gallo', 'pico de gallo|salsa', 'plant', 'h'],
  ['oliv|oliver', 'olives|olive', 'plant'],
  ['kapris', 'capers', 'plant', 'h'],
  ['svamp|svampar', 'mushrooms|mushroom', 'plant'],
  ['champinjon|champinjoner', 'button mushrooms|mushrooms|mushroom', 'plant'],
  ['kantarell|kantareller', 'chanterelles|mushrooms', 'plant'],
  ['karljohanssvamp', 'porcini|mushrooms', 'plant'],
  ['ostronskivling|ostronskivlingar', 'oyster mushrooms|mushrooms', 'plant'],
  ['shiitake', 'shiitake|mushrooms', 'plant'],
  ['tryffel', 'truffle', 'plant', 'h'],
  ['ingefära', 'ginger', 'plant', 'h'],
  ['rädisa|rädisor', 'radishes|radish', 'plant'],
  ['pepparrot', 'horseradish', 'plant', 'h'],
  ['böngroddar|groddar', 'bean sprouts|sprouts', 'plant'],
  ['sjögräs|tång', 'seaweed', 'plant'],
  ['kimchi', 'kimchi', 'plant'],
  ['surkål', 'sauerkraut', 'plant'],
  ['pickles', 'pickles', 'plant', 'hs'],
  ['picklad|picklade|inlagd|inlagda', 'pickled', 'plant', 'a'],
  ['nötter', 'nuts', 'plant', 'h'],
  ['jordnöt|jordnötter', 'peanuts|peanut', 'plant', 'h'],
  ['valnöt|valnötter', 'walnuts|walnut', 'plant', 'h'],
  ['hasselnöt|hasselnötter', 'hazelnuts|hazelnut', 'plant', 'h'],
  ['pinjenöt|pinjenötter', 'pine nuts', 'plant', 'h'],
  ['sesam|sesamfrö|sesamfrön', 'sesame|sesame seeds', 'plant', 'h'],
  ['frö|frön', 'seeds|seed', 'plant', 'h'],
  ['solros', 'sunflower', 'plant', 'h'],
  ['äpple|äpplen|äppel', 'apples|apple', 'plant'],
  ['äppelmos', 'apple sauce', 'plant'],
  ['päron', 'pears|pear', 'plant'],
  ['citron|citroner', 'lemon', 'plant', 'h'],
  ['lime', 'lime', 'plant', 'h'],
  ['apelsin|apelsiner', 'orange|oranges', 'plant'],
  ['mango', 'mango', 'plant'],
  ['melon|vattenmelon', 'melon|watermelon', 'plant'],
  ['ananas', 'pineapple', 'plant'],
  ['banan|bananer', 'bananas|banana', 'plant'],
  ['granatäpple|granatäpplen', 'pomegranate', 'plant'],
  ['russin', 'raisins', 'plant', 'h'],
  ['dadel|dadlar', 'dates', 'plant'],
  ['aprikos|aprikoser', 'apricots|apricot', 'plant'],
  ['fikon', 'figs', 'plant'],
  ['bär', 'berries|berry', 'plant'],
  ['lingon', 'lingonberries|lingonberry', 'plant', 'h'],
  ['lingonsylt', 'lingonberry jam|lingonberries', 'plant', 'h'],
  ['sylt', 'jam', 'plant', 'h'],
  ['blåbär', 'blueberries', 'plant'],
  ['hallon', 'raspberries', 'plant'],
  ['jordgubbe|jordgubbar', 'strawberries|strawberry', 'plant'],
  ['tranbär', 'cranberries', 'plant'],
  ['körsbär', 'cherries|cherry', 'plant'],
  ['rabarber', 'rhubarb', 'plant'],
  ['chutney|mangochutney', 'chutney', 'plant', 'h'],

  // ── Herbs, spices, sauces, seasonings ─────────────────────────────────────────────────────
  ['dill', 'dill', 'plant', 'h'],
  ['persilja', 'parsley', 'plant', 'h'],
  ['koriander', 'coriander|cilantro', 'plant', 'h'],
  ['basilika', 'basil', 'plant', 'h'],
  ['timjan', 'thyme', 'plant', 'h'],
  ['rosmarin', 'rosemary', 'plant', 'h'],
  ['oregano', 'oregano', 'plant', 'h'],
  ['salvia', 'sage', 'plant', 'h'],
  ['mynta', 'mint', 'plant', 'h'],
  ['dragon', 'tarragon', 'plant', 'h'],
  ['örter|ört|örtkryddor', 'herbs', 'plant', 'h'],
  ['peppar|svartpeppar', 'pepper', 'plant', 'h'],
  ['curry', 'curry', 'plant', 'f'],
  ['currypasta|currypaste', 'curry paste', 'plant', 'h'],
  ['gurkmeja', 'turmeric', 'plant', 'h'],
  ['spiskummin|kummin', 'cumin', 'plant', 'h'],
  ['kanel', 'cinnamon', 'plant', 'h'],
  ['kardemumma', 'cardamom', 'plant', 'h'],
  ['saffran', 'saffron', 'plant', 'h'],
  ['senap', 'mustard', 'plant', 'h'],
  ['wasabi', 'wasabi', 'plant', 'h'],
  ['sambal|sambal oelek', 'sambal', 'plant', 'h'],
  ['sriracha', 'sriracha', 'plant', 'h'],
  ['harissa', 'harissa', 'plant', 'h'],
  ['chipotle', 'chipotle', 'plant', 'h'],
  ['ajvar', 'ajvar|red pepper relish', 'plant', 'h'],
  ['tahini|tahina|tahinne|tahine', 'tahini', 'plant', 'h'],
  ['miso', 'miso', 'plant', 'h'],
  ['sojasås', 'soy sauce', 'plant', 'h'],
  ['teriyaki|teriyakisås', 'teriyaki', 'plant', 'h'],
  ['hoisin|hoisinsås', 'hoisin sauce', 'plant', 'h'],
  ['sweet chili|sweet chilisås', 'sweet chilli sauce', 'plant', 'h'],
  ['chilisås', 'chilli sauce', 'plant', 'h'],
  ['jordnötssås|sataysås|satay', 'peanut sauce|satay', 'plant', 'h'],
  ['tomatsås', 'tomato sauce', 'plant'],
  ['romesco|romescosås', 'romesco sauce', 'plant', 'h'],
  ['marinara', 'marinara sauce|tomato sauce', 'plant'],
  ['arrabbiata', 'arrabbiata', 'plant'],
  ['aglio e olio', 'garlic and olive oil', 'plant'],
  ['bbq', 'barbecue|bbq', 'plant', 'ah'],
  ['bbqsås|barbecuesås', 'barbecue sauce|bbq sauce', 'plant', 'h'],
  ['ketchup', 'ketchup', 'plant', 'h'],
  ['vinägrett|vinaigrette', 'vinaigrette|dressing', 'plant', 'h'],
  ['olivolja|olja', 'olive oil|oil', 'plant', 'h'],
  ['vinäger', 'vinegar', 'plant', 'h'],
  ['socker', 'sugar', 'plant', 'h'],
  ['salt', 'salt', 'plant', 'h'],
  ['masala|garam masala', 'masala|spices', 'plant', 'h'],
  ['dressing', 'dressing', 'neutral', 's'],
  ['sås', 'sauce', 'neutral', 'f'],
  ['röra', 'mix|spread', 'neutral', 'f'],
  ['kryddor|krydda', 'spices', 'plant', 'h'],

  // ── Stock and other hidden products ───────────────────────────────────────────────────────
  // Stock of unnamed origin can be meat: it stops a dish being called vegetarian from its ingredients.
  ['buljong|fond', 'stock|broth', 'opaque'],
  ['sky|skysås', 'gravy|meat juices', 'opaque'],
  ['brunsås|gravy', 'brown sauce|gravy', 'opaque'],
  ['rödvinssås|rödvinsky', 'red wine sauce', 'opaque'],
  ['viltsås', 'game sauce', 'opaque'],
  ['demiglace', 'demi-glace', 'opaque'],
  // The standard Caesar dressing is made with anchovies.
  ['caesar|caesarsallad', 'Caesar salad|Caesar|salad', 'fish', 'h'],
  ['caesardressing', 'Caesar dressing', 'fish', 'h'],
  ['pad thai|padthai|phad thai', 'pad thai|noodles', 'opaque'],
  ['ramen', 'ramen|noodle soup', 'opaque'],
  ['pho', 'pho|noodle soup', 'opaque'],
  ['bibimbap', 'bibimbap', 'opaque'],
  ['paella', 'paella', 'opaque'],
  // Traditional soups on meat stock; the vegetarian ones say so.
  ['löksoppa', 'onion soup', 'opaque'],
  ['kålsoppa', 'cabbage soup', 'opaque'],
  ['pastej|paté', 'pâté', 'opaque'],

  // ── Dish shapes and cuts ──────────────────────────────────────────────────────────────────
  ['soppa', 'soup', 'neutral', 'f'],
  ['gryta', 'stew|casserole', 'neutral', 'f'],
  ['wok', 'stir-fry|wok', 'neutral', 'f'],
  ['bowl', 'bowl', 'neutral', 'f'],
  ['poke|pokebowl', 'poke bowl|poke', 'neutral', 'f'],
  ['pizza', 'pizza', 'dairy', 'f'],
  ['calzone', 'calzone', 'dairy', 'f'],
  ['taco|tacos', 'tacos|taco', 'neutral', 'f'],
  ['burrito|burritos', 'burrito', 'neutral', 'f'],
  // Chicken or beef strips by standard recipe, unless a filling is named.
  ['fajita|fajitas', 'fajitas', 'meat', 'd', 'plant'],
  ['wrap|wraps', 'wrap', 'neutral', 'f'],
  ['tortilla|tortillas', 'tortilla', 'neutral', 'f'],
  ['smörgås|smörgåsar', 'sandwich|open sandwich', 'neutral', 'f'],
  ['macka|mackor', 'sandwich', 'neutral', 'f'],
  ['fralla|frålla|frallor', 'roll|bread roll', 'neutral', 'f'],
  ['baguette|baguetter', 'baguette', 'neutral', 'f'],
  ['toast', 'toast', 'neutral', 'f'],
  ['sandwich|sandwiches', 'sandwich', 'neutral', 'f'],
  ['bagel', 'bagel', 'neutral', 'f'],
  ['dumpling|dumplings', 'dumplings', 'neutral', 'f'],
  ['vårrulle|vårrullar', 'spring rolls|spring roll', 'neutral', 'f'],
  ['samosa|samosas', 'samosas', 'neutral', 'f'],
  ['pakora|pakoras', 'pakoras', 'plant'],
  ['bhaji|bhajis', 'bhajis', 'plant'],
  ['dolma|dolmar', 'stuffed vine leaves', 'plant'],
  ['spett', 'skewers|skewer', 'neutral', 'f'],
  ['boll|bollar', 'balls|ball', 'neutral', 'f'],
  ['krokett|kroketter|croquetter|croquetas', 'croquettes', 'egg', 'f'],
  ['pudding', 'pudding|bake', 'egg', 'f'],
  ['låda', 'bake|casserole', 'neutral', 'f'],
  ['limpa', 'loaf', 'neutral', 'f'],
  ['rulle|rullar|rulad|rulader|roulad', 'roll|roulade', 'neutral', 'f'],
  ['filé', 'fillet|filet', 'neutral'],
  ['ytterfilé|innerfilé', 'fillet|tenderloin', 'neutral'],
  ['bröst', 'breast', 'neutral'],
  ['lår|lårfilé', 'thigh|thighs', 'neutral'],
  ['bog', 'shoulder', 'neutral'],
  ['lägg', 'shank', 'neutral'],
  ['rygg', 'loin|back', 'neutral'],
  ['strimlor|strips', 'strips', 'neutral'],
  ['halva|halvor', 'halves', 'neutral'],
  // "Dagens rätt": a dish whose food is not named; it has no gloss of its own.
  ['rätt|rätter', '', 'neutral', 'f'],
  ['tillbehör', 'sides|side dishes', 'neutral'],
  ['buffé|buffet', 'buffet', 'neutral', 'f'],
  ['ugn', 'oven', 'neutral', 'c'],

  // ── Cooking methods and adjectives ────────────────────────────────────────────────────────
  ['stekt|stekta', 'fried|pan-fried', 'neutral', 'a'],
  ['grillad|grillade|grillat', 'grilled', 'neutral', 'a'],
  ['ugnsbakad|ugnsbakade|ugnsbakat', 'oven-baked|baked', 'neutral', 'a'],
  ['ugnsrostad|ugnsrostade|ugnsrostat', 'oven-roasted|roasted', 'neutral', 'a'],
  ['rostad|rostade|rostat', 'roasted|roast', 'neutral', 'a'],
  ['bakad|bakade|bakat', 'baked', 'neutral', 'a'],
  ['kokt|kokta', 'boiled', 'neutral', 'a'],
  ['ångkokt|ångkokta', 'steamed', 'neutral', 'a'],
  ['pocherad|pocherade|pocherat', 'poached', 'neutral', 'a'],
  ['friterad|friterade|friterat', 'deep-fried', 'neutral', 'a'],
  ['frasig|frasiga|krispig|krispiga|krispigt', 'crispy', 'neutral', 'a'],
  ['braserad|braserade|braserat', 'braised', 'neutral', 'a'],
  ['långkokt|långkokta', 'slow-cooked', 'neutral', 'a'],
  ['marinerad|marinerade|marinerat', 'marinated', 'neutral', 'a'],
  ['rökt|rökta', 'smoked', 'neutral', 'a'],
  ['varmrökt|varmrökta', 'hot-smoked', 'neutral', 'a'],
  ['kallrökt|kallrökta', 'cold-smoked', 'neutral', 'a'],
  ['gravad|gravade', 'cured', 'neutral', 'a'],
  ['rimmad|rimmade', 'lightly salted', 'neutral', 'a'],
  ['glaserad|glaserade', 'glazed', 'neutral', 'a'],
  ['fylld|fyllda', 'stuffed|filled', 'neutral', 'a'],
  ['halstrad|halstrade', 'seared', 'neutral', 'a'],
  ['wokad|wokade|wokat', 'stir-fried|wok-fried', 'neutral', 'a'],
  ['sotad|sotade', 'charred', 'neutral', 'a'],
  ['brynt|brynta', 'browned', 'neutral', 'a'],
  ['smält|smälta', 'melted', 'neutral', 'a'],
  ['pressad|pressade', 'riced', 'neutral', 'a'],
  ['knaperstekt|knaperstekta', 'crisp-fried', 'neutral', 'a'],
  ['helstekt|helstekta', 'whole-roasted', 'neutral', 'a'],
  ['stuvad|stuvade', 'creamed', 'dairy', 'a'],
  ['pulled', 'pulled', 'neutral', 'a'],
  ['hackad|hackade', 'chopped', 'neutral', 'a'],
  ['riven|rivna', 'grated', 'neutral', 'a'],
  ['strimlad|strimlade', 'shredded', 'neutral', 'a'],
  ['soltorkad|soltorkade', 'sun-dried', 'neutral', 'a'],
  ['het|heta|hett', 'hot', 'neutral', 'a'],
  ['kryddig|kryddiga|kryddigt', 'spicy', 'neutral', 'a'],
  ['stark|starka|starkt', 'spicy|strong', 'neutral', 'a'],
  ['mild|milda', 'mild', 'neutral', 'a'],
  ['söt|söta', 'sweet', 'neutral', 'a'],
  ['syrlig|syrliga', 'tangy', 'neutral', 'a'],
  ['färsk|färska', 'fresh', 'neutral', 'a'],
  ['hemgjord|hemgjorda|hemlagad|hemlagade', 'homemade', 'neutral', 'a'],
  ['klassisk|klassiska', 'classic', 'neutral', 'a'],
  ['varm|varma', 'warm|hot', 'neutral', 'a'],
  ['kall|kalla', 'cold', 'neutral', 'a'],
  ['gul|gula', 'yellow', 'neutral', 'a'],
  ['röd|röda', 'red', 'neutral', 'a'],
  ['grön|gröna', 'green', 'neutral', 'a'],
  ['vit|vita', 'white', 'neutral', 'a'],
  ['svart|svarta', 'black', 'neutral', 'a'],
  ['thai|thailändsk|thailändska', 'Thai', 'neutral', 'a'],
  ['indisk|indiska', 'Indian', 'neutral', 'a'],
  ['asiatisk|asiatiska', 'Asian', 'neutral', 'a'],
  ['mexikansk|mexikanska', 'Mexican', 'neutral', 'a'],
  ['italiensk|italienska', 'Italian', 'neutral', 'a'],
  ['grekisk|grekiska', 'Greek', 'neutral', 'a'],
  ['libanesisk|libanesiska', 'Lebanese', 'neutral', 'a'],
  ['marockansk|marockanska', 'Moroccan', 'neutral', 'a'],
  ['japansk|japanska', 'Japanese', 'neutral', 'a'],
  ['koreansk|koreanska', 'Korean', 'neutral', 'a'],
  ['kinesisk|kinesiska', 'Chinese', 'neutral', 'a'],
  ['vietnamesisk|vietnamesiska', 'Vietnamese', 'neutral', 'a'],
  ['spansk|spanska', 'Spanish', 'neutral', 'a'],
  ['fransk|franska', 'French', 'neutral', 'a'],
  ['svensk|svenska', 'Swedish', 'neutral', 'a'],
  ['medelhavs', 'Mediterranean', 'neutral', 'ac'],
  ['cajun', 'Cajun', 'neutral', 'a'],
  ['tandoori', 'tandoori', 'neutral', 'a'],

  // ── Real menus (issue 22): words met on published menus, and standard recipes ─────────────
  // Meat by standard recipe or by name in another language.
  ['tjälknöl', 'slow-roasted beef|beef', 'meat'],
  // Dish names kept whole in glosses.
  ['korv stroganoff|korvstroganoff', 'sausage stroganoff', 'meat'],
  ['porchetta', 'porchetta|roast pork', 'meat'],
  ['pluma|secreto', 'Iberian pork|pork', 'meat'],
  ['pressgurka', 'pressed cucumber salad|cucumber', 'plant', 'h'],
  ['ibérico|iberico', 'Iberian pork|pork', 'meat'],
  ['lövbit', 'thin beef slice|beef', 'meat'],
  ['skav|viltskav', 'sautéed shaved meat', 'meat'],
  ['kotlettrad', 'pork loin|pork', 'meat'],
  ['pollo', '~chicken', 'poultry'],
  ['vitello', '~veal', 'meat'],
  ['manzo', '~beef', 'meat'],
  ['serrano', 'serrano ham|ham', 'meat'],
  ['ventricina', 'ventricina salami|salami', 'meat'],
  ['boeuf|bœuf', '~beef', 'meat'],
  ['boeuf bourguignon|bœuf bourguignon', 'beef bourguignon', 'meat'],
  ['bourguignon|bourguinon', 'bourguignon', 'meat', 'd', 'plant'],
  ['tacos al pastor', 'tacos al pastor (pork)|pork', 'meat'],
  // Alone, "pastor" on a menu is the pork of tacos al pastor (and never a plural of pasta).
  ['al pastor|pastor', 'al pastor (pork)|pork', 'meat'],
  ['carnitas', 'carnitas|pork', 'meat'],
  ['birria', 'birria|beef stew', 'meat'],
  ['bulgogi', 'bulgogi|beef', 'meat'],
  ['rendang', 'rendang', 'meat', 'd', 'plant'],
  ['sukiyaki', 'sukiyaki', 'neutral', 'f'],
  ['karaage', 'karaage|fried chicken', 'poultry'],
  ['yakitori', 'yakitori|chicken skewers', 'poultry'],
  ['kung pao|kungpao', 'kung pao chicken|chicken', 'poultry', 'd', 'plant'],
  ['pad kra pao|kra pao|pad krapow', 'pad kra pao (minced pork)|pork', 'meat', 'd', 'plant'],
  ['shish taouk|taouk', 'shish taouk|chicken skewers', 'poultry'],
  ['tenders', 'chicken tenders|tenders', 'poultry', 'd', 'plant'],
  ['reuben', 'Reuben (corned beef)|corned beef', 'meat'],
  ['club sandwich', 'club sandwich', 'meat'],
  ['thit', '~meat', 'meat'],
  // Raw beef unless a filling is named ("laxtartar", "betortartar").
  ['tartar|tartare|råbiff', 'tartare', 'meat', 'd', 'neutral'],
  ['piroger|pirog', 'pirozhki|pies', 'meat', 'di', 'plant'],
  // Fish and shellfish.
  ['fångst|fångsten', 'catch', 'fish'],
  ['dagens fångst|catch of the day', 'catch of the day', 'fish'],
  ['vitling|vittling', 'whiting', 'fish'],
  ['piggvar', 'turbot', 'fish'],
  ['slätvar', 'brill', 'fish'],
  ['flundra|skrubbskädda|sandskädda|skädda|flatfisk', 'flounder|flatfish', 'fish'],
  ['långafilé|långfilé', 'ling fillet|ling', 'fish'],
  ['långbakad|långbakade|långbakat', 'slow-baked', 'neutral', 'a'],
  ['forell', 'trout', 'fish'],
  ['havskatt', 'wolffish|catfish', 'fish'],
  ['marulk', 'monkfish', 'fish'],
  ['harr', 'grayling', 'fish'],
  ['tonno', '~tuna', 'fish'],
  ['bacalao|bacalhau|klippfisk', 'salt cod|cod', 'fish'],
  ['sardell|sardeller', 'anchovies|anchovy', 'fish', 'h'],
  ['krabbfisk|crabfish|krabfish', 'crabsticks|surimi', 'fish'],
  ['vongole|hjärtmussla|hjärtmusslor|venusmussla|venusmusslor', 'clams', 'seafood'],
  ['pilgrimsmussla|pilgrimsmusslor', 'scallops', 'seafood'],
  ['kräft', 'crayfish', 'seafood', 'c'],
  // Plant foods, cheeses and dishes vegetarian by standard recipe.
  ['tångkaviar', 'seaweed caviar', 'plant'],
  ['nachochips|tortillachips|totopos', 'tortilla chips', 'plant', 's'],
  ['chimichurri|chimmichurri', 'chimichurri', 'plant', 'h'],
  ['gremolata', 'gremolata', 'plant', 'h'],
  ['rapsolja', 'rapeseed oil', 'plant', 'h'],
  ['gazpacho', 'gazpacho', 'plant'],
  // Often made with pancetta or meat stock.
  ['minestrone', 'minestrone', 'opaque'],
  ['caponata', 'caponata', 'plant'],
  ['bruschetta', 'bruschetta', 'plant'],
  ['crostini', 'crostini', 'plant', 's'],
  ['patatas bravas', 'patatas bravas|potatoes', 'plant'],
  ['haricot verts', 'green beans|beans', 'plant'],
  ['vaxböna|vaxbönor', 'wax beans|beans', 'plant'],
  ['edemame', 'edamame beans|edamame', 'plant'],
  ['belugalinser', 'beluga lentils|lentils', 'plant'],
  ['rotsaker|rotgrönsaker', 'root vegetables', 'plant', 's'],
  ['beta|betor', 'beets|beetroot', 'plant'],
  ['silverlök', 'pearl onions|onions|silver onions|silver onion', 'plant', 'h'],
  ['krasse', 'cress', 'plant', 'h'],
  ['romansallad|bladsallad|krispsallad|isbergssallat', 'lettuce|salad', 'plant', 's'],
  ['savoykål', 'savoy cabbage|cabbage', 'plant'],
  ['portabello|portobello', 'portobello mushroom|mushroom', 'plant'],
  ['champignon|champignons', 'mushrooms|mushroom', 'plant'],
  ['udon', 'udon noodles|noodles', 'plant', 's'],
  ['soba', 'soba noodles|noodles', 'plant', 's'],
  ['korngryn|matkorn', 'pearl barley|barley', 'plant', 's'],
  ['rispapper', 'rice paper', 'plant', 's'],
  ['panko', 'panko breadcrumbs', 'plant', 'h'],
  ['nori', 'nori', 'plant', 'h'],
  ['okra', 'okra', 'plant'],
  ['rajma', 'rajma|kidney bean curry', 'plant'],
  ['aloo gobi', 'aloo gobi|potato and cauliflower curry', 'plant'],
  ['broccolini', 'broccolini|broccoli', 'plant'],
  ['pandan', 'pandan', 'plant', 'h'],
  ['chick peas|chick pea', 'chickpeas', 'plant'],
  ['zuccini', 'courgette|zucchini', 'plant'],
  ['vindruvsblad', 'vine leaves', 'plant'],
  ['vårullar|vårulle', 'spring rolls', 'plant'],
  ['peperoni|feferoni', 'pickled peppers|peppers', 'plant', 'h'],
  ['guajillo', 'guajillo chilli|chilli', 'plant', 'h'],
  ['gelé|gele', 'jelly', 'plant', 'h'],
  ['läsk', 'soft drink', 'plant', 'h'],
  ['juice', 'juice', 'plant', 'h'],
  ['hovmästarsås', 'mustard and dill sauce', 'plant', 'h'],
  ['sandefjordsås', 'Sandefjord butter sauce|butter sauce', 'dairy', 'h'],
  ['meunière|meuniere', 'meunière (butter sauce)', 'dairy', 'h'],
  ['laktos', 'lactose', 'dairy', 'h'],
  ['crème|creme', 'cream', 'dairy', 'h'],
  ['puré|purée|pure', 'purée|puree', 'dairy', 's'],
  ['stomp', 'crushed potatoes', 'dairy', 's'],
  ['provola|provolone|scamorza|stracciatella|fior di latte', 'Italian cheese|cheese', 'dairy'],
  ['gruyère|gruyere|emmentaler|grevé|prästost|herrgårdsost|ädelost|camembert|manchego|taleggio|fontina|fårost|halloumiost', 'cheese', 'dairy'],
  ['pannoumi', 'grilling cheese|cheese', 'dairy', 'p'],
  ['skyr', 'skyr|yoghurt', 'dairy'],
  ['parmigiana|melanzane alla parmigiana|melazane alla parmigiana', 'aubergine parmigiana', 'dairy'],
  ['blini|blinier|crêpe|crêpes|crepe|crepes', 'pancakes', 'egg'],
  ['fritters', 'fritters', 'egg'],
  ['bondomelett', 'farmer’s omelette|omelette', 'egg'],
  // Neither food nor a hiding place: parts of dishes, toppings, marks.
  ['bit|bitar', 'pieces', 'neutral', 'f'],
  ['bulle|bullar', 'balls', 'egg'],
  ['klick', 'dollop', 'neutral', 'h'],
  ['topping', 'topping', 'neutral', 'h'],
  ['glace|glacé|glaze', 'glaze', 'plant', 'h'],
  ['crust', 'crust', 'neutral', 'h'],
  ['strössel', 'sprinkle', 'neutral', 'h'],
  ['kryddning', 'seasoning|spices', 'plant', 'h'],
  ['fyllning|fyllnad', 'filling', 'neutral', 'h'],
  ['quenell|quenelle|queneller', 'quenelles', 'neutral', 'f'],
  ['plant', '~plant-based', 'neutral', 'g'],
  ['råstekt|råstekta', 'pan-fried raw', 'neutral', 'a'],
  ['lagrad|lagrade', 'aged', 'neutral', 'a'],
  ['skirad|skirat|skirade', 'clarified', 'dairy', 'a'],
  ['krossad|krossade|krossat', 'crushed', 'neutral', 'a'],
  ['blandad|blandade|blandat', 'mixed', 'neutral', 'a'],
  ['bland', 'mixed', 'neutral', 'ac'],
  ['hemmagjord|hemmagjorda|hemmagjort', 'homemade', 'neutral', 'a'],
  ['syrad|syrade', 'fermented', 'neutral', 'a'],
  ['skivad|skivade', 'sliced', 'neutral', 'a'],
  ['inkokt|inkokta', 'poached', 'neutral', 'a'],
  ['confiterad|confiterade|confit', 'confit', 'neutral', 'a'],
  ['semitorkad|semitorkade', 'sun-dried', 'neutral', 'a'],
  ['färserad|färserade', 'stuffed', 'neutral', 'a'],
  ['lättrökt|lättrökta', 'lightly smoked', 'neutral', 'a'],
  ['fin|fint|fina', 'fine', 'neutral', 'a'],
  ['mjuk|mjukt|mjuka', 'soft', 'neutral', 'a'],
  ['ljum|ljumt|ljumma|ljummen', 'warm', 'neutral', 'a'],
  ['kryddad|kryddade|kryddat', 'spiced|spicy', 'neutral', 'a'],
  ['smokey|smoky', 'smoky', 'neutral', 'a'],
  ['spicy|spicey', 'spicy', 'neutral', 'a'],
  ['crisp', 'crisp', 'neutral', 'a'],
  ['umami', 'umami', 'neutral', 'a'],
  ['ärtskott|skott', 'pea shoots|shoots', 'plant', 'h'],
  // Green pea soup is not the yellow pea soup that is cooked with pork.
  ['grönärtsoppa|grönärtssoppa', 'green pea soup', 'plant'],
  ['san marzano', 'San Marzano tomatoes|tomatoes', 'plant'],
  ['salsa verde|verdesås', 'salsa verde|green sauce', 'plant', 'h'],
  ['vin|vitvin|rödvin|portvin', 'wine', 'plant', 'h'],
  ['smak', 'flavour', 'neutral', 'h'],
  ['vete', 'wheat', 'plant', 'c'],
  ['fullkorn|fullkorns', 'wholegrain', 'plant', 'ac'],
  ['levain|lant', 'country', 'plant', 'ac'],
  ['glasnudlar', 'glass noodles|noodles', 'plant', 's'],
  ['mung|mungböna|mungbönor', 'mung beans|mung', 'plant'],
  ['bladspenat|babyspenat', 'spinach|baby spinach', 'plant'],
  ['baby', 'baby', 'neutral', 'a'],
  ['ramslök', 'wild garlic|ramsons', 'plant', 'h'],
  ['glacerad|glacerade|glacerat', 'glazed', 'neutral', 'a'],
  ['szechuan|sichuan', 'Sichuan', 'neutral', 'a'],
  ['persiljepotatis', 'parsley potatoes|potatoes', 'plant', 's'],
  ['rösti', 'rösti|potato cake', 'plant', 's'],
  ['chips', 'crisps|chips', 'plant', 's'],
  ['fish and chips|fish n chips|fish & chips', 'fish and chips', 'fish'],
  ['planka', 'plank', 'neutral', 'f'],
  ['pommes duchesse|duchesse', 'duchess potatoes|potatoes', 'dairy', 's'],
  // Words of the world's kitchens that Swedish lunch menus use (issue 22), by standard recipe.
  ['massaman', 'massaman', 'neutral', 'a'],
  ['panang', 'panang', 'neutral', 'a'],
  ['vindaloo', 'vindaloo', 'neutral', 'a'],
  ['madras', 'Madras', 'neutral', 'a'],
  ['jalfrezi', 'jalfrezi', 'neutral', 'a'],
  ['chana', 'chickpea curry|chickpeas', 'plant'],
  ['aloo', 'potato', 'plant'],
  ['saag|palak', 'spinach', 'plant'],
  ['makhani|dal makhani', 'makhani (butter and cream)', 'dairy'],
  ['tarka|tadka', 'tempered spices', 'plant', 'h'],
  ['jeera', 'cumin', 'plant', 'h'],
  ['papadum|papadums|poppadom|poppadoms|papad', 'poppadoms', 'plant', 's'],
  ['saté|satésås', 'satay sauce|peanut sauce', 'plant', 'h'],
  ['gado gado', 'gado gado (vegetables, egg, peanut sauce)', 'egg'],
  // Usually made with shrimp paste, fish sauce or meat stock.
  ['nasi goreng|mie goreng|bami goreng|bami', 'fried rice or noodles', 'opaque', 'f'],
  ['tom kha|tom kha kai|tom yum|tom yam', 'Thai soup', 'opaque', 'f'],
  ['ponzu', 'ponzu', 'opaque', 'h'],
  ['tamari', 'tamari|soy sauce', 'plant', 'h'],
  ['wonton|wontons|dim sum|momo|momos', 'dumplings', 'meat', 'di', 'plant'],
  ['bao|baos|baobun|bao bun|baobuns', 'bao bun|bao', 'neutral', 'f'],
  ['vildris|risoni|freekeh|farro|pärlcouscous', 'grains', 'plant', 's'],
  ['farfalle|pappardelle|orecchiette|conchiglie|paccheri|mafaldine|bucatini|cavatappi|maccheroni|fettuccine|fettucine|vermicelli|casarecce|trofie|strozzapreti', 'pasta', 'plant', 's'],
  ['arrabiata|all arrabbiata', 'arrabbiata (spicy tomato)', 'plant'],
  ['pomodoro|al pomodoro', 'tomato sauce', 'plant'],
  ['aglio olio|aglio olio e peperoncino', 'garlic and oil', 'plant'],
  ['peperoncino', 'chilli', 'plant', 'h'],
  ['alla norma|norma', 'alla Norma (aubergine, tomato, ricotta)', 'dairy'],
  ['primavera', 'primavera (spring vegetables)', 'plant'],
  ['funghi', 'mushrooms', 'plant'],
  ['quattro formaggi|formaggi|fyra ostar', 'four cheeses|cheese', 'dairy'],
  ['caprese', 'caprese (tomato and mozzarella)', 'dairy'],
  ['panzanella', 'bread salad', 'plant'],
  ['insalata', 'salad', 'plant', 'fs'],
  ['piadina', 'piadina flatbread|flatbread', 'plant', 'f'],
  ['forno|al forno', 'oven-baked', 'neutral', 'a'],
  ['vegetal|vegetales', 'vegetable', 'plant', 'a'],
  // Cured meats, ham croquettes and the like by default: not shown to be vegetarian.
  ['antipasti|antipasto|tapas|meze|mezze|salmorejo', 'small dishes', 'opaque', 'f'],
  ['muhammara', 'red pepper and walnut dip', 'plant'],
  ['labneh|labne', 'labneh|strained yoghurt', 'dairy'],
  ['fattoush', 'bread salad', 'plant'],
  ['spanakopita|spanakopitta', 'spinach and feta pie', 'dairy'],
  ['börek|burek|byrek', 'börek|pastry', 'meat', 'di', 'dairy'],
  ['gözleme|gozleme', 'gözleme|flatbread', 'neutral', 'f'],
  ['imam bayildi', 'stuffed aubergine', 'plant'],
  ['menemen', 'Turkish scrambled eggs|eggs', 'egg'],
  ['ful medames|ful', 'fava bean stew|fava beans', 'plant'],
  ['mujaddara|mujadara', 'lentils and rice', 'plant'],
  ['koshari|kushari', 'koshari (lentils, rice, pasta)', 'plant'],
  ['injera', 'injera flatbread|flatbread', 'plant', 's'],
  ['tagine|tajine', 'tagine', 'neutral', 'f'],
  ['harira', 'harira (lamb soup)', 'meat'],
  ['chermoula|charmoula', 'chermoula', 'plant', 'h'],
  ['ras el hanout', 'ras el hanout', 'plant', 'h'],
  ['zaatar|za atar|zahtar', "za'atar", 'plant', 'h'],
  ['sumak|sumac', 'sumac', 'plant', 'h'],
  ['dukkah|dukka', 'dukkah', 'plant', 'h'],
  ['kärna|kärnor', 'seeds', 'plant', 'h'],
  // Plant-based brands sold as meat stand-ins.
  ['beyond|beyond meat|planted|impossible|future farm|garden gourmet|hälsans kök|pulled oats|vegme|like meat', 'plant-based', 'substitute', 'v'],
  ['barn', "children's", 'neutral', 'ac'],
  ['tallrik', 'plate', 'neutral', 'f'],
    ['hälso', 'health', 'neutral', 'ac'],
  ['buddha', 'Buddha', 'neutral', 'a'],
  // English menu words (issue 22).
  ['plate', 'plate', 'neutral', 'f'],
  ['bun|buns', 'bun', 'plant', 's'],
  ['ciabatta|sourdough', 'ciabatta|sourdough|bread', 'plant', 's'],
  ['slaw|kålsallad', 'coleslaw|slaw', 'egg', 'h'],
  ['relish', 'relish', 'plant', 'h'],
  ['zhoug|zhug', 'zhoug', 'plant', 'h'],
  ['mole', 'mole sauce', 'plant', 'h'],
  ['beurre blanc', 'beurre blanc|butter sauce', 'dairy', 'h'],
  ['velouté|veloute', 'velouté', 'opaque', 'h'],
  ['jus', 'jus|gravy', 'opaque', 'h'],
  ['consommé|consomme', 'consommé', 'opaque'],
  ['bisque|hummersoppa', 'bisque|shellfish soup', 'seafood'],
  ['chowder', 'chowder', 'seafood', 'd', 'dairy'],
  ['gumbo|jambalaya', 'gumbo|jambalaya', 'meat', 'd', 'plant'],
  ['pilaf|pilaff|pilaffris', 'pilaf|rice', 'plant', 's'],
  ['grits', 'grits', 'plant', 's'],
  ['hashbrowns|hash browns|hash brown|hashbrown', 'hash browns|potatoes', 'plant', 's'],
  ['dauphinoise|gratin dauphinoise|potatis dauphinoise', 'potato gratin dauphinoise|potato gratin', 'dairy', 's'],
  ['root vegetables|root vegetable|root veg', 'root vegetables', 'plant', 's'],
  ['chard|mangold', 'chard', 'plant'],
  ['watercress|vattenkrasse', 'watercress', 'plant', 'h'],
  ['iceberg|romaine|endive|radicchio|chicory|endiv|cikoria', 'lettuce|salad', 'plant', 's'],
  ['turnip|majrova', 'turnip', 'plant'],
  ['spring onion|spring onions', 'spring onion', 'plant', 'h'],
  ['lemongrass|citrongräs', 'lemongrass', 'plant', 'h'],
  ['galangal|kaffir|kaffir lime|limeblad', 'galangal|lime leaves', 'plant', 'h'],
  ['bell pepper|bell peppers', 'pepper', 'plant'],
  ['clove|cloves|nejlika|kryddnejlika', 'cloves', 'plant', 'h'],
  ['nutmeg|muskot', 'nutmeg', 'plant', 'h'],
  ['vanilla|vanilj', 'vanilla', 'plant', 'h'],
  ['maple syrup|lönnsirap|sirap|syrup', 'syrup', 'plant', 'h'],
  ['compote|kompott', 'compote', 'plant', 'h'],
  ['plum|plums|plommon', 'plums', 'plant'],
  ['peach|peaches|persika|persikor', 'peach', 'plant'],
  ['pecans|pecan|pekannötter|pekannöt', 'pecans', 'plant'],
  ['pistachios|pistachio|pistage|pistagenötter', 'pistachios', 'plant'],
  ['flaxseed|linfrö|linfrön', 'flaxseed', 'plant', 'h'],
  ['chia|chiafrön', 'chia seeds', 'plant', 'h'],
  ['granola|müsli|muesli', 'granola', 'plant'],
  ['porridge|gröt|havregrynsgröt', 'porridge', 'plant'],
  ['cottage cheese', 'cottage cheese', 'dairy'],
  ['sour cream', 'sour cream', 'dairy', 'h'],
  ['goat cheese|goats cheese|goat s cheese', "goat's cheese", 'dairy'],
  ['sheep cheese', 'sheep cheese', 'dairy'],
  ['blue cheese|blåmögelost', 'blue cheese', 'dairy'],
  ['stilton|roquefort|danablu', 'blue cheese', 'dairy'],
  ['soybeans|soybean', 'soybeans', 'plant'],
  ['pinto|cannellini|borlotti|fava|cannellinibönor|borlottibönor|favabönor', 'beans', 'plant'],
  ['broad beans|bondbönor|bondböna', 'broad beans', 'plant'],
  ['mangetout|snow peas|sugar snaps|sugar snap peas', 'mangetout', 'plant'],
  ['sundried|sun dried', 'sun-dried', 'neutral', 'a'],
  ['jasmine|basmati|jasmin', 'jasmine', 'plant', 'ac'],
  ['brown rice', 'brown rice|rice', 'plant', 's'],
  ['wild rice', 'wild rice', 'plant', 's'],
  ['sticky|sticky rice', 'sticky', 'neutral', 'a'],
  ['crunchy', 'crunchy', 'neutral', 'a'],
  ['seasonal', 'seasonal', 'neutral', 'a'],
  ['wild', 'wild', 'neutral', 'a'],
  ['organic', 'organic', 'neutral', 'a'],
  ['sweet and sour|sweet sour|sour', 'sweet and sour', 'plant', 'h'],
  // Words of the dev menus (issue 22).
  ['bädd', 'bed', 'neutral', 'h'],
  ['blad', 'leaves', 'plant', 'h'],
  ['grill|grillen', 'grill', 'neutral', 'a'],
  ['dragen|dragna|draget', 'pulled', 'neutral', 'a'],
  ['ring|ringar', 'rings', 'neutral', 'f'],
  ['double|dubbel', 'double', 'neutral', 'a'],
  ['dijonaise|dijonnaise', 'Dijon mayonnaise', 'egg', 'h'],
  ['dansk|danska', 'Danish', 'neutral', 'a'],
  ['balkan', 'Balkan', 'neutral', 'a'],
  ['pocket|pockets', 'pocket', 'neutral', 'f'],
  ['mojo rojo|mojo', 'mojo sauce', 'plant', 'h'],
  ['okonomiyaki', 'okonomiyaki', 'opaque', 'f'],
  // ── Breadth (issue 22): general lunch vocabulary written from outside the labelled data, and
  // words of unlabelled dev-source menus (never of held-out ones) ──────────────────────────────
  // Named dishes by their standard recipe.
  ['kalvfrikassé|frikassé', 'veal fricassee|fricassee', 'meat'],
  ['skomakarlåda', "shoemaker's casserole|beef casserole", 'meat'],
  ['biff lindström|biff à la lindström|lindström|lindströmbiff', 'beef patties à la Lindström|Lindström patties', 'meat'],
  ['spareribs|spare ribs', 'spare ribs|ribs', 'meat'],
  ['sirloin', 'sirloin', 'meat'],
  ['lammrack|lammracks|rack', 'rack of lamb', 'meat'],
  ['lahmacun', 'lahmacun|Turkish pizza', 'meat'],
  ['köfte|köfta|kofta', 'köfte', 'meat'],
  ['kibbeh|kebbeh', 'kibbeh', 'meat'],
  ['larb|laab', 'larb', 'meat', 'd', 'plant'],
  ['albondigas|albóndigas', 'albóndigas', 'meat'],
  ['empanada|empanadas', 'empanadas', 'meat', 'di', 'plant'],
  ['amatriciana', 'amatriciana', 'meat'],
  ['saltimbocca', 'saltimbocca', 'meat'],
  ['osso buco|ossobuco', 'osso buco', 'meat'],
  ['tonnato', 'tuna sauce|tonnato', 'fish', 'h'],
  ['coq au vin', 'coq au vin', 'poultry'],
  ['cassoulet', 'cassoulet', 'meat'],
  ['rillettes', 'rillettes', 'meat'],
  ['quiche lorraine', 'quiche Lorraine', 'meat'],
  ['croque monsieur|croque madame', 'croque monsieur', 'meat'],
  ['shepherds pie|shepherd s pie|cottage pie', "shepherd's pie", 'meat'],
  ['pelmeni', 'pelmeni|meat dumplings', 'meat'],
  ['katsu', 'katsu|breaded cutlet', 'meat', 'd', 'plant'],
  ['banh mi|bánh mì', 'banh mi', 'meat', 'd', 'plant'],
  ['japchae', 'japchae|glass noodles', 'meat', 'd', 'plant'],
  ['pozole', 'pozole', 'meat'],
  ['söndagsstek', 'Sunday roast', 'meat'],
  ['andouille|andouillekorv', 'andouille sausage', 'meat'],
  ['frukost', 'breakfast', 'neutral'],
  ['oxsvans', 'oxtail', 'meat'],
  ['innanlår|ytterlår', 'topside of beef', 'meat'],
  ['poulet|pouletfilé', 'chicken|chicken fillet', 'poultry'],
  ['vildand', 'wild duck', 'poultry'],
  ['fasan', 'pheasant', 'poultry'],
  ['rapphöna', 'partridge', 'poultry'],
  ['ripa|ripor', 'ptarmigan', 'poultry'],
  ['hare|harar', 'hare', 'meat'],
  ['struts', 'ostrich', 'meat'],
  ['pålägg', 'sandwich toppings|toppings', 'opaque'],
  ['texmex|tex mex', 'Tex-Mex', 'plant', 'h'],
  // Fish and seafood.
  ['cordon bleu', 'cordon bleu', 'meat'],
  ['tonkatsu', 'tonkatsu|pork cutlet', 'meat'],
  ['baba ganoush|baba ghanoush|babaganoush', 'baba ganoush|aubergine dip', 'plant'],
  ['gubbröra', 'egg and sprat salad|gubbröra', 'fish'],
  ['böckling', 'smoked herring', 'fish'],
  ['hoki', 'hoki', 'fish'],
  ['lubb', 'tusk', 'fish'],
  ['dorade|dorada', 'sea bream', 'fish'],
  ['guldsparid', 'gilt-head bream', 'fish'],
  ['havsabborre', 'sea bass', 'fish'],
  ['langustin|langustiner|langoustine', 'langoustine|langoustines', 'seafood'],
  ['kalamari', 'calamari', 'seafood'],
  ['siklöja', 'vendace', 'fish'],
  ['matjessill|matjes', 'matjes herring', 'fish'],
  ['sillbricka', 'herring plate', 'fish'],
  ['stenbitsrom', 'lumpfish roe', 'fish'],
  ['lyrtorsk|alaska pollock', 'pollock', 'fish'],
  ['nicoise|niçoise', 'niçoise', 'fish'],
  ['panett|panetter', 'breaded fillet', 'neutral'],
  ['tiger', 'tiger', 'neutral', 'c'],
  ['jätte', 'jumbo', 'neutral', 'c'],
  // Plant foods, dairy and egg.
  ['pak soi|paksoi', 'pak choi', 'plant'],
  ['karljohan|karl johan|karljohansvamp|karljohansvampar', 'porcini', 'plant'],
  ['trattkantarell|trattkantareller', 'winter chanterelles', 'plant'],
  ['paprikapulver', 'paprika', 'plant', 'h'],
  ['wakame', 'wakame|seaweed', 'plant'],
  ['furikake', 'furikake', 'opaque', 'h'],
  ['gochujang', 'gochujang', 'plant', 'h'],
  ['yuzu', 'yuzu', 'plant', 'h'],
  ['shiso', 'shiso', 'plant', 'h'],
  ['bambuskott', 'bamboo shoots', 'plant'],
  ['rättika|rättikor', 'daikon|radish', 'plant'],
  ['soya', 'soy', 'plant', 'h'],
  ['persilje', 'parsley', 'plant', 'ch'],
  ['klyfta|klyftor', 'wedges', 'neutral'],
  ['bukettgrönsaker', 'mixed vegetables', 'plant', 's'],
  ['frukt|frukter', 'fruit', 'plant'],
  ['fruktsallad', 'fruit salad', 'plant'],
  ['nypon', 'rose hip', 'plant'],
  ['choklad', 'chocolate', 'dairy', 'h'],
  ['kladdkaka|kladdkakor', 'chocolate mud cake|mud cake', 'egg'],
  ['kaka|kakor', 'cake', 'egg', 'f'],
  ['pannacotta|panna cotta', 'panna cotta', 'opaque'],
  ['cacio e pepe', 'cacio e pepe|cheese and pepper', 'dairy'],
  ['spätzle|spaetzle', 'spätzle', 'egg', 's'],
  ['galette|galetter', 'galette|buckwheat crêpe', 'egg', 'f'],
  ['gratin dauphinois|dauphinois', 'gratin dauphinois|potato gratin', 'dairy', 's'],
  ['pierogi|pirogi', 'pierogi|dumplings', 'neutral', 'f'],
  ['borsjtj|borsch|borscht', 'borscht', 'opaque'],
  ['laksa', 'laksa', 'opaque', 'f'],
  ['arancini', 'arancini', 'opaque'],
  ['donburi', 'rice bowl|donburi', 'neutral', 'f'],
  ['onigiri', 'rice ball|onigiri', 'neutral', 'f'],
  ['nigiri', 'nigiri', 'fish'],
  ['timbal|timbaler|timbale', 'timbale', 'neutral'],
  ['stuvning', 'creamed stew', 'dairy', 'f'],
  ['täcke', 'topping', 'neutral', 'f'],
  ['snitt|snittar', 'open sandwich', 'neutral', 'f'],
  ['gräddig|gräddiga|gräddigt', 'creamy', 'dairy', 'a'],
  ['örtig|örtiga|örtigt', 'herby', 'plant', 'a'],
  ['sprödbakad|sprödbakade|sprödbakat', 'crispy|crispy-fried', 'neutral', 'a'],
  ['ångad|ångade|ångat', 'steamed', 'neutral', 'a'],
  ['kolgrillad|kolgrillade|kolgrillat', 'charcoal-grilled', 'neutral', 'a'],
  ['lättsaltad|lättsaltade|lättsaltat', 'lightly salted', 'neutral', 'a'],
  ['vedugnsbakad|vedugnsbakade|vedugnsbakat', 'wood-fired', 'neutral', 'a'],
  ['vispad|vispade|vispat', 'whipped', 'neutral', 'a'],
  ['grov|grova|grovt', 'coarse|rustic', 'neutral', 'a'],
  ['lätt|lätta', 'light|lightly', 'neutral', 'a'],
  ['frisk|friska|friskt', 'fresh', 'neutral', 'a'],
  ['rökig|rökiga|rökigt', 'smoky', 'neutral', 'a'],
  ['råraka|rårakor', 'potato rösti|rösti', 'plant'],
  ['grön ärtsoppa|gröna ärtsoppa', 'green pea soup', 'plant'],
];

/**
 * Words that carry no food meaning, for both the gloss (they are skipped) and the diet rules (they
 * are not unknown words that could hide meat). Folded forms.
 */
const STOP_WORDS =
  'med och pa i samt serveras serverad serverat serveras en ett av till eller el som fran ur under ' +
  'with and or of on in a an the served serve topped side sides & ' +
  'dagens veckans husets kockens mormors farmors var vara vart lunch alternativ option husman husmanskost ' +
  'special ca st g kr sek inkl ingar valfri valfritt toppad toppade toppat garnerad smaksatt smaksatta ' +
  'a la al alla di de du con style stil extra aven ocksa finns dag dagen idag today todays s chef chefs ' +
  'val choice just nu om ej ingen inget utan without sin free no fri fritt fria lagom lite mycket ' +
  'laktosfri laktosfritt glutenfri glutenfritt glutenfree lactose gluten vald basta klassiker innehaller contains ' +
  // Allergen markers, as in "(L, G)".
  'l lf gf df nf svaveldioxid sulfit sulfiter n olika local signature toppas krav eko ekologisk ekologiska ' +
  // Menu talk: drinks and extras included, sizes, praise, provenance (issue 22: real menus are full of it).
  'dryck maltidsdryck lattdryck vatten kaffe te portion portioner halv hel stor stora liten sma barnportion barn pensionar ' +
  'take away avhamtning pris god goda gott harlig harliga harligt lacker smakrik smakrika mustig frasch frascha ' +
  'egen egna eget enligt recept originalrecept mammas tradition traditionell traditionella sasong sasongens manadens ' +
  'meny carte alt inklusive dessert efterratt forratt huvudratt varmratt nykokt nystekt nybakat nybakad nybakade ' +
  'narproducerad narproducerade lokal lokala lokalt homemade daily delicious classic our your ' +
  // Function words: they cannot hide meat.
  'vi ar det den de har hos oss din ditt dina kan valja att fa allt for tva personer plocka resten ifran sa onskas ' +
  'alternativt gar garna bra mer mest hela varje alla nagon nagot bade nya ny nytt veckan vecka mandag tisdag onsdag ' +
  'torsdag fredag lordag sondag dagligen alltid gjord gjorda lagad lagade tillagad tillagade efter per plus ' +
  'this that these those made make morning best from house famous choose any all some comes come tossed drizzled ' +
  'finished garnished loaded inspired lovely loveliest combination options available please ask us we is are be it ' +
  'its for by at to as new day week monday tuesday wednesday thursday friday weekly also together mix ' +
  // Marks that scrapers leave in the text: HTML entities, allergen headings.
  'amp nbsp quot apos allergener allergen allergens allergi valj mellan middag spar graders kid ' +
  // "Rårörda lingon" are lingonberries, as the glosses have always said.
  'rarord rarorda rarort';

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
