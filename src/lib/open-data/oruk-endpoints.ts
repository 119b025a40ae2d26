/**
 * The Open Referral UK API (HSDS 3.0 UK profile) as static files, so the ORUK validator and
 * national directories can read the Local Offer from any static host.
 *
 * The API answers `GET /openreferral/v3/` (API details), the paged lists `/services`,
 * `/service_at_locations`, `/organizations`, `/taxonomies` and `/taxonomy_terms`
 * (`?page=N&per_page=M`), and each of them by `/{id}`. A static host cannot page on request, so
 * the build writes every page of every list at a few page sizes (PER_PAGE_SIZES), and host rules
 * (`_redirects`, written here; the nginx snippet in docs/hosting.md) map the API's addresses onto
 * the files:
 *
 * | request                                   | file                                      |
 * | ----------------------------------------- | ----------------------------------------- |
 * | `/openreferral/v3/`                       | `/openreferral/v3/index.json`             |
 * | `/openreferral/v3/services?page=3&per_page=10` | `/openreferral/v3/pages/services/10/3.json` |
 * | `/openreferral/v3/services?page=3`        | `/openreferral/v3/pages/services/50/3.json` (the default size) |
 * | `/openreferral/v3/services/{id}`          | `/openreferral/v3/records/services/{id}.json` |
 *
 * The files sit deeper than the addresses they answer (records/, pages/) because Cloudflare Pages
 * applies a rule even where a file exists: a record at `services/{id}.json` would be caught by the
 * `services/{id}` rule and sent to `services/{id}.json.json`.
 *
 * A `per_page` the build has not written is answered at the default size: each page says its
 * own `size` and `total_pages`, so a client that follows them still reads every item once.
 *
 * Lists hold the one-to-one fields of each item, as the UK profile's OpenAPI asks
 * (`service_list.json`): a page stays small whatever the directory's size, and the full record
 * is at `/{id}`.
 */
import { toOrukService, type OrukContext, type OrukService, type OrukSource } from './oruk.ts';

/** Where the API lives in the built site (no leading or trailing slash). */
export const ORUK_API = 'openreferral/v3';

/** The page size when a request names none (or one the build has not written). */
export const DEFAULT_PER_PAGE = 50;

/** The page sizes the build writes. Each costs one more copy of every list. */
export const PER_PAGE_SIZES = [10, 25, 50, 100] as const;

/** The paged lists, by the name in their address. */
export const LIST_ENDPOINTS = ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms'] as const;
export type ListEndpoint = (typeof LIST_ENDPOINTS)[number];

/** What `GET /` says: the HSDS version, the UK profile and its OpenAPI description. */
export const API_DETAILS = {
  version: '3.0',
  profile: 'https://github.com/openreferral/uk-profile',
  openapi_url: 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json',
} as const;

/** The fields of a service the list holds: the UK profile's `service_list.json`. */
const SERVICE_LIST_FIELDS = [
  'id',
  'organization_id',
  'name',
  'description',
  'url',
  'email',
  'status',
  'fees',
  'accreditations',
  'minimum_age',
  'maximum_age',
  'assured_date',
  'assurer_email',
  'alert',
  'last_modified',
  'organization',
] as const;

/** What each of our taxonomies is, for `/taxonomies`. */
const TAXONOMY_DESCRIPTIONS: Record<string, string> = {
  'open-local-offer/needs': 'The four broad areas of special educational need (SEND Code of Practice 2015, paragraph 6.28).',
  'open-local-offer/levels': 'Where a service sits in the graduated response to special educational needs.',
  'open-local-offer/categories': 'The type of service.',
  'open-local-offer/access-routes': 'How families get a service.',
};

/** How many pages `total` items fill at `perPage` a page: at least one, so page 1 always exists. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The header of an ORUK Page (everything but `contents`). */
export function pageHeader(total: number, pageNumber: number, perPage: number) {
  const totalPages = pageCount(total, perPage);
  const size = Math.max(0, Math.min(perPage, total - (pageNumber - 1) * perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: pageNumber,
    size,
    first_page: pageNumber === 1,
    last_page: pageNumber === totalPages,
    empty: total === 0,
  };
}

/** One page of a list, as an object (the development server and tests use it). */
export function orukPage<T>(items: T[], pageNumber: number, perPage: number) {
  return { ...pageHeader(items.length, pageNumber, perPage), contents: items.slice((pageNumber - 1) * perPage, pageNumber * perPage) };
}

/**
 * Every page of a list at one size, as JSON text. Each item is serialised once by the caller
 * and spliced in, so writing the same list at four sizes costs four joins, not four serialisations.
 */
export function pageBodies(itemsJson: string[], perPage: number): string[] {
  const pages = pageCount(itemsJson.length, perPage);
  return Array.from({ length: pages }, (_, index) => {
    const header = JSON.stringify(pageHeader(itemsJson.length, index + 1, perPage));
    const contents = itemsJson.slice(index * perPage, (index + 1) * perPage).join(',');
    return `${header.slice(0, -1)},"contents":[${contents}]}\n`;
  });
}

/** Where a page lives in the built site. */
export function pagePath(endpoint: ListEndpoint, perPage: number, pageNumber: number): string {
  return `${ORUK_API}/pages/${endpoint}/${perPage}/${pageNumber}.json`;
}

/** Where an item's full record lives in the built site. */
export function recordPath(endpoint: ListEndpoint, id: string): string {
  return `${ORUK_API}/records/${endpoint}/${id}.json`;
}

/** A service as a list item: its one-to-one fields only. */
export function toOrukServiceListItem(service: OrukService): Record<string, unknown> {
  const record = service as Record<string, unknown>;
  const item: Record<string, unknown> = {};
  for (const field of SERVICE_LIST_FIELDS) if (record[field] !== undefined) item[field] = record[field];
  return item;
}

/** A service and our own id for it (the file name, used as a second address). */
export interface OrukServiceEntry {
  ourId: string;
  record: OrukService;
  /** The record as JSON.stringify writes it, when it is at hand already (oruk-record-cache.ts). */
  json?: string;
}

/** One service's record, naming the service if it cannot be mapped. */
export function mapService(source: OrukSource, context: OrukContext): OrukService {
  try {
    return toOrukService(source, context);
  } catch (error) {
    throw new Error(`the service ${source.id} could not be mapped: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Maps every service, naming any that cannot be mapped. */
export function orukServiceEntries(sources: OrukSource[], context: OrukContext): OrukServiceEntry[] {
  return sources.map((source) => ({ ourId: source.id, record: mapService(source, context) }));
}

/** Everything the API publishes besides the services themselves, gathered from the services. */
export function orukCollections(services: OrukService[]) {
  const organizations = new Map<string, Record<string, unknown>>();
  const serviceAtLocations: { item: Record<string, unknown>; full: Record<string, unknown> }[] = [];
  const terms = new Map<string, Record<string, unknown>>();
  for (const service of services) {
    const record = service as Record<string, any>;
    if (record.organization?.id && !organizations.has(record.organization.id)) organizations.set(record.organization.id, record.organization);
    const listItem = toOrukServiceListItem(service);
    for (const link of (record.service_at_locations ?? []) as Record<string, unknown>[]) {
      serviceAtLocations.push({ item: link, full: { ...link, service: listItem } });
    }
    for (const attribute of (record.attributes ?? []) as { taxonomy_term?: Record<string, any> }[]) {
      const term = attribute.taxonomy_term;
      if (term?.id && !terms.has(term.id)) terms.set(term.id, term);
    }
  }
  const taxonomies = new Map<string, Record<string, unknown> & { taxonomy_terms: Record<string, unknown>[] }>();
  for (const term of terms.values()) {
    const id = term.taxonomy_id as string | undefined;
    const name = term.taxonomy as string | undefined;
    if (!id || !name) continue;
    let taxonomy = taxonomies.get(id);
    if (!taxonomy) {
      taxonomy = { id, name, description: TAXONOMY_DESCRIPTIONS[name] ?? name, taxonomy_terms: [] };
      taxonomies.set(id, taxonomy);
    }
    taxonomy.taxonomy_terms.push(term);
  }
  const byName = (a: Record<string, unknown>, b: Record<string, unknown>) => String(a.name).localeCompare(String(b.name), 'en-GB');
  return {
    organizations: [...organizations.values()].sort(byName),
    serviceAtLocations,
    taxonomyTerms: [...terms.values()].sort((a, b) => String(a.taxonomy).localeCompare(String(b.taxonomy)) || byName(a, b)),
    // The list holds each taxonomy's own fields; `/taxonomies/{id}` adds its terms.
    taxonomies: [...taxonomies.values()].sort(byName),
  };
}

/** One file of the API: where it goes, and either its text or the file it is a second name for. */
export type OrukApiFile = { path: string; body: string } | { path: string; sameAs: string };

/** The JSON of every endpoint's answer: no indentation, and a final new line. */
export const apiJson = (body: unknown) => `${JSON.stringify(body)}\n`;

/**
 * Every file of the API for these services: the API details, each list at every page size,
 * and each item's record under its UUID (a service's also under our own id, as a link to the
 * same file).
 * `services.json` (this site's address for the list before it was paged) is page 1 at the
 * default size.
 */
export function orukApiFiles(entries: OrukServiceEntry[]): OrukApiFile[] {
  const services = entries.map((entry) => entry.record);
  const { organizations, serviceAtLocations, taxonomyTerms, taxonomies } = orukCollections(services);
  const lists: Record<ListEndpoint, { items: unknown[]; records: { id: string; body: unknown }[] }> = {
    services: { items: services.map(toOrukServiceListItem), records: [] },
    service_at_locations: { items: serviceAtLocations.map((s) => s.item), records: serviceAtLocations.map((s) => ({ id: s.full.id as string, body: s.full })) },
    organizations: { items: organizations, records: organizations.map((o) => ({ id: o.id as string, body: o })) },
    taxonomies: {
      items: taxonomies.map(({ taxonomy_terms: _terms, ...own }) => own),
      records: taxonomies.map((t) => ({ id: t.id as string, body: t })),
    },
    taxonomy_terms: { items: taxonomyTerms, records: taxonomyTerms.map((t) => ({ id: t.id as string, body: t })) },
  };

  const files: OrukApiFile[] = [{ path: `${ORUK_API}/index.json`, body: apiJson(API_DETAILS) }];
  for (const endpoint of LIST_ENDPOINTS) {
    const itemsJson = lists[endpoint].items.map((item) => JSON.stringify(item));
    for (const perPage of PER_PAGE_SIZES) {
      pageBodies(itemsJson, perPage).forEach((body, index) => files.push({ path: pagePath(endpoint, perPage, index + 1), body }));
    }
    for (const { id, body } of lists[endpoint].records) files.push({ path: recordPath(endpoint, id), body: apiJson(body) });
  }
  files.push({ path: `${ORUK_API}/services.json`, sameAs: pagePath('services', DEFAULT_PER_PAGE, 1) });
  for (const { ourId, record, json } of entries) {
    const path = recordPath('services', record.id);
    files.push({ path, body: json === undefined ? apiJson(record) : `${json}\n` });
    if (ourId !== record.id) files.push({ path: recordPath('services', ourId), sameAs: path });
  }
  return files;
}

/**
 * The host rules (Netlify's `_redirects` syntax, which Cloudflare Pages reads in part) that map
 * the API's addresses onto the files. Rules apply in order, the first that matches wins, and a
 * rule never hides a file that exists (so `services/{id}.json` and `index.json` are served as
 * they are). A query value `:name` matches any value; a literal one only itself.
 *
 * Cloudflare Pages cannot match query strings: it skips the lines that name them (they do not
 * have its three parts) and uses the ones that do not, so there every list request gets page 1.
 * It also applies rules where a file exists, and rules without placeholders first: the two files
 * at the API's top level therefore have rules that send them to themselves.
 */
export function orukRedirects(): string {
  const api = `/${ORUK_API}`;
  const lines = [
    '# Open Referral UK API (written by the build: src/lib/open-data/oruk-endpoints.ts; docs/hosting.md says what each line does)',
    `${api} ${api}/index.json 200`,
    `${api}/ ${api}/index.json 200`,
    `${api}/index.json ${api}/index.json 200`,
    `${api}/services.json ${api}/services.json 200`,
  ];
  for (const size of PER_PAGE_SIZES) lines.push(`${api}/:endpoint page=:page per_page=${size} ${api}/pages/:endpoint/${size}/:page.json 200`);
  for (const size of PER_PAGE_SIZES) lines.push(`${api}/:endpoint per_page=${size} ${api}/pages/:endpoint/${size}/1.json 200`);
  lines.push(`${api}/:endpoint page=:page ${api}/pages/:endpoint/${DEFAULT_PER_PAGE}/:page.json 200`);
  lines.push(`${api}/:endpoint ${api}/pages/:endpoint/${DEFAULT_PER_PAGE}/1.json 200`);
  lines.push(`${api}/:endpoint/:id ${api}/records/:endpoint/:id.json 200`);
  return `${lines.join('\n')}\n`;
}
