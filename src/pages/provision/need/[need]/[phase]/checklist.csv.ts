/** /provision/need/<need>/<phase>/checklist.csv: the SENCO checklist for a provision map, built with the site. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allProvision } from '../../../../../data/content.ts';
import { checklistCsv, provisionPairs } from '../../../../../lib/provision/provision.ts';
import { site } from '../../../../../lib/site/site.ts';
import type { Need, Phase } from '../../../../../contract/vocabulary.ts';
import { withCacheKey } from '../../../../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => {
  const provision = await allProvision();
  return provisionPairs().map((params) => withCacheKey({ params }, provision));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) =>
  new Response(checklistCsv(await allProvision(), params.need as Need, params.phase as Phase, site.siteUrl), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
