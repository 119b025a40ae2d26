/** Open Referral UK: every service, as one Page of full service records. */
import type { APIRoute } from 'astro';
import { orukServicePage } from '../../../lib/oruk.ts';
import { jsonResponse, orukRecords } from './_oruk-data.ts';

export const GET: APIRoute = async () => jsonResponse(orukServicePage((await orukRecords()).map((r) => r.record)));
