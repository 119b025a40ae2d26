/**
 * `node scripts/lib/png-encoders.ts` (and the last rows of `npm run bench`)
 *
 * Writes the same social image with our PNG writer (src/lib/social-images/png.ts) and with fast-png, a
 * maintained encoder, and prints each one's time and size, so the hand-written writer is kept only
 * while the figures say it earns its place (docs/performance.md). Every output is read back and
 * must give the same pixels, or the script stops.
 *
 * - ours, as the build writes an image: palette indices, the rows above and below the text
 *   compressed once per build, only the text band compressed for each image (encodeBandedPng);
 * - ours from RGBA pixels, as any other image would be written (encodePng);
 * - fast-png from the same palette indices (its best case: what the build would hand it);
 * - fast-png from RGBA pixels.
 */
import { constants } from 'node:zlib';
import { decode, encode } from 'fast-png';
import { socialImageFonts } from '../../src/integrations/social-images.ts';
import { adlerSums, adlerWithChanges, bandedImage, encodeBandedPng, encodePng, indexPixels } from '../../src/lib/social-images/png.ts';
import { renderSocialImage, SOCIAL_IMAGE_HEIGHT, SOCIAL_IMAGE_WIDTH, type SocialImageInput } from '../../src/lib/social-images/social-image.ts';

const WIDTH = SOCIAL_IMAGE_WIDTH;
const HEIGHT = SOCIAL_IMAGE_HEIGHT;

/** A PNG's pixels as RGBA, read with fast-png (palette images expanded). */
function rgbaOf(png: Uint8Array): Uint8Array {
  const image = decode(png);
  if (image.width !== WIDTH || image.height !== HEIGHT || image.depth !== 8) throw new Error('png-encoders: unexpected image shape');
  if (image.channels === 4) return Uint8Array.from(image.data);
  if (image.channels !== 1 || !image.palette) throw new Error(`png-encoders: unexpected ${image.channels}-channel image`);
  const out = new Uint8Array(WIDTH * HEIGHT * 4);
  const alpha = image.transparency;
  for (let i = 0; i < WIDTH * HEIGHT; i += 1) {
    const index = image.data[i]!;
    const [r, g, b] = image.palette[index]!;
    out.set([r!, g!, b!, alpha && index < alpha.length ? alpha[index]! : 255], i * 4);
  }
  return out;
}

/** The rows that hold only background between the site name and the address: where the text goes. */
function textBand(frame: Uint8Array): { top: number; bottom: number } {
  const stride = WIDTH * 4;
  const plain = (y: number) => {
    for (let x = 4; x < stride; x += 4) if (frame[y * stride + x] !== frame[y * stride] || frame[y * stride + x + 1] !== frame[y * stride + 1] || frame[y * stride + x + 2] !== frame[y * stride + 2]) return false;
    return frame[y * stride] === frame[0] && frame[y * stride + 1] === frame[1] && frame[y * stride + 2] === frame[2];
  };
  let best = { top: 0, bottom: 0 };
  for (let y = 0; y < HEIGHT; ) {
    let end = y;
    while (end < HEIGHT && plain(end)) end += 1;
    if (end - y > best.bottom - best.top) best = { top: y, bottom: end };
    y = end + 1;
  }
  return best;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface EncoderFigure {
  name: string;
  ms: number;
  bytes: number;
}

/** Times each encoder on the same image: `rounds` rounds, each encoder in turn, `perRound` images each. */
export async function comparePngEncoders(project: string, rounds = 7, perRound = 5): Promise<EncoderFigure[]> {
  const fonts = socialImageFonts(project);
  const site = { siteName: 'Kestrel Vale SEND Local Offer', host: 'localoffer.kestrelvale.example', colours: { background: '#005a70', text: '#ffffff', accent: '#ffdd00' } };
  const input: SocialImageInput = {
    ...site,
    title: 'Speech and language therapy for children and young people',
    description: 'Assessment and therapy for children who find it hard to talk, understand or eat and drink safely, at home, in school or at a clinic.',
  };
  const page = rgbaOf(await renderSocialImage(input, fonts));
  const { top, bottom } = textBand(rgbaOf(await renderSocialImage({ ...input, title: '', description: '' }, fonts)));

  const indexed = indexPixels(page, WIDTH, HEIGHT);
  if (!indexed) throw new Error('png-encoders: the social image has over 256 colours');
  if (top < 80 || bottom > HEIGHT - 80 || bottom - top < 300) throw new Error(`png-encoders: found the text band at rows ${top}-${bottom}, not between the site name and the address`);
  // As the build does: rows outside the text band compressed once, the checksum kept while drawing.
  const banded = bandedImage(indexed, top, bottom, { strategy: constants.Z_RLE });
  const sums = adlerSums(indexed.rows);
  const adler = adlerWithChanges(sums, 0, 0);
  // fast-png takes one index a pixel without PNG's filter byte, and the palette as [r, g, b] lists.
  const indices = new Uint8Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y += 1) indices.set(indexed.rows.subarray(y * (WIDTH + 1) + 1, (y + 1) * (WIDTH + 1)), y * WIDTH);
  const palette = Array.from({ length: indexed.colours }, (_, c) => [...indexed.palette.subarray(c * 3, c * 3 + 3)]);

  const encoders: { name: string; run: () => Uint8Array }[] = [
    { name: 'ours, as the build writes it (palette, text band only)', run: () => encodeBandedPng(banded, indexed.rows, adler) },
    { name: 'ours, whole image from RGBA (encodePng)', run: () => encodePng(page, WIDTH, HEIGHT) },
    { name: 'fast-png 8, from the same palette indices', run: () => encode({ width: WIDTH, height: HEIGHT, data: indices, depth: 8, channels: 1, palette }) },
    { name: 'fast-png 8, from RGBA', run: () => encode({ width: WIDTH, height: HEIGHT, data: page, depth: 8, channels: 4 }) },
  ];
  const times = new Map(encoders.map((e) => [e.name, [] as number[]]));
  for (const encoder of encoders) {
    const png = encoder.run();
    if (Buffer.compare(Buffer.from(rgbaOf(png)), Buffer.from(page)) !== 0) throw new Error(`png-encoders: ${encoder.name} changed the pixels`);
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const encoder of encoders) {
      const started = performance.now();
      for (let i = 0; i < perRound; i += 1) encoder.run();
      times.get(encoder.name)!.push((performance.now() - started) / perRound);
    }
  }
  return encoders.map((encoder) => ({ name: encoder.name, ms: median(times.get(encoder.name)!), bytes: encoder.run().length }));
}

/** The figures as benchmark rows: time per image (median of the rounds) and bytes. */
export function encoderRows(figures: EncoderFigure[]): [string, string][] {
  return figures.map((f) => [`social image PNG: ${f.name}`, `${f.ms.toFixed(2)} ms, ${(f.bytes / 1024).toFixed(1)} KB`]);
}

if (import.meta.main) {
  const rows = encoderRows(await comparePngEncoders(process.cwd()));
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log(`| ${'encoder (same 1200×630 social image, same pixels)'.padEnd(width)} | time per image, size |\n| ${'-'.repeat(width)} | --- |`);
  for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
  console.log(`\nNode ${process.version}; each time is the median of 7 rounds of 5 images, one thread.`);
}
