import { expect, test } from '@playwright/test';
import { chunk, sitemapPaths } from './helpers.ts';

/**
 * With JavaScript switched off, every page shows the same content as with it on: the same
 * heading and the same sections. Only search needs JavaScript, and it says so.
 */
const paths = sitemapPaths();

async function outline(page: import('@playwright/test').Page) {
  return page.locator('main').evaluate((main) =>
    [...main.querySelectorAll('h1, h2, h3')]
      .filter((h) => !h.closest('[data-enhanced-only]'))
      .map((h) => `${h.tagName}: ${(h.textContent ?? '').replace(/\s+/g, ' ').trim()}`),
  );
}

for (const [index, group] of chunk(paths, Math.max(1, Math.ceil(paths.length / 20))).entries()) {
  test(`pages ${index + 1} show the same content without JavaScript`, async ({ page, browser }) => {
    test.setTimeout(30_000 + group.length * 5_000);
    const withJs = await browser.newContext({ javaScriptEnabled: true });
    const jsPage = await withJs.newPage();
    for (const path of group) {
      // Without JavaScript nothing changes the page after it is parsed, so DOMContentLoaded is enough.
      await page.goto(path, { waitUntil: 'domcontentloaded' });
      await jsPage.goto(path);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await outline(page), `${path} should have the same headings with and without JavaScript`).toEqual(await outline(jsPage));
    }
    await withJs.close();
  });
}

test('search explains that browsing works without JavaScript', async ({ page }) => {
  await page.goto('/search/?q=speech');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /All services/ })).toBeVisible();
});
