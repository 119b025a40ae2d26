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
