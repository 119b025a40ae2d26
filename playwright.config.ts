import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Tests run against the built site (dist/) served on localhost. The browser is Debian's
 * Chromium unless CHROMIUM_PATH names another; Playwright's own download is used only when
 * neither is present. The network is closed here, so Chromium's background traffic is off.
 */
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
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
      executablePath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'chromium', use: { javaScriptEnabled: true }, testIgnore: /no-javascript\.spec\.ts/ },
    { name: 'no-javascript', use: { javaScriptEnabled: false }, testMatch: /no-javascript\.spec\.ts/ },
  ],
  webServer: {
    command: `node scripts/serve.ts --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
