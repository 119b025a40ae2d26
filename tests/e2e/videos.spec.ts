import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * Videos anyone can use: captions that load, a transcript one link away, controls reachable
 * with the keyboard, and YouTube that stays out of the page until someone presses play.
 */
const SELF_HOSTED = '/videos/your-rights-at-16/';
const YOUTUBE = '/videos/what-is-preparing-for-adulthood/';
const YOUTUBE_ID = 'Kv7pFa2q9Xw';

/** Presses Tab until `isTarget` holds for the focused element, as a keyboard user would. */
async function tabTo(page: Page, isTarget: () => Promise<boolean>, limit = 40): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return true;
  }
  return false;
}

test.describe('a self-hosted video page', () => {
  test('the captions track loads and has cues', async ({ page }) => {
    await page.goto(SELF_HOSTED);
    const track = page.locator('video track[kind="captions"]');
    await expect(track).toHaveAttribute('default', '');
    await expect(track).toHaveAttribute('srclang', 'en');
    await page.waitForFunction(() => (document.querySelector('video')?.textTracks[0]?.cues?.length ?? 0) > 0);
    const firstCue = await page.evaluate(() => {
      const cue = document.querySelector('video')!.textTracks[0]!.cues![0] as VTTCue;
      return { text: cue.text, mode: document.querySelector('video')!.textTracks[0]!.mode };
    });
    expect(firstCue.mode).toBe('showing');
    // The cue's words, wherever its line breaks fall.
    expect(firstCue.text.replace(/\s+/g, ' ')).toContain('This video is about the decisions you can');
  });

  test('nothing of the video file is downloaded before play, and it plays with captions showing', async ({ page }) => {
    const media: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.mp4')) media.push(request.url());
    });
    await page.goto(SELF_HOSTED);
    await page.waitForLoadState('networkidle');
    expect(media, 'preload="none": no video bytes before play').toEqual([]);
    await page.locator('video').evaluate(async (video: HTMLVideoElement) => {
      video.muted = true;
      await video.play();
    });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1);
    await page.waitForFunction(() => (document.querySelector('video')?.textTracks[0]?.activeCues?.length ?? 0) > 0);
    expect(media.length).toBeGreaterThan(0);
  });

  test('"Skip to transcript" moves past the player to the full transcript', async ({ page }) => {
    await page.goto(SELF_HOSTED);
    await page.getByRole('link', { name: 'Skip to transcript' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Transcript' })).toBeFocused();
    await expect(page.locator('.transcript')).toContainText('you can appeal to the SEND Tribunal');
  });

  test('the player is reached with Tab and plays with the keyboard', async ({ page }) => {
    await page.goto(SELF_HOSTED);
    await page.getByRole('link', { name: 'Skip to transcript' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('VIDEO');
    await page.locator('video').evaluate((video: HTMLVideoElement) => (video.muted = true));
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelector('video')?.paused === false);
  });

  test('shows the length and links each topic to its page', async ({ page }) => {
    await page.goto(SELF_HOSTED);
    await expect(page.locator('.summary-list time')).toHaveText('1 minute 7 seconds');
    await page.getByRole('main').getByRole('link', { name: 'Your rights at 16 and over', exact: true }).click();
    await expect(page).toHaveURL(/\/young-people\/topics\/your-rights\/$/);
  });
});

test.describe('a YouTube video page', () => {
  test('loads nothing from another origin until the play button is pressed, then embeds youtube-nocookie.com', async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const elsewhere: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(YOUTUBE);
    await page.waitForLoadState('networkidle');
    expect(elsewhere, 'no request to another origin before play').toEqual([]);
    await expect(page.locator('iframe')).toHaveCount(0);

    const button = page.getByRole('button', { name: /^Play video\s*: What is preparing for adulthood\? \(loads YouTube\)$/ });
    expect(await tabTo(page, () => button.evaluate((el) => el === document.activeElement)), 'the play button is reachable with Tab').toBe(true);
    await page.keyboard.press('Enter');

    const iframe = page.locator('iframe');
    await expect(iframe).toHaveCount(1);
    expect(await iframe.getAttribute('src')).toMatch(new RegExp(`^https://www\\.youtube-nocookie\\.com/embed/${YOUTUBE_ID}\\?`));
    await expect(iframe).toHaveAttribute('title', 'Video: What is preparing for adulthood?');
    await expect.poll(() => elsewhere.length).toBeGreaterThan(0);
    expect(elsewhere.every((url) => url.startsWith('https://www.youtube-nocookie.com/')), `only youtube-nocookie.com, got ${elsewhere.join(', ')}`).toBe(true);
    expect(violations, 'the policy allows the privacy-enhanced player').toEqual([]);
  });

  test('without JavaScript there is a plain link to watch on YouTube and no dead button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(YOUTUBE);
    await expect(page.getByRole('button', { name: /Play video/ })).toBeHidden();
    await expect(page.getByRole('link', { name: /Watch on the YouTube website/ })).toHaveAttribute('href', `https://www.youtube.com/watch?v=${YOUTUBE_ID}`);
    await expect(page.locator('.transcript')).toContainText('four areas');
    await context.close();
  });
});

test('only YouTube video pages may frame anything, and only youtube-nocookie.com', () => {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) pages.push(path);
    }
  };
  walk('dist');
  const framing = pages.filter((path) => /frame-src/.test(readFileSync(path, 'utf8')));
  expect(framing).toEqual([join('dist', YOUTUBE, 'index.html')]);
  const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(readFileSync(framing[0]!, 'utf8'))![1]!;
  expect(policy).toContain('frame-src https://www.youtube-nocookie.com;');
  expect(policy).toContain("child-src 'none'");
});

test.describe('the young people hub', () => {
  test('filters the videos by topic with one row of topic links, and remembers the choice in the address', async ({ page }) => {
    await page.goto('/young-people/');
    const cards = page.locator('li[data-topics]');
    const total = await cards.count();
    expect(total).toBeGreaterThanOrEqual(6);
    // One topic control: links, never radio buttons beside them.
    await expect(page.getByRole('radio')).toHaveCount(0);
    const topics = page.getByRole('navigation', { name: 'Videos by topic' });
    await topics.getByRole('link', { name: 'Good health' }).click();
    await expect(page.getByRole('status')).toHaveText(/^Showing \d+ videos? about good health$/);
    await expect(topics.getByRole('link', { name: 'Good health' })).toHaveAttribute('aria-current', 'true');
    await expect(topics.getByRole('link', { name: 'All videos' })).not.toHaveAttribute('aria-current', 'true');
    const visible = page.locator('li[data-topics]:visible');
    await expect(visible).not.toHaveCount(total);
    for (const topics of await visible.evaluateAll((els) => els.map((el) => el.getAttribute('data-topics')))) expect(topics).toContain('good-health');
    await expect(page).toHaveURL(/\/young-people\/\?topic=good-health$/);
    await page.reload();
    await expect(topics.getByRole('link', { name: 'Good health' })).toHaveAttribute('aria-current', 'true');
    await expect(page.locator('li[data-topics]:visible')).not.toHaveCount(total);
    await topics.getByRole('link', { name: 'All videos' }).click();
    await expect(page.locator('li[data-topics]:visible')).toHaveCount(total);
    // Printed, the topic links (a filter, with the chosen one white on no colour) are left out;
    // the line saying which videos are listed stays.
    await page.emulateMedia({ media: 'print' });
    await expect(topics).toBeHidden();
    await expect(page.getByRole('status')).toHaveText(`Showing all ${total} videos`);
    await expect(page.locator('li[data-topics]:visible')).toHaveCount(total);
  });

  test('topic pages list the same videos without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/young-people/');
    await expect(page.getByRole('radio')).toHaveCount(0);
    await page.getByRole('navigation', { name: 'Videos by topic' }).getByRole('link', { name: 'Independent living' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Independent living');
    const topics = await page.locator('li[data-topics]').evaluateAll((els) => els.map((el) => el.getAttribute('data-topics')));
    expect(topics.length).toBeGreaterThan(0);
    for (const t of topics) expect(t).toContain('independent-living');
    await expect(page.getByRole('link', { name: 'Learning to travel on your own' })).toBeVisible();
    await context.close();
  });
});

test('a phrase from a transcript finds the video page in search', async ({ page }) => {
  await page.goto('/');
  const urls = await page.evaluate(async () => {
    const pagefind = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    const search = await pagefind.search('bursary fund');
    return Promise.all(search.results.slice(0, 3).map(async (r: { data: () => Promise<{ url: string }> }) => (await r.data()).url));
  });
  expect(urls[0]).toBe('/videos/learning-to-travel-on-your-own/');
});
