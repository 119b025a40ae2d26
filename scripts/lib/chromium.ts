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
