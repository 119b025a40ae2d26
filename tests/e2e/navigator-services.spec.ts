import { expect, test } from '@playwright/test';

const TREE = '/navigator/which-support-applies/';
// School age, worried about school, in a mainstream school, a learning need, not significant now
// (or not sure), the school has done nothing yet: the SEN support result.
const ANSWERS = '1.1.0.2.1.0';

for (const { width, height } of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('a result names up to five services that fit it, each a link to its page, and links to see them all', async ({ page }) => {
      await page.goto(`${TREE}sen-support-outcome/`);
      const list = page.locator('[data-outcome-services]');
      const links = list.getByRole('link');
      const count = await links.count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(5);
      for (const href of await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')))) expect(href).toMatch(/^\/services\/[a-z0-9-]+\/$/);
      const total = Number(/\((\d+)\)/.exec((await page.getByRole('heading', { name: /^Services that fit/ }).innerText()))![1]);
      if (total > 5) {
        await page.getByRole('link', { name: `See all ${total} services that fit` }).click();
        await expect(page.locator('[data-status]')).toHaveText(`${total} results.`);
      }
      await page.goto(`${TREE}sen-support-outcome/`);
      await links.first().click();
      await expect(page).toHaveURL(/\/services\/[a-z0-9-]+\/$/);
    });

    test('"Change" goes back to the question with the answer given before shown as chosen', async ({ page }) => {
      await page.goto(`${TREE}sen-support-outcome/?answers=${ANSWERS}`);
      await page.getByRole('link', { name: 'Change your answer to: What has the school already done to help?' }).click();
      await expect(page).toHaveURL(/school-tried\/$/);
      const chosen = page.locator('.navigator-option--chosen');
      await expect(chosen).toHaveCount(1);
      await expect(chosen).toContainText('Your answer');
      expect(await chosen.getAttribute('data-option-index')).toBe('0');
      await expect(page.getByRole('link', { name: /^Your answer/ })).toBeVisible();
    });
  });
}

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });
  test('the named services are on the result page too', async ({ page }) => {
    await page.goto(`${TREE}ehc-assessment-outcome/`);
    await expect(page.locator('[data-outcome-services]').getByRole('link', { name: 'Asking for an EHC needs assessment' })).toBeVisible();
  });
});
