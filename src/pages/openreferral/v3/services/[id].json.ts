/**
 * Open Referral UK: one full service record. Published under its ORUK UUID (what consumers
 * read from the list) and under our own id (what people see in our page addresses).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonResponse, orukRecords } from '../_oruk-data.ts';

export const getStaticPaths = (async () => {
  const records = await orukRecords();
  return records.flatMap(({ source, record }) => [record.id, source.id].map((id) => ({ params: { id }, props: { record } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.record);
