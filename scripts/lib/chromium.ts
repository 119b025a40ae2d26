import { existsSync } from 'node:fs';

/**
 * The Chromium the tests drive. CHROMIUM_PATH wins; then Debian's `chromium-headless-shell`
 * (the same engine without the desktop browser around it: pages load and axe runs about a third
 * faster, which is what Playwright itself uses for headless tests); then Debian's `chromium`.
 * Undefined means Playwright's own download, if one is installed.
 */
export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
}

/** Launch flags for every test browser: no sandbox (CI runs as root), no background traffic (the network is closed). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'];

/**
 * For tests that only load pages and read them (the sweep of every page in every-page.spec.ts):
 * the page is composited on its main thread, which takes about a sixth less time a page here (two
 * cores, software drawing). Never for a test that clicks, types or waits for a control to settle:
 * Playwright's checks before an action wait for frames that then do not come.
 */
export const PAGE_SWEEP_ARGS = [...CHROMIUM_ARGS, '--disable-threaded-compositing'];
