/** Writes the sitemap for search engines at the end of a build (see src/lib/site/sitemap.ts). */
import type { AstroIntegration } from 'astro';
import { writeFileSync } from 'node:fs';
import { SITEMAP_INDEX, sitemapFiles } from '../lib/site/sitemap.ts';

export function sitemap(): AstroIntegration {
  let site: string | undefined;
  return {
    name: 'open-local-offer:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': ({ dir, pages, logger }) => {
        // Without an address (content/site.json's siteUrl) the content check has already stopped the build.
        if (!site) return;
        const files = sitemapFiles(site, pages.map((page) => page.pathname));
        for (const file of files) writeFileSync(new URL(file.name, dir), file.xml);
        const listed = files[0]?.pages ?? 0;
        logger.info(`${listed.toLocaleString('en-GB')} pages listed for search engines in ${SITEMAP_INDEX}.`);
      },
    },
  };
}
