import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores, two workers; each file starts its own stand-in servers on port 0. The files share
    // no state through modules (every run of the CLI gets its own io, HOME and clock), so they
    // need not re-import the sources each: that saves a few seconds of a ~40-second suite.
    maxWorkers: 2,
    isolate: false,
  },
});
