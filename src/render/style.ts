// How output looks: which format (a table for people, tab-separated lines for pipes, JSON), and
// on a terminal whether there is colour and whether links are clickable. Decided once per run,
// from the flags, the environment and whether stdout is a terminal.
import type { Output } from '../cli/io.js';
import type { Env } from '../settings/table.js';
import { painter, type Painter } from './paint.js';

export type OutputMode = 'table' | 'plain' | 'json';

export interface Style {
  mode: OutputMode;
  c: Painter;
  /** Terminal width to fit tables and prose into. */
  columns: number;
  /** Whether links can be OSC 8 hyperlinks. */
  links: boolean;
  /** Whether dishes carry their English gloss. */
  english: boolean;
}

export type ColorWhen = 'auto' | 'always' | 'never';

export interface StyleChoice {
  json: boolean;
  color: ColorWhen;
  english?: boolean;
}

/** A value that means "on", as FORCE_COLOR and friends use them: set, and not 0/false. */
const on = (value: string | undefined) => value !== undefined && value !== '' && !['0', 'false', 'no'].includes(value.toLowerCase());

/**
 * The table layout when stdout is a terminal, or when RESTAURANT_MENU_FORCE_TTY is set (for
 * `| less -R` or `watch`; a number there is the width to use, as with gh's GH_FORCE_TTY).
 * Colour follows clig.dev: --color always|never wins; then NO_COLOR (any non-empty value) turns
 * it off and FORCE_COLOR (non-empty, not 0) turns it on; else colour on a terminal that is not
 * "dumb". JSON is never coloured.
 */
export function chooseStyle(choice: StyleChoice, stdout: Output, env: Env): Style {
  const forced = env.RESTAURANT_MENU_FORCE_TTY;
  const tty = Boolean(stdout.isTTY) || on(forced);
  const mode: OutputMode = choice.json ? 'json' : tty ? 'table' : 'plain';
  const forcedColumns = Number(forced);
  const columns = Number.isInteger(forcedColumns) && forcedColumns >= 20 ? forcedColumns : stdout.isTTY ? stdout.columns || 80 : 80;
  const color =
    mode !== 'json' &&
    (choice.color === 'always' ||
      (choice.color === 'auto' && !env.NO_COLOR && (on(env.FORCE_COLOR) || (tty && env.TERM !== 'dumb'))));
  return {
    mode,
    c: painter(color),
    columns: Math.max(20, columns),
    links: mode === 'table' && Boolean(stdout.isTTY) && supportsHyperlinks(env),
    english: choice.english ?? false,
  };
}

/**
 * Whether the terminal shows OSC 8 hyperlinks (the terminals supports-hyperlinks knows, read
 * from the given environment). FORCE_HYPERLINK=1 or 0 decides outright.
 */
export function supportsHyperlinks(env: Env): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return on(env.FORCE_HYPERLINK);
  if (env.CI || env.TERM === 'dumb' || env.TMUX || env.STY) return false; // multiplexers may strip them
  if (env.WT_SESSION || env.KONSOLE_VERSION || env.DOMTERM) return true;
  if (env.VTE_VERSION) return Number(env.VTE_VERSION) >= 5000;
  if (env.TERM === 'xterm-kitty' || env.TERM === 'xterm-ghostty' || env.TERM === 'foot' || env.TERM === 'wezterm') return true;
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return Number((env.TERM_PROGRAM_VERSION ?? '0').split('.')[0]) >= 3;
    case 'WezTerm':
    case 'vscode':
    case 'ghostty':
    case 'Hyper':
      return true;
    default:
      return false;
  }
}

/** A link: OSC 8 with short visible text where the terminal supports it, else the URL itself. */
export function link(style: Style, url: string, text: string): string {
  return style.links ? `\x1b]8;;${url}\x1b\\${text}\x1b]8;;\x1b\\` : url;
}
