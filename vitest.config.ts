import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // The build-error test builds a copy of the site in beforeAll; on a busy machine that takes over 10 s.
    hookTimeout: 120_000,
  },
});
