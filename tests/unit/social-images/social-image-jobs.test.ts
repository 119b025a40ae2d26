import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { imageInput, socialImageJobs, type PageRecords, type SocialImageJob } from '../../../src/integrations/social-images.ts';
import { siteSchema } from '../../../src/contract/site.ts';
import type { Site } from '../../../src/lib/site/site.ts';

/**
 * After a build, the social images come from each page's meta tags. A rebuild copies most pages
 * from Astro's cache unchanged; what their tags said is kept from the last build and used only
 * for a file of exactly the same size and modification time.
 */
const site: Site = siteSchema().parse(JSON.parse(readFileSync(resolve('content/site.json'), 'utf8')));
const siteUrl = 'https://local-offer.example.org';

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'olo-og-jobs-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a page whose head gives its social image, with a set modification time (seconds). */
function page(path: string, title: string, mtime: number, image = `${siteUrl}/og/${path.replace(/\/?index\.html$/, '') || 'index'}.png`): void {
  const file = join(dist, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `<!doctype html><html><head><meta property="og:image" content="${image}"><meta property="og:title" content="${title}"><meta property="og:description" content="About ${title}"></head><body>${title}</body></html>`);
  utimesSync(file, mtime, mtime);
}

const titles = (jobs: SocialImageJob[]) => Object.fromEntries(jobs.map((job) => [job.output, job.input.title]));
const rebuild = (records: PageRecords): PageRecords => ({ previous: records.next, next: new Map(), read: 0 });

describe('social images after a rebuild', () => {
  test('pages copied unchanged are not read again: their meta tags come from the last build\'s record', () => {
    page('index.html', 'Home', 1000);
    page('services/portage/index.html', 'Portage', 1000);
    const first: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    const jobs = socialImageJobs(dist, site, siteUrl, new Map(), first);
    expect(first.read).toBe(2);

    const second = rebuild(first);
    expect(socialImageJobs(dist, site, siteUrl, new Map(), second)).toEqual(jobs);
    expect(second.read).toBe(0);
    expect(second.next).toEqual(first.next);
  });

  test('a page whose file changed is read again, and its image shows what the file says now', () => {
    page('index.html', 'Home', 1000);
    page('services/portage/index.html', 'Portage', 1000);
    const first: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    socialImageJobs(dist, site, siteUrl, new Map(), first);

    // Same length, so only the modification time tells the versions apart.
    page('services/portage/index.html', 'Portagf', 2000);
    const second = rebuild(first);
    expect(titles(socialImageJobs(dist, site, siteUrl, new Map(), second))).toEqual({ 'og/index.png': 'Home', 'og/services/portage.png': 'Portagf' });
    expect(second.read).toBe(1);
  });

  test('without a record, or with an empty one, every page is read as before', () => {
    page('index.html', 'Home', 1000);
    page('services/portage/index.html', 'Portage', 1000);
    const jobs = socialImageJobs(dist, site, siteUrl);
    const records: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    expect(socialImageJobs(dist, site, siteUrl, new Map(), records)).toEqual(jobs);
    expect(records.read).toBe(2);
  });

  test('a page that handed its image over while rendered is neither read nor recorded', () => {
    page('index.html', 'Home', 1000);
    page('services/portage/index.html', 'Portage', 1000);
    const handedOver = new Map([['/services/portage/', { output: 'og/services/portage.png', input: imageInput(site, 'Portage', 'About Portage', siteUrl) }]]);
    const records: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    socialImageJobs(dist, site, siteUrl, handedOver, records);
    expect(records.read).toBe(1);
    expect([...records.next.keys()]).toEqual(['index.html']);
  });

  test('what the record says is checked as if it had been read: an image off the site stops the build', () => {
    page('index.html', 'Home', 1000);
    const first: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    socialImageJobs(dist, site, siteUrl, new Map(), first);
    const recorded = first.next.get('index.html')!;
    const previous = new Map([['index.html', { ...recorded, meta: { ...recorded.meta, image: 'https://elsewhere.example.com/og/index.png' } }]]);
    expect(() => socialImageJobs(dist, site, siteUrl, new Map(), { previous, next: new Map(), read: 0 })).toThrow(/index\.html: og:image "https:\/\/elsewhere\.example\.com\/og\/index\.png" should be an image under/);
  });

  test('pages sharing an image must still agree when one of them comes from the record', () => {
    page('services/index.html', 'Services', 1000, `${siteUrl}/og/services.png`);
    page('services/page/2/index.html', 'Services', 1000, `${siteUrl}/og/services.png`);
    const first: PageRecords = { previous: new Map(), next: new Map(), read: 0 };
    socialImageJobs(dist, site, siteUrl, new Map(), first);
    page('services/page/2/index.html', 'Servicez', 2000, `${siteUrl}/og/services.png`);
    expect(() => socialImageJobs(dist, site, siteUrl, new Map(), rebuild(first))).toThrow(/shares the social image og\/services\.png with another page/);
  });
});
