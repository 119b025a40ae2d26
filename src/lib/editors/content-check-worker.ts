/**
 * Runs the content check (content-check.ts) in a worker thread, so Astro can start up beside it
 * (see src/integrations/content-check.ts). Replies once, with what the report needs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent, type CheckOptions } from './content-check.ts';

const { problems, warnings, files } = checkContent(workerData as CheckOptions);
parentPort?.postMessage({ problems, warnings, files });
