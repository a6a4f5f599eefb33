// The usual set-up of an end-to-end test file: one stand-in API for the file (reset before each
// test) and a fresh sandboxed HOME for each test.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startMenuApi, type MenuApi } from './menu-api.js';
import { sandbox, type RunResult, type Sandbox } from './run-cli.js';

export interface StandIn {
  api: MenuApi;
  box: Sandbox;
  /** Runs the binary with `--api <stand-in>` and the given arguments. */
  run(...args: string[]): Promise<RunResult>;
}

export function useStandIn(): StandIn {
  const ctx = {
    run: (...args: string[]) => ctx.box.run(['--api', ctx.api.url, ...args]),
  } as StandIn;
  beforeAll(async () => {
    ctx.api = await startMenuApi();
  });
  afterAll(() => ctx.api.close());
  beforeEach(() => {
    ctx.api.reset();
    ctx.box = sandbox();
  });
  afterEach(() => ctx.box.cleanup());
  return ctx;
}
