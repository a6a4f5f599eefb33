// The interactive picker: a searchable list of restaurants (arrow keys, type to filter, Enter
// chooses; Esc or Ctrl-C leaves without a trace). Loaded lazily, only on an interactive terminal.
import search from '@inquirer/search';
import type { Restaurant } from '../api/model.js';
import type { Io } from '../io.js';
import { fold, quote } from '../text.js';
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
        source: (term) => {
          const words = fold(term ?? '').split(' ').filter(Boolean);
          return candidates
            .filter((r) => words.every((w) => fold(`${r.name} ${r.id} ${r.region}`).includes(w)))
            .map((r) => ({ name: `${r.name}  (${r.region})`, value: r, description: r.id }));
        },
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
