// On a real terminal: the built binary under a pseudo-terminal (util-linux `script`), for what
// only a terminal shows: tables sized to it, colour, the progress line, hyperlinks, hostile text,
// and the interactive picker driven by keystrokes.
import { describe, expect, test } from 'vitest';
import { SATURDAY } from '../helpers/clock.js';
import { serveHostile, strayControls } from '../helpers/hostile.js';
import { BIN, sandbox, useBinary } from '../helpers/binary.js';
import { onPty, shellQuote } from '../helpers/pty.js';

const t = useBinary();

interface Terminal {
  /** Everything the terminal received so far (\r\n normalised). */
  output(): string;
  /** Resolves when the output contains `text` (bounded). */
  waitFor(text: string | RegExp, ms?: number): Promise<void>;
  type(keys: string): void;
  exited: Promise<number | null>;
}

/** Runs the CLI with stdin, stdout and stderr on a pseudo-terminal of `columns` columns. */
function onTerminal(args: string[], columns: number, env: Record<string, string | undefined> = {}, who = t.box): Terminal {
  const command = [process.execPath, BIN, '--api', t.api.url, ...args].map(shellQuote).join(' ');
  const pty = onPty(`stty cols ${columns} rows 50; ${command}`, { env: { ...who.env, TERM: 'xterm-256color', ...env } });
  return {
    output: () => pty.output().replace(/\r\n/g, '\n'),
    type: pty.type,
    exited: pty.exited,
    waitFor: (text, ms) => pty.waitUntil((out) => (typeof text === 'string' ? out.includes(text) : text.test(out)), String(text), ms),
  };
}

async function run(args: string[], columns: number, env: Record<string, string | undefined> = {}, who = t.box): Promise<string> {
  const term = onTerminal(args, columns, env, who);
  term.type('\u0004'); // nothing to read: end of input
  await term.exited;
  return term.output();
}

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').replace(/\x1b\]8;;[^\x1b]*\x1b\\/g, '');
const width = (s: string) => [...s].reduce((n, c) => n + (/\p{Extended_Pictographic}/u.test(c) ? 2 : 1), 0);

describe('tables fit the terminal', () => {
  test.each([40, 80])('%d columns: every line fits, names and dishes wrap between words', async (columns) => {
    const out = stripAnsi(await run(['today', '--english'], columns));
    // What the progress line wrote is overwritten (\r): what stays on a line is after the last \r.
    const lines = out.split('\n').map((l) => l.split('\r').at(-1)!).filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(columns);
    expect(out).toContain('Livet');
    expect(out).not.toMatch(/Restauran…|Restauran\n/);
  });

  test('in colour, bold names; NO_COLOR and --color never turn colour off', async () => {
    expect(await run(['livet', '--refresh'], 60)).toMatch(/\x1b\[1mLivet \[Restaurant\]/);
    expect(await run(['livet'], 80, { NO_COLOR: '1' })).not.toMatch(/\x1b\[\d+m/);
    expect(await run(['livet', '--color', 'never'], 80)).not.toMatch(/\x1b\[\d+m/);
  });

  test('today shows progress on the terminal and erases it', async () => {
    const out = await run(['today', '--refresh'], 100);
    expect(out).toContain('Fetching menus 1/18');
    expect(out).toContain('Fetching menus 18/18\r\x1b[K');
    expect(stripAnsi(out)).toContain('Lunch today, Wednesday 2 Dec');
  });

  test.each([[['today', '--region', 'ki', '--no-cache']], [['dufva', '--no-cache']]])('a slow API: %j says what it waits for while it waits, and erases it', async (args) => {
    // The stand-in holds every answer until the test has seen the progress line.
    let open!: () => void;
    t.api.gate = new Promise((resolve) => (open = resolve));
    const term = onTerminal(args, 80);
    try {
      await term.waitFor('Fetching the restaurant list…', 10_000);
    } finally {
      open();
    }
    expect(await term.exited).toBe(0);
    const out = term.output();
    // Each drawing of the line is erased before the output, and the line is gone at the end.
    expect(out).toMatch(/Fetching [^\n]*\r\x1b\[K/);
    expect(stripAnsi(out.replace(/\r\x1b\[K/g, '\n'))).not.toMatch(/Fetching[^\n]*\n?$/);
  });

  test('piped, a slow API shows no progress at all', async () => {
    t.api.latencyMs = 700; // longer than the half second after which a terminal shows progress
    const r = await t.box.run(['--api', t.api.url, 'dufva', '--no-cache']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  test('on a Saturday, an empty menu is said once (on stdout), not again on stderr', async () => {
    t.api.dishes.svarta = [];
    const saturday = sandbox(SATURDAY);
    try {
      const out = stripAnsi(await run(['svarta'], 80, {}, saturday));
      expect(out.match(/usually closed\s+on weekends/g)).toHaveLength(1);
      expect(out).not.toContain('restaurant-menu:');
    } finally {
      saturday.cleanup();
    }
  });
});

describe('links', () => {
  test('where the terminal supports it, links are OSC 8 hyperlinks with short text', async () => {
    const out = await run(['dufva'], 80, { FORCE_HYPERLINK: '1' });
    expect(out).toContain('\x1b]8;;http://svendufva.se/\x1b\\svendufva.se\x1b]8;;\x1b\\');
    expect(out).toMatch(/\x1b\]8;;https:\/\/www\.openstreetmap\.org\/\?mlat=59\.84292&mlon=17\.64129#map=19\/59\.84292\/17\.64129\x1b\\openstreetmap\.org\x1b/);
  });

  test('elsewhere, the full URL', async () => {
    const out = await run(['dufva'], 80);
    expect(out).not.toContain('\x1b]8;;');
    expect(out).toContain('http://svendufva.se/');
  });
});

test('hostile text from the API: nothing but our own colour codes reaches the terminal', async () => {
  serveHostile(t.api);
  for (const args of [['evil'], ['today'], ['find', 'soup']]) {
    const out = (await run(args, 80, { FORCE_HYPERLINK: '1' })).replace(/\r(\x1b\[K)?/g, '').replace(/\x1b\]8;;https?:[^\x1b\x07]*\x1b\\|\x1b\]8;;\x1b\\/g, '');
    expect(strayControls(out, true), out).toEqual([]);
    expect(out).toContain('␛]52;c;');
  }
});

describe('the picker', () => {
  test('an ambiguous name offers a searchable list; typing filters, Enter shows that menu', async () => {
    const term = onTerminal(['restaurang'], 80);
    await term.waitFor('which one?');
    term.type('omni');
    await term.waitFor(/❯ Restaurang Omni|> Restaurang Omni/);
    term.type('\r');
    expect(await term.exited).toBe(0);
    const out = stripAnsi(term.output());
    expect(out).toContain('Raggmunk med fläsk och lingon');
  });

  test.each([
    [['--color', 'never'], {}],
    [[], { NO_COLOR: '1' }],
  ])('%j %j: the list has no colour either (it has by default)', async (flags, env) => {
    const pickWith = async (extra: string[], environment: Record<string, string>) => {
      const term = onTerminal(['restaurang', ...extra], 80, environment);
      await term.waitFor('which one?');
      term.type('\x1b');
      await term.exited;
      return term.output();
    };
    expect(await pickWith([], {})).toMatch(/\x1b\[[\d;]*m/);
    expect(await pickWith(flags, env)).not.toMatch(/\x1b\[[\d;]*m/);
  });

  test('time spent choosing does not count against --timeout: the time limit covers requests', async () => {
    const term = onTerminal(['restaurang', '--timeout', '1s'], 80);
    await term.waitFor('which one?');
    // The person reads the list for longer than the whole time budget before choosing.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    term.type('omni');
    await term.waitFor(/❯ Restaurang Omni|> Restaurang Omni/);
    term.type('\r');
    expect(await term.exited, term.output()).toBe(0);
    const out = stripAnsi(term.output());
    expect(out).toContain('Raggmunk med fläsk och lingon');
    expect(out).not.toContain('did not answer');
  });

  test.each([[['zzz']], [['xyzzy', 'plugh']]])('%j matches nothing: the list says so instead of claiming a fit', async (args) => {
    const term = onTerminal(args, 80);
    await term.waitFor('all of them:');
    const shown = stripAnsi(term.output());
    expect(shown).toContain(`No restaurant matches '${args.join(' ')}'; all of them:`);
    expect(shown).not.toContain('fits several');
    term.type('\x1b');
    expect(await term.exited).toBe(1);
  });

  test('arrow keys move the choice', async () => {
    const term = onTerminal(['restaurang'], 80);
    await term.waitFor('which one?');
    term.type('\x1b[B'); // down: the second of the A-Z list
    await term.waitFor(/❯ Restaurang Bikupan|> Restaurang Bikupan/);
    term.type('\r');
    expect(await term.exited).toBe(0);
    expect(stripAnsi(term.output())).toContain('Köttbullar med gräddsås');
  });

  test.each([
    ['Esc', '\x1b'],
    ['Ctrl-C', '\x03'],
  ])('%s leaves with exit 1 and no trace', async (_, key) => {
    const term = onTerminal(['restaurang'], 80);
    await term.waitFor('which one?');
    term.type(key);
    expect(await term.exited).toBe(1);
    expect(stripAnsi(term.output()).split('which one?').at(-1)).not.toMatch(/restaurant-menu:|Error|at /);
  });

  test('not for a dish: `restaurant-menu kyckling` points to find instead', async () => {
    const out = stripAnsi(await run(['kyckling'], 80));
    expect(out).not.toContain('Which restaurant?');
    // (The note wraps to the terminal's width.)
    expect(out.replace(/\s+/g, ' ')).toContain('looking for a dish? restaurant-menu find kyckling');
  });

  test('never with --no-input, --json or CI: the list and exit 1 as before', async () => {
    for (const [args, env] of [
      [['restaurang', '--no-input'], {}],
      [['restaurang', '--json'], {}],
      [['restaurang'], { CI: 'true' }],
    ] as const) {
      const out = stripAnsi(await run([...args], 80, env));
      expect(out).not.toContain('which one?');
      expect(out).toMatch(/matches 5 restaurants|"status": "ambiguous"/);
    }
  });
});
