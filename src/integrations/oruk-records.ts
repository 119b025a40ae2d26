/**
 * Writes the Open Referral UK list and its single records in a worker thread, from the services
 * the list's route hands over (see src/lib/oruk-export.ts), and waits for them at the end of the
 * build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { EARLY_ORUK_EXPORT, startOrukExport, type EarlyOrukExport } from '../lib/oruk-export.ts';

export function orukRecords(): AstroIntegration {
  const global = globalThis as { [EARLY_ORUK_EXPORT]?: EarlyOrukExport };
  let distDir = '';
  let export_: Promise<number> | undefined;
  return {
    name: 'open-local-offer:oruk-records',
    hooks: {
      'astro:config:done': ({ config }) => {
        distDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': () => {
        export_ = undefined;
        global[EARLY_ORUK_EXPORT] = (sources, context) => {
          if (!export_) {
            export_ = startOrukExport({ distDir, sources, context });
            // Its failure is reported when the build waits for it (below), not as an unhandled error.
            export_.catch(() => {});
          }
          return true;
        };
      },
      'astro:build:done': async ({ logger }) => {
        delete global[EARLY_ORUK_EXPORT];
        if (!export_) throw new Error('Open Referral UK: the list of services (src/pages/openreferral/v3/[list].json.ts) was not built, so there is nothing to export.');
        let count: number;
        try {
          count = await export_;
        } catch (error) {
          throw new Error(`Open Referral UK: the export could not be written: ${error instanceof Error ? error.message : String(error)}`);
        }
        logger.info(`Open Referral UK: ${count} service records written, each under its UUID and its page id`);
      },
    },
  };
}
