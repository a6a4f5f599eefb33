// The interactive picker: a searchable list of restaurants (arrow keys, type to filter, Enter
// chooses; Esc or Ctrl-C leaves without a trace). Loaded lazily, only on an interactive terminal.
import search from '@inquirer/search';
import type { Restaurant } from '../api/model.js';
import type { Io } from '../io.js';
import { fold } from '../text.js';

export async function pick(io: Io, query: string, candidates: Restaurant[]): Promise<Restaurant | undefined> {
  const abort = new AbortController();
  // A lone ESC byte is the Escape key (arrow keys send ESC [ A and so on).
  const onData = (chunk: Buffer | string) => {
    if (chunk.toString() === '\x1b') abort.abort();
  };
  io.stdin?.on('data', onData);
  try {
    return await search<Restaurant>(
      {
        message: candidates.length > 1 ? `'${query}' fits several restaurants; which one?` : 'Which restaurant?',
        pageSize: 10,
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
