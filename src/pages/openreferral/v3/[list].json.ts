/**
 * Open Referral UK: the first page of services (/openreferral/v3/services.json), at the API's
 * default page size.
 *
 * A build writes the whole API (every page of every list, each record, and the host rules that
 * give them the API's addresses) from a worker thread beside the pages (src/lib/open-data/oruk-export.ts,
 * src/lib/open-data/oruk-endpoints.ts); this route then makes nothing. The development server serves it here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DEFAULT_PER_PAGE, orukPage, toOrukServiceListItem } from '../../../lib/open-data/oruk-endpoints.ts';
import { handedToBuild, jsonResponse, orukRecords } from './_oruk-data.ts';

export const getStaticPaths = (async () => ((await handedToBuild()) ? [] : [{ params: { list: 'services' } }])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => jsonResponse(orukPage((await orukRecords()).map((r) => toOrukServiceListItem(r.record)), 1, DEFAULT_PER_PAGE));
