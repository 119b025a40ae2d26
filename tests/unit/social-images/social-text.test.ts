import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { GlyphSet, type TextFont } from '../../../src/lib/social-images/social-text.ts';

const fontDir = 'node_modules/@fontsource/atkinson-hyperlegible/files';
const fonts: TextFont[] = [400, 700].flatMap((weight) =>
  ['latin', 'latin-ext'].map((subset) => ({ weight: weight as 400 | 700, data: readFileSync(`${fontDir}/atkinson-hyperlegible-${subset}-${weight}-normal.woff`) })),
);
const glyphs = new GlyphSet(fonts);
const text = (line: { glyphs: { glyph: { unicode?: number } }[] }) => line.glyphs.map((g) => String.fromCodePoint(g.glyph.unicode ?? 0x3f)).join('');

describe('GlyphSet.shape', () => {
  test('places glyphs left to right with the font’s advances', () => {
    const line = glyphs.shape('Portage', 700, 76);
    expect(line.glyphs).toHaveLength(7);
    const xs = line.glyphs.map((g) => g.x);
    expect(xs[0]).toBe(0);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(line.width).toBeGreaterThan(xs.at(-1)!);
  });

  test('is wider in bold and at a bigger size', () => {
    expect(glyphs.shape('Short breaks', 700, 34).width).toBeGreaterThan(glyphs.shape('Short breaks', 400, 34).width);
    expect(glyphs.shape('Short breaks', 400, 68).width).toBeCloseTo(2 * glyphs.shape('Short breaks', 400, 34).width, 5);
  });

  test('finds accented letters in the latin-ext font and leaves out characters no font has', () => {
    expect(text(glyphs.shape('Łódź', 400, 34))).toBe('Łódź');
    // an emoji, a zero-width space, a right-to-left override and Arabic letters: nothing to draw
    expect(glyphs.shape('😀\u200b\u202eمرحبا', 400, 34).glyphs).toHaveLength(0);
  });
});

describe('GlyphSet.layout', () => {
  const width = 600;

  test('breaks lines at spaces, each line within the width', () => {
    const lines = glyphs.layout('Home learning for young children with special educational needs and their families', 400, 34, width, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
    expect(lines.map(text).join(' ')).toBe('Home learning for young children with special educational needs and their families');
  });

  test('ends the last line with an ellipsis when the text needs more lines than allowed', () => {
    const lines = glyphs.layout('A long description. '.repeat(40), 400, 34, width, 3);
    expect(lines).toHaveLength(3);
    expect(text(lines[2]!).endsWith('…')).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
  });

  test('breaks a word too long for one line between its letters', () => {
    const lines = glyphs.layout('Supercalifragilisticexpialidocious'.repeat(4), 700, 76, width, 10);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
    expect(lines.map(text).join('')).toBe('Supercalifragilisticexpialidocious'.repeat(4));
  });

  test('collapses runs of spaces and drops words with nothing to draw', () => {
    expect(glyphs.layout('  Short \n\t breaks 😀 club  ', 400, 34, width, 3).map(text)).toEqual(['Short breaks club']);
  });

  test('stops laying out 5,000 words once the lines are full', () => {
    const set = new GlyphSet(fonts);
    const shape = vi.spyOn(set, 'shape');
    const lines = set.layout('word '.repeat(5000), 400, 34, width, 3);
    expect(lines).toHaveLength(3);
    expect(shape.mock.calls.length).toBeLessThan(500);
  });
});

describe('GlyphSet.layout with hostile text', () => {
  const width = 600;

  test('breaks a 100,000-letter word into the lines allowed, ending with an ellipsis, without laying it all out', () => {
    const set = new GlyphSet(fonts);
    const shape = vi.spyOn(set, 'shape');
    const lines = set.layout('x'.repeat(100_000), 700, 54, width, 3);
    expect(lines).toHaveLength(3);
    expect(text(lines[2]!).endsWith('…')).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
    expect(shape.mock.calls.length).toBeLessThan(200);
  });

  test('ends with an ellipsis when a very long text is cut, even if what is left to draw fits', () => {
    // 5,000 zero-width spaces after a word: nothing of them to draw, but the text did not end there
    const lines = glyphs.layout(`Start${'\u200b'.repeat(5000)} end`, 400, 34, width, 3);
    expect(lines.map(text)).toEqual(['Start…']);
  });
});

describe('GlyphSet.mask', () => {
  test('draws a glyph once for each quarter-pixel position and reuses it', () => {
    const [placed] = glyphs.shape('K', 700, 76).glyphs;
    const a = glyphs.mask(placed!, 76, 100.1);
    const b = glyphs.mask(placed!, 76, 200.05);
    const c = glyphs.mask(placed!, 76, 100.5);
    expect(a.mask).toBe(b.mask);
    expect(c.mask).not.toBe(a.mask);
    expect([a.x, b.x, c.x]).toEqual([100, 200, 100]);
    expect(glyphs.mask(placed!, 76, 100.9).x).toBe(101); // rounds up to the next whole pixel
  });

  test('covers the glyph’s shape: solid in the middle of a stroke, empty at the edges of its box', () => {
    const [placed] = glyphs.shape('I', 700, 76).glyphs;
    const { mask } = glyphs.mask(placed!, 76, 0);
    expect(Math.max(...mask.coverage)).toBe(255);
    const firstRow = mask.coverage.subarray(0, mask.width);
    expect(Math.max(...firstRow)).toBe(0);
    // the glyph sits on the baseline: its box starts above it (negative top) and ends at about it
    expect(mask.top).toBeLessThan(-40);
    expect(mask.top + mask.height).toBeLessThanOrEqual(3);
  });
});
