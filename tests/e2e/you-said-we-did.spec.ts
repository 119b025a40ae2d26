import { expect, test, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The entries on a listing page, in the order shown. */
async function entriesOn(page: Page) {
  return page.locator('[data-feedback-id]').evaluateAll((items) =>
    items.map((item) => {
      const el = item as HTMLElement;
      return { id: el.dataset.feedbackId!, theme: el.dataset.theme!, status: el.dataset.status!, date: el.dataset.date! };
    }),
  );
}

test.describe('you said, we did', () => {
  test('lists every entry newest first, under a heading for each month', async ({ page }) => {
    await page.goto('/you-said-we-did/');
    const entries = await entriesOn(page);
    expect(entries.length).toBeGreaterThanOrEqual(24);
    const dates = entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const months = await page.locator('[data-month]').evaluateAll((sections) => sections.map((s) => (s as HTMLElement).dataset.month!));
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(months).toEqual([...months].sort().reverse());
    await expect(page.getByRole('heading', { level: 2, name: 'October 2026' })).toBeVisible();
    for (const month of months) {
      const inMonth = await page.locator(`[data-month="${month}"] [data-feedback-id]`).evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.date!));
      for (const date of inMonth) expect(date.startsWith(month), `${date} should be under ${month}`).toBe(true);
    }
  });

  test('each entry shows what was said, what was done, its status and links', async ({ page }) => {
    await page.goto('/you-said-we-did/');
    const entry = page.locator('[data-feedback-id="2026-10-ehc-updates"]');
    await expect(entry.getByText('You said')).toBeVisible();
    await expect(entry.getByText('We did', { exact: true })).toBeVisible();
    await expect(entry.getByText('Done', { exact: true })).toBeVisible();
    await expect(entry.getByRole('link', { name: 'Requesting an EHC needs assessment' })).toHaveAttribute('href', '/pathways/ehc-needs-assessment/');
    const planned = page.locator('[data-status="planned"]').first();
    await expect(planned.getByText('What we will do')).toBeVisible();
  });

  test('covers at least six themes across twelve months', async ({ page }) => {
    await page.goto('/you-said-we-did/');
    const entries = await entriesOn(page);
    expect(new Set(entries.map((e) => e.theme)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(entries.map((e) => e.date.slice(0, 7))).size).toBeGreaterThanOrEqual(12);
  });

  for (const kind of ['theme', 'status', 'year'] as const) {
    test(`every ${kind} page lists only matching entries, and all of them`, async ({ page }) => {
      await page.goto('/you-said-we-did/');
      const all = await entriesOn(page);
      const links = await page.locator(`nav a[href^="/you-said-we-did/${kind}/"]`).evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, label: a.textContent!.trim() })));
      expect(links.length).toBeGreaterThan(1);
      let seen = 0;
      for (const { href, label } of links) {
        await page.goto(href);
        await expect(page.locator('h1')).toContainText(kind === 'status' ? label.toLowerCase() : label);
        const entries = await entriesOn(page);
        const matches = (e: (typeof all)[number]) =>
          kind === 'theme' ? e.theme === label : kind === 'status' ? e.status === href.split('/')[3] : e.date.startsWith(`${label}-`);
        expect(entries.every(matches), `${href} should list only matching entries`).toBe(true);
        expect(entries.map((e) => e.id).sort(), `${href} should list every matching entry`).toEqual(all.filter(matches).map((e) => e.id).sort());
        await expect(page.locator('[data-archive-count]')).toHaveAttribute('data-archive-count', String(entries.length));
        seen += entries.length;
      }
      expect(seen, `each entry should be on exactly one ${kind} page`).toBe(all.length);
    });
  }

  test('the summary chart has a text alternative and a table with the same numbers as the entries', async ({ page }) => {
    await page.goto('/you-said-we-did/');
    const entries = await entriesOn(page);
    const chart = page.locator('[data-chart="feedback-summary"] svg[role="img"]');
    const name = await chart.evaluate((svg) => svg.getAttribute('aria-labelledby')!.split(' ').map((id) => document.getElementById(id)!.textContent).join(' '));
    expect(name).toContain(`${entries.length} entries by theme and status`);
    const rows = await page.locator('[data-chart-table="feedback-summary"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.trim())),
    );
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const [theme, done, inProgress, planned, total] of rows) {
      const ofTheme = entries.filter((e) => e.theme === theme);
      expect(Number(total), `${theme} total`).toBe(ofTheme.length);
      expect(Number(done)).toBe(ofTheme.filter((e) => e.status === 'done').length);
      expect(Number(inProgress)).toBe(ofTheme.filter((e) => e.status === 'in-progress').length);
      expect(Number(planned)).toBe(ofTheme.filter((e) => e.status === 'planned').length);
      expect(name).toContain(`${theme}: ${total} entries`);
    }
    // The bars show the same totals as the table.
    const barTotals = await chart.locator('text.feedback-summary__total').allTextContents();
    expect(barTotals).toEqual(rows.map((row) => row[4]));
  });

  test('the summary chart uses no inline styles (the security policy forbids them)', async ({ page }) => {
    await page.goto('/you-said-we-did/');
    await expect(page.locator('main [style]')).toHaveCount(0);
  });
});

test.describe('the Atom feed', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });

  test('is linked from the page for browsers and feed readers', async ({ page, request }) => {
    await page.goto('/you-said-we-did/');
    const href = await page.locator('head link[rel="alternate"][type="application/atom+xml"]').getAttribute('href');
    expect(href).toBe('/you-said-we-did/feed.xml');
    expect((await request.get(href!)).status()).toBe(200);
  });

  test('parses as XML and lists the newest entries first, as on the page', async ({ page, request }) => {
    const xml = await (await request.get('/you-said-we-did/feed.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated']) expect(feed[field], `feed ${field}`).toBeTruthy();
    expect(feed.author.name).toBeTruthy();

    await page.goto('/you-said-we-did/');
    const entries = await entriesOn(page);
    const fromFeed = feed.entry.map((e: { id: string }) => e.id.split('#entry-')[1]);
    expect(fromFeed.slice(0, 5)).toEqual(entries.slice(0, 5).map((e) => e.id));
    expect(feed.updated).toBe(`${entries[0]!.date}T00:00:00Z`);
    for (const entry of feed.entry) {
      for (const field of ['id', 'title', 'updated', 'content']) expect(entry[field], `entry ${field}`).toBeTruthy();
    }
  });

  test("each entry links to that entry on the page", async ({ page, request }) => {
    const feed = parser.parse(await (await request.get('/you-said-we-did/feed.xml')).text()).feed;
    const link = new URL(feed.entry[0].link[0]['@href']);
    await page.goto(link.pathname + link.hash);
    await expect(page.locator(link.hash)).toBeVisible();
  });
});
