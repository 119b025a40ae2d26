import { expect, test } from '@playwright/test';

test.describe('give feedback', () => {
  test('offers the online form, email, phone, post and help in another format or language', async ({ page }) => {
    await page.goto('/give-feedback/');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Use the online feedback form' })).toHaveAttribute('href', /^https:\/\/www\.kestrelvale\.example\/local-offer-feedback/);
    await expect(main.getByRole('link', { name: 'localoffer@kestrelvale.example' })).toHaveAttribute('href', 'mailto:localoffer@kestrelvale.example');
    await expect(main.getByRole('link', { name: '01632 960 100' })).toHaveAttribute('href', 'tel:01632960100');
    await expect(main).toContainText('Kestrelford KV1 1AA');
    await expect(main.getByRole('heading', { name: /another format or language/ })).toBeVisible();
    await expect(main.getByRole('heading', { name: 'What happens next' })).toBeVisible();
  });

  test('"Was this page helpful?" leads here and says which page the feedback is about', async ({ page }) => {
    await page.goto('/glossary/');
    await page.getByRole('link', { name: 'Give feedback on the Local Offer' }).click();
    await expect(page).toHaveURL(/\/give-feedback\/\?page=/);
    const about = page.locator('[data-feedback-about-page]');
    await expect(about).toBeVisible();
    await expect(about.getByRole('link', { name: '/glossary/' })).toHaveAttribute('href', '/glossary/');
    const form = await page.getByRole('link', { name: 'Use the online feedback form' }).getAttribute('href');
    expect(new URL(form!).searchParams.get('page')).toBe('https://localoffer.kestrelvale.example/glossary/');
  });

  test('ignores a page address on another site', async ({ page }) => {
    await page.goto(`/give-feedback/?page=${encodeURIComponent('https://evil.example/login/')}`);
    await expect(page.locator('[data-feedback-about-page]')).toBeHidden();
    await expect(page.getByText('If your feedback is about a particular page')).toBeVisible();
    await expect(page.getByText('evil.example')).toHaveCount(0);
  });

  test('without JavaScript, asks people to say which page they mean', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/give-feedback/?page=${encodeURIComponent('https://localoffer.kestrelvale.example/glossary/')}`);
    await expect(page.getByText('If your feedback is about a particular page, tell us its address or title')).toBeVisible();
    await expect(page.locator('[data-feedback-about-page]')).toBeHidden();
    await context.close();
  });
});
