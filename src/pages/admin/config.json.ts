/**
 * /admin/config.json: the Decap CMS configuration, generated at build time from the schemas and
 * vocabularies (src/lib/editors/cms-config.ts), so the editor and the content check cannot drift apart.
 */
import type { APIRoute } from 'astro';
import { backendFromEnv, cmsConfig } from '../../lib/editors/cms-config.ts';
import { site } from '../../lib/site/site.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(cmsConfig(site, backendFromEnv(process.env)), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
