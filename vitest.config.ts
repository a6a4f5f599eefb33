import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // End-to-end files each start their own stand-in API on port 0; two cores, two workers.
    maxWorkers: 2,
  },
});
