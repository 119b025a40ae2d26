import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readMetaTags } from '../../src/lib/social-images/social-image.ts';
import { pngSize } from '../fixtures/png.ts';
import { ANY_CONTENT, chunk, sitemapPaths, watchPage } from './helpers.ts';

/**
 * Open data and sharing on the built site: every page's link preview (og:image and friends)
 * points at a real 1200×630 PNG, JSON-LD parses everywhere, service pages describe the service,
 * and robots.txt finds the sitemap.
 */
const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as { siteUrl: string; name: string };
const siteUrl = new URL(site.siteUrl);
const paths = sitemapPaths();
/** The services the build published: those with a page (a draft in content/services/ has none). */
const serviceIds = readdirSync('content/services')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((id) => existsSync(`dist/services/${id}/index.html`));

/** The site's own address, as the local test server serves it. */
const localPath = (absolute: string) => {
  const url = new URL(absolute);
  expect(url.origin, `${absolute} should be on ${siteUrl.origin}`).toBe(siteUrl.origin);
  return url.pathname;
};

const jsonLdBlocks = (html: string): Record<string, any>[] =>
  [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));

for (const [index, group] of chunk(paths, 4).entries()) {
  test(`pages ${index + 1}: share with a 1200×630 social image, title and description, and carry a BreadcrumbList`, ANY_CONTENT, async ({ request }) => {
    for (const path of group) {
      const html = await (await request.get(path)).text();
      const meta = readMetaTags(html);
      expect(meta.get('og:title'), `${path} og:title`).toBeTruthy();
      expect(meta.get('og:description'), `${path} og:description`).toBeTruthy();
      expect(meta.get('og:url'), `${path} og:url`).toBe(new URL(path, siteUrl).toString());
      expect(meta.get('twitter:card'), `${path} twitter:card`).toBe('summary_large_image');
      const image = meta.get('og:image');
      expect(image, `${path} og:image`).toMatch(/^https?:\/\/.+\/og\/.+\.png$/);
      const response = await request.get(localPath(image!));
      expect(response.status(), `${path}: ${image} should exist`).toBe(200);
      expect(pngSize(await response.body()), `${path}: ${image} should be a 1200×630 PNG`).toEqual({ width: 1200, height: 630 });

      const breadcrumbs = jsonLdBlocks(html).filter((block) => block['@type'] === 'BreadcrumbList');
      expect(breadcrumbs, `${path} should have one BreadcrumbList`).toHaveLength(1);
      const items = breadcrumbs[0]!.itemListElement as { position: number; item: string }[];
      expect(items[0]!.item, `${path}: the trail starts at Home`).toBe(new URL('/', siteUrl).toString());
      expect(items.at(-1)!.item, `${path}: the trail ends at the page itself`).toBe(new URL(path, siteUrl).toString());
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
    }
  });
}

test('every service page has schema.org JSON-LD that parses and describes the service', ANY_CONTENT, async ({ request }) => {
  // Any council's content: at least one published service, however few.
  expect(serviceIds.length, 'content/services/ should hold at least one published service (not a draft)').toBeGreaterThan(0);
  for (const id of serviceIds) {
    const html = await (await request.get(`/services/${id}/`)).text();
    const service = jsonLdBlocks(html).find((block) => ['Service', 'GovernmentService'].includes(block['@type']));
    expect(service, `/services/${id}/ should have a Service in JSON-LD`).toBeDefined();
    const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!.replace(/<[^>]+>/g, '').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim();
    expect(service!.name).toBe(h1);
    expect(service!.url).toBe(new URL(`/services/${id}/`, siteUrl).toString());
    expect(service!.provider.name, `${id} provider`).toBeTruthy();
    expect(service!.areaServed.length, `${id} areaServed`).toBeGreaterThan(0);
    // Ages are given when the service states them (an imported one may not: "Ages not stated").
    expect(service!.audience['@type']).toBe('PeopleAudience');
    const ages = JSON.parse(readFileSync(`content/services/${id}.json`, 'utf8')).ageRange;
    if (ages) expect(service!.audience).toMatchObject({ suggestedMinAge: ages.min, suggestedMaxAge: ages.max });
    else expect(service!.audience.suggestedMinAge).toBeUndefined();
    expect(service!.availableChannel.length, `${id} availableChannel`).toBeGreaterThan(0);
  }
});

test('JSON-LD on a service page breaks no security policy and is not run as script', ANY_CONTENT, async ({ page, baseURL }) => {
  const watch = await watchPage(page, new URL(baseURL!).origin);
  await page.goto(`/services/${serviceIds[0]}/`);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(2);
  expect(await watch.cspViolations()).toEqual([]);
  expect(watch.errors).toEqual([]);
});

// The Open Referral UK API (every list, page and record) is checked in oruk-api.spec.ts.

test('robots.txt lets search engines in and points to the sitemap', ANY_CONTENT, async ({ request }) => {
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('User-agent: *');
  const sitemap = robots.match(/^Sitemap: (.+)$/m)?.[1];
  expect(sitemap).toBe(new URL('/sitemap-index.xml', siteUrl).toString());
  expect((await request.get(localPath(sitemap!))).status()).toBe(200);
});
