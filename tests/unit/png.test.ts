import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { encodePng } from '../../src/lib/png.ts';

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

describe('encodePng', () => {
  const png = encodePng(pixels, 3, 2);

  test('writes the PNG signature and IHDR, IDAT and IEND chunks with correct checksums', () => {
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const list = chunks(png);
    expect(list.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(list.every((c) => c.crcOk)).toBe(true);
    const header = list[0]!.data;
    expect({ width: header.readUInt32BE(0), height: header.readUInt32BE(4), depth: header[8], colourType: header[9] }).toEqual({ width: 3, height: 2, depth: 8, colourType: 6 });
  });

  test('stores every pixel unchanged, each row after a "no filter" byte', () => {
    const rows = inflateSync(chunks(png)[1]!.data);
    expect([...rows]).toEqual([0, ...pixels.subarray(0, 12), 0, ...pixels.subarray(12)]);
  });

  test('is read back by another decoder with the same pixels', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3" height="2"><image width="3" height="2" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    const decoded = new Resvg(svg, { imageRendering: 1 }).render();
    expect([...decoded.pixels.subarray(0, 12)]).toEqual([...pixels.subarray(0, 12)]);
  });

  test('refuses pixel data of the wrong size', () => {
    expect(() => encodePng(pixels, 4, 2)).toThrow(/expected 32 bytes for 4×2 RGBA, got 24/);
  });
});
