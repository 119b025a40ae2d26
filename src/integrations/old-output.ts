/** Deletes the last build's output alongside the new build instead of before it (see src/lib/site/old-output.ts). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { emptyInBackground, moveAside } from '../lib/site/old-output.ts';

export function oldOutput(): AstroIntegration {
  let outDir = '';
  let trashRoot = '';
  let deleting: Promise<void> = Promise.resolve();
  return {
    name: 'open-local-offer:old-output',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        trashRoot = fileURLToPath(new URL('.cache/old-output/', config.root));
      },
      'astro:build:start': () => {
        moveAside(outDir, trashRoot);
        deleting = emptyInBackground(trashRoot);
      },
      'astro:build:done': async ({ logger }) => {
        // Not worth failing a good build over: the next build tries again.
        await deleting.catch((error: Error) => logger.warn(`Could not delete the last build's output in ${trashRoot}: ${error.message}`));
      },
    },
  };
}
