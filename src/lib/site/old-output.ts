/**
 * The last build's output, out of the way. Before building, Astro deletes the old dist/ one file
 * at a time on the thread that builds the pages: about 6 s for the 30,000 files of a 5,000-service
 * site. Moved aside first (a rename, instant), it is deleted in a worker thread while the pages build.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Moves `dir` into `trashRoot` and returns where it went, or undefined when it is left for Astro
 * to empty: it does not exist, it is a link to a folder elsewhere (which must stay a link), it
 * holds a `.git` folder (which Astro keeps), or it cannot be moved (another file system, in use).
 */
export function moveAside(dir: string, trashRoot: string): string | undefined {
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink() || existsSync(join(dir, '.git'))) return undefined;
  const target = join(trashRoot, `${Date.now()}-${process.pid}`);
  try {
    mkdirSync(trashRoot, { recursive: true });
    renameSync(dir, target);
    return target;
  } catch {
    return undefined;
  }
}

/** Deletes everything in `trashRoot` (this build's old output and any a stopped build left) in a worker thread. */
export function emptyInBackground(trashRoot: string): Promise<void> {
  if (!existsSync(trashRoot)) return Promise.resolve();
  const paths = readdirSync(trashRoot).map((name) => join(trashRoot, name));
  if (paths.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `const { rmSync } = require('node:fs');
       const { workerData } = require('node:worker_threads');
       for (const path of workerData) rmSync(path, { recursive: true, force: true, maxRetries: 3 });`,
      { eval: true, workerData: paths },
    );
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`deleting the old build output stopped with code ${code}`))));
  });
}

/**
 * Empties `dir` where it stays (a link to a folder elsewhere, or one that cannot be moved), as
 * Astro would before building: everything in it goes but a `.git` folder. Nothing if it does not exist.
 */
export function emptyFolder(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name !== '.git') rmSync(join(dir, name), { recursive: true, force: true });
}
