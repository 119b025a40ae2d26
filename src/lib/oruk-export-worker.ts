/**
 * Makes the Open Referral UK list and records from the services handed over (see oruk-export.ts)
 * and writes them into the built site, in a worker thread so the page builder's thread goes on
 * with the pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toOrukServicePage } from './oruk.ts';
import { writeOrukFiles } from './oruk-records.ts';
import type { OrukExportJob, OrukExportReply } from './oruk-export.ts';

const { distDir, sources, context } = workerData as OrukExportJob;
let reply: OrukExportReply;
try {
  reply = { count: await writeOrukFiles(distDir, toOrukServicePage(sources, context)) };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
