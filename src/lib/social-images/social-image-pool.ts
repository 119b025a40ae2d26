/**
 * Draws social images in worker threads. Images can be handed over while pages are still being
 * built: then the pool draws with one core fewer than the machine has, leaving one to the page
 * builder, and widens to every core (at most four) when the pages are done. Each image is drawn
 * once however often it is asked for.
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

/** What a worker reports for each image: drawn in `ms`, or why it could not be. */
export type SocialImageReply = { file: string; ms: number } | { file: string; error: string };

export interface SocialImageTotals {
  drawn: number;
  /** Time spent drawing, summed over the workers. */
  ms: number;
}

interface Slot {
  worker: Worker;
  /** Images handed to this worker and not yet finished. */
  inFlight: number;
}

/**
 * A few images are handed to each worker at a time, so it has the next one while the page
 * builder is too busy to hear that the last is done; the rest wait here, for whichever worker
 * is free first (including workers started later, see useThreads).
 */
const IN_FLIGHT = 4;

/** The threads to draw with while pages are being built: one core is left to the page builder. */
export function threadsWhileBuilding(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores) - 1);
}
/** The threads to draw with once the pages are built and the cores are free. */
export function threadsAfterBuilding(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores));
}

export class SocialImagePool {
  readonly totals: SocialImageTotals = { drawn: 0, ms: 0 };
  private readonly slots: Slot[] = [];
  private readonly queue: SocialImageTask[] = [];
  private readonly pending = new Map<string, { page: string; resolve: () => void; reject: (error: Error) => void }>();
  private readonly asked = new Map<string, Promise<void>>();
  private closing = false;

  private readonly fonts: FontFile[];
  private threads: number;

  constructor(fonts: FontFile[], threads = threadsAfterBuilding()) {
    this.fonts = fonts;
    this.threads = Math.max(1, threads);
  }

  /** Draws the image unless it has been asked for already; resolves when the file is written. */
  draw(task: SocialImageTask): Promise<void> {
    let promise = this.asked.get(task.file);
    if (!promise) {
      promise = new Promise<void>((resolve, reject) => this.pending.set(task.file, { page: task.page, resolve, reject }));
      this.asked.set(task.file, promise);
      this.queue.push(task);
      this.handOut();
    }
    return promise;
  }

  /** Allows more threads (when the cores they would take from the page builder are free). */
  useThreads(threads: number): void {
    this.threads = Math.max(this.threads, threads);
    this.handOut();
  }

  /** How many worker threads have been started. */
  get started(): number {
    return this.slots.length;
  }

  /** Waits for every image asked for so far. */
  async settled(): Promise<void> {
    await Promise.all(this.asked.values());
  }

  /** Stops the workers (after `settled`, or to give up). */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  /** Gives waiting images to workers with room for them, starting workers while there is room for one. */
  private handOut() {
    while (this.queue.length > 0) {
      const slot = this.freeSlot();
      if (!slot) return;
      slot.inFlight += 1;
      // A worker with images to draw keeps the build running until they are written.
      slot.worker.ref();
      slot.worker.postMessage(this.queue.shift());
    }
  }

  /** An idle worker, else a new one if allowed, else the least busy worker with room. */
  private freeSlot(): Slot | undefined {
    const idle = this.slots.find((slot) => slot.inFlight === 0);
    if (idle) return idle;
    if (this.slots.length < this.threads) return this.startWorker();
    const least = this.slots.reduce<Slot | undefined>((best, slot) => (!best || slot.inFlight < best.inFlight ? slot : best), undefined);
    return least && least.inFlight < IN_FLIGHT ? least : undefined;
  }

  private startWorker(): Slot {
    const worker = new Worker(new URL('./social-image-worker.ts', import.meta.url), { workerData: { fonts: this.fonts } });
    const slot: Slot = { worker, inFlight: 0 };
    worker.on('message', (reply: SocialImageReply) => this.finished(slot, reply));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      if (!this.closing) this.failAll(new Error(`a drawing thread stopped early (exit code ${code})`));
    });
    this.slots.push(slot);
    return slot;
  }

  private finished(slot: Slot, reply: SocialImageReply) {
    slot.inFlight -= 1;
    // An idle worker does not hold the process open (if the build stops early, it can end).
    if (slot.inFlight === 0) slot.worker.unref();
    const waiter = this.pending.get(reply.file);
    this.pending.delete(reply.file);
    if ('error' in reply) {
      waiter?.reject(new Error(`social image for ${waiter.page} could not be drawn: ${reply.error}`));
    } else {
      this.totals.drawn += 1;
      this.totals.ms += reply.ms;
      waiter?.resolve();
    }
    this.handOut();
  }

  private failAll(error: Error) {
    this.queue.length = 0;
    for (const [file, waiter] of this.pending) {
      waiter.reject(new Error(`social image for ${waiter.page} could not be drawn: ${error.message}`));
      this.pending.delete(file);
    }
  }
}
