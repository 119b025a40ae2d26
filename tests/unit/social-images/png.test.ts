import { constants, crc32, deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { adlerSums, adlerWithChanges, bandedImage, encodeBandedPng, encodePng, indexPixels } from '../../../src/lib/social-images/png.ts';
import { decodePng as decode } from '../../fixtures/png.ts';

// 3 × 2 pixels: red, green, blue / white, half-transparent black, fully transparent.
const pixels = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 128, 0, 0, 0, 0]);

function chunks(png: Buffer) {
  const list: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    list.push({ type, data, crcOk: png.readUInt32BE(at + 8 + length) === crc32(png.subarray(at + 4, at + 8 + length)) });
    at += 12 + length;
  }
  return list;
}

const header = (png: Buffer) => {
  const data = chunks(png)[0]!.data;
  return { width: data.readUInt32BE(0), height: data.readUInt32BE(4), depth: data[8], colourType: data[9] };
};

describe('encodePng, an image with few colours (as social images have)', () => {
  const png = encodePng(pixels, 3, 2);

  test('writes the signature and IHDR, PLTE, tRNS, IDAT and IEND chunks with correct checksums', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    expect(header(png)).toEqual({ width: 3, height: 2, depth: 8, colourType: 3 });
  });

  test('lists each colour once, in order of appearance, with its transparency', () => {
    const list = chunks(png);
    expect([...list[1]!.data]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0]);
    expect([...list[2]!.data]).toEqual([255, 255, 255, 255, 128, 0]);
  });

  test('stores each pixel as its colour number, each row after a "no filter" byte', () => {
    expect([...inflateSync(chunks(png)[3]!.data)]).toEqual([0, 0, 1, 2, 0, 3, 4, 5]);
  });

  test('leaves out the transparency chunk when every colour is opaque', () => {
    const opaque = encodePng(pixels.subarray(0, 12), 3, 1);
    expect(chunks(opaque).map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([...decode(opaque, 3, 1)]).toEqual([...pixels.subarray(0, 12)]);
  });

  test('is read back by another decoder with the same pixels', () => {
    expect([...decode(png, 3, 2).subarray(0, 12)]).toEqual([...pixels.subarray(0, 12)]);
  });

  test('rows that repeat the row above are stored the same way', () => {
    const stripes = Uint8Array.from([...pixels.subarray(0, 12), ...pixels.subarray(0, 12), ...pixels.subarray(12), ...pixels.subarray(12), ...pixels.subarray(0, 12)]);
    const striped = encodePng(stripes, 3, 5);
    expect([...inflateSync(chunks(striped)[3]!.data)]).toEqual([0, 0, 1, 2, 0, 0, 1, 2, 0, 3, 4, 5, 0, 3, 4, 5, 0, 0, 1, 2]);
    expect([...decode(striped, 3, 5).subarray(0, 24)]).toEqual([...stripes.subarray(0, 24)]);
  });

  test('works on pixels that do not start on a four-byte boundary', () => {
    const shifted = new Uint8Array(pixels.length + 1);
    shifted.set(pixels, 1);
    expect(encodePng(shifted.subarray(1), 3, 2).equals(png)).toBe(true);
  });
});

describe('encodePng, an image with more than 256 colours', () => {
  // 17 × 17 opaque pixels, each a different colour.
  const many = Uint8Array.from({ length: 17 * 17 * 4 }, (_, i) => (i % 4 === 3 ? 255 : i % 4 === 0 ? Math.floor(i / 4) % 256 : i % 4 === 1 ? Math.floor(i / 4 / 256) : 7));
  const png = encodePng(many, 17, 17);

  test('is written as RGBA, every pixel unchanged after a "no filter" byte', () => {
    expect(chunks(png).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(header(png)).toEqual({ width: 17, height: 17, depth: 8, colourType: 6 });
    const rows = inflateSync(chunks(png)[1]!.data);
    for (let y = 0; y < 17; y++) {
      expect(rows[y * (17 * 4 + 1)]).toBe(0);
      expect([...rows.subarray(y * (17 * 4 + 1) + 1, (y + 1) * (17 * 4 + 1))]).toEqual([...many.subarray(y * 17 * 4, (y + 1) * 17 * 4)]);
    }
  });

  test('is read back by another decoder with the same pixels', () => {
    expect([...decode(png, 17, 17)]).toEqual([...many]);
  });
});

test('encodePng refuses pixel data of the wrong size', () => {
  expect(() => encodePng(pixels, 4, 2)).toThrow(/expected 32 bytes for 4×2 RGBA, got 24/);
});

describe('Adler-32 sums, kept up to date as bytes change', () => {
  // zlib ends a stream with the Adler-32 of what it holds.
  const zlibAdler = (bytes: Uint8Array) => deflateSync(bytes).readUInt32BE(deflateSync(bytes).length - 4);
  const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251);

  test('match zlib’s checksum, including over more than 5,552 bytes and for nothing at all', () => {
    expect(adlerWithChanges(adlerSums(bytes), 0, 0)).toBe(zlibAdler(bytes));
    expect(adlerWithChanges(adlerSums(new Uint8Array(0)), 0, 0)).toBe(zlibAdler(new Uint8Array(0)));
    expect(adlerWithChanges(adlerSums(new Uint8Array(70_000).fill(255)), 0, 0)).toBe(zlibAdler(new Uint8Array(70_000).fill(255)));
  });

  test('with changes folded in, match the checksum of the changed bytes', () => {
    const sums = adlerSums(bytes);
    const changed = Uint8Array.from(bytes);
    let da = 0;
    let db = 0;
    for (const [at, now] of [[0, 255], [19_999, 0], [5_552, 3], [5_552, 200], [12_345, 0]] as const) {
      da += now - changed[at]!;
      db += (changed.length - at) * (now - changed[at]!);
      changed[at] = now;
    }
    expect(adlerWithChanges(sums, da, db)).toBe(zlibAdler(changed));
  });
});

describe('encodeBandedPng: rows above and below a band compressed once', () => {
  // 40 × 30, two colours; the band that changes is rows 10 to 20.
  const width = 40;
  const height = 30;
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) rgba.set(i % width < 3 || i < width ? [29, 112, 184, 255] : [255, 255, 255, 255], i * 4);
  const base = indexPixels(rgba, width, height)!;
  const banded = bandedImage(base, 10, 20, { strategy: constants.Z_RLE });
  const idat = (png: Buffer) => chunks(png).find((c) => c.type === 'IDAT')!.data;

  test('the image unchanged is its base, with a stream zlib checks and accepts', () => {
    const png = encodeBandedPng(banded, Buffer.from(base.rows), adlerWithChanges(banded.sums, 0, 0));
    expect(inflateSync(idat(png)).equals(base.rows)).toBe(true);
    expect(chunks(png).every((c) => c.crcOk)).toBe(true);
    expect([...decode(png, width, height)]).toEqual([...rgba]);
  });

  test('changes inside the band come out, checksum and all', () => {
    const rows = Buffer.from(base.rows);
    let da = 0;
    let db = 0;
    for (let y = 10; y < 20; y++) {
      const at = y * (width + 1) + 1 + y;
      const now = 1 - rows[at]!;
      da += now - rows[at]!;
      db += (rows.length - at) * (now - rows[at]!);
      rows[at] = now;
    }
    const png = encodeBandedPng(banded, rows, adlerWithChanges(banded.sums, da, db));
    expect(inflateSync(idat(png)).equals(rows)).toBe(true);
  });

  test('a wrong checksum is refused by zlib, so the test above would catch one', () => {
    const png = encodeBandedPng(banded, Buffer.from(base.rows), adlerWithChanges(banded.sums, 1, 0));
    expect(() => inflateSync(idat(png))).toThrow(/incorrect data check/);
  });

  test('a band from the first row to the last works too', () => {
    const whole = bandedImage(base, 0, height, { level: 3 });
    expect(inflateSync(idat(encodeBandedPng(whole, base.rows, adlerWithChanges(whole.sums, 0, 0)))).equals(base.rows)).toBe(true);
  });
});
