/**
 * Social images: the 1200×630 PNG a link preview shows when someone shares a page. Each page's
 * image path follows from its own path, so any page added later gets one without registering
 * anywhere; the image is drawn with satori (layout to SVG) and resvg (SVG to PNG).
 */
import { createHash } from 'node:crypto';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { encodePng } from './png.ts';

export const SOCIAL_IMAGE_WIDTH = 1200;
export const SOCIAL_IMAGE_HEIGHT = 630;
/**
 * The cache key covers the whole layout (so any change of wording, colour or style redraws);
 * change this number when something outside the layout changes, such as the renderer options.
 */
export const TEMPLATE_VERSION = 3; // 3: written with a palette (half the file size)

/** Where a page's image lives: "/" → "/og/index.png", "/services/portage/" → "/og/services/portage.png". */
export function socialImagePath(pagePath: string): string {
  const trimmed = pagePath.replace(/\/index\.html$|\.html$/, '').replace(/^\/+|\/+$/g, '');
  return `/og/${trimmed || 'index'}.png`;
}

/**
 * Where the build listens for pages handing over their social image while they are rendered
 * (output path such as "og/services/portage.png", then the title and description it shows).
 */
export const EARLY_SOCIAL_IMAGE = Symbol.for('open-local-offer.social-image');
export type EarlySocialImage = (output: string, title: string, description: string) => void;

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
  return createHash('sha256')
    .update(JSON.stringify({ template: TEMPLATE_VERSION, fontsHash, input, layout: socialImageLayout(input) }))
    .digest('hex')
    .slice(0, 32);
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

/** Long titles get smaller type, so up to three lines still fit. */
function titleSize(title: string): number {
  if (title.length > 90) return 54;
  if (title.length > 50) return 64;
  return 76;
}

/** The layout satori draws: site name, title, description and the site's address. */
export function socialImageLayout(input: SocialImageInput): Node {
  const { colours } = input;
  const padding = { top: 56, side: 72, bottom: 48 };
  // Explicit sizes: text wraps inside the padding instead of running off the edge.
  const inner = { width: SOCIAL_IMAGE_WIDTH - 2 * padding.side, height: SOCIAL_IMAGE_HEIGHT - padding.top - padding.bottom };
  return el(
    { display: 'flex', width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, backgroundColor: colours.background, color: colours.text, fontFamily: 'Atkinson Hyperlegible', padding: `${padding.top}px ${padding.side}px ${padding.bottom}px` },
    [
      el({ display: 'flex', flexDirection: 'column', width: inner.width, height: inner.height }, [
        el({ display: 'flex', alignItems: 'center', fontSize: 34, fontWeight: 700 }, [
          el({ width: 20, height: 48, backgroundColor: colours.accent, marginRight: 20 }),
          input.siteName,
        ]),
        el({ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', width: inner.width }, [
          el({ display: 'block', width: inner.width, fontSize: titleSize(input.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 3 }, input.title),
          ...(input.description && input.description !== input.title
            ? [el({ display: 'block', width: inner.width, fontSize: 34, lineHeight: 1.35, marginTop: 28, lineClamp: 3 }, input.description)]
            : []),
        ]),
        el({ display: 'flex', flexDirection: 'column', fontSize: 28 }, [
          el({ width: 160, height: 8, backgroundColor: colours.accent, marginBottom: 16 }),
          input.host,
        ]),
      ]),
    ],
  );
}

/**
 * satori parses the fonts again for every new fonts array it is given, which costs more than
 * drawing the image; keeping one array per set of font files lets it reuse the parsed fonts.
 */
const satoriFonts = new WeakMap<FontFile[], { name: string; weight: 400 | 700; style: 'normal'; data: Buffer }[]>();

/** Draws one image as PNG bytes. */
export async function renderSocialImage(input: SocialImageInput, fonts: FontFile[]): Promise<Buffer> {
  let parsed = satoriFonts.get(fonts);
  if (!parsed) {
    parsed = fonts.map((font) => ({ name: font.name, weight: font.weight, style: 'normal' as const, data: font.data }));
    satoriFonts.set(fonts, parsed);
  }
  const svg = await satori(socialImageLayout(input) as never, { width: SOCIAL_IMAGE_WIDTH, height: SOCIAL_IMAGE_HEIGHT, fonts: parsed });
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE_WIDTH }, font: { loadSystemFonts: false } }).render();
  return encodePng(image.pixels, image.width, image.height);
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
