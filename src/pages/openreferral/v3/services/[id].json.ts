/**
 * Open Referral UK: one full service record. Published under its ORUK UUID (what consumers
 * read from the list) and under our own id (what people see in our page addresses).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toOrukService } from '../../../../lib/oruk.ts';
import { jsonResponse, orukContext, orukSources } from '../_oruk-data.ts';

export const getStaticPaths = (async () => {
  const sources = await orukSources();
  return sources.flatMap((source) => {
    const record = toOrukService(source, orukContext);
    return [record.id, source.id].map((id) => ({ params: { id }, props: { record } }));
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => jsonResponse(props.record);
