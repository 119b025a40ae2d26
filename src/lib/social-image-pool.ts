/**
 * Draws social images in worker threads, one per core (at most four). Images can be handed over
 * while pages are still being built, so the cores the page builder leaves idle start on them
 * early; each image is drawn once however often it is asked for.
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
  waiting: number;
}

export class SocialImagePool {
  readonly totals: SocialImageTotals = { drawn: 0, ms: 0 };
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<string, { page: string; resolve: () => void; reject: (error: Error) => void }>();
  private readonly asked = new Map<string, Promise<void>>();
  private closing = false;

  private readonly fonts: FontFile[];
  private readonly threads: number;

  constructor(fonts: FontFile[], threads = Math.min(4, availableParallelism())) {
    this.fonts = fonts;
    this.threads = Math.max(1, threads);
  }

  /** Draws the image unless it has been asked for already; resolves when the file is written. */
  draw(task: SocialImageTask): Promise<void> {
    let promise = this.asked.get(task.file);
    if (!promise) {
      promise = new Promise<void>((resolve, reject) => this.pending.set(task.file, { page: task.page, resolve, reject }));
      this.asked.set(task.file, promise);
      const slot = this.slot();
      slot.waiting += 1;
      // A worker with images to draw keeps the build running until they are written.
      slot.worker.ref();
      slot.worker.postMessage(task);
    }
    return promise;
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

  /** The worker with the fewest images waiting, started when there is still room for one. */
  private slot(): Slot {
    const idle = this.slots.find((slot) => slot.waiting === 0);
    if (idle) return idle;
    if (this.slots.length < this.threads) {
      const worker = new Worker(new URL('./social-image-worker.ts', import.meta.url), { workerData: { fonts: this.fonts } });
      const slot: Slot = { worker, waiting: 0 };
      worker.on('message', (reply: SocialImageReply) => this.finished(slot, reply));
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => {
        if (!this.closing) this.failAll(new Error(`a drawing thread stopped early (exit code ${code})`));
      });
      this.slots.push(slot);
      return slot;
    }
    return this.slots.reduce((least, slot) => (slot.waiting < least.waiting ? slot : least));
  }

  private finished(slot: Slot, reply: SocialImageReply) {
    slot.waiting -= 1;
    // An idle worker does not hold the process open (if the build stops early, it can end).
    if (slot.waiting === 0) slot.worker.unref();
    const waiter = this.pending.get(reply.file);
    this.pending.delete(reply.file);
    if ('error' in reply) {
      waiter?.reject(new Error(`social image for ${waiter.page} could not be drawn: ${reply.error}`));
      return;
    }
    this.totals.drawn += 1;
    this.totals.ms += reply.ms;
    waiter?.resolve();
  }

  private failAll(error: Error) {
    for (const [file, waiter] of this.pending) {
      waiter.reject(new Error(`social image for ${waiter.page} could not be drawn: ${error.message}`));
      this.pending.delete(file);
    }
  }
}
