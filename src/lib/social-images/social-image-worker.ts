/**
 * Draws social images in a worker thread (see social-image-pool.ts), one message per image.
 * Each image is written to a temporary name and then renamed, so a build stopped half-way never
 * leaves a broken PNG in the cache.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeFileWhole } from '../site/place-file.ts';
import { renderSocialImage, type FontFile } from './social-image.ts';
import type { SocialImageReply, SocialImageTask } from './social-image-pool.ts';

const { fonts } = workerData as { fonts: FontFile[] };
// Buffers arrive as plain Uint8Arrays after the copy between threads.
const fontFiles: FontFile[] = fonts.map((font) => ({ ...font, data: Buffer.from(font.data.buffer, font.data.byteOffset, font.data.byteLength) }));

// One image at a time, in the order asked. Between images the event loop turns, which is when
// resvg frees each image's pixels (about 3 MB); one long loop without a turn held over 16 GB at 5,000.
const queue: SocialImageTask[] = [];
let drawing = false;

async function drawNext() {
  const task = queue.shift();
  if (!task) {
    drawing = false;
    return;
  }
  const started = performance.now();
  let reply: SocialImageReply;
  try {
    writeFileWhole(task.file, await renderSocialImage(task.input, fontFiles));
    reply = { file: task.file, ms: performance.now() - started };
  } catch (error) {
    reply = { file: task.file, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
  setImmediate(drawNext);
}

parentPort?.on('message', (task: SocialImageTask) => {
  queue.push(task);
  if (!drawing) {
    drawing = true;
    setImmediate(drawNext);
  }
});
