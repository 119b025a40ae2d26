import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { expect, test } from 'vitest';
import { inSitemap, SITEMAP_INDEX, sitemapFiles } from '../../../src/lib/site/sitemap.ts';

const SITE = 'https://localoffer.example.org';
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

test('lists the public pages, not the editor, the error page or the step-by-step finder', () => {
  expect(['', 'services/', 'services/portage/', 'glossary/'].every(inSitemap)).toBe(true);
  expect(['admin/', 'admin/decap/', '404', '404/', '/404.html', 'services/find/', 'services/find/any/0-4/'].some(inSitemap)).toBe(false);
  // Only the paths themselves: a service whose name holds "admin" is listed.
  expect(inSitemap('services/admin-support-line/')).toBe(true);
});

test('one index naming one file of addresses on the site, sorted as people read them, each once', () => {
  const files = sitemapFiles(SITE, ['services/', '', 'services/age/0-4/10/', 'services/age/0-4/2/', 'admin/', 'services/', 'a-z/']);
  expect(files.map((file) => file.name)).toEqual([SITEMAP_INDEX, 'sitemap-0.xml']);
  expect(locs(files[0]!.xml)).toEqual([`${SITE}/sitemap-0.xml`]);
  expect(locs(files[1]!.xml)).toEqual([`${SITE}/`, `${SITE}/a-z/`, `${SITE}/services/`, `${SITE}/services/age/0-4/2/`, `${SITE}/services/age/0-4/10/`]);
  expect(files[0]!.pages).toBe(5);
  for (const file of files) expect(XMLValidator.validate(file.xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false }).parse(files[1]!.xml);
  expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
});

test('splits into files of at most the limit, and escapes what XML must', () => {
  const paths = Array.from({ length: 5 }, (_, i) => `services/s${i}/`).concat(["services/tom-&-jerry's/"]);
  const files = sitemapFiles(`${SITE}/local-offer/`, paths, 2);
  expect(files.map((file) => file.name)).toEqual([SITEMAP_INDEX, 'sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
  expect(locs(files[0]!.xml)).toEqual([0, 1, 2].map((i) => `${SITE}/sitemap-${i}.xml`));
  const all = files.slice(1).flatMap((file) => locs(file.xml));
  expect(all).toHaveLength(6);
  expect(all).toContain(`${SITE}/services/tom-&amp;-jerry's/`.replace("'", '&apos;'));
  for (const file of files) expect(XMLValidator.validate(file.xml)).toBe(true);
});

test('no pages, no sitemap', () => {
  expect(sitemapFiles(SITE, ['admin/', '404'])).toEqual([]);
});
