import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, PAGE_SWEEP_ARGS, chromiumPath } from './scripts/lib/chromium.ts';

/**
 * Tests run against the built site (dist/) served on localhost, in Debian's Chromium (its
 * headless shell when installed) unless CHROMIUM_PATH names another: see scripts/lib/chromium.ts.
 */
const port = Number(process.env.TEST_PORT ?? 4329);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: 'chromium', use: { javaScriptEnabled: true }, testIgnore: /no-javascript\.spec\.ts/, grepInvert: /@page-sweep/ },
    // The sweep of every page only loads pages and reads them: see PAGE_SWEEP_ARGS.
    { name: 'page-sweep', use: { javaScriptEnabled: true, launchOptions: { executablePath: chromiumPath(), args: PAGE_SWEEP_ARGS } }, testMatch: /every-page\.spec\.ts/, grep: /@page-sweep/ },
    { name: 'no-javascript', use: { javaScriptEnabled: false }, testMatch: /no-javascript\.spec\.ts/ },
  ],
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    // Never another project's server by mistake (a second checkout serving its own site on this
    // port would be tested instead): the port must be free, or choose another with TEST_PORT.
    // TEST_REUSE_SERVER=1 tests a server you started yourself (npm run serve -- --port 4329).
    reuseExistingServer: process.env.TEST_REUSE_SERVER === '1',
    timeout: 30_000,
  },
});
