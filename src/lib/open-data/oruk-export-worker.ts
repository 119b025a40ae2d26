/**
 * Makes the Open Referral UK API's files from the services handed over (see oruk-export.ts) and
 * writes them into the built site, in a worker thread so the page builder's thread goes on with
 * the pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { orukApiFiles, orukServiceEntries } from './oruk-endpoints.ts';
import { writeOrukApi } from './oruk-records.ts';
import type { OrukExportJob, OrukExportReply } from './oruk-export.ts';

const { distDir, sources, context } = workerData as OrukExportJob;
let reply: OrukExportReply;
try {
  const entries = orukServiceEntries(sources, context);
  await writeOrukApi(distDir, orukApiFiles(entries));
  reply = { count: entries.length };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
