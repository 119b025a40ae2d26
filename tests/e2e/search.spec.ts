import { expect, test } from '@playwright/test';
import { watchPage, axe } from './helpers.ts';


/** What people type, and a service that must be in the first five results. */
const expectations: [string, string][] = [
  ['SALT', '/services/speech-and-language-therapy/'],
  ['SLT', '/services/speech-and-language-therapy/'],
  ['speech and language therapy', '/services/speech-and-language-therapy/'],
  ['ASC', '/services/autism-family-support-and-courses/'],
  ['ASD', '/services/autism-family-support-and-courses/'],
  ['autistic', '/services/autism-family-support-and-courses/'],
  ['autism', '/services/autism-family-support-and-courses/'],
  ['CAMHS', '/services/camhs/'],
  ['EHCP', '/services/ehc-needs-assessment/'],
  ['OT', '/services/childrens-occupational-therapy/'],
  ['physio', '/services/childrens-physiotherapy/'],
  ['SEMH', '/services/inclusion-outreach-semh/'],
  ['short breaks', '/services/short-breaks-assessed/'],
  ['respite', '/services/short-breaks-assessed/'],
];

async function topResults(page: import('@playwright/test').Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-status]')).toContainText(/result/);
  const links = page.locator('.search-result__title a');
  await expect(links.first()).toBeVisible();
  return (await links.evaluateAll((as) => as.slice(0, 5).map((a) => new URL((a as HTMLAnchorElement).href).pathname)));
}

for (const [query, expected] of expectations) {
  test(`searching for "${query}" finds ${expected} in the top 5`, async ({ page }) => {
    expect(await topResults(page, query)).toContain(expected);
  });
}

test('a page\'s review date and "due for review" warning are not searched', async ({ page }) => {
  // This service is overdue for review, and its own words never mention a review: only its
  // "Last reviewed" date and warning do. "annual review" must not find every dated page.
  await page.goto('/search/?q=riding%20review');
  await expect(page.locator('[data-no-results]')).toBeVisible();
  await expect(page.locator('.search-result')).toHaveCount(0);
  // "rely" is only in the warning ("Check with the service before you rely on it"). Pagefind,
  // given a word that is in no page, searches instead for the longest start of it that is a word
  // somewhere ("re", of "we're"), so other pages may be listed: none for "rely" itself, and not
  // the overdue service.
  await page.goto('/search/?q=rely');
  await expect(page.locator('[data-status]')).toContainText(/result/i);
  const marked = await page.locator('.search-result mark').allTextContents();
  expect(marked.filter((word) => /^reli|^rely/i.test(word))).toEqual([]);
  const listed = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(listed).not.toContain('/services/riding-for-disabled-children/');
});

test('the header search box takes you to the search page and runs the search', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search the Local Offer' }).fill('wheelchair');
  await page.getByRole('button', { name: 'Search', exact: true }).first().click();
  await expect(page).toHaveURL(/\/search\/\?q=wheelchair/);
  await expect(page.locator('.search-result__title a').first()).toHaveText(/Wheelchair/);
  await expect(page.getByLabel('Search for a service, word or topic')).toHaveValue('wheelchair');
  await expect(page.getByText('Search needs JavaScript')).toBeHidden();
});

test('an age in the search becomes the age filter, shown ticked so it can be unticked', async ({ page }) => {
  await page.goto('/search/');
  const box = page.getByLabel('Search for a service, word or topic');
  await box.fill('autism 7 year old');
  await box.press('Enter');
  const status = page.locator('[data-status]');
  await expect(status).toContainText('for “autism”. Showing ages 5 to 10, from the age in your search.');
  await expect(box).toHaveValue('autism');
  await expect(page).toHaveURL(/\?q=autism&age=Ages\+5\+to\+10$/);
  const band = page.getByRole('group', { name: 'Age' }).getByLabel(/^Ages 5 to 10 \(\d+\)$/);
  await expect(band).toBeChecked();
  const narrowed = await page.locator('.search-result').count();
  expect(narrowed).toBeGreaterThan(0);
  await band.uncheck();
  await expect(status).not.toContainText('Showing ages');
  await expect(page).toHaveURL(/\?q=autism$/);
  await expect(band).not.toBeChecked();
  expect(await page.locator('.search-result').count()).toBeGreaterThanOrEqual(narrowed);
});

test('results have highlighted excerpts and filters with counts that narrow them, kept in the address', async ({ page }) => {
  await page.goto('/search/?q=therapy');
  await expect(page.locator('.search-result mark').first()).toBeVisible();
  const before = await page.locator('.search-result').count();
  await page.locator('summary', { hasText: 'Filter results' }).click();
  const filter = page.getByRole('group', { name: 'Area of need' }).getByLabel(/^Sensory and\/or physical needs \(\d+\)$/);
  await filter.check();
  await expect(page).toHaveURL(/need=Sensory/);
  await expect(page.locator('[data-status]')).toContainText('for “therapy”');
  await expect(page.getByRole('group', { name: 'Age' })).toBeVisible();
  const after = await page.locator('.search-result').count();
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThanOrEqual(before);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Area of need' }).getByLabel(/^Sensory and\/or physical needs/)).toBeChecked();
});

test('ticking a filter box with the keyboard keeps focus on that box, and the next Tab goes on to the next one (WCAG 2.4.3)', async ({ page }) => {
  await page.goto('/search/?q=support');
  await expect(page.locator('[data-status]')).toContainText('for “support”');
  await page.locator('summary', { hasText: 'Filter results' }).click();
  const group = page.getByRole('group', { name: 'Age' });
  const first = group.getByRole('checkbox').first();
  await first.focus();
  const name = await first.evaluate((box: HTMLInputElement) => box.value);
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/age=/);
  await expect(page.locator('[data-status]')).toContainText('for “support”');
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(name);
  await expect(page.locator(':focus')).toBeChecked();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('age');
});

test('filters that leave nothing say so, and offer to clear them, keeping the words', async ({ page }) => {
  await page.goto('/search/?q=swimming&category=Travel+and+transport');
  await expect(page.locator('[data-status]')).toContainText('No results for “swimming” with these filters.');
  const clear = page.getByRole('main').getByRole('link', { name: 'clear all filters' });
  await expect(clear).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Clear filters' })).toBeVisible();
  await clear.click();
  await expect(page).toHaveURL(/\/search\/\?q=swimming$/);
  await expect(page.locator('[data-status]')).toContainText(/\d+ results? for “swimming”/);
  await expect(page).toHaveTitle(/^“swimming” – Search – /);
});

test('"Show more results" moves focus to the first new result and says how many are shown; Back from a result finds them all again', async ({ page }) => {
  await page.goto('/search/?q=support');
  const status = page.locator('[data-status]');
  await expect(status).toContainText(/^(\d+) results for “support”/);
  const total = Number(/^(\d+)/.exec((await status.textContent())!)![1]);
  expect(total).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect(page.locator('.search-result')).toHaveCount(20);
  await expect(page.locator('.search-result').nth(10).getByRole('link')).toBeFocused();
  await expect(status).toHaveText(`Showing 20 of ${total} results for “support”.`);
  const fifteenth = page.locator('.search-result').nth(14).getByRole('link');
  const address = await fifteenth.getAttribute('href');
  await fifteenth.click();
  await expect(page).toHaveURL(new RegExp(`${address}$`));
  await page.goBack();
  await expect(page.locator('.search-result')).toHaveCount(20);
  await expect(page.locator(`.search-result a[href="${address}"]`)).toBeInViewport();
});

test('a search with no results suggests what to do next, and passes axe', async ({ page, baseURL }) => {
  const watch = await watchPage(page, new URL(baseURL!).origin);
  await page.goto('/search/?q=xylophonequartz');
  await expect(page.getByRole('heading', { name: /Nothing found for “xylophonequartz”/ })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'glossary of SEND words' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'all services A to Z' })).toBeVisible();
  const results = await axe(page);
  expect(results.violations.map((v) => v.id)).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.thirdParty).toEqual([]);
});

test('search results with filters pass axe and stay within the security policy', async ({ page, baseURL }) => {
  const watch = await watchPage(page, new URL(baseURL!).origin);
  await page.goto('/search/?q=autism&age=Ages+5+to+10');
  await expect(page.locator('.search-result').first()).toBeVisible();
  const results = await axe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('bytes a first search downloads', async ({ page }) => {
  await page.goto('/search/');
  await expect(page.locator('[data-status]')).toContainText('Type what you are looking for');
  // Each finished request is noted at once; its body is read later, and every one is awaited
  // before counting (reading bodies inside the handler lost requests still being read).
  const measuring: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    measuring.push(
      (async () => {
        const response = await request.response();
        const body = await response?.body().catch(() => Buffer.alloc(0));
        return { url: request.url(), bytes: body?.length ?? 0 };
      })(),
    );
  });
  await page.getByLabel('Search for a service, word or topic').fill('speech therapy');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.locator('.search-result').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(measuring);
  const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
  console.log(`First search downloaded ${total} bytes in ${sizes.length} requests:\n${sizes.map((s) => `  ${s.bytes}\t${new URL(s.url).pathname}`).join('\n')}`);
  expect(total).toBeLessThan(500_000);
  // Search runs on the page: Pagefind's web worker is not downloaded.
  expect(sizes.map((s) => new URL(s.url).pathname)).not.toContain('/pagefind/pagefind-worker.js');
  // The build asks for small index chunks (scripts/search-index.ts), so no chunk is near
  // Pagefind's default size of about 30 KB even on this small demo site.
  const chunks = sizes.filter((s) => s.url.endsWith('.pf_index'));
  expect(chunks.length).toBeGreaterThan(0);
  for (const chunk of chunks) expect(chunk.bytes).toBeLessThan(12_000);
});

test('choices with no search words list the matching services, and only services', async ({ page }) => {
  // The same list as the browse page for that need, which is built without search.
  await page.goto('/services/need/sensory-and-physical/');
  const expected = Number(/^(\d+) services?/.exec((await page.locator('main .lead').first().textContent())!.trim())![1]);
  await page.goto(`/search/?kind=Services&need=${encodeURIComponent('Sensory and/or physical needs')}`);
  await expect(page.locator('[data-status]')).toHaveText(`${expected} results.`);
  await expect(page.getByRole('group', { name: 'Show only' }).getByLabel(/^Services \(\d+\)$/)).toBeChecked();
  await expect(page.getByRole('group', { name: 'Area of need' }).getByLabel(/^Sensory and\/or physical needs/)).toBeChecked();
  await expect(page.getByRole('group', { name: 'How you get it' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Cost' })).toBeVisible();
  const paths = await page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) expect(path).toMatch(/^\/services\/[a-z0-9-]+\/$/);
});

test('a first search does not download the filter index until someone asks to filter', async ({ page }) => {
  const filterFiles: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.pf_filter')) filterFiles.push(request.url());
  });
  await page.goto('/search/?q=speech');
  await expect(page.locator('.search-result').first()).toBeVisible();
  await expect(page.getByRole('group', { name: 'Area of need' })).toHaveCount(0);
  expect(filterFiles).toEqual([]);
  const summary = page.locator('summary', { hasText: 'Filter results' });
  await summary.click();
  await expect(page.getByRole('group', { name: 'Area of need' })).toBeVisible();
  await expect(summary).toBeFocused();
  expect(filterFiles.length).toBeGreaterThan(0);
});

/** The paths of all results, in order, once the count is announced. */
async function allResults(page: import('@playwright/test').Page, query: string): Promise<string[]> {
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.locator('[data-status]')).toContainText(/result/);
  while (await page.getByRole('button', { name: 'Show more results' }).isVisible()) {
    const before = await page.locator('.search-result').count();
    await page.getByRole('button', { name: 'Show more results' }).click();
    await expect(page.locator('.search-result')).not.toHaveCount(before);
  }
  return page.locator('.search-result__title a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

test('"SALT" lists the speech and language therapy service first, and nothing that only mentions Saltmere', async ({ page, request }) => {
  const paths = await allResults(page, 'SALT');
  expect(paths[0]).toBe('/services/speech-and-language-therapy/');
  // Every result has SALT as a word of its own: in its text or among its other words for search.
  for (const path of paths) {
    const html = await (await request.get(path)).text();
    expect(html, `${path} is in the results for SALT`).toMatch(/(^|[^\p{L}])SALT([^\p{L}]|$)/u);
  }
  // Services in Saltmere that have nothing to do with speech and language therapy.
  for (const path of ['/services/inclusive-holiday-play-scheme/', '/services/friday-social-club/', '/services/youth-wellbeing-drop-in/']) expect(paths).not.toContain(path);
});

test('an abbreviation typed in lower case is still matched whole', async ({ page }) => {
  const paths = await allResults(page, 'salt');
  expect(paths[0]).toBe('/services/speech-and-language-therapy/');
  expect(paths).not.toContain('/services/friday-social-club/');
});

test('"EHCP" puts the EHC plan pathway in the top three and finds annual reviews and the timeline calculator', async ({ page }) => {
  const paths = await allResults(page, 'EHCP');
  expect(paths.slice(0, 3)).toContain('/pathways/ehc-plan/');
  expect(paths).toContain('/pathways/annual-reviews/');
  expect(paths).toContain('/pathways/ehc-timeline/');
});

test('a plural finds what its singular finds, and "autistic" what "autism" finds', async ({ page }) => {
  const singular = await allResults(page, 'specific learning difficulty');
  const plural = await allResults(page, 'specific learning difficulties');
  expect(new Set(plural)).toEqual(new Set(singular));
  // The services about autism (a passing mention further down, as on Blue Badge, may differ).
  const autism = (await allResults(page, 'autism')).slice(0, 7);
  const autistic = await allResults(page, 'autistic');
  for (const path of autism.filter((p) => p.startsWith('/services/'))) expect(autistic, `"autistic" finds ${path}`).toContain(path);
});

test('excerpts read as sentences: words of neighbouring blocks are apart, and the other words for a service are not shown', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('abbreviations like')}`);
  await expect(page.locator('[data-status]')).toContainText(/result/);
  const excerpts = (await page.locator('.search-result p:last-child').allTextContents()).join('\n');
  expect(excerpts).toContain('or CAMHS. We did We added');
  expect(excerpts).not.toMatch(/You saidThe|We didWe/);
  await page.goto(`/search/?q=${encodeURIComponent('speech therapy')}`);
  await expect(page.locator('[data-status]')).toContainText(/result/);
  const results = (await page.locator('.search-result').allTextContents()).join('\n');
  expect(results).not.toContain('Other words for this service');
  expect(results).not.toContain('Words people search for');
});

test('the number of results is announced politely, and focus stays where it was', async ({ page }) => {
  await page.goto('/search/?q=therapy');
  const status = page.getByRole('status').filter({ hasText: /results? for/ });
  await expect(status).toHaveAttribute('aria-live', 'polite');
  await expect(status).toContainText(/^\d+ results for “therapy”/);
  const box = page.getByLabel('Search for a service, word or topic');
  await box.fill('wheelchair');
  await box.press('Enter');
  await expect(status).toContainText('for “wheelchair”');
  await expect(box).toBeFocused();
});

for (const { width, height } of [{ width: 390, height: 844 }, { width: 1280, height: 900 }]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height } });

    test('the filter is one collapsed line, so the first results are on the first screen', async ({ page }) => {
      await page.goto('/search/?q=therapy');
      await expect(page.locator('.search-result').first()).toBeVisible();
      const summary = page.locator('summary', { hasText: 'Filter results' });
      await expect(summary).toBeVisible();
      await expect(page.getByRole('group', { name: 'Area of need' })).toBeHidden();
      const first = (await page.locator('.search-result').first().boundingBox())!;
      expect(first.y).toBeLessThan(height);
    });

    test('nothing in the page moves as the search starts: the form is in place before the script runs', async ({ page }) => {
      // The script is held back until the page as sent has been measured. Positions are taken
      // from the top of the search form: the header and heading settling as the web font arrives
      // is a matter for the whole site, not for search.
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/scripts/search-page.js', async (route) => {
        await held;
        await route.continue();
      });
      const places = () =>
        page.evaluate(() => {
          const top = document.querySelector('[data-search]')!.getBoundingClientRect().top;
          const y = (selector: string) => Math.round(document.querySelector(selector)!.getBoundingClientRect().top - top);
          return { box: y('#search-q'), filter: y('[data-filters-panel]'), status: y('[data-status]') };
        });
      // (A module script holds back DOMContentLoaded: wait for the end of the page instead.)
      await page.goto('/search/?q=speech', { waitUntil: 'commit' });
      await page.locator('.site-footer').waitFor({ state: 'attached' });
      // The page as a visitor first sees it has its style sheets: on a busy machine the end of the
      // page can arrive before they do, and a page measured without them is not the page sent.
      await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every((link) => link.sheet));
      await page.evaluate(() => document.fonts.ready);
      const before = await places();
      release();
      await expect(page.locator('.search-result').first()).toBeVisible();
      expect(await places()).toEqual(before);
      // The results come under the count, and the page below them does not jump into view and out.
      const first = (await page.locator('.search-result').first().boundingBox())!;
      const status = (await page.locator('[data-status]').boundingBox())!;
      expect(first.y).toBeGreaterThan(status.y);
      await expect(page.locator('.page-feedback')).not.toBeInViewport();
    });
  });
}

test.describe('when JavaScript is unavailable', () => {
  test.use({ javaScriptEnabled: false });
  test('the search button says it cannot work, and the ways to browse are shown', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.getByRole('button', { name: 'Search', exact: true }).last()).toBeDisabled();
    await expect(page.getByText('Search needs JavaScript')).toBeVisible();
    await expect(page.getByRole('link', { name: 'find services by need, age and place' })).toBeVisible();
  });
});
