import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axe } from '../e2e/helpers.ts';
import { copyProject, launchChromium, runInCopy, serveBuilt, type RunResult } from '../../scripts/lib/project-copy.ts';
import { needs } from '../../src/contract/vocabulary.ts';

/**
 * A directory too big for one page: built with the limit lowered below the demo's 64 services,
 * /services/ stops listing every service and its filter opens search instead, and the browse
 * pages' "narrow this list down" links go to search with the same choice.
 */
describe('a directory bigger than /services/ lists on one page', () => {
  let root: string;
  let build: RunResult;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  const port = Number(process.env.LARGE_PORT ?? 4529);
  const page = (path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-large-'));
    copyProject(resolve('.'), root);
    build = await runInCopy(root, 'astro', ['build'], { LIST_ALL_SERVICES_UP_TO: '10' });
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  /** Serves the built copy and opens Chromium, once, for the tests that need a browser. */
  async function open(path: string) {
    if (!server) {
      server = await serveBuilt(root, port);
      browser = await launchChromium();
    }
    const page = await (await browser!.newContext()).newPage();
    await page.goto(`http://127.0.0.1:${port}${path}`);
    return page;
  }

  test('the build succeeds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  test('/services/ lists no service cards but keeps A to Z, browse links and a filter that searches', () => {
    const html = page('services');
    expect(html).not.toContain('id="service-list"');
    expect(html).not.toContain('data-facets');
    expect(html).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
    expect(html).toMatch(/<input type="hidden" name="kind" value="Services"/);
    expect(html).toContain(`<option value="${needs.label("sensory-and-physical")}"`);
    expect(html).toContain('href="/services/a-z/');
    expect(html).toContain('href="/services/need/sensory-and-physical/"');
    expect(html).toContain('64 services');
  });

  test('browse pages narrow down through search with the same choice', () => {
    const html = page('services/need/sensory-and-physical');
    const link = /href="(\/search\/\?[^"]+)"[^>]*>Narrow this list down further/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const params = new URLSearchParams(link!.split('?')[1]);
    expect(params.get('kind')).toBe('Services');
    expect(params.get('need')).toBe(needs.label('sensory-and-physical'));
  });

  test('the search-backed filter shows with JavaScript, passes axe and opens search with the choices', async () => {
    const page = await open('/services/');
    const filter = page.getByRole('form', { name: 'Filter services' });
    await filter.getByLabel('Area of need').selectOption({ label: needs.label('sensory-and-physical') });
    expect((await axe(page)).violations.map((v) => v.id)).toEqual([]);
    await filter.getByRole('button', { name: 'Show services' }).click();
    await page.waitForURL(/\/search\/\?/);
    const params = new URL(page.url()).searchParams;
    expect(params.get('kind')).toBe('Services');
    expect(params.get('need')).toBe(needs.label('sensory-and-physical'));
    await page.context().close();
  }, 60_000);

  test('the shortlist fetches saved services instead of carrying every one', async () => {
    expect(page('services/shortlist')).not.toContain('data-shortlist-item=');
    const saved = await open('/services/portage-home-visiting/');
    await saved.getByRole('button', { name: /Save to shortlist/ }).click();
    await saved.goto(`http://127.0.0.1:${port}/services/shortlist/`);
    const card = saved.locator('[data-shortlist-item="portage-home-visiting"]');
    await card.getByRole('link', { name: 'Portage home visiting' }).waitFor();
    expect(await card.locator('.shortlist__org').textContent()).toMatch(/^Run by .+\. Phone: 01632 960 \d{3}$/);
    expect((await axe(saved)).violations.map((v) => v.id)).toEqual([]);
    await card.getByRole('button', { name: /Remove from shortlist/ }).click();
    await saved.getByText('You have not saved any services yet.', { exact: false }).waitFor();
    await saved.context().close();
  }, 60_000);
});
