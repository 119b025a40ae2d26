/** /how-we-are-doing/<id>.csv: the figures behind one indicator's chart. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allIndicators, type Indicator } from '../../data/content.ts';
import { indicatorCsv } from '../../lib/feedback/indicators.ts';
import { withCacheKey } from '../../lib/site/cache-key.ts';

export const getStaticPaths = (async () => (await allIndicators()).map((indicator) => withCacheKey({ params: { id: indicator.id }, props: { indicator } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ indicator: Indicator }> = ({ props }) =>
  new Response(indicatorCsv(props.indicator.data), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
