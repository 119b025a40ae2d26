/**
 * Writes the Open Referral UK API (every list, page and record, and the host rules in _redirects)
 * in a worker thread, from the services the list's route hands over (see src/lib/open-data/oruk-export.ts),
 * and waits for it at the end of the build.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EARLY_ORUK_EXPORT, startOrukExport, type EarlyOrukExport, type OrukExportResult } from '../lib/open-data/oruk-export.ts';
import { writeRedirects } from '../lib/open-data/oruk-records.ts';
import { shortReason, stopBuild } from '../lib/editors/command-errors.ts';

export function orukRecords(): AstroIntegration {
  const global = globalThis as { [EARLY_ORUK_EXPORT]?: EarlyOrukExport };
  let distDir = '';
  let rootDir = '';
  let siteRedirects = '';
  let export_: Promise<OrukExportResult> | undefined;
  return {
    name: 'open-local-offer:oruk-records',
    hooks: {
      'astro:config:done': ({ config }) => {
        distDir = fileURLToPath(config.outDir);
        rootDir = fileURLToPath(config.root);
        // The site's own host rules, if it has any: they follow the API's in the built _redirects.
        const ownRules = join(fileURLToPath(config.publicDir), '_redirects');
        siteRedirects = existsSync(ownRules) ? readFileSync(ownRules, 'utf8') : '';
      },
      'astro:build:start': () => {
        export_ = undefined;
        global[EARLY_ORUK_EXPORT] = (sources, context) => {
          if (!export_) {
            const cache = { dir: join(rootDir, '.cache', 'oruk'), srcDir: join(rootDir, 'src'), installed: join(rootDir, 'node_modules', '.package-lock.json') };
            export_ = startOrukExport({ distDir, sources, context, cache });
            // Its failure is reported when the build waits for it (below), not as an unhandled error.
            export_.catch(() => {});
          }
          return true;
        };
      },
      'astro:build:done': async ({ logger }) => {
        delete global[EARLY_ORUK_EXPORT];
        if (!export_) throw new Error('Open Referral UK: the list of services (src/pages/openreferral/v3/[list].json.ts) was not built, so there is nothing to export.');
        let result: OrukExportResult;
        try {
          result = await export_;
        } catch (error) {
          // The machine's or the cache's fault, not the content's (the check has passed): said in words.
          stopBuild(
            `✗ Open Referral UK: the files of /openreferral/v3/ could not be written (${shortReason(error)}).\n` +
              'Check that the disk has space and that the project\'s .cache/ folder can be written to. Deleting .cache/oruk/ makes the next build write them all again.',
            error,
          );
        }
        writeRedirects(distDir, siteRedirects);
        const { count, reused, files, written } = result;
        logger.info(
          `Open Referral UK: ${count} services published at /openreferral/v3/, paged, each under its UUID and its page id (${count - reused} mapped, ${reused} from the last build; ` +
            `${written.toLocaleString('en-GB')} of its ${files.toLocaleString('en-GB')} files written, the rest linked: to a file written or to the last build's, unchanged); host rules in _redirects`,
        );
      },
    },
  };
}
