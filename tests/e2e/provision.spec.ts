import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axe } from './helpers.ts';
import { parse } from 'csv-parse/sync';
import { needs, phases, type Need, type Phase } from '../../src/contract/vocabulary.ts';
import { provisionPairs } from '../../src/lib/provision/provision.ts';
import { pdfActiveContent } from '../../src/lib/site/pdf-actions.ts';

/**
 * Ordinarily available provision: the static browse pages, the filter with and without
 * JavaScript, the SENCO checklist (print view and CSV), the parent view and search filters.
 * Expected entries are read straight from content/provision/, not from the built site.
 */
interface Entry {
  id: string;
  need: Need;
  phases: Phase[];
  level: string;
  title: string;
  strategies: string[];
  reasonableAdjustments: string[];
  parentsCanExpect: string;
  relatedServices: string[];
  lastReviewed: string;
}
const entries: Entry[] = readdirSync('content/provision')
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({ id: file.replace(/\.json$/, ''), ...JSON.parse(readFileSync(`content/provision/${file}`, 'utf8')) }));
const matching = (filter: { need?: Need; phase?: Phase }) =>
  entries.filter((e) => (!filter.need || e.need === filter.need) && (!filter.phase || e.phases.includes(filter.phase))).map((e) => e.id).sort();

/** Ids of the provision cards in the main content that a person can see. */
const visibleIds = (page: Page) =>
  page.locator('main [data-provision-id]').evaluateAll((cards) =>
    cards.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => (c as HTMLElement).dataset.provisionId!).sort(),
  );

test.describe('static browse pages', () => {
  test('every need-and-phase page exists and lists only the matching entries', async ({ page }) => {
    for (const { need, phase } of provisionPairs()) {
      await test.step(`${need}/${phase}`, async () => {
        const response = await page.goto(`/provision/need/${need}/${phase}/`);
        expect(response?.status()).toBe(200);
        const expected = matching({ need, phase });
        expect(expected.length, 'each pair should have entries').toBeGreaterThanOrEqual(2);
        expect(await visibleIds(page)).toEqual(expected);
        await expect(page.getByRole('link', { name: 'SENCO checklist to print' })).toHaveAttribute('href', `/provision/need/${need}/${phase}/checklist/`);
        await expect(page.getByRole('link', { name: 'Download the checklist (CSV)' })).toHaveAttribute('href', `/provision/need/${need}/${phase}/checklist.csv`);
      });
    }
  });

  test('every area-of-need page and phase page lists only the matching entries', async ({ page }) => {
    for (const need of needs.values) {
      await page.goto(`/provision/need/${need}/`);
      const ids = [...new Set(await visibleIds(page))];
      expect(ids, need).toEqual(matching({ need }));
    }
    for (const phase of phases.values) {
      await page.goto(`/provision/phase/${phase}/`);
      expect(await visibleIds(page), phase).toEqual(matching({ phase }));
    }
  });

  test('an entry page shows its strategies, its related specialist services and search filters', async ({ page }) => {
    for (const entry of entries) {
      await page.goto(`/provision/${entry.id}/`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(entry.title);
      await expect(page.locator('main li', { hasText: entry.strategies[0]! }).first()).toBeVisible();
      const serviceLinks = await page.locator('main .service-card h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(serviceLinks.sort(), entry.id).toEqual(entry.relatedServices.map((id) => `/services/${id}/`).sort());
      await expect(page.locator('[data-pagefind-filter="need"]')).toHaveText(needs.label(entry.need));
      await expect(page.locator('[data-pagefind-filter="phase"]')).toHaveText(entry.phases.map((p) => phases.label(p)));
    }
  });

  test('the whole-setting expectations are linked from /provision/ and lead back to it', async ({ page }) => {
    await page.goto('/provision/');
    const section = page.locator('main ul').first();
    const links = await section.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links.length).toBeGreaterThanOrEqual(5);
    for (const href of links) {
      await page.goto(href);
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Ordinarily available provision' })).toHaveAttribute('href', '/provision/');
    }
  });
});

test.describe('the filter on /provision/', () => {
  test('with JavaScript, it updates the list in place and keeps its state in the address', async ({ page }) => {
    await page.goto('/provision/');
    expect(await visibleIds(page)).toHaveLength(entries.length);
    const need = page.getByLabel('Area of need');
    const phase = page.getByLabel('Phase', { exact: true });
    await need.selectOption('social-emotional-and-mental-health');
    await expect(page).toHaveURL(/\/provision\/\?need=social-emotional-and-mental-health$/);
    expect(await visibleIds(page)).toEqual(matching({ need: 'social-emotional-and-mental-health' }));
    await expect(page.getByRole('heading', { name: 'Communication and interaction' })).toBeHidden();

    await phase.selectOption('secondary');
    await expect(page).toHaveURL(/\?need=social-emotional-and-mental-health&phase=secondary$/);
    const expected = matching({ need: 'social-emotional-and-mental-health', phase: 'secondary' });
    expect(await visibleIds(page)).toEqual(expected);
    await expect(page.getByRole('status')).toHaveText(`Showing ${expected.length} of ${entries.length} entries for Social, emotional and mental health, Secondary (11 to 16).`);
    await expect(page.getByRole('link', { name: 'SENCO checklist to print' })).toHaveAttribute('href', '/provision/need/social-emotional-and-mental-health/secondary/checklist/');

    const results = await axe(page);
    expect(results.violations.map((v) => v.id), 'the filtered page should have no axe violations').toEqual([]);

    await page.reload();
    await expect(need).toHaveValue('social-emotional-and-mental-health');
    await expect(phase).toHaveValue('secondary');
    expect(await visibleIds(page)).toEqual(expected);

    await need.selectOption('');
    await phase.selectOption('');
    await expect(page).toHaveURL(/\/provision\/$/);
    expect(await visibleIds(page)).toHaveLength(entries.length);
  });

  test('a shared address opens with the filter already applied', async ({ page }) => {
    await page.goto('/provision/?phase=early-years&need=nonsense');
    await expect(page.getByLabel('Area of need')).toHaveValue('');
    expect(await visibleIds(page)).toEqual(matching({ phase: 'early-years' }));
  });

  test('without JavaScript, the controls stay hidden, every entry shows and the browse links filter instead', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/provision/');
    await expect(page.getByLabel('Area of need')).toBeHidden();
    expect(await visibleIds(page)).toHaveLength(entries.length);
    await page.getByRole('link', { name: 'Post-16 (16 to 25) for cognition and learning needs' }).click();
    await expect(page).toHaveURL(/\/provision\/need\/cognition-and-learning\/post-16\/$/);
    expect(await visibleIds(page)).toEqual(matching({ need: 'cognition-and-learning', phase: 'post-16' }));
    await context.close();
  });
});

test.describe('the SENCO checklist', () => {
  test('each CSV parses and matches its printable checklist and the need-and-phase page', async ({ page, request }) => {
    for (const { need, phase } of provisionPairs()) {
      await test.step(`${need}/${phase}`, async () => {
        const response = await request.get(`/provision/need/${need}/${phase}/checklist.csv`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toContain('text/csv');
        const [header, ...rows] = parse(await response.text(), { bom: true }) as string[][];
        expect(header).toContain('What the setting does');
        expect(rows.every((row) => row.length === header!.length)).toBe(true);
        expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([needs.label(need)]));
        expect(new Set(rows.map((r) => r[1]))).toEqual(new Set([phases.label(phase)]));
        const fromCsv = rows.map((r) => ({ entry: r[3], kind: r[4] === 'Strategy' ? 'strategy' : 'adjustment', text: r[5], url: new URL(r[6]!).pathname }));

        await page.goto(`/provision/need/${need}/${phase}/checklist/`);
        const fromPage = await page.locator('.checklist__item').evaluateAll((items) =>
          items.map((li) => ({
            entry: li.closest('section.checklist__entry')!.querySelector('h3')!.textContent!.trim(),
            kind: (li as HTMLElement).dataset.kind,
            text: li.querySelector('label')!.textContent!.trim(),
            url: `/provision/${(li as HTMLElement).dataset.entry}/`,
          })),
        );
        expect(fromCsv).toEqual(fromPage);
        expect(fromPage.length).toBeGreaterThan(0);

        const ids = matching({ need, phase });
        expect([...new Set(fromCsv.map((r) => r.url))].sort()).toEqual(ids.map((id) => `/provision/${id}/`).sort());
        const expectedLines = entries.filter((e) => ids.includes(e.id)).reduce((n, e) => n + e.strategies.length + e.reasonableAdjustments.length, 0);
        expect(rows).toHaveLength(expectedLines);
      });
    }
  });

  test('a checklist whose entries were reviewed on different days gives the oldest date as well as the newest', async ({ page }) => {
    const pair = provisionPairs().find(({ need, phase }) => new Set(entries.filter((e) => e.need === need && e.phases.includes(phase)).map((e) => e.lastReviewed)).size > 1);
    expect(pair, 'the demo content should have a checklist with entries reviewed on different days').toBeDefined();
    const dates = entries.filter((e) => e.need === pair!.need && e.phases.includes(pair!.phase)).map((e) => e.lastReviewed).sort();
    const long = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    await page.goto(`/provision/need/${pair!.need}/${pair!.phase}/checklist/`);
    await expect(page.locator('.checklist__source')).toContainText(`Guidance last reviewed between ${long(dates.at(0)!)} and ${long(dates.at(-1)!)}.`);
  });

  test('the print view is one column on A4, without navigation, with the site name and page address', async ({ page }) => {
    const path = '/provision/need/sensory-and-physical/secondary/checklist/';
    // A4 is 210 mm wide; less 15 mm margins each side, that is 680 CSS pixels.
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.goto(path);
    for (const nav of await page.locator('nav').all()) await expect(nav).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print this checklist' })).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText('Kestrel Vale SEND Local Offer');
    await expect(page.locator('main')).toContainText(`https://localoffer.kestrelvale.example${path}`);
    await expect(page.locator('.checklist__source')).toContainText(/Guidance last reviewed: \d{1,2} \w+ \d{4}/);

    const boxes = page.locator('.checklist__item input[type="checkbox"]');
    expect(await boxes.count()).toBeGreaterThan(5);
    const lefts = new Set(await boxes.evaluateAll((inputs) => inputs.map((i) => Math.round(i.getBoundingClientRect().left))));
    expect([...lefts], 'every tick box should line up in one column').toHaveLength(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'nothing should be wider than A4').toBeLessThanOrEqual(0);

    // The stylesheet's own @page rule sets the paper: A4 is 595 × 842 points.
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf);
    expect(box, 'the PDF should state its page size').not.toBeNull();
    expect(Math.round(Number(box![1]))).toBe(595);
    expect(Math.round(Number(box![2]))).toBe(842);
    // A school may save the checklist and send it to the council: a PDF a browser prints (its
    // links, fonts and compressed streams) is one content/public/ publishes.
    expect(pdfActiveContent(Buffer.from(pdf, 'latin1')), 'a printed PDF should not be refused as active content').toBeUndefined();
  });

  test('printed, pages with filters or a search box show neither their fields nor the labels of those fields', async ({ page }) => {
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await page.goto('/provision/');
    await expect(page.locator('.provision-filter__form')).toBeHidden();
    await expect(page.getByText('Area of need', { exact: true })).toBeHidden();
    await page.goto('/search/?q=speech');
    await expect(page.locator('.search-result').first()).toBeVisible();
    await expect(page.getByText('Search for a service, word or topic')).toBeHidden();
    await expect(page.getByText('Filter results')).toBeHidden();
    await page.goto('/services/');
    await expect(page.getByText('Filter services')).toBeHidden();
    await expect(page.locator('#service-list li').first()).toBeVisible();
  });

  test('with JavaScript, the print button opens the browser\'s print dialogue', async ({ page }) => {
    await page.goto('/provision/need/cognition-and-learning/primary/checklist/');
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.getByRole('button', { name: 'Print this checklist' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
  });
});

test.describe('the parent view', () => {
  test('tells parents what to expect for every matching entry, and what to do if it is not happening', async ({ page }) => {
    for (const { need, phase } of provisionPairs()) {
      await page.goto(`/provision/need/${need}/${phase}/parents/`);
      for (const entry of entries.filter((e) => e.need === need && e.phases.includes(phase))) {
        await expect(page.locator('main')).toContainText(entry.parentsCanExpect);
      }
      await expect(page.getByRole('heading', { name: 'If this is not happening' })).toBeVisible();
    }
    await page.goto('/provision/parents/');
    await page.getByRole('link', { name: 'Early years (0 to 5) for sensory and/or physical needs' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("What you can expect your child's nursery, pre-school or childminder to do");
  });
});

test('search indexes provision entries with area-of-need and phase filters', async ({ page }) => {
  await page.goto('/provision/');
  const found = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ '/pagefind/pagefind.js' as string);
    const filters = await pagefind.filters();
    const search = await pagefind.search(null, { filters: { need: 'Cognition and learning', phase: 'Primary (5 to 11)' } });
    const urls = await Promise.all(search.results.map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url));
    return { needs: Object.keys(filters.need ?? {}), phases: Object.keys(filters.phase ?? {}), urls };
  });
  expect(found.needs.sort()).toEqual(needs.values.map((n) => needs.label(n)).sort());
  expect(found.phases.sort()).toEqual(phases.values.map((p) => phases.label(p)).sort());
  expect(found.urls.sort()).toEqual(matching({ need: 'cognition-and-learning', phase: 'primary' }).map((id) => `/provision/${id}/`));
});

test('provision pages read well at 400% zoom: no sideways scrolling at 320 CSS pixels wide', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const pair = '/provision/need/social-emotional-and-mental-health/post-16/';
  for (const path of ['/provision/', '/provision/parents/', pair, `${pair}checklist/`, `${pair}parents/`, `/provision/${entries[0]!.id}/`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} should not scroll sideways`).toBeLessThanOrEqual(0);
  }
  await context.close();
});
