/**
 * Draws many social images in worker threads, one per core (at most four), so a big directory's
 * images take a fraction of the time. Each worker takes every n-th image: they cost about the same.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FontFile, SocialImageInput } from './social-image.ts';

export interface SocialImageTask {
  /** The page the image is for, named in errors. */
  page: string;
  /** Where to write the PNG. */
  file: string;
  input: SocialImageInput;
}

export interface SocialImageBatch {
  fonts: FontFile[];
  jobs: SocialImageTask[];
}

export interface SocialImageBatchResult {
  drawn: number;
  /** Time spent drawing, summed over the workers. */
  ms: number;
}

/** Splits the tasks between `threads` workers (by default one per core, at most four) and draws them. */
export async function drawSocialImages(tasks: SocialImageTask[], fonts: FontFile[], threads = Math.min(4, availableParallelism())): Promise<SocialImageBatchResult> {
  const count = Math.max(1, Math.min(threads, tasks.length));
  const batches = Array.from({ length: count }, (_, worker) => tasks.filter((_, i) => i % count === worker));
  const results = await Promise.all(batches.filter((jobs) => jobs.length > 0).map((jobs) => runBatch({ fonts, jobs })));
  return results.reduce((total, result) => ({ drawn: total.drawn + result.drawn, ms: total.ms + result.ms }), { drawn: 0, ms: 0 });
}

function runBatch(batch: SocialImageBatch): Promise<SocialImageBatchResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./social-image-worker.ts', import.meta.url), { workerData: batch });
    let result: SocialImageBatchResult | undefined;
    worker.once('message', (message: SocialImageBatchResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`a social-image worker stopped (exit code ${code}) before finishing its ${batch.jobs.length} images`));
    });
  });
}
