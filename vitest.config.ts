import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // Integration tests build the site in a temporary copy before their first test.
    hookTimeout: 300_000,
  },
});
