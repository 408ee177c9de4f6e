import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Instants are shown in the rep's own zone (the process's, in tests): pin it, so a figure never
// depends on the machine the tests run on. Tests of other zones pass the zone explicitly.
process.env.TZ = 'UTC';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Property and fuzz tests run thousands of cases: on a busy 2-core CI box 5 s is not enough.
    testTimeout: 120_000,
  },
});
