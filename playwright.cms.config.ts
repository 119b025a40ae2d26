import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/**
 * The browser editor (/admin/) end to end, against Decap's local backend: `npm run test:cms`.
 * A separate configuration (sharing the main one's browser settings) because it needs
 * `npm run cms` (the built site plus decap-server) rather than the plain static server, and it
 * saves into a temporary copy of content/.
 * Ports: TEST_PORT for the page, and an internal port for the site (override with CMS_SITE_PORT).
 * Decap's backend runs inside scripts/cms.ts, behind its checks, on no port of its own.
 */
const port = Number(process.env.TEST_PORT ?? 4329);
const sitePort = Number(process.env.CMS_SITE_PORT ?? port + 6);
// The spec copies content/ here before it starts and deletes it afterwards.
process.env.CMS_TEST_ROOT ??= join(tmpdir(), `open-local-offer-cms-${port}`);

export default defineConfig({
  testDir: 'tests/cms',
  fullyParallel: false,
  forbidOnly: true,
  workers: 1,
  reporter: [['list']],
  timeout: 180_000,
  // The same browser and launch options as the main tests.
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  projects: [{ name: 'cms-chromium', use: { javaScriptEnabled: true } }],
  webServer: {
    command: `node scripts/cms.ts --preview --port ${port} --site-port ${sitePort} --root ${process.env.CMS_TEST_ROOT}`,
    url: `http://127.0.0.1:${port}/admin/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
