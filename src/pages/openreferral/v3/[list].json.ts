/**
 * Open Referral UK: every service, as one Page of full service records
 * (/openreferral/v3/services.json).
 *
 * A build writes the list, and each record, from a worker thread beside the pages
 * (src/lib/oruk-export.ts); this route then makes nothing. The development server serves it here.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { orukServicePage } from '../../../lib/oruk.ts';
import { handedToBuild, jsonResponse, orukRecords } from './_oruk-data.ts';

export const getStaticPaths = (async () => ((await handedToBuild()) ? [] : [{ params: { list: 'services' } }])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => jsonResponse(orukServicePage((await orukRecords()).map((r) => r.record)));
