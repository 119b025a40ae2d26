import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_PER_PAGE,
  LIST_ENDPOINTS,
  PER_PAGE_SIZES,
  orukApiFiles,
  orukPage,
  orukRedirects,
  orukServiceEntries,
  pageBodies,
  pageCount,
  pageHeader,
  pagePath,
  toOrukServiceListItem,
} from '../../../src/lib/open-data/oruk-endpoints.ts';
import { headersForPath, parseHeadersFile } from '../../../src/lib/site/headers-file.ts';
import { applyRedirects, parseRedirectsFile } from '../../../scripts/lib/host-rules.ts';
import { orukErrors } from '../../fixtures/oruk-validator.ts';
import { demoServices } from '../../fixtures/demo-services.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' };
const entries = orukServiceEntries(demoServices(), context);
const files = orukApiFiles(entries);
const byPath = new Map(files.map((file) => [file.path, file]));
/** The JSON a path holds, following a second name to its file. */
const read = (path: string): any => {
  const file = byPath.get(path);
  if (!file) return undefined;
  return JSON.parse('body' in file ? file.body : (byPath.get(file.sameAs) as { body: string }).body);
};
/** Every item of a list, read page by page at one size, as a client following total_pages would. */
const readAll = (endpoint: (typeof LIST_ENDPOINTS)[number], perPage: number) => {
  const first = read(pagePath(endpoint, perPage, 1));
  const items: any[] = [];
  for (let n = 1; n <= first.total_pages; n++) items.push(...read(pagePath(endpoint, perPage, n)).contents);
  return { first, items };
};

describe('paging', () => {
  test('64 services at 10 a page fill 7 pages, the last holding 4', () => {
    expect(pageCount(64, 10)).toBe(7);
    expect(pageHeader(64, 1, 10)).toEqual({ total_items: 64, total_pages: 7, page_number: 1, size: 10, first_page: true, last_page: false, empty: false });
    expect(pageHeader(64, 4, 10)).toMatchObject({ page_number: 4, size: 10, first_page: false, last_page: false });
    expect(pageHeader(64, 7, 10)).toMatchObject({ page_number: 7, size: 4, first_page: false, last_page: true });
  });

  test('an empty list is one empty page, so page 1 always answers', () => {
    expect(orukPage([], 1, 50)).toEqual({ total_items: 0, total_pages: 1, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
    expect(pageBodies([], 50).map((body) => JSON.parse(body))).toEqual([orukPage([], 1, 50)]);
  });

  test('the written pages are the same JSON as the pages made as objects, and hold every item once in order', () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ n: i, name: `Item “${i}”` }));
    const bodies = pageBodies(items.map((item) => JSON.stringify(item)), 10);
    expect(bodies).toHaveLength(3);
    bodies.forEach((body, index) => {
      expect(body.endsWith('}\n')).toBe(true);
      expect(JSON.parse(body)).toEqual(orukPage(items, index + 1, 10));
    });
    expect(bodies.flatMap((body) => JSON.parse(body).contents)).toEqual(items);
  });
});

describe('the API files of the demo directory', () => {
  test('GET / gives the API details the UK profile asks for', () => {
    const details = read('openreferral/v3/index.json');
    expect(orukErrors.apiDetails(details)).toEqual([]);
    expect(details.version).toBe('3.0');
  });

  for (const perPage of PER_PAGE_SIZES) {
    test(`at ${perPage} a page, every list is valid ORUK Pages that together hold each item once`, () => {
      const { first, items } = readAll('services', perPage);
      expect(first.total_pages).toBe(pageCount(entries.length, perPage));
      expect(items.map((s) => s.id)).toEqual(entries.map((e) => e.record.id));
      for (let n = 1; n <= first.total_pages; n++) expect(orukErrors.page(read(pagePath('services', perPage, n))), `services page ${n}`).toEqual([]);
      const checks = { service_at_locations: orukErrors.serviceAtLocationPage, organizations: orukErrors.organizationPage, taxonomies: orukErrors.taxonomyPage, taxonomy_terms: orukErrors.taxonomyTermPage };
      for (const [endpoint, check] of Object.entries(checks)) {
        const list = readAll(endpoint as (typeof LIST_ENDPOINTS)[number], perPage);
        expect(list.items.length, endpoint).toBe(list.first.total_items);
        expect(new Set(list.items.map((i) => i.id)).size, `${endpoint}: no item twice`).toBe(list.items.length);
        for (let n = 1; n <= list.first.total_pages; n++) expect(check(read(pagePath(endpoint as never, perPage, n))), `${endpoint} page ${n}`).toEqual([]);
      }
    });
  }

  test('a service in the list holds its one-to-one fields only; /services/{id} holds the whole record', () => {
    const listed = read(pagePath('services', DEFAULT_PER_PAGE, 1)).contents[0];
    const full = read(`openreferral/v3/records/services/${listed.id}.json`);
    expect(orukErrors.service(full)).toEqual([]);
    expect(listed).toEqual(toOrukServiceListItem(full));
    expect(listed).not.toHaveProperty('contacts');
    expect(full.contacts).toBeDefined();
    for (const key of Object.keys(listed)) expect(listed[key]).toEqual(full[key]);
  });

  test('each service is published under its UUID and, as a second name for the same file, under our own id', () => {
    for (const { ourId, record } of entries) {
      expect(byPath.get(`openreferral/v3/records/services/${ourId}.json`)).toEqual({ path: `openreferral/v3/records/services/${ourId}.json`, sameAs: `openreferral/v3/records/services/${record.id}.json` });
      expect(read(`openreferral/v3/records/services/${record.id}.json`)).toEqual(JSON.parse(JSON.stringify(record)));
    }
  });

  test('every organisation, service at a location, taxonomy and term in the lists has its own valid record', () => {
    const checks = { service_at_locations: orukErrors.serviceAtLocation, organizations: orukErrors.organization, taxonomies: orukErrors.taxonomy, taxonomy_terms: orukErrors.taxonomyTerm };
    for (const [endpoint, check] of Object.entries(checks)) {
      const { items } = readAll(endpoint as never, 100);
      expect(items.length, endpoint).toBeGreaterThan(0);
      for (const item of items) {
        const record = read(`openreferral/v3/records/${endpoint}/${item.id}.json`);
        expect(check(record), `${endpoint}/${item.id}`).toEqual([]);
        expect(record).toMatchObject(item);
      }
    }
  });

  test('the terms and organisations are the very ones the services carry, and each taxonomy lists its terms', () => {
    const services = entries.map((e) => JSON.parse(JSON.stringify(e.record)));
    const terms = new Map(readAll('taxonomy_terms', 100).items.map((t) => [t.id, t]));
    for (const service of services) {
      for (const attribute of service.attributes) expect(terms.get(attribute.taxonomy_term_id)).toEqual(attribute.taxonomy_term);
      expect(read(`openreferral/v3/records/organizations/${service.organization_id}.json`)).toEqual(service.organization);
    }
    for (const taxonomy of readAll('taxonomies', 100).items) {
      const full = read(`openreferral/v3/records/taxonomies/${taxonomy.id}.json`);
      expect(full.taxonomy_terms.length).toBeGreaterThan(0);
      for (const term of full.taxonomy_terms) expect(term.taxonomy_id).toBe(taxonomy.id);
    }
    expect(readAll('taxonomies', 100).items.map((t) => t.name).sort()).toEqual(['open-local-offer/access-routes', 'open-local-offer/categories', 'open-local-offer/levels', 'open-local-offer/needs']);
  });

  test('a service at a location is published whole: the link, the place and the service it belongs to', () => {
    const [first] = readAll('service_at_locations', 100).items;
    const full = read(`openreferral/v3/records/service_at_locations/${first.id}.json`);
    expect(full.location.addresses[0].postal_code).toBeTruthy();
    expect(full.service.id).toBe(first.service_id);
    expect(orukErrors.listItem(full.service)).toEqual([]);
  });

  test('services.json, the list’s address before it was paged, is page 1 at the default size', () => {
    expect(byPath.get('openreferral/v3/services.json')).toEqual({ path: 'openreferral/v3/services.json', sameAs: pagePath('services', DEFAULT_PER_PAGE, 1) });
  });

  test('every file stays inside the API’s folder', () => {
    for (const file of files) expect(file.path).toMatch(/^openreferral\/v3\/[a-z_]+(\/[\w.-]+)*\.json$/);
  });
});

describe('at 5,000 services', () => {
  const demo = entries;
  const many = Array.from({ length: 5000 }, (_, i) => {
    const { ourId, record } = demo[i % demo.length]!;
    return { ourId: `${ourId}-${i}`, record: { ...record, id: `${record.id.slice(0, 24)}${String(i).padStart(12, '0')}` } };
  });
  const largeFiles = orukApiFiles(many);

  test('no file the API writes is over 1 MB (a host refuses files over 25 MiB), however long the list', () => {
    const bodies = largeFiles.filter((file): file is { path: string; body: string } => 'body' in file);
    const largest = Math.max(...bodies.map((file) => Buffer.byteLength(file.body)));
    expect(largest).toBeLessThan(1024 * 1024);
    expect(bodies.filter((file) => file.path.startsWith('openreferral/v3/pages/services/100/'))).toHaveLength(50);
  });
});

/** Where a request goes under the generated rules, as scripts/serve.ts and Netlify apply them. */
function route(url: string, existing = (path: string) => byPath.has(path.slice(1))) {
  const { pathname, searchParams } = new URL(url, 'https://localoffer.kestrelvale.example');
  return applyRedirects(parseRedirectsFile(orukRedirects()), pathname, searchParams, existing);
}

describe('the generated _redirects', () => {
  test('the API’s root answers with its details, with or without the slash', () => {
    expect(route('/openreferral/v3/')).toEqual({ to: '/openreferral/v3/index.json', status: 200 });
    expect(route('/openreferral/v3')).toEqual({ to: '/openreferral/v3/index.json', status: 200 });
  });

  test('a list is paged as asked at every size the build writes', () => {
    for (const size of PER_PAGE_SIZES) {
      expect(route(`/openreferral/v3/services?page=3&per_page=${size}`)).toEqual({ to: `/openreferral/v3/pages/services/${size}/3.json`, status: 200 });
      expect(route(`/openreferral/v3/taxonomy_terms?per_page=${size}&page=2`)).toEqual({ to: `/openreferral/v3/pages/taxonomy_terms/${size}/2.json`, status: 200 });
      expect(route(`/openreferral/v3/organizations?per_page=${size}`)).toEqual({ to: `/openreferral/v3/pages/organizations/${size}/1.json`, status: 200 });
    }
  });

  test('without per_page, or with one the build has not written, a list is paged at the default size', () => {
    expect(route('/openreferral/v3/services')).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/1.json`, status: 200 });
    expect(route('/openreferral/v3/services?page=2')).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/2.json`, status: 200 });
    expect(route('/openreferral/v3/services?page=2&per_page=33')).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/2.json`, status: 200 });
    expect(route('/openreferral/v3/services?per_page=1000')).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/1.json`, status: 200 });
    expect(route('/openreferral/v3/service_at_locations?search=speech&page=1')).toEqual({ to: `/openreferral/v3/pages/service_at_locations/${DEFAULT_PER_PAGE}/1.json`, status: 200 });
  });

  test('an item is found by its id without .json, and a file that exists is served as it is', () => {
    const { ourId, record } = entries[0]!;
    expect(route(`/openreferral/v3/services/${record.id}`)).toEqual({ to: `/openreferral/v3/records/services/${record.id}.json`, status: 200 });
    expect(route(`/openreferral/v3/services/${ourId}`)).toEqual({ to: `/openreferral/v3/records/services/${ourId}.json`, status: 200 });
    expect(route(`/openreferral/v3/taxonomy_terms/${record.attributes[0]!.taxonomy_term_id}`)).toEqual({ to: `/openreferral/v3/records/taxonomy_terms/${record.attributes[0]!.taxonomy_term_id}.json`, status: 200 });
    expect(route(`/openreferral/v3/records/services/${record.id}.json`)).toBeUndefined();
    expect(route('/openreferral/v3/services.json')).toBeUndefined();
    expect(route('/openreferral/v3/index.json')).toBeUndefined();
  });

  test('a page number cannot climb out of the pages folder', () => {
    expect(route('/openreferral/v3/services?page=../../index')).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/1.json`, status: 200 });
    expect(route('/openreferral/v3/services?page=..%2F..%2Findex&per_page=10')).toEqual({ to: '/openreferral/v3/pages/services/10/1.json', status: 200 });
  });

  test('the rest of the site is untouched', () => {
    expect(route('/services/')).toBeUndefined();
    expect(route('/openreferral/')).toBeUndefined();
    expect(route('/services/speech-and-language-therapy/?page=2')).toBeUndefined();
  });

  test('on Cloudflare Pages, which applies rules even where a file exists, every file is still served as itself', () => {
    // Cloudflare reads only the lines of three parts at most, and follows a rule whatever files exist.
    const cloudflare = parseRedirectsFile(orukRedirects().split('\n').filter((line) => line.split(' ').length <= 3).join('\n'));
    const statics = cloudflare.filter((rule) => !/[:*]/.test(rule.from));
    const ordered = [...statics, ...cloudflare.filter((rule) => !statics.includes(rule))];
    for (const file of files) {
      const path = `/${file.path}`;
      const to = applyRedirects(ordered, path, new URLSearchParams(), () => false)?.to;
      expect(to === undefined || to === path, `${path} goes to ${to}`).toBe(true);
    }
    expect(applyRedirects(ordered, '/openreferral/v3/services', new URLSearchParams('page=3&per_page=10'), () => false)).toEqual({ to: `/openreferral/v3/pages/services/${DEFAULT_PER_PAGE}/1.json`, status: 200 });
  });

  test('Cloudflare Pages, which cannot match query strings, skips exactly the lines that name one (they have more than its three parts)', () => {
    const lines = orukRedirects().split('\n').filter((line) => line && !line.startsWith('#'));
    for (const line of lines) expect(line.split(' ').length > 3, line).toBe(/ \w+=/.test(line));
    expect(lines.length).toBeLessThanOrEqual(100);
  });
});

describe('the project’s _headers', () => {
  const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));

  test('lets any website read the Open Referral API, and only the API', () => {
    for (const path of ['/openreferral/v3', '/openreferral/v3/', '/openreferral/v3/services', '/openreferral/v3/records/services/abc.json', '/openreferral/v3/pages/services/50/1.json']) {
      expect(headersForPath(rules, path)['Access-Control-Allow-Origin'], path).toBe('*');
    }
    expect(headersForPath(rules, '/services/')['Access-Control-Allow-Origin']).toBeUndefined();
    expect(headersForPath(rules, '/openreferral/v3/')['X-Content-Type-Options']).toBe('nosniff');
  });
});
