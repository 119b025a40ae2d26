/** Open Referral UK: every service, as one Page of full service records. */
import type { APIRoute } from 'astro';
import { toOrukServicePage } from '../../../lib/oruk.ts';
import { jsonResponse, orukContext, orukSources } from './_oruk-data.ts';

export const GET: APIRoute = async () => jsonResponse(toOrukServicePage(await orukSources(), orukContext));
