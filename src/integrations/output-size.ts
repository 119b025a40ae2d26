/** Warns at the end of a build about files too big for some hosts (see src/lib/site/output-size.ts). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { largeFiles, largeFilesWarning } from '../lib/site/output-size.ts';

export function outputSize(): AstroIntegration {
  return {
    name: 'open-local-offer:output-size',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const warning = largeFilesWarning(largeFiles(fileURLToPath(dir)));
        if (warning) logger.warn(warning);
      },
    },
  };
}
