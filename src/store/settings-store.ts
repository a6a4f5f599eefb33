// Saved settings (`restaurant-menu config ...`): config.json in the user's config directory,
// `{ "<key>": "<canonical text>" }`. Every run reads the file directly (no library on that path);
// a change is written by conf (atomic, mode 0600 for a new file, checked against a schema built from the
// settings table), loaded only then, inside our cross-process lock, so that concurrent
// `config set` of different keys keep every key (conf has no lock across processes).
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { LocalError } from '../errors.js';
import { fileErrorReason, Locked, readJsonObject, withLock, writableMode, type FileRead } from './files.js';
import type { Notices } from '../cli/notices.js';
import { canonical, isSettingKey, SETTINGS, type Saved, type SettingKey } from '../settings/table.js';

const MAX_FILE_BYTES = 1024 * 1024;

export const configFileIn = (dir: string) => join(dir, 'config.json');

export class SettingsStore {
  readonly file: string;

  constructor(
    readonly dir: string,
    private readonly notices: Notices,
    private readonly now: () => number,
  ) {
    this.file = configFileIn(dir);
  }

  /**
   * The saved settings that are valid. A damaged file is moved aside (never erased) with a
   * note; a single bad value is ignored with a note.
   */
  read(): Saved {
    const read = this.readFile();
    if (read.state !== 'ok') return {};
    const settings: Saved = {};
    // Hand-editable, so untrusted: only own keys that name a saved setting (isSettingKey is an
    // own-property check, so `__proto__` and `constructor` name nothing), and only plain values.
    for (const [key, value] of Object.entries(read.data)) {
      if (!isSettingKey(key) || !SETTINGS[key].saved) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        this.ignoring(key, 'it is not a text, a number or true/false');
        continue;
      }
      try {
        settings[key] = canonical(key, String(value));
      } catch (error) {
        this.ignoring(key, (error as Error).message);
      }
    }
    return settings;
  }

  /** Keys whose bad saved value is not worth a note in this run (`config unset color` is removing it). */
  readonly quiet = new Set<string>();

  private ignoring(key: SettingKey, why: string): void {
    if (!this.quiet.has(key)) this.notices.warn(`ignoring the saved setting ${key}: ${why}; to drop it: restaurant-menu config unset ${key}`);
  }

  /** Saves a value already checked by the caller (in canonical form). */
  async set(key: SettingKey, text: string): Promise<void> {
    await this.change((data) => {
      data[key] = text;
    });
  }

  async unset(key: SettingKey): Promise<boolean> {
    let had = false;
    await this.change((data) => {
      had = Object.hasOwn(data, key);
      delete data[key];
    });
    return had;
  }

  private readFile(quiet = false): FileRead {
    const read = readJsonObject(this.file, MAX_FILE_BYTES);
    if (read.state === 'unreadable' && !quiet) this.notices.warn(`cannot read your config file ${this.file} (${read.reason}); using defaults`);
    if (read.state === 'corrupt') {
      const aside = `${this.file}.bad-${new Date(this.now()).toISOString().replace(/[:.]/g, '-')}`;
      try {
        renameSync(this.file, aside);
        this.notices.warn(`your config file ${this.file} was damaged (${read.reason}); moved it to ${aside} and using defaults`);
      } catch {
        this.notices.warn(`your config file ${this.file} is damaged (${read.reason}); using defaults`);
      }
    }
    return read;
  }

  private async change(edit: (data: Record<string, unknown>) => void): Promise<void> {
    try {
      // Loaded before the lock is taken, so that the lock is held only for the change itself.
      const { default: Conf } = await import('conf');
      await withLock(this.file, () => {
        // Moves a damaged file aside first, so the change starts clean; an unreadable one fails below, said once.
        const read = this.readFile(true);
        if (read.state === 'unreadable') throw new Error(read.reason);
        // Never through a link, onto a directory or special file; an existing file keeps its mode.
        const mode = writableMode(this.file);
        const store = openStore(Conf, this.dir, mode);
        // A null-prototype copy: a key `__proto__` in the file stays a key (and is kept as it was).
        const data: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, store.store);
        edit(data);
        store.store = data;
        // A person typing `config set` waits for another live writer longer than a lookup does for
        // the cache: ten at once on a busy machine took more than five seconds in all.
      }, 15_000);
    } catch (error) {
      const reason = error instanceof Locked ? 'another process kept it locked' : fileErrorReason(error);
      throw new LocalError('CONFIG_WRITE', `cannot save settings to ${this.file} (${reason}); nothing was changed`);
    }
  }
}

/**
 * conf, over config.json in `dir`. The schema: each saved setting of the table, as its canonical
 * text (what `config set` writes; a value read as a number or true/false by hand is accepted, as
 * reading accepts it); other keys are kept as they are.
 */
function openStore(Conf: typeof import('conf').default, dir: string, mode: number) {
  const schema = Object.fromEntries(
    Object.entries(SETTINGS)
      .filter(([, def]) => def.saved)
      .map(([key]) => [key, { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] }]),
  );
  return new Conf<Record<string, unknown>>({
    cwd: dir,
    configName: 'config',
    fileExtension: 'json',
    schema,
    // 0600 for a new file (writableMode); an existing file keeps its mode.
    configFileMode: mode,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
    // The file as earlier versions wrote it.
    serialize: (value) => `${JSON.stringify(value, null, 2)}\n`,
  });
}
