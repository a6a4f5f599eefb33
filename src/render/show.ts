import type { ShowResult } from '../commands/show.js';
import { stockholmDayLabel } from '../stockholm.js';
import { boxTable, listLines, listTsv, names, tsv, whereToGo, type Rendered } from './common.js';
import type { OutputMode, Style } from './style.js';

/** The stderr notes for each outcome; the same in every output mode. */
function notes(result: ShowResult): string[] {
  switch (result.status) {
    case 'found': {
      const notes: string[] = [];
      if (result.match === 'typo') notes.push(`no restaurant is called '${result.query}'; showing ${result.restaurant.name} (${result.restaurant.id})`);
      if (result.dishes.length === 0) {
        notes.push(`${result.restaurant.name} has published no menu for today${result.weekend ? '; restaurants are usually closed on weekends' : ''}`);
      }
      return notes;
    }
    case 'ambiguous':
      return [`'${result.query}' matches ${result.candidates.length} restaurants; add more of the name or use an identifier`];
    case 'not_found':
      return [
        `no restaurant matches '${result.query}'` +
          (result.suggestions.length ? `; did you mean ${names(result.suggestions)}?` : '; here are all of them'),
      ];
    case 'list':
      return [];
  }
}

export function renderShow(result: ShowResult, mode: OutputMode, style: Style): Rendered {
  const stderr = notes(result);
  if (mode === 'json') return { stdout: `${JSON.stringify(result, null, 2)}\n`, stderr };
  const lines = mode === 'plain' ? plain(result) : terminal(result, style);
  return { stdout: lines.length ? `${lines.join('\n')}\n` : '', stderr };
}

function terminal(result: ShowResult, style: Style): string[] {
  const { c } = style;
  switch (result.status) {
    case 'found': {
      const r = result.restaurant;
      const day = stockholmDayLabel(Date.parse(`${result.date}T12:00:00Z`));
      const lines = [`${c.bold(r.name)} ${c.dim('·')} ${r.region}${result.source.stale ? c.yellow('  (cached copy: the API did not answer)') : ''}`];
      if (result.dishes.length) {
        lines.push(boxTable(style, [`Today, ${day}`], result.dishes.map((d) => [d]), [1]));
      } else {
        lines.push(c.yellow(`No menu is published for today, ${day}.`));
        if (result.weekend) lines.push('Restaurants are usually closed on weekends.');
      }
      lines.push(...whereToGo(style, r));
      return lines;
    }
    case 'ambiguous':
      return listLines(style, [{ region: 'Did you mean', restaurants: result.candidates }]);
    case 'not_found':
    case 'list':
      return listLines(style, result.regions);
  }
}

/** Piped output: one tab-separated record per line; the first field says what the line is. */
function plain(result: ShowResult): string[] {
  switch (result.status) {
    case 'found': {
      const r = result.restaurant;
      return [
        tsv('restaurant', r.name, r.region, r.id),
        ...result.dishes.map((d) => tsv('dish', d)),
        ...(r.homepage ? [tsv('homepage', r.homepage)] : []),
        ...(r.mapUrl ? [tsv('map', r.mapUrl)] : []),
        ...(r.menuUrl ? [tsv('menu', r.menuUrl)] : []),
      ];
    }
    case 'ambiguous':
      return result.candidates.map((r) => tsv(r.region, r.id, r.name));
    case 'not_found':
    case 'list':
      return listTsv(result.regions);
  }
}
