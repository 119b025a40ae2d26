import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fontsHash, readMetaTags, renderSocialImage, socialImageKey, socialImagePath, type FontFile, type SocialImageInput } from '../../src/lib/social-image.ts';
import { pngSize } from '../fixtures/png.ts';

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
  test('draws a 1200×630 PNG', async () => {
    const png = await renderSocialImage(input, fonts);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test('draws a very long title and description without failing', async () => {
    const png = await renderSocialImage({ ...input, title: 'A very long title '.repeat(12), description: 'A long description. '.repeat(30) }, fonts);
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });
});
