/**
 * The last build's output: deleted alongside the new build instead of before it (see
 * src/lib/site/old-output.ts), or, when `npm run build` has carried its pages over for Astro to
 * keep, whatever of those Astro did not keep (src/lib/site/carried-pages.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { emptyFolder, emptyInBackground, moveAside } from '../lib/site/old-output.ts';
import { readCarriedPages, removeUnbuiltPages } from '../lib/site/carried-pages.ts';

/** What Astro asks npm run build (scripts/build.ts) when it is about to build: did the last build's pages go into dist/? */
export const CARRIED_OVER = 'open-local-offer:carried-over';
export type CarriedOverAnswer = { type: typeof CARRIED_OVER; carried: boolean };

/**
 * npm run build's answer: whether it put the last build's pages in dist/ for Astro to keep.
 * False when there is no one to ask, or the channel closes before the answer comes: dist/ is then
 * treated as the last build's output, as under `astro build` alone.
 */
function askBuild(): Promise<boolean> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve(false);
    const answered = (message: Partial<CarriedOverAnswer>) => {
      if (message?.type === CARRIED_OVER) done(message.carried === true);
    };
    const done = (carried: boolean) => {
      process.off('message', answered);
      process.off('disconnect', gone);
      resolve(carried);
    };
    const gone = () => done(false);
    process.on('message', answered);
    process.once('disconnect', gone);
    process.send({ type: CARRIED_OVER });
  });
}

/**
 * `carriedOver`: Astro was started by npm run build, which carries the last build's pages over
 * into a new dist/ (scripts/lib/last-build.ts, carryOverPages) while Astro starts, and says at
 * astro:build:start whether it did. If it did, dist/ stays (Astro is told not to empty it), and
 * the pages Astro does not make are removed as soon as the pages are built
 * (astro:build:generated), before anything reads dist/: the integrations' astro:build:done, and
 * the search index, which npm run build starts as soon as the pages are final
 * (src/integrations/pages-final.ts). If it did not, dist/ is moved aside as under `astro build`
 * alone, or emptied here where it cannot be (Astro, told not to, does not).
 */
export function oldOutput({ carriedOver = false } = {}): AstroIntegration {
  let root = '';
  let outDir = '';
  let trashRoot = '';
  let deleting: Promise<void> = Promise.resolve();
  let distPrepared = false;
  return {
    name: 'open-local-offer:old-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        trashRoot = fileURLToPath(new URL('.cache/old-output/', config.root));
      },
      'astro:build:start': async () => {
        distPrepared = carriedOver && (await askBuild());
        if (!distPrepared && !moveAside(outDir, trashRoot) && carriedOver) emptyFolder(outDir);
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
