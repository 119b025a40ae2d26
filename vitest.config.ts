import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // The integration test builds a copy of the site in beforeAll, which takes over 10 s on a busy machine.
    hookTimeout: 120_000,
  },
});
