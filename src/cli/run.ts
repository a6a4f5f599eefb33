// One run of the CLI: the io it runs against, its settings (flags > environment > saved >
// default), its notes, and the menu source its lookups share. Commands get what they need from
// here; at the end, `finish` writes the cache once and prints the notes after the output.
import type { Restaurant } from '../api/model.js';
import { DiskCache } from '../store/cache.js';
import type { MenusOptions } from '../menu/menus.js';
import { EXIT, UsageError } from '../errors.js';
import type { DietFilter } from '../food/filter.js';
import type { Io } from './io.js';
import { openInBrowser } from './browser.js';
import { Notices } from './notices.js';
import { cacheDir, configDir } from '../store/paths.js';
import type { Rendered } from '../render/common.js';
import { loadPainter } from '../render/paint.js';
import { chooseStyle, type Style } from '../render/style.js';
import { loadTable } from '../render/table.js';
import { pick, resolve, settingDef, type Origin, type Saved, type SettingKey, type SettingValue } from '../settings/table.js';
import { SettingsStore } from '../store/settings-store.js';
import { MenuSource, type CacheMode } from '../menu/source.js';
import { staleNote, type StaleUse } from '../render/wording.js';
import { clip, fitLines } from '../text.js';

export class Run {
  readonly notices = new Notices();
  /** The command-line options of the command being run, by setting. */
  flags: Partial<Record<SettingKey, unknown>> = {};
  /** commander's parse errors, each as one line, for the usage error main reports. */
  readonly parseErrors: string[] = [];
  /** What the command returned. */
  exitCode: number = EXIT.ok;
  private saved: Saved | undefined;
  private store: SettingsStore | undefined;
  private menuSource: MenuSource | undefined;
  private readonly staleUses: StaleUse[] = [];
  private chosenStyle: Style | undefined;
  private progressShown = false;
  /** What the run is waiting for (requests in flight), and the menus' count, for the progress line. */
  private readonly waitingFor = new Set<string>();
  private menusDone: string | undefined;
  private progressTimer: NodeJS.Timeout | undefined;

  constructor(readonly io: Io) {}

  get env() {
    return this.io.env;
  }

  now = (): number => this.io.now();

  settingsStore(): SettingsStore {
    return (this.store ??= new SettingsStore(configDir(this.env), this.notices, this.now));
  }

  /** A setting's value: flag > environment > saved > default. */
  setting<K extends SettingKey>(key: K): SettingValue<K> {
    return this.resolved(key).value;
  }

  /** Where a setting's value comes from. */
  origin(key: SettingKey): Origin {
    return this.resolved(key).from;
  }

  private resolved<K extends SettingKey>(key: K) {
    // The settings file is read once, and only when a setting that can be saved is asked for.
    if (settingDef(key).saved) this.saved ??= this.settingsStore().read();
    return resolve(key, { flags: this.flags, env: this.env, saved: this.saved });
  }

  /** Whether a setting was given on the command line. */
  given(key: SettingKey): boolean {
    return this.flags[key] !== undefined;
  }

  /** How output looks, decided once; what it needs to draw (chalk for colour, cli-table3 for tables) is loaded here. */
  async style(): Promise<Style> {
    const style = (this.chosenStyle ??= chooseStyle(
      { json: this.flags.json === true, color: this.setting('color'), english: this.setting('english') },
      this.io.stdout,
      this.env,
    ));
    await loadPainter(style.c);
    if (style.mode === 'table') await loadTable();
    return style;
  }

  /** The menu source every lookup of this run shares (one time budget, one cache write). */
  source(): MenuSource {
    if (!this.menuSource) {
      const refresh = this.setting('refresh');
      const useCache = this.setting('cache');
      if (refresh && !useCache) throw new UsageError('--refresh and --no-cache cannot be used together');
      const cacheMode: CacheMode = !useCache ? 'off' : refresh ? 'refresh' : 'use';
      this.menuSource = new MenuSource({
        api: this.setting('api'),
        timeoutMs: this.setting('timeout'),
        menuTtlMs: this.setting('ttl'),
        cacheMode,
        cache: new DiskCache(cacheDir(this.env), this.notices),
        onStale: (use) => this.staleUses.push(use),
        onWarning: (warning) => this.notices.warn(warning.message),
        now: this.now,
        retryDelayMs: this.io.retryDelayMs,
        onFetching: (what, started) => this.fetching(what, started),
      });
    }
    return this.menuSource;
  }

  diet(): DietFilter | null {
    const diet = this.setting('diet');
    return diet === 'any' ? null : diet;
  }

  /** Where the region comes from, named for errors, when it was not typed on the command line. */
  regionFrom(): string | undefined {
    if (this.given('region')) return undefined;
    this.resolved('region');
    const { from, origin } = pick('region', { flags: this.flags, env: this.env, saved: this.saved });
    return from === 'env' || from === 'saved' ? origin : undefined;
  }

  /** The region filter as typed: `all` and aliases are resolved against the list by the command. */
  region(): string | null {
    return this.setting('region');
  }

  menusOptions(): MenusOptions {
    const progress = this.progress();
    return {
      source: this.source(),
      region: this.region(),
      regionFrom: this.regionFrom(),
      diet: this.diet(),
      concurrency: this.setting('concurrency'),
      favorites: this.setting('favorites'),
      onlyFavorites: this.setting('onlyFavorites'),
      regionGiven: this.given('region'),
      favoritesFromEnv: this.origin('favorites') === 'env',
      now: this.now,
      onProgress: progress,
      note: (message) => this.notices.warn(message),
    };
  }

  /** Whether a progress line may be drawn: stderr is a terminal and the output is not JSON. */
  private showsProgress(): boolean {
    return this.io.stderr.isTTY === true && this.flags.json !== true;
  }

  /**
   * `Fetching menus 7/18` on a terminal's stderr as menus arrive; nothing when piped or with --json.
   * Erased before the output and by `finish`.
   */
  private progress(): ((done: number, total: number) => void) | undefined {
    if (!this.showsProgress()) return undefined;
    return (done, total) => {
      this.menusDone = `Fetching menus ${done}/${total}`;
      this.drawProgress();
    };
  }

  /**
   * A request started or ended. Within half a second of a wait starting, the line says what the
   * run waits for (`Fetching the restaurant list…`), so a slow API never leaves a blank screen.
   */
  private fetching(what: string, started: boolean): void {
    if (!this.showsProgress()) return;
    if (started) this.waitingFor.add(what);
    else this.waitingFor.delete(what);
    if (started && !this.progressTimer && !this.progressShown) {
      this.progressTimer = setTimeout(() => this.drawProgress(), 500);
      this.progressTimer.unref();
    }
    if (this.progressShown && !this.menusDone) this.drawProgress();
  }

  private drawProgress(): void {
    const [first] = this.waitingFor;
    const text = this.menusDone ?? (first === undefined ? undefined : `Fetching ${first}…`);
    if (text === undefined) return this.clearProgress();
    const width = Math.max(10, (this.io.stderr.columns || 80) - 1);
    this.progressShown = true;
    this.io.stderr.write(`\r\x1b[K${clip(text, width)}`);
  }

  /** Prints a command's output; its notes wait for `finish`. Returns the exit code. */
  print(out: Rendered, exitCode: number = EXIT.ok): number {
    this.clearProgress();
    // On a terminal, a line of ours wider than it wraps at word boundaries (a table already fits).
    const style = this.chosenStyle;
    if (out.stdout) this.io.stdout.write(style?.mode === 'table' ? fitLines(out.stdout, style.columns) : out.stdout);
    for (const note of out.notes) this.notices.warn(note);
    return exitCode;
  }

  private clearProgress(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.waitingFor.clear();
    this.menusDone = undefined;
    if (this.progressShown) this.io.stderr.write('\r\x1b[K');
    this.progressShown = false;
  }

  /**
   * On an interactive terminal (stdin and stdout terminals, no --json, --no-input or CI), a
   * searchable list to choose from when a name fits several restaurants or none.
   */
  async picker(): Promise<((query: string, candidates: Restaurant[], fits: boolean) => Promise<Restaurant | undefined>) | undefined> {
    // stdin last: touching it sets up a stream, which a piped run never needs.
    const interactive = this.io.stdout.isTTY && this.flags.json !== true && !this.env.CI && this.setting('input') && this.io.stdin?.isTTY;
    if (!interactive) return undefined;
    return async (query, candidates, fits) => {
      this.clearProgress();
      for (const line of this.notices.take()) this.writeNote(line);
      const { pick } = await import('../render/picker.js'); // lazy: the prompt library is not on the warm path
      const { c } = await this.style();
      const choose = () => pick(this.io, c, query, candidates, fits);
      // --timeout limits the requests, not the person choosing.
      return this.menuSource ? this.menuSource.outsideBudget(choose) : choose();
    };
  }

  /** `--open map|menu|homepage`: opens the restaurant's link; prints it when no browser can. */
  async open(restaurant: Restaurant): Promise<void> {
    const which = this.setting('open');
    if (!which) return;
    const url = { map: restaurant.mapUrl, menu: restaurant.menuUrl || restaurant.homepage, homepage: restaurant.homepage }[which];
    if (!url) return this.notices.warn(`${restaurant.name} has no ${which === 'menu' ? 'menu page' : which} link`);
    const opened = await (this.io.openUrl ?? openInBrowser)(url);
    if (!opened) {
      // The output has the whole link unless a terminal shows it as a short clickable text.
      const shown = this.chosenStyle !== undefined && !this.chosenStyle.links;
      this.notices.warn(shown ? `could not open a browser; the ${which} link is in the output above` : `could not open a browser; the ${which} link is ${url}`);
    }
  }

  /** The restaurant list from the cache alone, for this run's API (no request). */
  cachedRestaurants(): Restaurant[] | undefined {
    return this.source().cachedRestaurants();
  }

  /** Writes the cache once, then every note, after the output. */
  async finish(failed?: { json: boolean }): Promise<void> {
    this.clearProgress();
    await this.menuSource?.flush();
    // A failed run showed nothing, so no stale copy was shown either; under --json the error
    // object on stdout is the whole answer.
    const stale = failed ? undefined : staleNote(this.staleUses, this.now());
    if (stale) this.notices.warn(stale);
    const lines = this.notices.take();
    if (failed?.json) return;
    for (const line of lines) this.writeNote(line);
  }

  /** A note on stderr; on a terminal, wrapped at word boundaries to its width, continuation lines indented. */
  private writeNote(note: string): void {
    const line = `restaurant-menu: ${note}`;
    this.io.stderr.write(`${this.io.stderr.isTTY ? fitLines(line, this.io.stderr.columns || 80, '  ') : line}\n`);
  }
}
