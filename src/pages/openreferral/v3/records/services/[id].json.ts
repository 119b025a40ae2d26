/**
 * Open Referral UK: one full service record (/openreferral/v3/records/services/<id>.json, which
 * the API's /openreferral/v3/services/{id} answers with), under its ORUK UUID (what consumers read
 * from the list) and under our own id (what people see in our page addresses).
 *
 * This route serves them on the development server only. A build writes them from the built
 * list in a worker thread instead (src/lib/open-data/oruk-export.ts): as routes they were a fifth of the build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, orukRecords } from '../../_oruk-data.ts';

export const getStaticPaths = (async () => {
  if (!import.meta.env.DEV) return [];
  const records = await orukRecords();
  return records.flatMap(({ source, record }) => [record.id, source.id].map((id) => ({ params: { id }, props: { record } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.record);
