import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Integration tests build the site in a temporary copy before their first test.
    hookTimeout: 300_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core runner,
    // which then sits idle while an integration test waits for its `astro build`. Two keep both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        // Unit tests share their workers: starting a fresh one for each of about 80 files cost
        // more than the tests themselves (46 s against 26 s on two cores). No unit test may leave
        // global state another file reads: spies and fake timers are restored, and the one module
        // mock (content-layout.test.ts) resets the modules when it is done.
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] },
      },
    ],
  },
});
