import { expect, test } from '@playwright/test';
import { watchPage, axe } from './helpers.ts';

const cards = (page: import('@playwright/test').Page) => page.locator('#service-list > li:not([hidden])');

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });

  for (const [group, facet] of [
    ['Browse by area of need', 'need'],
    ['Browse by type of service', 'category'],
    ['Browse by age', 'age'],
    ['Browse by level of support', 'level'],
  ] as const) {
    test(`every "${group}" link leads to a list of services with its count and a way back`, async ({ page }) => {
      await page.goto('/services/');
      const links = page.getByRole('region', { name: group }).getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThan(3);
      for (let i = 0; i < count; i++) {
        await page.goto('/services/');
        const link = page.getByRole('region', { name: group }).getByRole('link').nth(i);
        const expected = Number((await link.locator('xpath=..').innerText()).match(/\((\d+)\)/)![1]);
        await link.click();
        await expect(page).toHaveURL(new RegExp(`/services/${facet}/[^/]+/$`));
        await expect(page.locator('.lead')).toContainText(`${expected} service`);
        let seen = await page.locator('.card-list > li').count();
        // Follow "Next" through long lists, counting each page once it has loaded.
        while (await page.getByRole('link', { name: 'Next page' }).count()) {
          const next = page.getByRole('link', { name: 'Next page' });
          const href = new URL((await next.getAttribute('href'))!, page.url()).toString();
          await next.click();
          await expect(page).toHaveURL(href);
          seen += await page.locator('.card-list > li').count();
        }
        expect(seen, `${page.url()} lists as many services as its count`).toBe(expected);
        await page.getByRole('link', { name: 'Back to all services' }).last().click();
        await expect(page).toHaveURL(/\/services\/$/);
      }
    });
  }

  test('long lists are split into pages with numbered links', async ({ page }) => {
    await page.goto('/services/age/16-18/');
    await expect(page.getByRole('navigation', { name: 'Pages of results' })).toBeVisible();
    await expect(page.locator('.card-list > li')).toHaveCount(20);
    await page.getByRole('link', { name: 'Page 2' }).click();
    await expect(page).toHaveURL(/\/services\/age\/16-18\/2\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('page 2 of');
  });

  test('the A to Z pages list services by first letter', async ({ page }) => {
    await page.goto('/services/');
    await page.getByRole('navigation', { name: 'Services A to Z' }).getByRole('link', { name: 'Services beginning with W' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services beginning with W');
    const names = await page.locator('.card-list .card__title').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name.startsWith('W')).toBe(true);
  });

  test('the filter offers the step-by-step finder; the in-page form, shortlist and near-me controls are not shown', async ({ page }) => {
    await page.goto('/services/');
    await expect(page.getByLabel('Area of need', { exact: true })).toBeHidden();
    await expect(page.getByLabel('Near', { exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: /Save to shortlist/ }).first()).toBeHidden();
    await expect(page.locator('.service-card')).toHaveCount(await page.locator('#service-list > li').count());
  });
});

test.describe('the combined filter', () => {
  test('narrows the list in place, announces the count and keeps the choices in the address', async ({ page }) => {
    await page.goto('/services/');
    const total = await cards(page).count();
    await expect(page.getByRole('status')).toHaveText(`Showing all ${total} services`);
    await page.getByLabel('Area of need', { exact: true }).selectOption('sensory-and-physical');
    await page.getByLabel('Type of service', { exact: true }).selectOption('health');
    await page.getByLabel('Age', { exact: true }).selectOption('0-4');
    const narrowed = await cards(page).count();
    expect(narrowed).toBeLessThan(total);
    expect(narrowed).toBeGreaterThan(0);
    await expect(page.getByRole('status')).toHaveText(`${narrowed} services match your choices (of ${total})`);
    await expect(page).toHaveURL(/\?need=sensory-and-physical&category=health&age=0-4$/);
    await expect(cards(page).filter({ hasText: "Children's physiotherapy" })).toHaveCount(1);
    await expect(cards(page).filter({ hasText: 'Supported internships' })).toHaveCount(0);

    await page.getByLabel('Level of support', { exact: true }).selectOption('universal');
    await page.getByLabel('How you get it', { exact: true }).selectOption('self-referral');
    await page.getByLabel('Free services only').check();
    await page.getByLabel('Near', { exact: true }).selectOption('Saltmere');
    await expect(page).toHaveURL(/level=universal&route=self-referral&free=1&near=Saltmere/);

    // The link reproduces the same list.
    const url = page.url();
    const shown = await cards(page).locator('.card__title').allInnerTexts();
    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.getByLabel('Free services only')).toBeChecked();
    await expect(page.getByLabel('Near', { exact: true })).toHaveValue('Saltmere');
    expect(await cards(page).locator('.card__title').allInnerTexts()).toEqual(shown);

    await page.getByRole('link', { name: 'Clear all choices' }).click();
    await expect(cards(page)).toHaveCount(total);
    await expect(page).toHaveURL(/\/services\/$/);
  });

  test('a link from a browse page opens the filter with that choice', async ({ page }) => {
    await page.goto('/services/category/transport/');
    await page.getByRole('link', { name: 'Narrow this list down further' }).click();
    await expect(page.getByLabel('Type of service', { exact: true })).toHaveValue('transport');
    await expect(cards(page)).toHaveCount(Number((await page.getByRole('status').innerText()).match(/^(\d+)/)![1]));
  });

  test('without JavaScript, a browse page offers no link to the filter, which would show the whole directory', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/services/category/transport/');
    await expect(page.getByRole('link', { name: 'Back to all services and other ways to browse' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Narrow this list down further' })).toHaveCount(0);
    await context.close();
  });

  test('when nothing matches it says so and offers other routes; filtered and empty states pass axe', async ({ page, baseURL }) => {
    const watch = await watchPage(page, new URL(baseURL!).origin);
    await page.goto('/services/?category=transport&level=universal&age=0-4&free=1');
    await expect(page.getByRole('status')).toHaveText('No services match these choices');
    await expect(page.getByRole('link', { name: 'search instead' })).toBeVisible();
    let results = await axe(page);
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await page.goto('/services/?need=social-emotional-and-mental-health&age=11-15&near=Eastwold');
    await expect(cards(page).first()).toBeVisible();
    results = await axe(page);
    expect(results.violations.map((v) => v.id)).toEqual([]);
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.errors).toEqual([]);
  });

  test('"Near" a place keeps the services there, puts the nearest first and says how far they are', async ({ page }) => {
    await page.goto('/services/');
    const total = await cards(page).count();
    await page.getByLabel('Near', { exact: true }).selectOption('Hollowdene');
    expect(await cards(page).count()).toBeLessThan(total);
    await expect(cards(page).filter({ hasText: 'Friday Social' })).toHaveCount(0);
    await expect(page).toHaveURL(/near=Hollowdene/);
    await expect(page.getByRole('status')).toContainText('nearest first');
    const first = cards(page).first();
    await expect(first.locator('[data-distance]')).toHaveText(/Less than 1 mile away|About 1 mile away/);
    await expect(cards(page).last().locator('[data-distance]')).toHaveText('At home, online or across the area');
  });

  test('"my current location" orders by the browser position, when it is shared', async ({ page, context }) => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 52.548, longitude: -1.598 }); // Saltmere
    await page.goto('/services/');
    await page.getByLabel('Near', { exact: true }).selectOption('here');
    await expect(page.getByRole('status')).toContainText('nearest first');
    await expect(cards(page).first().locator('[data-distance]')).toHaveText('Less than 1 mile away');
    expect(page.url()).not.toContain('52.5');
  });
});

test.describe('the shortlist', () => {
  test('saved services survive a reload, and the share link reproduces the list on another device', async ({ page, browser }) => {
    await page.goto('/services/');
    await page.getByRole('button', { name: /Save to shortlist.*Blue Badge parking permit/ }).click();
    await page.getByRole('button', { name: /Save to shortlist.*Children and young people/ }).click();
    await expect(page.getByRole('banner').getByRole('link', { name: 'Your shortlist 2 saved services' })).toBeVisible();
    await page.goto('/services/camhs/');
    await expect(page.getByRole('button', { name: /Saved: remove from shortlist/ })).toBeVisible();
    await page.reload();
    await page.goto('/services/shortlist/');
    await expect(page.getByRole('status')).toHaveText('2 services saved on this device.');
    const titles = await page.locator('[data-shortlist-item]:not([hidden]) .card__title').allInnerTexts();
    expect(titles).toEqual(['Blue Badge parking permit', "Children and young people's mental health service (CAMHS)"]);
    const link = await page.getByLabel('Link to this shortlist').inputValue();
    expect(link).toMatch(/\/services\/shortlist\/\?ids=blue-badge,camhs$/);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(link);
    await expect(otherPage.getByRole('heading', { name: 'Someone shared this shortlist with you' })).toBeVisible();
    expect(await otherPage.locator('[data-shortlist-item]:not([hidden]) .card__title').allInnerTexts()).toEqual(titles);
    await otherPage.getByRole('button', { name: 'Save these to my shortlist' }).click();
    await otherPage.goto('/services/shortlist/');
    await expect(otherPage.getByRole('status')).toHaveText('2 services saved on this device.');
    const results = await axe(otherPage);
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await other.close();

    await page.getByRole('button', { name: 'Remove all services from my shortlist' }).click();
    await expect(page.getByRole('status')).toContainText('You have not saved any services yet');
  });
});

test.describe('a service page', () => {
  test('puts who it is for and how to get it first, with phone and email links and a route link', async ({ page }) => {
    await page.goto('/services/speech-and-language-therapy/');
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings.slice(0, 2)).toEqual(['Who it is for', 'How to get it']);
    await expect(page.getByRole('link', { name: '01632 960 210' })).toHaveAttribute('href', 'tel:01632960210');
    await expect(page.getByRole('link', { name: 'slt.referrals@kestrelvalehealth.example' })).toHaveAttribute('href', /^mailto:/);
    await expect(page.getByRole('link', { name: /Get directions to Saltmere Health Centre on OpenStreetMap/ })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions\?route=/);
    await expect(page.locator('.opening-hours')).toHaveText('Monday to Friday, 8:30am to 5pm');
  });
  test('says clearly when a service is temporarily closed', async ({ page }) => {
    await page.goto('/services/oakfield-hydrotherapy-sessions/');
    await expect(page.getByRole('region', { name: 'Temporarily closed' })).toContainText('not running at the moment');
  });
  test('warns when the information is overdue for review', async ({ page }) => {
    await page.goto('/services/riding-for-disabled-children/');
    const warning = page.locator('[data-review="overdue"]');
    await expect(warning).toBeVisible();
    // Before the details it warns about, not after them: it is the first thing in the main content.
    await expect(page.locator('main > *').first()).toHaveAttribute('data-review', 'overdue');
    const before = await warning.evaluate((w) => Boolean(w.compareDocumentPosition(document.querySelector('main h1')!) & Node.DOCUMENT_POSITION_FOLLOWING));
    expect(before).toBe(true);
  });
  test('suggests related services even when the editor chose none', async ({ page }) => {
    await page.goto('/services/childrens-physiotherapy/');
    await expect(page.getByRole('region', { name: 'Related services' }).locator('.card')).toHaveCount(3);
  });
});
