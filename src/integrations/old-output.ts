/**
 * The last build's output: deleted alongside the new build instead of before it (see
 * src/lib/site/old-output.ts), or, when `npm run build` has carried its pages over for Astro to
 * keep, whatever of those Astro did not keep (src/lib/site/carried-pages.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { emptyInBackground, moveAside } from '../lib/site/old-output.ts';
import { readCarriedPages, removeUnbuiltPages } from '../lib/site/carried-pages.ts';

/**
 * `distPrepared`: npm run build has moved the old dist/ aside itself and put the last build's pages
 * in a new one for Astro to keep (scripts/lib/last-build.ts, carryOverPages), so dist/ stays, and
 * the pages Astro does not make are removed as soon as the pages are built (astro:build:generated),
 * before anything reads dist/: the integrations' astro:build:done, and the search index, which
 * npm run build starts as soon as the pages are final (src/integrations/pages-final.ts).
 */
export function oldOutput({ distPrepared = false } = {}): AstroIntegration {
  let root = '';
  let outDir = '';
  let trashRoot = '';
  let deleting: Promise<void> = Promise.resolve();
  return {
    name: 'open-local-offer:old-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        trashRoot = fileURLToPath(new URL('.cache/old-output/', config.root));
      },
      'astro:build:start': () => {
        if (!distPrepared) moveAside(outDir, trashRoot);
        deleting = emptyInBackground(trashRoot);
      },
      'astro:build:generated': ({ logger }) => {
        if (!distPrepared) return;
        const removed = removeUnbuiltPages(root, readCarriedPages(root));
        if (removed > 0) logger.info(`Removed ${removed.toLocaleString('en-GB')} page${removed === 1 ? '' : 's'} of the last build that this build does not make.`);
      },
      'astro:build:done': async ({ logger }) => {
        // Not worth failing a good build over: the next build tries again.
        await deleting.catch((error: Error) => logger.warn(`Could not delete the last build's output in ${trashRoot}: ${error.message}`));
      },
    },
  };
}
