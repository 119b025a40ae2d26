import { expect, test, type Page } from '@playwright/test';
import { axe } from './helpers.ts';

const cards = (page: Page) => page.locator('#service-list > li:not([hidden])');
const widths = [
  { name: 'a phone (390 px)', width: 390, height: 844, wide: false },
  { name: 'a desktop (1280 px)', width: 1280, height: 900, wide: true },
];

for (const { name, width, height, wide } of widths) {
  test.describe(`on ${name}`, () => {
    test.use({ viewport: { width, height } });

    test('"Filter services" is on the first screen, above the list, the A to Z and the browse lists', async ({ page }) => {
      await page.goto('/services/');
      const summary = page.locator('summary', { hasText: 'Filter services' });
      const box = (await summary.boundingBox())!;
      expect(box.y + box.height).toBeLessThan(height);
      const az = (await page.getByRole('heading', { name: 'Services A to Z' }).boundingBox())!;
      const browse = (await page.getByRole('heading', { name: 'Browse by area of need' }).boundingBox())!;
      const firstCard = (await cards(page).first().boundingBox())!;
      expect(box.y).toBeLessThan(firstCard.y);
      expect(box.y).toBeLessThan(az.y);
      expect(box.y).toBeLessThan(browse.y);
      // The count of matching services is in view too, whether the filter is open or not.
      await expect(page.getByRole('status')).toHaveText(/^Showing all \d+ services$/);
      expect((await page.getByRole('status').boundingBox())!.y).toBeLessThan(height);
    });

    test(wide ? 'the filter is open, and its keyword box comes soon in the Tab order' : 'the filter is shut until opened, so the services follow straight after it', async ({ page }) => {
      await page.goto('/services/');
      const keyword = page.getByLabel('Name or keyword');
      if (wide) {
        await expect(keyword).toBeVisible();
        let presses = 0;
        while (!(await keyword.evaluate((el) => el === document.activeElement)) && presses < 60) {
          await page.keyboard.press('Tab');
          presses++;
        }
        // Skip link, header search, menu, breadcrumbs, the summary: it was 51 presses.
        expect(presses).toBeLessThan(20);
      } else {
        await expect(keyword).toBeHidden();
        await page.locator('summary', { hasText: 'Filter services' }).click();
        await expect(keyword).toBeVisible();
        await expect(page.getByLabel('Area of need', { exact: true })).toBeVisible();
      }
    });

    test('a name or keyword narrows the list and the count is announced without moving focus', async ({ page }) => {
      await page.goto('/services/');
      if (!wide) await page.locator('summary', { hasText: 'Filter services' }).click();
      const keyword = page.getByLabel('Name or keyword');
      await keyword.fill('swimming');
      await expect(page.getByRole('status')).toHaveAttribute('aria-live', 'polite');
      await expect(page.getByRole('status')).toHaveText(/^1 service matches your choices \(of \d+\)$/);
      await expect(cards(page)).toHaveCount(1);
      await expect(cards(page).first()).toContainText('swim');
      await expect(keyword).toBeFocused();
      await expect(page).toHaveURL(/\?q=swimming$/);
    });

    test('"Near" a postcode puts the services nearest to it first, on the device', async ({ page }) => {
      await page.goto('/services/');
      if (!wide) await page.locator('summary', { hasText: 'Filter services' }).click();
      await page.getByLabel('Near', { exact: true }).selectOption('postcode');
      await page.getByLabel('Postcode').fill('KV6 2QR');
      await page.getByLabel('Postcode').press('Tab');
      await expect(page.getByRole('status')).toContainText('nearest first');
      await expect(cards(page).first().locator('[data-distance]')).toHaveText('Less than 1 mile away');
      await page.getByLabel('Postcode').fill('ZZ99 9ZZ');
      await page.getByLabel('Postcode').press('Tab');
      await expect(page.getByRole('status')).toContainText('The postcode ZZ99 9ZZ is not one we can place');
      // The error is the field's, said above it and tied to it (GOV.UK error message pattern).
      await expect(page.getByLabel('Postcode')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Postcode')).toHaveAccessibleDescription(/^Error: Enter a postcode in the area/);
      await page.getByLabel('Postcode').fill('KV6 2QR');
      await page.getByLabel('Postcode').press('Tab');
      await expect(page.getByLabel('Postcode')).not.toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('[data-postcode-error]')).toBeHidden();
    });

    test('choices that come with the address (a shared link, Back) open the filter, are counted in its heading, and "Show N services" goes to the list', async ({ page }) => {
      await page.goto('/services/?category=transport&age=0-4');
      await expect(page.locator('summary', { hasText: 'Filter services' })).toHaveText('Filter services (2 chosen)');
      await expect(page.getByLabel('Type of service', { exact: true })).toBeVisible();
      await expect(page.getByLabel('Type of service', { exact: true })).toHaveValue('transport');
      const count = await cards(page).count();
      const show = page.getByRole('link', { name: count === 1 ? 'Show 1 service' : `Show ${count} services` });
      await expect(show).toBeVisible();
      await show.click();
      await expect(page).toHaveURL(/#service-list$/);
      await expect(cards(page).first()).toBeInViewport();
    });

    test.describe('when JavaScript is unavailable', () => {
      test.use({ javaScriptEnabled: false });

      test('need, age and place together lead, as plain links, to a list of the services that fit all three', async ({ page }) => {
        await page.goto('/services/');
        if (!wide) await page.locator('summary', { hasText: 'Filter services' }).click();
        const summary = (await page.locator('summary', { hasText: 'Filter services' }).boundingBox())!;
        expect(summary.y).toBeLessThan(height);
        await page.getByRole('link', { name: 'Sensory and/or physical needs' }).first().click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('How old is the child or young person?');
        await page.getByRole('link', { name: 'Ages 0 to 4' }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where do you live?');
        await expect(page.getByRole('definition').filter({ hasText: 'Sensory and/or physical needs' })).toBeVisible();
        const saltmere = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Saltmere' }) });
        const expected = Number(/\((\d+) services?\)/.exec((await saltmere.innerText()))![1]);
        await page.getByRole('link', { name: 'Saltmere' }).click();
        await expect(page).toHaveURL(/\/services\/find\/sensory-and-physical\/0-4\/saltmere\/$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services for sensory and/or physical needs, ages 0 to 4, in Saltmere');
        await expect(page.locator('.lead')).toHaveText(`${expected} services`);
        await expect(page.locator('.card-list > li')).toHaveCount(expected);
        // Blue Badge is for children who find walking hard: it fits this choice, and reaches its page.
        await page.getByRole('link', { name: "Children's physiotherapy" }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText("Children's physiotherapy");
      });

      test('"Change" on a result goes back to that question', async ({ page }) => {
        await page.goto('/services/find/communication-and-interaction/5-10/kestrelford/');
        await page.getByRole('link', { name: 'Change age' }).click();
        await expect(page).toHaveURL(/\/services\/find\/communication-and-interaction\/$/);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('How old is the child or young person?');
      });
    });
  });
}

test('finder pages pass axe', async ({ page }) => {
  for (const path of ['/services/find/', '/services/find/any/', '/services/find/any/11-15/', '/services/find/any/11-15/eastwold/']) {
    await page.goto(path);
    const results = await axe(page);
    expect(results.violations.map((v) => `${path} ${v.id}`)).toEqual([]);
  }
});

test('each question page of the finder and of a decision tree has a title of its own, naming the tool and the answers so far (WCAG 2.4.2)', async ({ page }) => {
  const titles: string[] = [];
  for (const path of ['/services/find/', '/services/find/any/', '/services/find/sensory-and-physical/', '/services/find/any/0-4/', '/services/find/any/5-10/', '/navigator/which-support-applies/age/']) {
    await page.goto(path);
    titles.push(await page.title());
  }
  expect(new Set(titles).size).toBe(titles.length);
  expect(titles[1]).toMatch(/^How old is the child or young person\? \(Any area of need\) – Find services step by step – /);
  expect(titles[5]).toMatch(/^How old is the child or young person\? – .+ – /);
});
