import { defineConfig } from 'vitest/config';

/**
 * Test tiers (Immich-style): unit = pure domain logic; integration = store, services, API and CLI
 * against real SQLite files and a real PostgreSQL; e2e = the web app in headless Chromium;
 * reference = importers against the full public data sets in ../shared/data.
 */
export default defineConfig({
  test: {
    // Two test files at a time even on two cores (vitest's default there is one): a CLI test mostly waits
    // for its child process, which runs on the other core. The e2e project still runs one file at a time.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['test/domain/**/*.test.ts', 'test/web/**/*.test.ts', 'test/config.test.ts'] } },
      {
        test: {
          name: 'integration',
          include: ['test/store/**/*.test.ts', 'test/services/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/jobs/**/*.test.ts'],
          globalSetup: ['test/support/postgres-global-setup.ts'],
          // CLI tests start real processes (10–15 s each here); room for a busier machine, never a timing assertion.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/postgres-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: 'reference', include: ['test/reference/**/*.test.ts'], testTimeout: 300_000 } },
    ],
  },
});
