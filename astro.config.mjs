// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentCheck } from './src/integrations/content-check.ts';
import { socialImages } from './src/integrations/social-images.ts';
import { outputSize } from './src/integrations/output-size.ts';
import { oldOutput } from './src/integrations/old-output.ts';
import { pagesFinal } from './src/integrations/pages-final.ts';
import { orukRecords } from './src/integrations/oruk-records.ts';
import { contentFiles } from './src/integrations/content-files.ts';
import { mdxGuard } from './src/integrations/mdx-guard.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { phoneLinksPlugin } from './src/lib/text/phone-links-plugin.ts';

// Astro's anonymous usage reports would send a council's builds to a third party: off unless
// someone running the build has chosen otherwise.
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

/**
 * The site address comes from content/site.json, so a council changes it with its content. If
 * the file cannot be read, the content check (the first integration) says why in plain English,
 * so the configuration must not fail first with a parser's message.
 */
const site = (() => {
  try {
    return JSON.parse(readFileSync(new URL('./content/site.json', import.meta.url), 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return {};
  }
})();

/**
 * Set by `npm run build` (scripts/build.ts), which starts Astro in a process of its own:
 * - it carries the last build's unchanged pages over into dist/ while Astro starts, and says at
 *   astro:build:start whether it did (old-output). Astro keeps each one whose code and cacheKey
 *   are unchanged, so it must not empty dist/: old-output moves the old dist/ aside itself when
 *   nothing was carried over;
 * - it warns of files too big for some hosts itself, once it has every file's size (output-size).
 */
const startedByBuild = process.env.OPEN_LOCAL_OFFER_BUILD === '1';

export default defineConfig({
  site: site.siteUrl,
  trailingSlash: 'always',
  // Astro's build cache (the content data store) lives with the project, not in node_modules:
  // test and benchmark copies of the project link node_modules, and must not share a cache.
  cacheDir: './.cache/astro',
  // Several pages at once: most of a page's build time is spent waiting for its files to be
  // written, and 5,000 services build about a third faster with 8 than with 1 (docs/performance.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  integrations: [
    contentCheck(),
    oldOutput({ carriedOver: startedByBuild }),
    // After oldOutput: tells npm run build when every page is final, to index them for search.
    pagesFinal(),
    // Before mdx(): every MDX file is checked before it is compiled, in build, dev and cms alike.
    mdxGuard(),
    mdx(),
    // Which pages it lists, and why not the step-by-step finder's: src/lib/site/sitemap.ts.
    sitemap(),
    // Videos, captions and posters from content/public/, beside the pages.
    contentFiles(),
    // Before the social images: it runs while their worker threads finish drawing.
    orukRecords(),
    socialImages(),
    outputSize({ byBuild: startedByBuild }),
  ],
  // Every script is a file the site built, never inlined into the page however small: the
  // policy (src/lib/site/csp.ts, in each page's <meta> tag) then trusts only the site's own files
  // ('self'), and the hostile-content test can tell the site's scripts from anything an editor's
  // text might inject.
  vite: {
    build: {
      // Astro empties dist/ before it builds, unless told not to.
      ...(startedByBuild ? { emptyOutDir: false } : {}),
      assetsInlineLimit: 0,
      rollupOptions: {
        // Astro marks each MDX page's module with a directive that the bundler warns it may not
        // keep (withastro/astro#18087; harmless, Astro's own fix is pending). The warning names
        // content files, which would tell an editor their page is at fault: it is left out.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('use astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  // Incremental builds: a page from getStaticPaths() whose code and cacheKey (src/lib/site/cache-key.ts)
  // are unchanged is copied from the last build instead of rendered again. The cache is kept in
  // cacheDir (.cache/astro/: incremental-build.json and dist/); docs/hosting.md says what CI keeps.
  experimental: { incrementalBuild: true },
  // MDX pages inherit this: every UK phone number in their text becomes a tel: link, as in
  // content fields rendered by src/lib/text/markdown.ts.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [phoneLinksPlugin] }) },
  devToolbar: { enabled: false },
  // Astro's own log, with the pages kept from the last build counted on one line, not listed.
  logger: { entrypoint: './src/lib/site/build-log.ts' },
});
