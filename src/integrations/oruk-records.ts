/** Writes the single Open Referral UK records from the built list (see src/lib/oruk-records.ts). */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeOrukRecords } from '../lib/oruk-records.ts';

export function orukRecords(): AstroIntegration {
  return {
    name: 'open-local-offer:oruk-records',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await writeOrukRecords(fileURLToPath(dir));
        logger.info(`Open Referral UK: ${count} service records written, each under its UUID and its page id`);
      },
    },
  };
}
