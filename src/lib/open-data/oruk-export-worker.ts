/**
 * Makes the Open Referral UK API's files from the services handed over (see oruk-export.ts) and
 * writes them into the built site, in a worker thread so the page builder's thread goes on with
 * the pages.
 */
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { orukApiFiles } from './oruk-endpoints.ts';
import { writeOrukApi } from './oruk-records.ts';
import { mappingCodeKey, orukServiceEntriesCached, readRecordCache, writeRecordCache } from './oruk-record-cache.ts';
import type { OrukExportJob, OrukExportReply } from './oruk-export.ts';

const { distDir, sources, context, cache } = workerData as OrukExportJob;
let reply: OrukExportReply;
try {
  // With a cache folder, a service whose record was made by the last build is not mapped again;
  // without one (or when the mapping's code cannot be known) every service is mapped.
  const codeKey = cache ? mappingCodeKey(cache.srcDir, cache.installed) : undefined;
  const cached = cache && codeKey ? readRecordCache(cache.dir, codeKey) : new Map<string, string>();
  const { entries, next, reused } = orukServiceEntriesCached(sources, context, cached);
  // With a cache folder, a file the same as the last build's is linked from there, not written again.
  const { files, written } = await writeOrukApi(distDir, orukApiFiles(entries), { keptDir: cache ? join(cache.dir, 'files') : undefined });
  // Written only when it changed: a rebuild with nothing changed reads it and leaves it.
  if (cache && codeKey && (reused !== entries.length || next.size !== cached.size)) writeRecordCache(cache.dir, codeKey, next, cached);
  reply = { count: entries.length, reused, files, written };
} catch (error) {
  reply = { error: error instanceof Error ? error.message : String(error) };
}
parentPort?.postMessage(reply);
