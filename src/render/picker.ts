// The interactive picker: a searchable list of restaurants (arrow keys, type to filter, Enter
// chooses; Esc or Ctrl-C leaves without a trace). Loaded lazily, only on an interactive terminal.
import search, { Separator } from '@inquirer/search';
import type { Restaurant } from '../api/model.js';
import type { Io } from '../cli/io.js';
import { foldHead } from '../menu/matching.js';
import { clip, fold, quote } from '../text.js';
import type { Painter } from './paint.js';

/**
 * The prompt's look in our colours: the library decides colour once, from the environment
 * alone, so `--color never` would not reach it; every colour it uses is given here.
 */
function theme(c: Painter) {
  return {
    prefix: { idle: c.cyan('?'), done: c.green('✔') },
    spinner: { interval: 80, frames: ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'].map((f) => c.yellow(f)) },
    icon: { cursor: '❯' },
    style: {
      answer: c.cyan,
      message: c.bold,
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: c.dim,
      highlight: c.cyan,
      key: (text: string) => c.cyan(c.bold(`<${text}>`)),
      disabled: (text: string) => c.dim(`- ${text}`),
      searchTerm: c.cyan,
      description: c.cyan,
      keysHelpTip: (keys: [string, string][]) => keys.map(([key, action]) => `${c.bold(key)} ${c.dim(action)}`).join(c.dim(' • ')),
    },
  };
}

/** How much of a name, region and identifier the list shows: a line, not a screenful, per restaurant. */
const SHOWN_NAME = 60;
const SHOWN_REGION = 24;
/** The most restaurants the list holds at once; typing narrows it. */
export const SHOWN_CHOICES = 200;

/**
 * What the list shows for each search term: the restaurants whose name, identifier or region
 * hold every word of the term. Each restaurant is folded once, when the list opens, on the first
 * MATCHED_LENGTH characters of each field, and shown clipped: the prompt lays out every choice
 * on every keystroke, so a keystroke costs time in proportion to the number of restaurants, not
 * to the length of their names; and it holds at most SHOWN_CHOICES of them, with a line saying
 * how many more there are.
 */
export function pickerSource(candidates: readonly Restaurant[]) {
  const choices = candidates.map((r) => ({
    text: [r.name, r.id, r.region].map(foldHead).join(' '),
    shown: clip(r.name, SHOWN_NAME),
    choice: { name: `${clip(r.name, SHOWN_NAME)}  (${clip(r.region, SHOWN_REGION)})`, value: r, description: clip(r.id, SHOWN_NAME) },
  }));
  // In the order of the names shown, as Swedish sorts them (Å, Ä, Ö after Z; case and accents
  // second), not by identifier; then by region and identifier, so the order is the same every time.
  const collator = new Intl.Collator('sv', { numeric: true });
  choices.sort((a, b) => collator.compare(a.shown, b.shown) || collator.compare(a.choice.value.region, b.choice.value.region) || (a.choice.value.id < b.choice.value.id ? -1 : a.choice.value.id > b.choice.value.id ? 1 : 0));
  return (term: string | undefined) => {
    const words = [...new Set(fold(term ?? '').split(' ').filter(Boolean))];
    const fitting = choices.filter((c) => words.every((w) => c.text.includes(w)));
    const shown: Array<(typeof choices)[number]['choice'] | Separator> = fitting.slice(0, SHOWN_CHOICES).map((c) => c.choice);
    if (fitting.length > SHOWN_CHOICES) shown.push(new Separator(`… ${fitting.length - SHOWN_CHOICES} more; type to narrow the list`));
    return shown;
  };
}

/** `fits` says whether the query fits the candidates (ambiguous) or nothing (the whole list is offered). */
export async function pick(io: Io, colour: Painter, query: string, candidates: Restaurant[], fits = true): Promise<Restaurant | undefined> {
  const abort = new AbortController();
  // A lone ESC byte is the Escape key (arrow keys send ESC [ A and so on).
  const onData = (chunk: Buffer | string) => {
    if (chunk.toString() === '\x1b') abort.abort();
  };
  io.stdin?.on('data', onData);
  try {
    return await search<Restaurant>(
      {
        message: !fits ? `No restaurant matches ${quote(query)}; all of them:` : candidates.length > 1 ? `${quote(query)} fits several restaurants; which one?` : 'Which restaurant?',
        pageSize: 10,
        theme: theme(colour),
        source: pickerSource(candidates),
      },
      { input: io.stdin as NodeJS.ReadableStream, output: io.stderr.stream ?? (io.stderr as NodeJS.WritableStream), clearPromptOnDone: true, signal: abort.signal },
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError') return undefined;
    throw error;
  } finally {
    io.stdin?.off('data', onData);
  }
}
