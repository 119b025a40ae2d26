import { expect, test, type Browser } from '@playwright/test';
import { ANY_CONTENT, axe } from './helpers.ts';

const PHONE = { width: 375, height: 667 };

async function phone(browser: Browser, baseURL: string | undefined, javaScriptEnabled = true) {
  const context = await browser.newContext({ baseURL, viewport: PHONE, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

test.describe('main navigation on a phone', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`folds into "Menu", which opens and closes ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, ANY_CONTENT, async ({ browser, baseURL }) => {
      const { context, page } = await phone(browser, baseURL, javaScriptEnabled);
      await page.goto('/services/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const menu = nav.getByText('Menu', { exact: true });
      const services = nav.getByRole('link', { name: 'Find services' });
      await expect(menu).toBeVisible();
      await expect(services).toBeHidden();
      await menu.click();
      await expect(services).toBeVisible();
      await expect(services).toHaveAttribute('aria-current', 'true');
      // Every link of the wide list is in the menu, and only one list is ever shown.
      await expect(nav.getByRole('link')).toHaveCount(await page.locator('.site-header__links--wide a').count());
      await menu.click();
      await expect(services).toBeHidden();
      await context.close();
    });
  }

  test('the page itself starts on the first screen', ANY_CONTENT, async ({ browser, baseURL }) => {
    const { context, page } = await phone(browser, baseURL);
    for (const path of ['/', '/services/']) {
      await page.goto(path);
      const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
      expect(heading.y, `${path}: the heading should be in the top half of the screen`).toBeLessThan(PHONE.height / 2);
    }
    await context.close();
  });

  test('works from the keyboard: Tab to "Menu", Enter opens it, Tab reaches the first link', ANY_CONTENT, async ({ browser, baseURL }) => {
    const { context, page } = await phone(browser, baseURL);
    await page.goto('/');
    const menu = page.locator('.site-header__menu summary');
    for (let i = 0; i < 10 && !(await menu.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(menu).toBeFocused();
    await expect(page.locator('.site-header__menu')).not.toHaveAttribute('open');
    await page.keyboard.press('Enter');
    await expect(page.locator('.site-header__menu')).toHaveAttribute('open');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link').first()).toBeFocused();
    await context.close();
  });

  test('with the menu open, the page has no axe violations', ANY_CONTENT, async ({ browser, baseURL }) => {
    const { context, page } = await phone(browser, baseURL);
    await page.goto('/services/');
    await page.getByRole('navigation', { name: 'Main' }).getByText('Menu', { exact: true }).click();
    const results = await axe(page);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  });
});

test('on a wider screen the links show in a row, with no "Menu"', ANY_CONTENT, async ({ page }) => {
  await page.goto('/services/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByText('Menu', { exact: true })).toBeHidden();
  const links = nav.getByRole('link');
  await expect(links.first()).toBeVisible();
  const [first, second] = [(await links.nth(0).boundingBox())!, (await links.nth(1).boundingBox())!];
  expect(second.y).toBe(first.y);
  await expect(nav.getByRole('link', { name: 'Find services' })).toHaveAttribute('aria-current', 'true');
});
