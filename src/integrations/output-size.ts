/**
 * Warns at the end of a build about files too big for some hosts (see src/lib/site/output-size.ts).
 * Not when `npm run build` started Astro (`byBuild`): it warns itself, at the end, from the sizes it
 * has of every file once it has kept the build, search index included (scripts/build.ts), instead
 * of Astro walking all of dist/ again (about 0.5 s at 5,000 services).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { largeFiles, largeFilesWarning } from '../lib/site/output-size.ts';

export function outputSize({ byBuild = false } = {}): AstroIntegration {
  return {
    name: 'open-local-offer:output-size',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (byBuild) return;
        const warning = largeFilesWarning(largeFiles(fileURLToPath(dir)));
        if (warning) logger.warn(warning);
      },
    },
  };
}
