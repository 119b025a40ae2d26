import { expect, test } from '@playwright/test';
import { ANY_CONTENT, PAGE_SWEEP, chunk, sitemapPaths, watchPage, axe, loadAxeInEveryPage } from './helpers.ts';

/**
 * Every page in the sitemap, loaded once in Chromium with JavaScript on: zero axe violations
 * against WCAG 2.2 AA and best practice, one <h1> and a <main>, no Content-Security-Policy
 * violation, no request to another origin and no cookie. Each page is then loaded again with
 * JavaScript off and must show the same h1-h3 headings inside <main>: no content may need
 * JavaScript (controls that do sit inside [data-enhanced-only]).
 */
const paths = sitemapPaths();

test('the sitemap lists the pages people need', ANY_CONTENT, () => {
  for (const required of ['/', '/services/', '/search/', '/glossary/', '/accessibility/', '/pathways/', '/provision/', '/young-people/', '/you-said-we-did/', '/how-we-are-doing/']) {
    expect(paths, `sitemap should list ${required}`).toContain(required);
  }
});

/**
 * What the test reads from a page once it has loaded, in one round trip to the browser (about a
 * third of each page's time went on separate calls): how many <h1>, <main> and policy tags it
 * has, what broke the Content-Security-Policy, the table scroll boxes that cannot take focus or
 * have no name, and the h1-h3 headings inside <main>, leaving out those that only exist with
 * JavaScript. Runs in the page, so it uses nothing from this file.
 */
function inspect() {
  const mains = document.querySelectorAll('main');
  return {
    h1: document.querySelectorAll('h1').length,
    main: mains.length,
    policies: document.querySelectorAll('meta[http-equiv="content-security-policy"]').length,
    cspViolations: (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [],
    // A box a wide table scrolls in must be reachable by keyboard (to scroll it) and named.
    unnamedScrollBoxes: [...document.querySelectorAll('.table-scroll')].filter(
      (box) => box.getAttribute('tabindex') !== '0' || box.getAttribute('role') !== 'region' || !document.getElementById(box.getAttribute('aria-labelledby') ?? '')?.textContent?.trim(),
    ).length,
    outline:
      mains.length === 1
        ? [...mains[0]!.querySelectorAll('h1, h2, h3')].filter((h) => !h.closest('[data-enhanced-only]')).map((h) => `${h.tagName}: ${(h.textContent ?? '').replace(/\s+/g, ' ').trim()}`)
        : [],
  };
}

// Many small groups rather than a few big ones, so both workers finish at about the same time.
for (const [index, group] of chunk(paths, Math.max(1, Math.ceil(paths.length / 10))).entries()) {
  test(`pages ${index + 1}: accessible, well-formed, private, within the security policy and the same without JavaScript`, PAGE_SWEEP, async ({ page, context, browser, baseURL }) => {
    test.setTimeout(30_000 + group.length * 20_000);
    const origin = new URL(baseURL!).origin;
    const watch = await watchPage(page, origin);
    await loadAxeInEveryPage(context);
    const withoutJs = await browser.newContext({ javaScriptEnabled: false });
    const plain = await withoutJs.newPage();
    for (const path of group) {
      await test.step(path, async () => {
        const response = await page.goto(path);
        expect(response?.status(), `${path} should load`).toBe(200);
        const results = await axe(page);
        const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(violations, `${path} should have no axe violations`).toEqual([]);
        // The rest in one look at the page, now it has loaded and axe has run: one round trip.
        const withJs = await page.evaluate(inspect);
        expect(withJs.h1, `${path} should have exactly one <h1>`).toBe(1);
        expect(withJs.main, `${path} should have one <main>`).toBe(1);
        expect(withJs.policies, `${path} should carry a CSP`).toBe(1);
        expect(withJs.cspViolations, `${path} should not violate the CSP`).toEqual([]);
        expect(withJs.unnamedScrollBoxes, `${path}: every table scroll box should take focus and be a named region`).toBe(0);

        // Without JavaScript nothing changes the page after it is parsed, so DOMContentLoaded is enough.
        const plainResponse = await plain.goto(path, { waitUntil: 'domcontentloaded' });
        expect(plainResponse?.status(), `${path} should load without JavaScript`).toBe(200);
        const withoutJsLook = await plain.evaluate(inspect);
        expect(withoutJsLook.h1, `${path} should have exactly one <h1> without JavaScript`).toBe(1);
        expect(withoutJsLook.outline, `${path} should have the same headings with and without JavaScript`).toEqual(withJs.outline);
      });
    }
    await withoutJs.close();
    expect(watch.thirdParty, 'no request should go to another origin').toEqual([]);
    expect(watch.errors, 'no script should throw').toEqual([]);
    expect(await context.cookies(), 'no cookie should be set').toEqual([]);
  });
}

test('the skip link is the first thing you reach with Tab, and moves focus to the main content', ANY_CONTENT, async ({ page }) => {
  await page.goto('/services/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await page.keyboard.press('Tab');
  const focusedInMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement) ?? false);
  expect(focusedInMain, 'the next Tab should land inside the main content').toBe(true);
});

test('focus is clearly visible on links', ANY_CONTENT, async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const cs = getComputedStyle(el);
    return { background: cs.backgroundColor, outline: cs.outlineStyle, shadow: cs.boxShadow };
  });
  expect(style.background === 'rgb(255, 221, 0)' || style.outline !== 'none' || style.shadow !== 'none').toBe(true);
});

test('a missing page shows a helpful 404 with a way forward', ANY_CONTENT, async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByRole('main').getByRole('link', { name: 'browse services' })).toBeVisible();
});

test('"Was this page helpful?" links to the feedback form with the page address', async ({ page }) => {
  await page.goto('/services/portage-home-visiting/');
  const yes = page.getByRole('link', { name: /^Yes/ });
  const href = await yes.getAttribute('href');
  expect(href).toContain('page=');
  expect(decodeURIComponent(href!)).toContain('/services/portage-home-visiting/');
});

test('pages read well at 400% zoom: no sideways scrolling at 320 CSS pixels wide', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['/', '/services/', '/services/speech-and-language-therapy/', '/glossary/', '/pathways/ehc-timeline/', '/you-said-we-did/', '/how-we-are-doing/']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} should not scroll sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});

test('the print view hides navigation and keeps the content', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await page.goto('/services/speech-and-language-therapy/');
  await expect(page.locator('.site-header__nav')).toBeHidden();
  await expect(page.locator('.breadcrumbs')).toBeHidden();
  await expect(page.locator('.page-feedback')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // Browsers print no background colours: the site name must not be white on white.
  expect(await page.locator('.site-header__name').evaluate((name) => getComputedStyle(name).color)).toBe('rgb(0, 0, 0)');
  // Paper needs full addresses: of the page, and of each link to another page of the site.
  await expect(page.locator('.page-address')).toBeVisible();
  await expect(page.locator('.page-address')).toContainText('Page address: https://localoffer.kestrelvale.example/services/speech-and-language-therapy/');
  const link = page.locator('main a[href^="/"]:not(.back-link, .button)').first();
  const href = await link.getAttribute('href');
  expect(await link.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (https://localoffer.kestrelvale.example${href})"`);
  // A listing prints its services, not the links to its other pages and letters.
  await page.goto('/services/a-z/a/');
  await expect(page.locator('.az-index')).toBeHidden();
  await expect(page.locator('main .card').first()).toBeVisible();
  await page.goto('/services/level/universal/');
  await expect(page.locator('.pagination')).toBeHidden();
  await expect(page.locator('main .card').first()).toBeVisible();
});
