/**
 * Text for social images, drawn fast: each glyph is drawn once (by resvg, from the font's own
 * outline) at each size and quarter-pixel position it is used at, and kept; a line of text is then
 * those glyphs placed side by side with the font's advances and kerning. A page's image takes a
 * few milliseconds instead of laying out and drawing the whole picture again (see social-image.ts).
 */
import opentype from '@shuding/opentype.js';
import { Resvg } from '@resvg/resvg-js';

export interface TextFont {
  weight: 400 | 700;
  data: Buffer;
}

interface Glyph {
  index: number;
  unicode?: number;
  advanceWidth?: number;
  getPath(x: number, y: number, size: number): { toPathData(decimals: number): string };
  getMetrics(): { xMin: number; yMin: number; xMax: number; yMax: number };
}
interface ParsedFont {
  unitsPerEm: number;
  ascender: number;
  descender: number;
  tables: { hhea?: { lineGap?: number } };
  charToGlyphIndex(char: string): number;
  glyphs: { get(index: number): Glyph };
  getKerningValue(left: Glyph, right: Glyph): number;
}

/** A glyph's coverage (0-255 a pixel), placed relative to the pen position on the baseline. */
export interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Uint8Array;
  /**
   * For each row, the first column with any coverage and the column after the last (both 0 for
   * an empty row): drawing skips the empty space around the glyph, about half of its box.
   */
  spans: Uint16Array;
}

/** One run of text ready to draw: each glyph with its pen position from the start of the line. */
export interface PlacedGlyph {
  font: number;
  glyph: Glyph;
  x: number;
}

export interface TextLine {
  glyphs: PlacedGlyph[];
  width: number;
}

/** Characters of a title or description laid out at most: three lines hold a few hundred. */
const MAX_TEXT = 2000;
/** Positions are rounded to a quarter pixel: four drawings of each glyph at most, and even spacing. */
const PHASES = 4;
/** Not drawn: spaces between words are advances, and these have no shape. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufe00-\ufe0f]/u;

export class GlyphSet {
  private readonly fonts: { weight: number; font: ParsedFont }[];
  private readonly masks = new Map<string, GlyphMask>();

  constructor(fonts: TextFont[]) {
    this.fonts = fonts.map((file) => ({
      weight: file.weight,
      font: opentype.parse(Uint8Array.from(file.data).buffer) as ParsedFont,
    }));
    if (this.fonts.length === 0) throw new Error('GlyphSet: no fonts given');
  }

  /** The first font of this weight that has the character (latin, then latin-ext…), as an index. */
  private fontFor(char: string, weight: number): { font: number; glyph: Glyph } | undefined {
    for (const [i, { weight: w, font }] of this.fonts.entries()) {
      if (w !== weight) continue;
      const index = font.charToGlyphIndex(char);
      if (index > 0) return { font: i, glyph: font.glyphs.get(index) };
    }
    return undefined;
  }

  /** The first font of this weight: its metrics set the line. */
  private primary(weight: number): ParsedFont {
    return (this.fonts.find((f) => f.weight === weight) ?? this.fonts[0]!).font;
  }

  /** Ascender and descender (below the baseline, positive) in pixels, and CSS's "normal" line height. */
  metrics(weight: number, size: number): { ascent: number; descent: number; normalLineHeight: number } {
    const font = this.primary(weight);
    const scale = size / font.unitsPerEm;
    const ascent = font.ascender * scale;
    const descent = -font.descender * scale;
    return { ascent, descent, normalLineHeight: ascent + descent + (font.tables.hhea?.lineGap ?? 0) * scale };
  }

  /**
   * Lays text out in lines no wider than `width`, breaking at spaces (and inside a word too long
   * for a line). Past `maxLines`, the last line ends with an ellipsis. Characters no font has
   * (emoji, other scripts) are left out, as satori leaves them out without a font for them.
   */
  layout(text: string, weight: number, size: number, width: number, maxLines: number): TextLine[] {
    // No line holds more than a few hundred letters, so a very long text is cut well before the
    // end of what can show (and then ends with an ellipsis) instead of being laid out in full.
    const cut = text.length > MAX_TEXT;
    const drawable = (char: string) => !INVISIBLE.test(char) && this.fontFor(char, weight) !== undefined;
    const words = text
      .slice(0, MAX_TEXT)
      .split(/\s+/u)
      .map((w) => [...w].filter(drawable).join(''))
      .filter(Boolean);
    const space = this.shape(' ', weight, size).width;
    const lines: string[][] = [];
    let line: string[] = [];
    let lineWidth = 0;
    for (let word of words) {
      if (lines.length > maxLines) break; // enough to know the text is cut short
      let wordWidth = this.shape(word, weight, size).width;
      if (line.length > 0 && lineWidth + space + wordWidth <= width) {
        line.push(word);
        lineWidth += space + wordWidth;
        continue;
      }
      if (line.length > 0) lines.push(line);
      // A word wider than a whole line is broken between characters.
      while (wordWidth > width && lines.length <= maxLines) {
        const chars = [...word];
        const take = this.longestFitting(chars, weight, size, width);
        lines.push([chars.slice(0, take).join('')]);
        word = chars.slice(take).join('');
        wordWidth = this.shape(word, weight, size).width;
      }
      line = [word];
      lineWidth = wordWidth;
    }
    if (line.length > 0) lines.push(line);

    const shaped = lines.slice(0, maxLines).map((words) => words.join(' '));
    if (shaped.length > 0 && (lines.length > maxLines || cut)) shaped[shaped.length - 1] = this.withEllipsis(shaped.at(-1)!, weight, size, width);
    return shaped.map((text) => this.shape(text, weight, size));
  }

  /** How many of the characters fit on one line (at least one), found by halving. */
  private longestFitting(chars: string[], weight: number, size: number, width: number): number {
    let fits = 1;
    let tooMany = chars.length;
    while (tooMany - fits > 1) {
      const middle = Math.floor((fits + tooMany) / 2);
      if (this.shape(chars.slice(0, middle).join(''), weight, size).width <= width) fits = middle;
      else tooMany = middle;
    }
    return fits;
  }

  /** The line shortened, word by word (or letter by letter), until it fits with "…" at its end. */
  private withEllipsis(text: string, weight: number, size: number, width: number): string {
    let words = text.split(' ');
    while (words.length > 1 && this.shape(`${words.join(' ')}…`, weight, size).width > width) words = words.slice(0, -1);
    let chars = [...words.join(' ')];
    while (chars.length > 1 && this.shape(`${chars.join('')}…`, weight, size).width > width) chars = chars.slice(0, -1);
    return `${chars.join('').replace(/[\s,.;:–—-]+$/u, '')}…`;
  }

  /** The glyphs of one line and where each goes, with kerning between glyphs of the same font. */
  shape(text: string, weight: number, size: number): TextLine {
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    let previous: { font: number; glyph: Glyph } | undefined;
    for (const char of text) {
      if (INVISIBLE.test(char)) continue;
      const found = this.fontFor(char, weight);
      if (!found) continue;
      const font = this.fonts[found.font]!.font;
      const scale = size / font.unitsPerEm;
      if (previous?.font === found.font) x += font.getKerningValue(previous.glyph, found.glyph) * scale;
      glyphs.push({ font: found.font, glyph: found.glyph, x });
      x += (found.glyph.advanceWidth ?? 0) * scale;
      previous = found;
    }
    return { glyphs, width: x };
  }

  /** The glyph's coverage at this size, drawn at x's fraction of a pixel (rounded to a quarter). */
  mask(placed: PlacedGlyph, size: number, x: number): { mask: GlyphMask; x: number } {
    const whole = Math.floor(x);
    let phase = Math.round((x - whole) * PHASES);
    let at = whole;
    if (phase === PHASES) {
      phase = 0;
      at += 1;
    }
    const key = `${placed.font}:${placed.glyph.index}:${size}:${phase}`;
    let mask = this.masks.get(key);
    if (!mask) {
      mask = this.draw(placed, size, phase / PHASES);
      this.masks.set(key, mask);
    }
    return { mask, x: at };
  }

  private draw(placed: PlacedGlyph, size: number, offset: number): GlyphMask {
    const font = this.fonts[placed.font]!.font;
    const scale = size / font.unitsPerEm;
    const box = placed.glyph.getMetrics(); // font units, y upwards
    const left = Math.floor(box.xMin * scale + offset) - 1;
    const right = Math.ceil(box.xMax * scale + offset) + 1;
    const top = Math.floor(-box.yMax * scale) - 1;
    const bottom = Math.ceil(-box.yMin * scale) + 1;
    const width = Math.max(1, right - left);
    const height = Math.max(1, bottom - top);
    const path = placed.glyph.getPath(offset - left, -top, size).toPathData(3);
    const coverage = new Uint8Array(width * height);
    if (path) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="${path}" fill="#000"/></svg>`;
      const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
      for (let i = 0; i < coverage.length; i += 1) coverage[i] = pixels[i * 4 + 3]!;
    }
    return { left, top, width, height, coverage, spans: rowSpans(coverage, width, height) };
  }
}

/** Where each row of a mask has coverage: [first, after last] per row, [0, 0] when it has none. */
export function rowSpans(coverage: Uint8Array, width: number, height: number): Uint16Array {
  const spans = new Uint16Array(height * 2);
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    let first = 0;
    while (first < width && coverage[row + first] === 0) first += 1;
    if (first === width) continue;
    let end = width;
    while (coverage[row + end - 1] === 0) end -= 1;
    spans[y * 2] = first;
    spans[y * 2 + 1] = end;
  }
  return spans;
}
