import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // Integration tests build the site in a temporary copy before their first test.
    hookTimeout: 300_000,
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core runner,
    // which then sits idle while an integration test waits for its `astro build`. Two keep both busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
