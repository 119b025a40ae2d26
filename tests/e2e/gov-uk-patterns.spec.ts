/**
 * GOV.UK patterns a parent on a phone relies on (issue 26, points 10 to 18): tappable phone
 * numbers, the date input with its error summary, the shortlist link in the header, print,
 * the young people's hub. Each holds at a phone's width (390 px) and a desktop's (1280 px),
 * with JavaScript and without it where the page can be used without it.
 */
import { expect, test, type Browser } from '@playwright/test';

const WIDTHS = [
  { name: 'a phone (390 px)', viewport: { width: 390, height: 844 } },
  { name: 'a desktop (1280 px)', viewport: { width: 1280, height: 800 } },
];

async function open(browser: Browser, baseURL: string | undefined, viewport: { width: number; height: number }, javaScriptEnabled: boolean) {
  const context = await browser.newContext({ baseURL, viewport, javaScriptEnabled });
  return { context, page: await context.newPage() };
}

for (const { name, viewport } of WIDTHS) {
  for (const javaScriptEnabled of [true, false]) {
    const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

    test(`on ${name} ${how}, the urgent-help result's phone numbers are links a parent can tap`, async ({ browser, baseURL }) => {
      const { context, page } = await open(browser, baseURL, viewport, javaScriptEnabled);
      await page.goto('/navigator/which-support-applies/urgent-help/');
      const result = page.locator('.outcome-urgent');
      await expect(result.getByRole('link', { name: '01632 960 999' })).toHaveAttribute('href', 'tel:01632960999');
      await expect(result.getByRole('link', { name: '01632 960 998' })).toHaveAttribute('href', 'tel:01632960998');
      await expect(result.getByRole('link', { name: '999' }).first()).toHaveAttribute('href', 'tel:999');
      await context.close();
    });
  }
}

test('the page-not-found page and the accessibility statement link their phone numbers', async ({ page }) => {
  await page.goto('/no-such-page/');
  await expect(page.getByRole('main').getByRole('link', { name: '01632 960 100' })).toHaveAttribute('href', 'tel:01632960100');
  await page.goto('/accessibility/');
  await expect(page.getByRole('main').getByRole('link', { name: '01632 960 100' })).toHaveAttribute('href', 'tel:01632960100');
});

for (const { name, viewport } of WIDTHS) {
  test(`on ${name}, the EHC calculator uses a day, month and year date input with an error summary that takes focus`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, viewport, true);
    await page.goto('/pathways/ehc-timeline/');
    const question = page.getByRole('group', { name: 'Date the council received the request' });
    await expect(question.getByLabel('Day')).toHaveAttribute('inputmode', 'numeric');
    await expect(question.locator('input[type="date"]')).toHaveCount(0);
    await question.getByLabel('Day').fill('3');
    await question.getByLabel('Year').fill('2027');
    await page.getByRole('button', { name: 'Show the dates' }).click();

    const summary = page.locator('[data-error-summary]').first();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('There is a problem');
    await expect(page).toHaveTitle(/^Error: EHC timeline calculator – /);
    const message = 'Date the council received the request must include a month';
    await expect(question).toContainText(`Error: ${message}`);
    await expect(question.getByLabel('Month')).toHaveAttribute('aria-invalid', 'true');
    await expect(question.getByLabel('Day')).toHaveAttribute('aria-invalid', 'false');
    // The red bar beside the question, as GOV.UK marks a question to fix.
    await expect(page.locator('[data-date-input="request-date"]')).toHaveCSS('border-left-style', 'solid');

    await summary.getByRole('link', { name: message }).click();
    await expect(question.getByLabel('Month')).toBeFocused();
    await page.keyboard.type('Feb');
    await page.getByRole('button', { name: 'Show the dates' }).click();
    await expect(summary).toBeHidden();
    await expect(page).toHaveTitle(/^EHC timeline calculator – /);
    await expect(question.getByLabel('Month')).toHaveAttribute('aria-invalid', 'false');
    await expect(page.locator('[data-results-list]')).toContainText('Wednesday 17 March 2027 (6 weeks)');

    // "Add to calendar" looks like a button: a filled background, not a bare link.
    const calendar = page.getByRole('link', { name: 'Add to calendar (.ics file)' });
    await expect(calendar).toHaveClass(/\bbutton\b/);
    const background = await calendar.evaluate((el) => getComputedStyle(el).backgroundColor);
    const panel = await page.locator('ehc-timeline').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe(panel);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await context.close();
  });
}

for (const { name, viewport } of WIDTHS) {
  for (const javaScriptEnabled of [true, false]) {
    const how = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';
    test(`on ${name} ${how}, the young people's hub opens on videos, each with its own poster as the thumbnail`, async ({ browser, baseURL }) => {
      const { context, page } = await open(browser, baseURL, viewport, javaScriptEnabled);
      await page.goto('/young-people/');
      const cards = page.locator('li.video-card');
      const posters = await cards.evaluateAll((els) => els.map((el) => el.querySelector('img')?.getAttribute('src')));
      const slugs = await cards.evaluateAll((els) => els.map((el) => el.querySelector('a')!.getAttribute('href')!.split('/')[2]));
      expect(posters.length).toBeGreaterThanOrEqual(6);
      // Each card shows its own video's poster: no two the same, each named after its video.
      expect(new Set(posters).size).toBe(posters.length);
      posters.forEach((src, i) => expect(src).toBe(`/videos/${slugs[i]}.jpg`));
      // The first video's thumbnail and title are on the first screen.
      const first = cards.first();
      const thumb = (await first.locator('img').boundingBox())!;
      expect(thumb.y + thumb.height / 2).toBeLessThan(viewport.height);
      await expect(first.locator('img')).toHaveJSProperty('complete', true);
      expect(await first.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
      // One topic control, the same with and without JavaScript.
      await expect(page.getByRole('navigation', { name: 'Videos by topic' }).getByRole('link')).not.toHaveCount(0);
      await expect(page.getByRole('radio')).toHaveCount(0);
      // The thumbnail is part of the link target: tapping it opens the video.
      await page.mouse.click(thumb.x + thumb.width / 2, thumb.y + thumb.height / 2);
      await expect(page).toHaveURL(new RegExp(`/videos/${slugs[0]}/$`));
      await context.close();
    });
  }
}

for (const { name, viewport } of WIDTHS) {
  test(`on ${name} without JavaScript, every page's header has a plain link to the shortlist`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, viewport, false);
    for (const path of ['/', '/pathways/ehc-timeline/', '/young-people/']) {
      await page.goto(path);
      const link = page.getByRole('banner').getByRole('link', { name: 'Your shortlist', exact: true });
      await expect(link, path).toBeVisible();
      await expect(link).toHaveAttribute('href', '/services/shortlist/');
    }
    await page.getByRole('banner').getByRole('link', { name: 'Your shortlist', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your shortlist');
    await context.close();
  });

  test(`on ${name} with JavaScript, the header's shortlist link shows the count, and "Remove all" can be undone`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, viewport, true);
    await page.goto('/services/camhs/');
    const link = page.getByRole('banner').getByRole('link', { name: /^Your shortlist \d+ saved services$/ });
    await expect(link).toHaveAccessibleName('Your shortlist 0 saved services');
    await page.getByRole('button', { name: /Save to shortlist/ }).first().click();
    await expect(link).toHaveAccessibleName('Your shortlist 1 saved services');
    // The change is said, not only shown by the button's new words (WCAG 4.1.3).
    await expect(page.locator('#shortlist-said[aria-live="polite"]')).toHaveText('Saved. 1 service on your shortlist.');
    await page.getByRole('button', { name: /Saved: remove from shortlist/ }).first().click();
    await expect(page.locator('#shortlist-said')).toHaveText('Removed. 0 services on your shortlist.');
    await page.getByRole('button', { name: /Save to shortlist/ }).first().click();
    await page.goto('/');
    await expect(link).toHaveAccessibleName('Your shortlist 1 saved services');
    await link.click();
    await expect(page.getByRole('status')).toHaveText('1 service saved on this device.');

    await page.getByRole('button', { name: 'Remove all services from my shortlist' }).click();
    await expect(page.getByRole('status')).toContainText('You have not saved any services yet');
    await expect(link).toHaveAccessibleName('Your shortlist 0 saved services');
    const undo = page.getByRole('button', { name: 'Undo: put them back' });
    await expect(undo).toBeFocused();
    await undo.click();
    await expect(page.getByRole('status')).toHaveText('1 service put back on your shortlist.');
    await expect(page.locator('[data-shortlist-item]:not([hidden])')).toHaveCount(1);
    await expect(link).toHaveAccessibleName('Your shortlist 1 saved services');
    await expect(undo).toBeHidden();
    // Printed, the page's own address would open the reader's shortlist: the link to this one is
    // printed instead, and each service keeps its "Run by" line on the same sheet.
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByText(/^Link to this shortlist: https?:\/\/[^/]+\/services\/shortlist\/\?ids=[a-z0-9-]+$/)).toBeVisible();
    await expect(page.locator('[data-shortlist-item]:not([hidden])')).toHaveCSS('break-inside', 'avoid');
    // A service removed from the shortlist with the keyboard: focus goes to the line saying what
    // is left, not to the top of the page with the button it was on.
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('main').getByRole('button', { name: /Saved: remove from shortlist/ }).press('Enter');
    await expect(page.getByRole('status')).toContainText('You have not saved any services yet');
    await expect(page.getByRole('status')).toBeFocused();
    await context.close();
  });
}

test('on a desktop (1280 px), the main menu is one line', async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { width: 1280, height: 800 }, true);
  await page.goto('/');
  const tops = await page.locator('.site-header__links--wide > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
  expect(tops.length).toBeGreaterThanOrEqual(6);
  expect(new Set(tops).size).toBe(1);
  await context.close();
});

test('on a phone (390 px), "Need help now?" and its phone number are on the home page\'s first screen', async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { width: 390, height: 844 }, true);
  await page.goto('/');
  const call = page.getByRole('main').getByRole('link', { name: '01632 960 100' });
  const box = (await call.boundingBox())!;
  expect(box.y + box.height).toBeLessThan(844);
  await expect(page.getByRole('heading', { name: 'Need help now?' })).toBeInViewport();
  await context.close();
});

test('the accessibility statement claims no full compliance on automated tests alone, and names the YouTube-hosted video', async ({ page }) => {
  await page.goto('/accessibility/');
  const main = page.getByRole('main');
  await expect(main).not.toContainText('fully compliant');
  await expect(main).toContainText('partially compliant');
  await expect(main).toContainText('Automated checks find only some kinds of problem');
  await expect(main).toContainText('What is preparing for adulthood?');
  await expect(main).toContainText(/YouTube.s own player/);
});

test('/services/a-z/ is a page of letters, each leading to its services', async ({ page }) => {
  const response = await page.goto('/services/a-z/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services A to Z');
  await page.getByRole('navigation', { name: 'Services A to Z' }).getByRole('link', { name: 'Services beginning with B' }).click();
  await expect(page).toHaveURL(/\/services\/a-z\/b\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Services beginning with B');
});

test('a downloaded provision checklist is named by its need and phase', async ({ page }) => {
  await page.goto('/provision/need/communication-and-interaction/secondary/');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the checklist (CSV)' }).click();
  expect((await download).suggestedFilename()).toBe('provision-checklist-communication-and-interaction-secondary.csv');
});

for (const { name, viewport } of WIDTHS) {
  test(`on ${name}, a service page prints without the shortlist button, video posters or other controls`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, viewport, true);
    await page.goto('/services/youth-wellbeing-drop-in/');
    await expect(page.getByRole('button', { name: /Save to shortlist/ })).toBeVisible();
    await expect(page.locator('.video-card img').first()).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Videos', exact: true })).toBeVisible();
    // Browsers print no background colours: "Temporarily closed" was white (on no teal) on paper.
    await expect(page.getByRole('heading', { name: 'Temporarily closed' })).toHaveCSS('color', 'rgb(0, 0, 0)');
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('button, .button, input, select, video, iframe, img')]
        .filter((el) => el.getClientRects().length > 0)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    await expect(page.getByRole('banner').getByRole('link', { name: /Your shortlist/ })).toBeHidden();
    await context.close();
  });
}

test('a video page prints its transcript without the player, and a checklist keeps its tick boxes', async ({ page }) => {
  await page.goto('/videos/your-rights-at-16/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('video')).toBeHidden();
  await expect(page.locator('.transcript')).toBeVisible();
  // On paper the transcript follows the title: a link to skip to it leads nowhere.
  await expect(page.getByRole('link', { name: 'Skip to transcript' })).toBeHidden();
  await page.goto('/provision/need/communication-and-interaction/secondary/checklist/');
  await expect(page.locator('input[type="checkbox"]').first()).toBeVisible();
});

test('a video page keeps the poster clear of a play button in the middle, and styles captions for reading', async ({ page }) => {
  await page.goto('/videos/your-rights-at-16/');
  const cue = await page.locator('video').evaluate(() => {
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) if (rule instanceof CSSStyleRule && rule.selectorText.includes('::cue')) return rule.style.cssText;
    }
    return '';
  });
  expect(cue).toMatch(/font-size: 1\.125rem/);
  expect(cue).toMatch(/background/);
  await page.goto('/videos/what-is-preparing-for-adulthood/');
  const frame = (await page.locator('[data-facade-frame]').boundingBox())!;
  const button = (await page.getByRole('button', { name: /Play video/ }).boundingBox())!;
  // The poster's title is in its upper middle; the button sits in the bottom corner.
  expect(button.y).toBeGreaterThan(frame.y + frame.height / 2);
  expect(button.x).toBeLessThan(frame.x + frame.width / 2);
  // At 320 px (a phone, or 400% zoom) the button, on two lines, covered the title: it goes below.
  await page.setViewportSize({ width: 320, height: 640 });
  const poster = (await page.locator('.video-facade__poster').boundingBox())!;
  const below = (await page.getByRole('button', { name: /Play video/ }).boundingBox())!;
  expect(poster.height).toBeCloseTo((poster.width * 9) / 16, 0);
  expect(below.y).toBeGreaterThanOrEqual(poster.y + poster.height);
});

test("a service for every age from birth does not suggest a video for 14 to 25 year olds; a youth service does", async ({ page }) => {
  await page.goto('/services/speech-and-language-therapy/');
  await expect(page.getByRole('link', { name: 'Moving to adult health services' })).toHaveCount(0);
  await page.goto('/services/youth-wellbeing-drop-in/');
  await expect(page.getByRole('link', { name: 'Moving to adult health services' })).toBeVisible();
});

for (const width of [320, 390]) {
  test(`at ${width} px, chart text on "How we're doing" and "You said, we did" is at least 14 px`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, { width, height: 800 }, true);
    for (const path of ['/how-we-are-doing/', '/you-said-we-did/']) {
      await page.goto(path);
      const sizes = await page.locator('svg.chart').evaluateAll((charts) =>
        charts.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
          return [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
        }),
      );
      expect(sizes.length, path).toBeGreaterThan(0);
      expect(Math.min(...sizes), path).toBeGreaterThanOrEqual(14);
    }
    await context.close();
  });

  test(`at ${width} px, a table wider than the screen says it scrolls and keeps its caption in view`, async ({ browser, baseURL }) => {
    for (const javaScriptEnabled of [true, false]) {
      const { context, page } = await open(browser, baseURL, { width, height: 800 }, javaScriptEnabled);
      await page.goto('/you-said-we-did/');
      const box = page.locator('.table-scroll').first();
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expect(box.getByText('Scroll sideways to see the whole table')).toBeVisible();
      await box.evaluate((el) => (el.scrollLeft = el.scrollWidth));
      const caption = (await box.locator('caption').boundingBox())!;
      const visible = (await box.boundingBox())!;
      expect(caption.x).toBeGreaterThanOrEqual(visible.x - 1);
      expect(caption.x + caption.width).toBeLessThanOrEqual(visible.x + visible.width + 1);
      await context.close();
    }
  });
}

test('at 390 px, a table that fits does not claim to scroll', async ({ browser, baseURL }) => {
  const { context, page } = await open(browser, baseURL, { width: 390, height: 800 }, true);
  await page.goto('/how-we-are-doing/');
  const box = page.locator('.table-scroll').first();
  expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(false);
  await expect(box.getByText('Scroll sideways to see the whole table')).toBeHidden();
  await context.close();
});

for (const { name, viewport } of WIDTHS) {
  for (const path of ['/you-said-we-did/', '/young-people/']) {
    test(`on ${name}, ${path} does not move as its scripts run (layout shift at most 0.05)`, async ({ browser, baseURL }) => {
      const { context, page } = await open(browser, baseURL, viewport, true);
      await page.addInitScript(() => {
        (window as unknown as { __shift: number }).__shift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      await page.evaluate(() => document.fonts.ready);
      const shift = await page.evaluate(() => (window as unknown as { __shift: number }).__shift);
      expect(shift).toBeLessThanOrEqual(0.05);
      await context.close();
    });
  }
}

for (const { name, viewport } of WIDTHS) {
  test(`on ${name}, /admin/ opens on a front door: the council, what the page is for, the guides, what to do without an account, and a loading message`, async ({ browser, baseURL }) => {
    const { context, page } = await open(browser, baseURL, viewport, true);
    // Hold the editor's script back, as a slow connection would.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/admin/decap/decap-cms.js', async (route) => {
      await held;
      await route.continue();
    });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
    await page.goto('/admin/', { waitUntil: 'domcontentloaded' });
    const front = page.getByRole('main');
    await expect(front).toContainText('Kestrel Vale Council');
    await expect(front.getByRole('heading', { level: 1 })).toHaveText('Content editor for the Kestrel Vale SEND Local Offer');
    await expect(front.getByRole('link', { name: 'editing guide' })).toHaveAttribute('href', /\/docs\/editing\.md$/);
    await expect(front.getByRole('heading', { name: /If you do not have a (GitHub|GitLab) account/ })).toBeVisible();
    await expect(front.getByRole('link', { name: 'localoffer@kestrelvale.example' })).toBeVisible();
    const status = front.getByRole('status');
    await expect(status).toHaveText(/^Loading the editor/);
    await expect(status).toBeInViewport();
    release();
    await expect(status).toHaveText('The editor has loaded. Sign in below to start.', { timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
}

test('"0 to 25" is drawn with a plain zero: the one-glyph font without the slash is what the page uses for 0', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('main .lead')).toContainText('0 to 25');
  await page.evaluate(() => document.fonts.ready);
  const zeroFaces = await page.evaluate(() =>
    [...document.fonts].filter((face) => face.unicodeRange.toUpperCase() === 'U+30').map((face) => ({ weight: face.weight, status: face.status })),
  );
  // Both weights are declared, and the regular one has been fetched for the text on the page.
  expect(zeroFaces.map((f) => f.weight).sort()).toEqual(['400', '700']);
  expect(zeroFaces.find((f) => f.weight === '400')?.status).toBe('loaded');
  // It really is a zero: a glyph as wide as the main font's, so nothing moves when it loads.
  const widths = await page.evaluate(async () => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.font = '100px "Atkinson Hyperlegible"';
    return { zero: canvas.measureText('0').width, eight: canvas.measureText('8').width };
  });
  expect(widths.zero).toBeGreaterThan(50);
  expect(Math.abs(widths.zero - widths.eight)).toBeLessThan(5);
});

test('a service and a guide with one name have page titles of their own: "Page – Section – Site"', async ({ page }) => {
  const titles: string[] = [];
  for (const path of ['/services/ehc-needs-assessment/', '/pathways/ehc-needs-assessment/', '/glossary/']) {
    await page.goto(path);
    titles.push(await page.title());
  }
  expect(titles[0]).toMatch(/^Asking for an EHC needs assessment – Find services – /);
  expect(titles[1]).toMatch(/^Asking for an EHC needs assessment – Pathways and timescales – /);
  // A page with no section above it: "Page – Site".
  expect(titles[2]).toBe('Glossary of SEND words – Kestrel Vale SEND Local Offer');
});
