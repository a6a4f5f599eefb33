// Output of a lookup: one restaurant's dishes, the list, or why there is neither.
import type { ShowResult } from '../commands/results.js';
import type { Warning } from '../menu/source.js';
import { stockholmDayLabel } from '../menu/stockholm.js';
import { neutralise, quote } from '../text.js';
import { WEEKEND_HINT } from './wording.js';
import { dietCell, dietColumn, dishCell, dishRecord, jsonWithWarnings, lines, listLines, listRecords, named, prose, rendered, restaurantFields, tsv, whereToGo, type Rendered } from './common.js';
import type { Style } from './style.js';
import { boxTable } from './table.js';

const dayOf = (date: string) => stockholmDayLabel(Date.parse(`${date}T12:00:00Z`));

type Found = Extract<ShowResult, { status: 'found' }>;

const ambiguity = (result: Extract<ShowResult, { status: 'ambiguous' }>) =>
  `${quote(result.query)} matches ${result.candidates.length} restaurants; add more of the name or use an identifier`;

/** Why a found restaurant shows no dish, or undefined when it shows some. */
function emptyReason(result: Found): string | undefined {
  const r = result.restaurant;
  if (result.dishes.length > 0) return undefined;
  if (result.hidden > 0) return `no ${result.diet} dishes today at ${r.name} (${result.hidden} other ${result.hidden === 1 ? 'dish' : 'dishes'})`;
  return `${r.name} has published no menu for today${result.weekend ? `; ${WEEKEND_HINT}` : ''}`;
}

/**
 * Notes for stderr. On a terminal, what the output already says (an empty menu) is not said
 * again; when piped or with --json, stderr is where it is said.
 */
function notes(result: ShowResult, style: Style): string[] {
  switch (result.status) {
    case 'found': {
      const out: string[] = [];
      if (result.match === 'typo') out.push(`no restaurant is called ${quote(result.query)}; showing ${named(result.restaurant)}`);
      const empty = emptyReason(result);
      if (empty && style.mode !== 'table') out.push(empty);
      return out;
    }
    case 'ambiguous':
      // On a terminal the list's own heading says it.
      return style.mode === 'table' ? [] : [ambiguity(result)];
    case 'not_found': {
      const where = result.region ? ` in ${result.region}` : '';
      // The query is words only when it looks like a dish (see show()): a command to paste.
      const dish = `looking for a dish? restaurant-menu find ${neutralise(result.query)}`;
      const hint = result.suggestions.length
        ? `; did you mean ${result.suggestions.map(named).join(' or ')}?${result.looksLikeDish ? ` Or ${dish}` : ''}`
        : `; ${result.looksLikeDish ? dish : 'here are all of them'}`;
      return [`no restaurant${where} matches ${quote(result.query)}${hint}`];
    }
    case 'elsewhere':
      return [`${result.restaurant.name} is in ${result.restaurant.region}, not ${result.region}: drop --region, or use --region ${result.restaurant.region.toLowerCase()}`];
    case 'list':
    case 'cancelled':
      return [];
  }
}

export function renderShow(result: ShowResult, style: Style, warnings: Warning[] = []): Rendered {
  const stderr = notes(result, style);
  if (result.status === 'cancelled') return rendered('');
  if (style.mode === 'json') return rendered(jsonWithWarnings(result, warnings), stderr);
  return rendered(lines(style.mode === 'plain' ? plain(result, style) : terminal(result, style)), stderr);
}

function terminal(result: ShowResult, style: Style): string[] {
  const { c } = style;
  switch (result.status) {
    case 'found': {
      const r = result.restaurant;
      const day = dayOf(result.date);
      const stale = result.source.stale ? c.yellow('  (cached copy: the API did not answer)') : '';
      const out = [`${c.bold(r.name)} ${c.dim('·')} ${r.region}${stale}`];
      if (result.dishes.length) {
        const withDiet = dietColumn(style, result.dishDetails);
        const columns = [{ head: `Today, ${day}`, min: 16 }, ...(withDiet ? [{ head: 'Diet', min: 5 }] : [])];
        const groups = result.dishDetails.map((d) => [[dishCell(style, d, { withLabel: !withDiet }), ...(withDiet ? [[dietCell(style, d)]] : [])]]);
        out.push(boxTable(style, columns, groups));
        if (result.hidden) out.push(...prose(style, `${result.hidden} more ${result.hidden === 1 ? 'dish is' : 'dishes are'} not ${result.diet}.`, c.dim));
      } else if (result.hidden) {
        out.push(...prose(style, `No ${result.diet} dishes today, ${day} (${result.hidden} other ${result.hidden === 1 ? 'dish' : 'dishes'}).`, c.yellow));
      } else {
        out.push(...prose(style, `No menu is published for today, ${day}.${result.weekend ? ` ${capitalise(WEEKEND_HINT)}.` : ''}`, c.yellow));
      }
      out.push(...whereToGo(style, r));
      return out;
    }
    case 'ambiguous':
      return [...prose(style, `${ambiguity(result)}:`, style.c.bold), ...listLines(style, [{ region: '', restaurants: result.candidates }], false)];
    case 'not_found':
    case 'list':
      return listLines(style, result.regions);
    case 'elsewhere':
    case 'cancelled':
      return [];
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Piped output: one tab-separated record per line (see the README's table of columns). */
function plain(result: ShowResult, style: Style): string[] {
  switch (result.status) {
    case 'found':
      return result.dishDetails.map((d) => dishRecord(style, result.restaurant, d));
    case 'ambiguous':
      return result.candidates.map((r) => tsv(...restaurantFields(r)));
    case 'not_found':
    case 'list':
      return listRecords(result.regions);
    case 'elsewhere':
    case 'cancelled':
      return [];
  }
}
