/**
 * Makes the Open Referral UK list and records from the services handed over (see oruk-export.ts)
 * and writes them into the built site, in a worker thread so the page builder's thread goes on
 * with the pages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { orukServicePage, toOrukService } from './oruk.ts';
import { writeOrukFiles } from './oruk-records.ts';
import type { OrukExportJob, OrukExportReply } from './oruk-export.ts';

const { distDir, sources, context } = workerData as OrukExportJob;
let reply: OrukExportReply;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
try {
  const records = sources.map((source) => {
    try {
      return toOrukService(source, context);
    } catch (error) {
      throw new Error(`the service ${source.id} could not be mapped: ${message(error)}`);
    }
  });
  reply = { count: await writeOrukFiles(distDir, orukServicePage(records)) };
} catch (error) {
  reply = { error: message(error) };
}
parentPort?.postMessage(reply);
