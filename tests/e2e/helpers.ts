import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';

/**
 * Marks a test that holds for any council's content, not only the demo's: `npm run test:site` runs
 * these (`playwright test --grep @any-content`) on a site built from a council's own content/.
 */
export const ANY_CONTENT = { tag: '@any-content' };

/**
 * Marks a test that only loads pages and reads them, never clicking or typing: the config runs
 * these in a browser tuned for that (PAGE_SWEEP_ARGS in scripts/lib/chromium.ts). Also @any-content.
 */
export const PAGE_SWEEP = { tag: ['@any-content', '@page-sweep'] };

/** Every page path listed in the built sitemap(s), such as "/services/portage-home-visiting/". */
export function sitemapPaths(): string[] {
  const files = readdirSync('dist').filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = files.flatMap((file) =>
    [...readFileSync(`dist/${file}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
  return [...new Set(paths)].sort();
}

export interface PageWatch {
  /** Requests to any origin other than the test server. */
  thirdParty: string[];
  /** Content-Security-Policy violations reported by the browser. */
  cspViolations: () => Promise<string[]>;
  /** Uncaught errors in page scripts. */
  errors: string[];
}

/** Records what a page does that it should not: third-party requests, CSP violations, errors. */
export async function watchPage(page: Page, origin: string): Promise<PageWatch> {
  const thirdParty: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) thirdParty.push(url);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return {
    thirdParty,
    errors,
    cspViolations: () => page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  };
}

/** Splits a list into `count` nearly equal chunks, so big page lists run in parallel tests. */
export function chunk<T>(items: T[], count: number): T[][] {
  const size = Math.ceil(items.length / count) || 1;
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/** WCAG 2.2 AA and best practice: the rules every page is held to. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core, the copy @axe-core/playwright depends on, as source to evaluate in a page. */
const axeSource = readFileSync(createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright')).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Loads axe into every page and frame the context opens, as the page starts. For a test that
 * checks many pages: evaluating axe's 570 KB after each page loads costs about 0.2 s a page,
 * while Chromium compiles an init script once and reuses it. axe only defines `window.axe`; it
 * runs nothing until asked, and needs no permission from the page's Content-Security-Policy.
 */
export async function loadAxeInEveryPage(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/**
 * Runs axe on the page as it is now, in the page and every frame of it, against AXE_TAGS.
 * Only violations are collected in full (passes and inapplicable rules are not listed node by
 * node), which makes each run several times faster. This is what AxeBuilder.analyze() does, less
 * its overhead: it injects axe twice per check and, by default, opens a blank tab for every check
 * to merge per-frame results (allowing cross-origin frames, which no page here may load anyway:
 * every-page.spec.ts fails any request to another origin). Run like this, a check takes under half
 * the time. A frame that has axe already (loadAxeInEveryPage) is not given it again.
 */
export async function axe(page: Page): Promise<Pick<AxeResults, 'violations'>> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'))) await frame.evaluate(axeSource);
  }
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof import('axe-core') };
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return { violations: results.violations };
  }, AXE_TAGS);
}
