/**
 * A minimal PNG writer for opaque or transparent RGBA pixels. resvg's own encoder spends most of
 * a social image's time compressing hard; these flat-coloured images compress almost as well with
 * no row filter and a fast deflate level, in about half the time.
 *
 * A social image has a few colours and the anti-aliased blends between them, well under 256, so
 * it is written with a palette: one byte a pixel instead of four, which is less to compress and a
 * smaller file. An image with more colours is written as RGBA.
 */
import { constants, crc32, deflateRawSync, deflateSync, type ZlibOptions } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPE = { palette: 3, rgba: 6 } as const;

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

function png(width: number, height: number, colourType: number, extra: Buffer[], compressed: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel (RGBA) or per palette index
  header[9] = colourType;
  // Bytes 10-12 (compression, filter and interlace methods) stay 0.
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), ...extra, chunk('IDAT', compressed), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * An image as palette indices: `rows` holds each row's filter byte (0, none) and then one palette
 * index a pixel, as PNG stores it; `palette` and `alpha` hold `colours` entries.
 */
export interface IndexedImage {
  width: number;
  height: number;
  palette: Buffer; // red, green, blue for each colour
  alpha: Buffer; // opacity for each colour
  colours: number;
  rows: Buffer;
}

/** The image as palette indices, or undefined if it has over 256 colours. */
export function indexPixels(rgba: Uint8Array, width: number, height: number): IndexedImage | undefined {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : Uint8Array.from(rgba);
  const pixels = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const indexOf = new Map<number, number>();
  const palette = Buffer.alloc(256 * 3);
  const alpha = Buffer.alloc(256);
  const rows = Buffer.allocUnsafe((width + 1) * height);
  let last = -1;
  let lastIndex = 0;
  const bytes = Buffer.from(aligned.buffer, aligned.byteOffset, aligned.byteLength);
  const stride = width * 4;
  for (let y = 0, at = 0, out = 0; y < height; y += 1) {
    rows[out++] = 0; // each row starts with its filter type: 0, none
    // Most rows of a social image are plain background, the same as the row above: copy those.
    if (y > 0 && bytes.compare(bytes, (y - 1) * stride, y * stride, y * stride, (y + 1) * stride) === 0) {
      rows.copy(rows, out, out - width - 1, out - 1);
      out += width;
      at += width;
      continue;
    }
    for (let x = 0; x < width; x += 1, at += 1) {
      const colour = pixels[at]!;
      if (colour !== last) {
        let index = indexOf.get(colour);
        if (index === undefined) {
          if (indexOf.size === 256) return undefined;
          index = indexOf.size;
          indexOf.set(colour, index);
          palette.set(aligned.subarray(at * 4, at * 4 + 3), index * 3);
          alpha[index] = aligned[at * 4 + 3]!;
        }
        last = colour;
        lastIndex = index;
      }
      rows[out++] = lastIndex;
    }
  }
  return { width, height, palette, alpha, colours: indexOf.size, rows };
}

/** Writes an image held as palette indices, compressed whole (social images use encodeBandedPng). */
export function encodeIndexedPng(image: IndexedImage, compression: ZlibOptions = { level: 3 }): Buffer {
  return indexedPng(image, deflateSync(image.rows, compression));
}

function indexedPng(image: IndexedImage, compressed: Buffer): Buffer {
  const { colours, palette, alpha } = image;
  // tRNS lists alpha up to the last colour that is not fully opaque; none at all if every one is.
  let transparent = colours;
  while (transparent > 0 && alpha[transparent - 1] === 255) transparent -= 1;
  const extra = [chunk('PLTE', palette.subarray(0, colours * 3))];
  if (transparent > 0) extra.push(chunk('tRNS', alpha.subarray(0, transparent)));
  return png(image.width, image.height, COLOUR_TYPE.palette, extra, compressed);
}

const ADLER_MOD = 65521;

/**
 * The two sums of zlib's Adler-32 checksum of `bytes`, kept apart: `a` is 1 plus the bytes, `b`
 * the sum of each byte times its distance from the end, plus the length (both mod 65,521). A byte
 * at index i changed by d changes them by d and (length - i) × d, so a drawing can keep them
 * up to date as it writes instead of reading every byte again.
 */
export function adlerSums(bytes: Uint8Array): { a: number; b: number } {
  let a = 1;
  let b = 0;
  // 5,552 bytes is the most that can be added before the sums must be reduced (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i += 1) {
      a += bytes[i]!;
      b += a;
    }
    a %= ADLER_MOD;
    b %= ADLER_MOD;
  }
  return { a, b };
}

/** Folds changes into Adler sums: `da` is the sum of the changes, `db` each change times (length - index). */
export function adlerWithChanges(sums: { a: number; b: number }, da: number, db: number): number {
  const mod = (n: number) => ((n % ADLER_MOD) + ADLER_MOD) % ADLER_MOD;
  return ((mod(sums.b + db) << 16) | mod(sums.a + da)) >>> 0;
}

/**
 * An image whose rows outside one band never change (a social image's frame above and below its
 * text). Those rows are compressed once; each image compresses only the band between them.
 */
export interface BandedImage {
  /** The unchanging image, with every row. */
  base: IndexedImage;
  /** Byte offsets in `base.rows` where the band that changes starts and ends. */
  from: number;
  to: number;
  /** The rows before and after the band, compressed (raw deflate), the first ending on a full flush. */
  head: Buffer;
  tail: Buffer;
  /** Adler sums of the whole of `base.rows`. */
  sums: { a: number; b: number };
  compression: ZlibOptions;
}

export function bandedImage(base: IndexedImage, fromRow: number, toRow: number, compression: ZlibOptions): BandedImage {
  const stride = base.width + 1;
  const from = fromRow * stride;
  const to = toRow * stride;
  return {
    base,
    from,
    to,
    // A full flush ends a part on a byte boundary and forgets what came before, so compressed
    // parts can be joined into one stream.
    head: deflateRawSync(base.rows.subarray(0, from), { ...compression, finishFlush: constants.Z_FULL_FLUSH }),
    tail: deflateRawSync(base.rows.subarray(to), compression),
    sums: adlerSums(base.rows),
    compression,
  };
}

const ZLIB_HEADER = Buffer.from([0x78, 0x01]); // deflate, 32 KB window, no dictionary

/**
 * Writes `rows` (the base's rows, changed only inside the band) as a PNG: the band is compressed
 * and joined to the rows compressed beforehand. `adler` is the checksum of the whole of `rows`
 * (see adlerWithChanges), which zlib streams end with.
 */
export function encodeBandedPng(banded: BandedImage, rows: Buffer, adler: number): Buffer {
  const band = deflateRawSync(rows.subarray(banded.from, banded.to), { ...banded.compression, finishFlush: constants.Z_FULL_FLUSH });
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler, 0);
  return indexedPng(banded.base, Buffer.concat([ZLIB_HEADER, banded.head, band, banded.tail, trailer]));
}

/** Encodes width × height RGBA pixels (8 bits per channel, rows top to bottom) as a PNG. */
export function encodePng(rgba: Uint8Array, width: number, height: number, level = 3): Buffer {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: expected ${stride * height} bytes for ${width}×${height} RGBA, got ${rgba.length}`);
  const few = indexPixels(rgba, width, height);
  if (few) return encodeIndexedPng(few, { level });
  const source = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength);
  const rows = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y += 1) {
    rows[y * (stride + 1)] = 0;
    rows.set(source.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  return png(width, height, COLOUR_TYPE.rgba, [], deflateSync(rows, { level }));
}
