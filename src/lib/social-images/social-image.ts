/**
 * Social images: the 1200×630 PNG a link preview shows when someone shares a page. Each page's
 * image path follows from its own path, so any page added later gets one without registering
 * anywhere.
 *
 * What every image of a site shares (background, site name, address) is laid out by satori and
 * drawn by resvg once per build; each page's title and description are then placed on a copy of
 * it glyph by glyph (social-text.ts) and written with a palette (png.ts). Drawing the whole image
 * with satori and resvg for every page took about 27 ms; this takes a few.
 */
import { createHash, hash as digest } from 'node:crypto';
import { constants } from 'node:zlib';
import { adlerWithChanges, bandedImage, encodeBandedPng, indexPixels, type BandedImage } from './png.ts';
import type { GlyphSet } from './social-text.ts';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;
/**
 * The cache key covers the whole layout (so any change of wording, colour or style redraws);
 * change this number when something outside the layout changes, such as the renderer options.
 */
export const TEMPLATE_VERSION = 4; // 4: frame drawn once, text placed glyph by glyph

/** Where a page's image lives: "/" → "/og/index.png", "/services/portage/" → "/og/services/portage.png". */
export function socialImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/\/index\.html$|\.html$/, '').replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed || 'index'}.png`;
}

/**
 * Where the build listens for pages handing over their social image while they are rendered: the
 * page's address (such as "/services/portage/"), the image's output path (such as
 * "og/services/portage.png"), then the title and description it shows, exactly as the page's
 * og:title and og:description give them.
 */
export const EARLY_SOCIAL_IMAGE = Symbol.for('open-local-offer.social-image');
export type EarlySocialImage = (page: string, output: string, title: string, description: string) => void;

/** Everything an image shows: when none of it changes, the cached image is still right. */
export interface SocialImageInput {
  title: string;
  description: string;
  siteName: string;
  /** The site's address without https://, shown at the foot. */
  host: string;
  colours: { background: string; text: string; accent: string };
}

export interface FontFile {
  name: string;
  weight: 400 | 700;
  data: Buffer;
}

/** A hash of the inputs, the layout drawn from them and the fonts: the image's name in the cache. */
export function socialImageKey(input: SocialImageInput, fontsHash: string): string {
  const { title, description } = input;
  // Every page of a site shares the frame (its layout, what it shows and the fonts): that part is
  // hashed once, and each page's key hashes only its own words with the frame's digest.
  const key = `${fontsHash} ${frameKey(input)}`;
  let frame = frameDigests.get(key);
  if (frame === undefined) {
    const layout = { template: TEMPLATE_VERSION, frame: socialImageFrameLayout(input), text: TEXT };
    frame = digest('sha256', JSON.stringify({ layout, fontsHash, shared: frameKey(input) }), 'hex');
    frameDigests.set(key, frame);
  }
  return digest('sha256', JSON.stringify([frame, title, description, titleSize(title)]), 'hex').slice(0, 32);
}
const frameDigests = new Map<string, string>();

/** What a frame is drawn from: everything an image shows except the page's own title and description. */
function frameKey(input: SocialImageInput): string {
  const { title: _title, description: _description, ...shared } = input;
  return JSON.stringify(shared);
}

export function fontsHash(fonts: FontFile[]): string {
  const hash = createHash('sha256');
  for (const font of fonts) hash.update(`${font.name}:${font.weight}:`).update(font.data);
  return hash.digest('hex');
}

interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: (Node | string)[] | Node | string };
}
const el = (style: Record<string, unknown>, children?: Node['props']['children']): Node => ({ type: 'div', props: { style, children } });

const PADDING = { top: 56, side: 72, bottom: 48 };
const INNER_WIDTH = SOCIAL_IMAGE_WIDTH - 2 * PADDING.side;
/** The site name's row: the accent bar is its tallest part. */
const HEADER = { height: 48, fontSize: 34 };
const FOOTER = { barHeight: 8, gap: 16, fontSize: 28 };
/** The title and description, drawn onto the frame for each page (see drawText). */
const TEXT = { descriptionSize: 34, titleLineHeight: 1.15, descriptionLineHeight: 1.35, gap: 28, maxLines: 3 };
/** Strengths of a glyph's edge kept apart: each gets a palette colour between background and text. */
const TEXT_SHADES = 64;

/** Long titles get smaller type, so up to three lines still fit. */
function titleSize(title: string): number {
  if (title.length > 90) return 54;
  if (title.length > 50) return 64;
  return 76;
}

/**
 * What every image of a site shares, laid out by satori: the background, the site name with its
 * accent bar at the top and the site's address at the foot. The middle, left empty here, is where
 * each page's title and description go.
 */
export function socialImageFrameLayout(input: SocialImageInput): Node {
  const { colours } = input;
  const inner = { width: INNER_WIDTH, height: SOCIAL_IMAGE_HEIGHT - PADDING.top - PADDING.bottom };
  return el(
    { display: 'flex', width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, backgroundColor: colours.background, color: colours.text, fontFamily: 'Atkinson Hyperlegible', padding: `${PADDING.top}px ${PADDING.side}px ${PADDING.bottom}px` },
    [
      el({ display: 'flex', flexDirection: 'column', justifyContent: 'space-between', width: inner.width, height: inner.height }, [
        el({ display: 'flex', alignItems: 'center', height: HEADER.height, fontSize: HEADER.fontSize, fontWeight: 700 }, [
          el({ width: 20, height: HEADER.height, backgroundColor: colours.accent, marginRight: 20 }),
          input.siteName,
        ]),
        el({ display: 'flex', flexDirection: 'column', fontSize: FOOTER.fontSize }, [
          el({ width: 160, height: FOOTER.barHeight, backgroundColor: colours.accent, marginBottom: FOOTER.gap }),
          input.host,
        ]),
      ]),
    ],
  );
}

/** A frame drawn once: its pixels, and the palette index for each of 64 strengths of text. */
interface Frame {
  textShades: Uint8Array;
  /** The other way: the shade of text a palette index stands for (0 for the background). */
  shadeOf: Uint8Array;
  /** The rows between the site name and the address, where the title and description go. */
  top: number;
  bottom: number;
  /** The frame's pixels as palette indices, with the rows above and below the text compressed once (see bandedImage). */
  banded: BandedImage;
  /** A copy of the frame's rows to draw each image's text on; the text band is put back after. */
  canvas: Buffer;
}

/**
 * satori, resvg and the glyph set (with its font parser), loaded when the first image is drawn, in
 * a drawing thread. The build's main thread only names images (socialImageKey), and loading these
 * with the site's configuration took about 0.15 s of its start-up.
 */
interface DrawingLibraries {
  satori: typeof import('satori').default;
  Resvg: typeof import('@resvg/resvg-js').Resvg;
  GlyphSet: typeof GlyphSet;
}
let drawingLibraries: Promise<DrawingLibraries> | undefined;
const loadDrawingLibraries = () =>
  (drawingLibraries ??= Promise.all([import('satori'), import('@resvg/resvg-js'), import('./social-text.ts')]).then(([satori, resvg, text]) => ({ satori: satori.default, Resvg: resvg.Resvg, GlyphSet: text.GlyphSet })));

/** Parsed fonts, drawn glyphs and frames, kept for as long as the fonts array is (a worker's life). */
const drawingKits = new WeakMap<FontFile[], { libraries: DrawingLibraries; glyphs: GlyphSet; satoriFonts: SatoriFont[]; frames: Map<string, Frame> }>();
type SatoriFont = { name: string; weight: 400 | 700; style: 'normal'; data: Buffer };

async function kitFor(fonts: FontFile[]) {
  let kit = drawingKits.get(fonts);
  if (!kit) {
    const libraries = await loadDrawingLibraries();
    // Another image may have made the kit while the libraries loaded.
    kit = drawingKits.get(fonts);
    if (kit) return kit;
    // satori parses the fonts again for every new fonts array it is given: keep one.
    const satoriFonts = fonts.map((font) => ({ name: font.name, weight: font.weight, style: 'normal' as const, data: font.data }));
    kit = { libraries, glyphs: new libraries.GlyphSet(fonts), satoriFonts, frames: new Map() };
    drawingKits.set(fonts, kit);
  }
  return kit;
}

/** Red, green and blue of a "#rrggbb" colour (site.json's schema allows no other form). */
const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

async function drawFrame(input: SocialImageInput, kit: Awaited<ReturnType<typeof kitFor>>): Promise<Frame> {
  const { satori, Resvg } = kit.libraries;
  const svg = await satori(socialImageFrameLayout(input) as never, { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, fonts: kit.satoriFonts });
  const drawn = new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE_WIDTH }, font: { loadSystemFonts: false } }).render();
  const image = indexPixels(drawn.pixels, drawn.width, drawn.height);
  if (!image || image.colours + TEXT_SHADES > 256) {
    throw new Error('Social images: the frame (socialImageFrameLayout) has too many colours to leave room for text; keep it to flat colours');
  }
  // Text is drawn on the background: each strength of a glyph's edge is a mix of the two colours.
  const background = rgb(input.colours.background);
  const text = rgb(input.colours.text);
  const textShades = new Uint8Array(TEXT_SHADES);
  for (let shade = 0; shade < TEXT_SHADES; shade += 1) {
    const mix = background.map((b, i) => Math.round(b + ((text[i]! - b) * shade) / (TEXT_SHADES - 1)));
    let index = -1;
    for (let c = 0; c < image.colours && index < 0; c += 1) {
      if (image.alpha[c] === 255 && image.palette[c * 3] === mix[0] && image.palette[c * 3 + 1] === mix[1] && image.palette[c * 3 + 2] === mix[2]) index = c;
    }
    if (index < 0) {
      index = image.colours;
      image.palette.set(mix, index * 3);
      image.alpha[index] = 255;
      image.colours += 1;
    }
    textShades[shade] = index;
  }
  const shadeOf = new Uint8Array(256);
  textShades.forEach((index, shade) => (shadeOf[index] = shade));
  const footer = FOOTER.barHeight + FOOTER.gap + kit.glyphs.metrics(400, FOOTER.fontSize).normalLineHeight;
  const top = PADDING.top + HEADER.height;
  const bottom = Math.floor(SOCIAL_IMAGE_HEIGHT - PADDING.bottom - footer);
  // Runs of one colour are most of what an image holds: run-length matching compresses them a
  // third faster than deflate level 3, for a file 3% bigger.
  const banded = bandedImage(image, top, bottom, { strategy: constants.Z_RLE });
  return { textShades, shadeOf, top, bottom, banded, canvas: Buffer.from(image.rows) };
}

/**
 * Draws the title and description onto the frame's canvas: up to three lines each, the title in
 * bold and smaller when it is long, the two together centred between the site name and address.
 */
function drawText(input: SocialImageInput, frame: Frame, glyphs: GlyphSet): { rows: Buffer; adler: number } {
  const size = titleSize(input.title);
  const blocks = [{ lines: glyphs.layout(input.title, 700, size, INNER_WIDTH, TEXT.maxLines), weight: 700, size, lineHeight: size * TEXT.titleLineHeight, gap: 0 }];
  if (input.description && input.description !== input.title) {
    const descriptionSize = TEXT.descriptionSize;
    blocks.push({ lines: glyphs.layout(input.description, 400, descriptionSize, INNER_WIDTH, TEXT.maxLines), weight: 400, size: descriptionSize, lineHeight: descriptionSize * TEXT.descriptionLineHeight, gap: TEXT.gap });
  }
  const height = blocks.reduce((sum, block) => sum + block.gap + block.lines.length * block.lineHeight, 0);

  const { top, bottom, textShades, shadeOf } = frame;
  const width = SOCIAL_IMAGE_WIDTH;
  const shift = 8 - Math.log2(TEXT_SHADES);
  // Glyphs are written straight into the canvas's palette indices. The middle holds only
  // background and text shades; where two glyphs' edges overlap, the stronger shade stays. Each
  // change is added to the checksum's sums as it is made (see adlerSums).
  const rows = frame.canvas;
  const length = rows.length;
  let da = 0;
  let db = 0;
  let y = top + (bottom - top - height) / 2;
  for (const block of blocks) {
    y += block.gap;
    const { ascent, descent } = glyphs.metrics(block.weight, block.size);
    for (const line of block.lines) {
      const baseline = Math.round(y + (block.lineHeight - ascent - descent) / 2 + ascent);
      for (const placed of line.glyphs) {
        const { mask, x } = glyphs.mask(placed, block.size, PADDING.side + placed.x);
        const fromY = Math.max(top, baseline + mask.top);
        const toY = Math.min(bottom, baseline + mask.top + mask.height);
        const maskX = x + mask.left;
        const { coverage, spans } = mask;
        for (let py = fromY; py < toY; py += 1) {
          const maskY = py - baseline - mask.top;
          const source = maskY * mask.width - maskX;
          const target = py * (width + 1) + 1;
          const fromX = Math.max(0, maskX + spans[maskY * 2]!);
          const toX = Math.min(width, maskX + spans[maskY * 2 + 1]!);
          // The row's changes and each change times its column, small enough to stay integers:
          // (length - at) × change summed over the row is (length - target) × changes - columns × changes.
          let changes = 0;
          let weighted = 0;
          for (let px = fromX; px < toX; px += 1) {
            const shade = coverage[source + px]! >> shift;
            const at = target + px;
            const was = rows[at]!;
            if (shade > shadeOf[was]!) {
              const now = textShades[shade]!;
              rows[at] = now;
              changes += now - was;
              weighted += px * (now - was);
            }
          }
          da += changes;
          db += (length - target) * changes - weighted;
        }
      }
      y += block.lineHeight;
    }
  }
  return { rows, adler: adlerWithChanges(frame.banded.sums, da, db) };
}

/** Draws one image as PNG bytes: the site's frame (drawn once) with the page's title and description. */
export async function renderSocialImage(input: SocialImageInput, fonts: FontFile[]): Promise<Buffer> {
  const kit = drawingKits.get(fonts) ?? (await kitFor(fonts));
  const key = frameKey(input);
  let frame = kit.frames.get(key);
  if (!frame) {
    frame = await drawFrame(input, kit);
    kit.frames.set(key, frame);
  }
  const { rows, adler } = drawText(input, frame, kit.glyphs);
  try {
    return encodeBandedPng(frame.banded, rows, adler);
  } finally {
    // Text is drawn only between top and bottom: put the frame's rows back there for the next image.
    frame.banded.base.rows.copy(rows, frame.banded.from, frame.banded.from, frame.banded.to);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') return String.fromCodePoint(code[1]?.toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10));
    return ENTITIES[code.toLowerCase()] ?? whole;
  });

/** The `<meta>` tags in a page's HTML, by their `property` or `name`, with entities decoded. */
export function readMetaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const attributes = new Map<string, string>();
    for (const match of tag.matchAll(/([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
      attributes.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? match[3] ?? ''));
    }
    const key = attributes.get('property') ?? attributes.get('name');
    const content = attributes.get('content');
    if (key && content !== undefined && !tags.has(key)) tags.set(key, content);
  }
  return tags;
}
