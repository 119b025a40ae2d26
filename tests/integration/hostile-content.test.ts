import { spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, launchChromium, serveBuilt } from '../../scripts/lib/project-copy.ts';

/**
 * Builds a copy of the site with hostile content added (tests/fixtures/hostile) and visits the
 * pages in Chromium: nothing from content may run, create a script element, break the
 * Content-Security-Policy or push the page wider than a phone screen.
 */
const PORT = Number(process.env.HOSTILE_PORT ?? 4519);

describe('hostile content', () => {
  let root: string;
  let server: ChildProcess;
  let browser: Browser;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-hostile-'));
    copyProject(resolve('.'), root);
    cpSync('tests/fixtures/hostile/services', join(root, 'content/services'), { recursive: true });
    const build = spawnSync(resolve('node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
    server = await serveBuilt(root, PORT);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  for (const path of ['/services/hostile-test-service/', '/services/', '/services/category/information-and-advice/', '/services/level/universal/']) {
    test(`${path}: nothing from content runs, the CSP holds and the layout survives`, async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      const page = await context.newPage();
      const dialogs: string[] = [];
      const violations: string[] = [];
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => (window as any).reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(`http://127.0.0.1:${PORT}${path}`);
      expect(response?.status()).toBe(200);
      await page.mouse.move(100, 300);
      for (const link of await page.locator('main a').all()) {
        const href = (await link.getAttribute('href')) ?? '';
        expect(href, 'no javascript: or data: links').not.toMatch(/^\s*(javascript|data|vbscript):/i);
      }
      expect(dialogs).toEqual([]);
      expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
      // The site's own enhancement scripts are files it built; anything else is from content.
      const contentScripts = await page.evaluate(() =>
        [...document.querySelectorAll('script')]
          .filter((s) => s.type !== 'application/ld+json')
          .filter((s) => !/^\/(_astro|scripts|pagefind)\//.test(s.getAttribute('src') ?? '') || /alert|__pwned/.test(s.textContent ?? ''))
          .map((s) => s.outerHTML.slice(0, 80)),
      );
      expect(contentScripts, 'no script element from content').toEqual([]);
      const dataBlocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      for (const block of dataBlocks) expect(block, 'structured data never contains a raw < from content').not.toContain('<');
      expect(await page.locator('main iframe, main object, main embed, main style').count()).toBe(0);
      expect(await page.locator('main [onerror], main [onclick], main [onload], main [onmouseover]').count()).toBe(0);
      expect(violations).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'the page must not scroll sideways').toBeLessThanOrEqual(0);
      await context.close();
    });
  }

  test('the hostile text is shown as text, not lost', async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/services/hostile-test-service/`);
    await expect.poll(() => page.locator('h1').textContent()).toContain("<script>window.__pwned=1;alert('name')</script>");
    await page.close();
  });
});
