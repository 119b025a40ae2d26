import { existsSync, readdirSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { orukErrors } from '../fixtures/oruk-validator.ts';
import { ANY_CONTENT } from './helpers.ts';

/**
 * The Open Referral UK API as the ORUK validator reads it, from `npm run serve` applying the host
 * rules the build wrote (_redirects, _headers): `GET /`, each list's first, middle and last page
 * (with and without `per_page`), and `/{id}` for ids taken from the lists. Every answer is JSON,
 * readable from any website (CORS), and valid against the UK profile's schemas.
 */
const API = '/openreferral/v3';
/** The services the build published: those with a page (a draft in content/services/ has none). */
const serviceIds = readdirSync('content/services')
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .filter((id) => existsSync(`dist/services/${id}/index.html`));

/** What the validator checks of every answer: 200, JSON, open to other websites. */
async function getJson(request: APIRequestContext, path: string): Promise<any> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], `${path} content type`).toMatch(/^application\/json\b/);
  expect(response.headers()['access-control-allow-origin'], `${path} CORS`).toBe('*');
  return response.json();
}

/** The first, middle and last page of a list, as the validator asks for them (middle = total_pages / 2, rounded down). */
async function firstMiddleLast(request: APIRequestContext, list: string, perPage?: number) {
  const query = (page: number) => `${API}/${list}?page=${page}${perPage ? `&per_page=${perPage}` : ''}`;
  const first = await getJson(request, query(1));
  const numbers = [...new Set([1, Math.max(1, Math.floor(first.total_pages / 2)), first.total_pages])];
  const pages = [];
  for (const n of numbers) pages.push({ n, page: n === 1 ? first : await getJson(request, query(n)) });
  return { first, pages };
}

const lists = {
  services: { page: orukErrors.page, record: orukErrors.service },
  service_at_locations: { page: orukErrors.serviceAtLocationPage, record: orukErrors.serviceAtLocation },
  organizations: { page: orukErrors.organizationPage, record: orukErrors.organization },
  taxonomies: { page: orukErrors.taxonomyPage, record: orukErrors.taxonomy },
  taxonomy_terms: { page: orukErrors.taxonomyTermPage, record: orukErrors.taxonomyTerm },
};

test('GET /openreferral/v3/ gives the API details: version, profile and OpenAPI address', ANY_CONTENT, async ({ request }) => {
  for (const path of [`${API}/`, API]) {
    const details = await getJson(request, path);
    expect(orukErrors.apiDetails(details)).toEqual([]);
    expect(details.version).toBe('3.0');
  }
});

for (const [list, check] of Object.entries(lists)) {
  for (const perPage of [undefined, 10]) {
    test(`${list}${perPage ? ` at per_page=${perPage}` : ''}: the first, middle and last page are valid ORUK Pages that say which page they are`, ANY_CONTENT, async ({ request }) => {
      const { first, pages } = await firstMiddleLast(request, list, perPage);
      const size = perPage ?? 50;
      expect(first.total_pages).toBe(Math.max(1, Math.ceil(first.total_items / size)));
      if (list === 'services') expect(first.total_items).toBe(serviceIds.length);
      for (const { n, page } of pages) {
        expect(check.page(page), `${list} page ${n}`).toEqual([]);
        expect(page).toMatchObject({ page_number: n, total_pages: first.total_pages, total_items: first.total_items, first_page: n === 1, last_page: n === first.total_pages });
        expect(page.size, `${list} page ${n} size`).toBe(Math.min(size, first.total_items - (n - 1) * size));
        expect(page.contents).toHaveLength(page.size);
      }
    });
  }

  test(`${list}/{id}: every item on the first, middle and last page is found by its id, whole and valid`, ANY_CONTENT, async ({ request }) => {
    const { pages } = await firstMiddleLast(request, list, 10);
    const items = pages.flatMap(({ page }) => page.contents);
    // A directory may have none of some kinds (no service at a set place, say): then the list says it is empty.
    if (!items.length) expect(pages[0]!.page.empty).toBe(true);
    for (const item of items) {
      const record = await getJson(request, `${API}/${list}/${item.id}`);
      expect(check.record(record), `${list}/${item.id}`).toEqual([]);
      // The list holds the item's own fields; the record may add the items that hang off it.
      expect(record).toMatchObject(item);
    }
  });
}

test('paging through /services at any size the build writes reads every service exactly once', ANY_CONTENT, async ({ request }) => {
  for (const perPage of [10, 25, 50, 100]) {
    const first = await getJson(request, `${API}/services?per_page=${perPage}`);
    const ids: string[] = first.contents.map((s: { id: string }) => s.id);
    for (let n = 2; n <= first.total_pages; n++) ids.push(...(await getJson(request, `${API}/services?page=${n}&per_page=${perPage}`)).contents.map((s: { id: string }) => s.id));
    expect(ids, `per_page=${perPage}`).toHaveLength(serviceIds.length);
    expect(new Set(ids).size).toBe(serviceIds.length);
  }
});

test('a per_page the build has not written is answered at the default size, and the page says so', ANY_CONTENT, async ({ request }) => {
  const page = await getJson(request, `${API}/services?page=1&per_page=7`);
  expect(orukErrors.page(page)).toEqual([]);
  expect(page.size).toBe(Math.min(50, serviceIds.length));
  expect(page.total_pages).toBe(Math.max(1, Math.ceil(serviceIds.length / 50)));
});

test('each service is also found under our own id, and its record file (which plain hosts serve) is the same record', ANY_CONTENT, async ({ request }) => {
  for (const id of serviceIds) {
    const record = await getJson(request, `${API}/services/${id}`);
    expect(orukErrors.service(record), id).toEqual([]);
    expect(await getJson(request, `${API}/records/services/${id}.json`)).toEqual(record);
    expect(await getJson(request, `${API}/records/services/${record.id}.json`)).toEqual(record);
    expect(await getJson(request, `${API}/services/${record.id}`)).toEqual(record);
  }
});

test('services.json, the list’s address before it was paged, is the first page', ANY_CONTENT, async ({ request }) => {
  expect(await getJson(request, `${API}/services.json`)).toEqual(await getJson(request, `${API}/services?page=1`));
});

test('a page past the last, or an id that does not exist, is not found', ANY_CONTENT, async ({ request }) => {
  const first = await getJson(request, `${API}/services`);
  expect((await request.get(`${API}/services?page=${first.total_pages + 1}`)).status()).toBe(404);
  expect((await request.get(`${API}/services/00000000-0000-5000-8000-000000000000`)).status()).toBe(404);
});

test('a page number cannot reach a file outside the pages: it is answered with the first page', ANY_CONTENT, async ({ request }) => {
  const page = await getJson(request, `${API}/services?page=../../index&per_page=10`);
  expect(page).toMatchObject({ page_number: 1, size: Math.min(10, serviceIds.length) });
});
