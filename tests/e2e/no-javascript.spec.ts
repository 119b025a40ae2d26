import { expect, test } from '@playwright/test';

/**
 * This project runs with JavaScript switched off. That every page shows the same headings
 * with and without JavaScript is checked in every-page.spec.ts, in the same crawl that runs
 * axe, so each page is loaded once with JavaScript on rather than twice. Only search needs
 * JavaScript, and it says so.
 */
test('search explains that browsing works without JavaScript', async ({ page }) => {
  await page.goto('/search/?q=speech');
  await expect(page.getByText('Search needs JavaScript')).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: /All services/ })).toBeVisible();
  // The ways in a search would have offered: by need, by age, the questions and the pathways.
  for (const name of ['communication and interaction', '5 to 10', 'Which support applies?', 'Pathways and timescales']) {
    const link = page.getByRole('main').getByRole('link', { name, exact: true });
    await expect(link).toBeVisible();
    expect((await page.request.get((await link.getAttribute('href'))!)).status(), name).toBe(200);
  }
});

test('without JavaScript, no link on the glossary or a decision-tree result leads to search, which would not work; a browse page stands in', async ({ page }) => {
  const toSearch = () => page.locator('main a[href^="/search/"]').evaluateAll((links) => links.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => a.getAttribute('href')));
  await page.goto('/glossary/');
  expect(await toSearch()).toEqual([]);
  await page.goto('/navigator/which-support-applies/sen-support-outcome/');
  expect(await toSearch()).toEqual([]);
  const browse = page.getByRole('link', { name: /^Browse the services listed under “/ });
  await expect(browse).toBeVisible();
  expect((await page.request.get((await browse.getAttribute('href'))!)).status()).toBe(200);
});

test.describe('with JavaScript', () => {
  test.use({ javaScriptEnabled: true });
  test('the glossary and a decision-tree result link to search, and the browse stand-in is not shown', async ({ page }) => {
    await page.goto('/navigator/which-support-applies/sen-support-outcome/');
    await expect(page.getByRole('link', { name: /^See all \d+ services that fit$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Browse the services listed under “/ })).toBeHidden();
    await page.goto('/glossary/');
    await expect(page.getByRole('link', { name: /^Search the Local Offer for “/ }).first()).toBeVisible();
  });
});
