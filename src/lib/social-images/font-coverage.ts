/**
 * Which characters the social images can draw: those of the font's subsets the images are drawn
 * with (latin and latin-ext of Atkinson Hyperlegible, FONT_FILES in src/integrations/social-images.ts),
 * read from the unicode-range @fontsource gives each subset. A character outside them (another
 * alphabet, an emoji) is left out of the picture shown when a page is shared.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const FONT_CSS = '@fontsource/atkinson-hyperlegible/400.css';
const SUBSETS = ['latin', 'latin-ext'];

export type CodeRanges = [from: number, to: number][];

/** The code points the images' font covers; undefined if the font is not installed. */
export function socialImageRanges(): CodeRanges | undefined {
  let css: string;
  try {
    css = readFileSync(createRequire(import.meta.url).resolve(FONT_CSS), 'utf8');
  } catch {
    return undefined;
  }
  const ranges: CodeRanges = [];
  for (const [, subset, body] of css.matchAll(/\/\*\s*atkinson-hyperlegible-([a-z-]+)-400-normal\s*\*\/\s*@font-face\s*\{([^}]*)\}/g)) {
    if (!SUBSETS.includes(subset!)) continue;
    const list = /unicode-range:\s*([^;]+);/.exec(body!)?.[1] ?? '';
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16));
      if (Number.isFinite(from)) ranges.push([from!, Number.isFinite(to) ? to! : from!]);
    }
  }
  return ranges.length ? ranges : undefined;
}

const outside = new WeakMap<CodeRanges, RegExp>();

/** The characters of `text` the images cannot draw, each once (spaces and invisible characters are not drawn anyway). */
export function undrawable(text: string, ranges: CodeRanges): string[] {
  // One pattern of every character outside the ranges, made once: the check reads thousands of names.
  let pattern = outside.get(ranges);
  if (!pattern) {
    const hex = (code: number) => `\\u{${code.toString(16)}}`;
    pattern = new RegExp(`[^${ranges.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('')}\\p{White_Space}\\p{Cf}]`, 'gu');
    outside.set(ranges, pattern);
  }
  return [...new Set(text.match(pattern) ?? [])];
}
