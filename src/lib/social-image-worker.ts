/**
 * A share of the social images, drawn in a worker thread (see social-image-pool.ts). Each image
 * is written to a temporary name and then renamed, so a build stopped half-way never leaves a
 * broken PNG in the cache.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { renderSocialImage, type FontFile } from './social-image.ts';
import type { SocialImageBatch, SocialImageBatchResult } from './social-image-pool.ts';

const { fonts, jobs } = workerData as SocialImageBatch;
// Buffers arrive as plain Uint8Arrays after the copy between threads.
const fontFiles: FontFile[] = fonts.map((font) => ({ ...font, data: Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength) }));

const started = performance.now();
for (const job of jobs) {
  const partial = `${job.file}.${process.pid}-${threadId}.partial`;
  try {
    writeFileSync(partial, await renderSocialImage(job.input, fontFiles));
    renameSync(partial, job.file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`social image for ${job.page} could not be drawn: ${reason}`);
  }
  // resvg frees each image's pixels (about 3 MB) in a callback that runs only when the event loop
  // gets a turn; without this pause, 5,000 images held over 16 GB.
  await new Promise((resume) => setImmediate(resume));
}
const result: SocialImageBatchResult = { drawn: jobs.length, ms: performance.now() - started };
parentPort?.postMessage(result);
