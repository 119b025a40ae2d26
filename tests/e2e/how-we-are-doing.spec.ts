import { expect, test } from '@playwright/test';

test.describe("how we're doing", () => {
  test('shows the four demo indicators, clearly labelled as demo data', async ({ page }) => {
    await page.goto('/how-we-are-doing/');
    const sections = page.locator('[data-indicator]');
    await expect(sections).toHaveCount(4);
    for (const section of await sections.all()) await expect(section).toContainText(/demo data/i);
    await expect(page.getByRole('heading', { level: 2, name: 'EHC plans issued within 20 weeks' })).toBeVisible();
  });

  test('each chart has a text alternative that matches the summary shown, and axis labels', async ({ page }) => {
    await page.goto('/how-we-are-doing/');
    for (const section of await page.locator('[data-indicator]').all()) {
      const title = await section.locator('h2').textContent();
      const chart = section.locator('svg[role="img"]');
      await expect(chart).toHaveCount(1);
      const [name, description] = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent!.trim()));
      expect(name).toContain(title!);
      const shown = (await section.locator('[data-trend-summary]').textContent())!.replace(/^Summary:\s*/, '').trim();
      expect(description).toBe(shown);
      expect(description).toMatch(/^(Up|Down|No change)/);
      await expect(chart.locator('text', { hasText: 'Month' })).toHaveCount(1);
    }
  });

  test('the EHC plans chart says how it compares with the England average', async ({ page }) => {
    await page.goto('/how-we-are-doing/');
    const section = page.locator('[data-indicator="ehc-plans-within-20-weeks"]');
    await expect(section.locator('[data-trend-summary]')).toContainText('Up from 41% in January 2026 to 61% in October 2026. Above the England average of 46%.');
    await expect(section.locator('path.line-chart__comparison')).toHaveCount(1);
  });

  test('each table has one row per point in the chart, and the CSV download has the same figures', async ({ page, request }) => {
    await page.goto('/how-we-are-doing/');
    for (const section of await page.locator('[data-indicator]').all()) {
      const id = await section.getAttribute('data-indicator');
      const rows = await section.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
      await expect(section.locator('circle.line-chart__point')).toHaveCount(rows.length);
      const href = await section.getByRole('link', { name: /Download these figures/ }).getAttribute('href');
      expect(href).toBe(`/how-we-are-doing/${id}.csv`);
      const response = await request.get(href!);
      expect(response.status()).toBe(200);
      const lines = (await response.text()).trimEnd().split('\r\n');
      expect(lines[0]).toMatch(/^period,value \(/);
      expect(lines).toHaveLength(rows.length + 1);
      lines.slice(1).forEach((line, i) => {
        const value = line.split(',')[1]!;
        expect(rows[i]![1]!.replace(/[%,]|\sweeks?$/g, ''), `${id} row ${i + 1}`).toBe(value);
      });
    }
  });
});
