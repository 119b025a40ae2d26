import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { fontsHash, readMetaTags, renderSocialImage, socialImageKey, socialImagePath, type FontFile, type SocialImageInput } from '../../../src/lib/social-images/social-image.ts';
import { decodePng, pngSize } from '../../fixtures/png.ts';

describe('socialImagePath', () => {
  test.each([
    ['/', '/og/index.png'],
    ['/services/', '/og/services.png'],
    ['/services/speech-and-language-therapy/', '/og/services/speech-and-language-therapy.png'],
    ['/navigator/which-support-applies/age/', '/og/navigator/which-support-applies/age.png'],
    ['/404', '/og/404.png'],
    ['/404.html', '/og/404.png'],
    ['/glossary/index.html', '/og/glossary.png'],
  ])('%s → %s', (page, image) => expect(socialImagePath(page)).toBe(image));
});

describe('readMetaTags', () => {
  test('reads og and twitter tags by property or name, decoding entities', () => {
    const html = `<head><meta charset="utf-8"><meta property="og:title" content="Tom &amp; Jerry&#39;s &quot;club&quot; &#x2013; fun">
      <meta name="twitter:card" content='summary_large_image' /><meta content="Reversed order" property="og:description"></head>`;
    const tags = readMetaTags(html);
    expect(tags.get('og:title')).toBe('Tom & Jerry\'s "club" – fun');
    expect(tags.get('twitter:card')).toBe('summary_large_image');
    expect(tags.get('og:description')).toBe('Reversed order');
  });

  test('keeps the first of two tags with the same name', () => {
    expect(readMetaTags('<meta property="og:image" content="a"><meta property="og:image" content="b">').get('og:image')).toBe('a');
  });
});

const input: SocialImageInput = {
  title: 'Portage home visiting',
  description: 'Home learning for young children with SEND.',
  siteName: 'Kestrel Vale SEND Local Offer',
  host: 'localoffer.kestrelvale.example',
  colours: { background: '#005a70', text: '#ffffff', accent: '#ffdd00' },
};
const fontDir = 'node_modules/@fontsource/atkinson-hyperlegible/files';
const fonts: FontFile[] = [
  { name: 'Atkinson Hyperlegible', weight: 400, data: readFileSync(`${fontDir}/atkinson-hyperlegible-latin-400-normal.woff`) },
  { name: 'Atkinson Hyperlegible', weight: 700, data: readFileSync(`${fontDir}/atkinson-hyperlegible-latin-700-normal.woff`) },
];

describe('socialImageKey', () => {
  const fontKey = fontsHash(fonts);

  test('is the same for the same inputs', () => {
    expect(socialImageKey({ ...input }, fontKey)).toBe(socialImageKey(input, fontKey));
  });

  test.each([
    ['the title', { title: 'Portage' }],
    ['the description', { description: 'Something else.' }],
    ['the site name', { siteName: 'Another Local Offer' }],
    ['a colour', { colours: { ...input.colours, background: '#000000' } }],
  ])('changes when %s changes', (_what, change) => {
    expect(socialImageKey({ ...input, ...change }, fontKey)).not.toBe(socialImageKey(input, fontKey));
  });

  test('changes when the fonts change', () => {
    expect(socialImageKey(input, fontsHash(fonts.slice(0, 1)))).not.toBe(socialImageKey(input, fontKey));
  });
});

describe('renderSocialImage', () => {
  const width = 1200;
  const height = 630;
  const draw = async (change: Partial<SocialImageInput>) => decodePng(await renderSocialImage({ ...input, ...change }, fonts), width, height);
  const rows = (pixels: Uint8Array, from: number, to: number) => Buffer.from(pixels.subarray(from * width * 4, to * width * 4));
  const colours = (pixels: Uint8Array) => new Set(Array.from({ length: pixels.length / 4 }, (_, i) => [...pixels.subarray(i * 4, i * 4 + 3)].join(',')));

  test('draws a 1200×630 PNG', async () => {
    const png = await renderSocialImage(input, fonts);
    expect(pngSize(png)).toEqual({ width, height });
  });

  test('draws the site name and address the same on every image, and each page’s words between them', async () => {
    const a = await draw({});
    const b = await draw({ title: 'Short breaks for disabled children', description: 'Time apart for children and their carers.' });
    // the site name (top 100 rows) and the address (bottom 100 rows) come from the frame
    expect(rows(a, 0, 100).equals(rows(b, 0, 100))).toBe(true);
    expect(rows(a, 530, 630).equals(rows(b, 530, 630))).toBe(true);
    expect(rows(a, 100, 530).equals(rows(b, 100, 530))).toBe(false);
    // the frame has the accent colour; the middle has text in the text colour on the background
    expect(colours(rows(a, 0, 100)).has('255,221,0')).toBe(true);
    const middle = colours(rows(a, 110, 520));
    expect(middle.has('255,255,255')).toBe(true);
    expect(middle.has('0,90,112')).toBe(true);
    expect(middle.has('255,221,0')).toBe(false);
  });

  test('each image is a zlib stream that checks out, and drawing one leaves nothing behind on the next', async () => {
    // zlib (unlike resvg's decoder) refuses a stream whose checksum is wrong.
    const idat = (png: Buffer) => {
      const at = png.indexOf('IDAT', 8, 'ascii');
      return png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4));
    };
    const blank = inflateSync(idat(await renderSocialImage({ ...input, title: '', description: '' }, fonts)));
    const busy = inflateSync(idat(await renderSocialImage({ ...input, title: 'Wwwwwwww '.repeat(20), description: 'Mmmmmmm '.repeat(40) }, fonts)));
    expect(busy.equals(blank)).toBe(false);
    expect(inflateSync(idat(await renderSocialImage({ ...input, title: '', description: '' }, fonts))).equals(blank)).toBe(true);
  });

  test('keeps a very long title and description between the site name and the address', async () => {
    const frame = await draw({ title: '', description: '' });
    const long = await draw({ title: 'A very long title '.repeat(12), description: 'A long description. '.repeat(30) });
    expect(rows(long, 0, 100).equals(rows(frame, 0, 100))).toBe(true);
    expect(rows(long, 530, 630).equals(rows(frame, 530, 630))).toBe(true);
  });

  test('draws emoji, right-to-left and zero-width characters without failing (leaving out what the font lacks)', async () => {
    const png = await renderSocialImage({ ...input, title: 'Zoë’s café 😀 \u202eclub\u202c\u200b', description: 'مرحبا 🎉' }, fonts);
    expect(pngSize(png)).toEqual({ width, height });
  });
});
