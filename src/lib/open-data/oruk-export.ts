/**
 * The Open Referral UK export during a build. The list's route hands the services over as soon
 * as Astro asks for its paths (EARLY_ORUK_EXPORT, set by src/integrations/oruk-records.ts); a
 * worker thread then makes every record and writes the list and the records while the pages are
 * built. Made on the page builder's thread, they held it up for about 4 s at 5,000 services
 * (docs/performance.md).
 */
import { Worker } from 'node:worker_threads';
import type { OrukContext, OrukSource } from './oruk.ts';

/** Where the build listens for the services to export: returns true when it has taken them. */
export const EARLY_ORUK_EXPORT = Symbol.for('open-local-offer.oruk-export');
export type EarlyOrukExport = (sources: OrukSource[], context: OrukContext) => boolean;

export interface OrukExportJob {
  /** The built site's folder. */
  distDir: string;
  sources: OrukSource[];
  context: OrukContext;
  /**
   * Where the last build's records are kept (oruk-record-cache.ts), with the project's src/ folder
   * and npm's record of the installed packages, whose digest says whether the mapping's code changed.
   */
  cache?: { dir: string; srcDir: string; installed: string };
}
/** How many services, how many of their records came from the last build, how many files were placed, and how many of those were written (the rest are links). */
export type OrukExportResult = { count: number; reused: number; files: number; written: number };
export type OrukExportReply = OrukExportResult | { error: string };

/** Starts the export in a worker thread; resolves with how many records were written, and how many came from the last build. */
export function startOrukExport(job: OrukExportJob): Promise<OrukExportResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./oruk-export-worker.ts', import.meta.url), { workerData: job });
    let replied = false;
    worker.once('message', (reply: OrukExportReply) => {
      replied = true;
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`the export's thread stopped early (exit code ${code})`));
    });
  });
}
