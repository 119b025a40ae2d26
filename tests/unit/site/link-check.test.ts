import { describe, expect, test } from 'vitest';
import { brokenLinks, linksIn, type BuiltSite } from '../../../src/lib/site/link-check.ts';

const origin = 'https://localoffer.example';
const files = new Set(['/', '/services/', '/services/a/', '/_astro/site.css', '/videos/a.mp4']);
const site: BuiltSite = {
  exists: (path) => files.has(path) || files.has(`${path}/`),
  idsOn: (path) => (path === '/services/' ? new Set(['results']) : new Set()),
};

describe('the internal link check', () => {
  test('finds links in href, src, poster and srcset, not inside scripts', () => {
    const html = '<a href="/a/">x</a><img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x"><video poster="/p.jpg"></video><script>const x = \'<a href="/nope/">\';</script>';
    expect(linksIn(html)).toEqual(['/a/', '/i.png', '/p.jpg', '/i-1.png', '/i-2.png']);
  });
  test('accepts links that resolve, relative or absolute to our origin, and ignores other sites', () => {
    const html = `<a href="/services/">x</a><a href="a/">y</a><a href="${origin}/services/a/">z</a><a href="https://other.example/x">o</a><a href="mailto:a@b.example">m</a>`;
    expect(brokenLinks('/services/', html, site, origin)).toEqual([]);
  });
  test('reports a link to a page that was not built, naming page and link', () => {
    expect(brokenLinks('/', '<a href="/services/b/">b</a>', site, origin)).toEqual([{ page: '/', link: '/services/b/', reason: '/services/b/ is not on the built site' }]);
  });
  test('reports a #fragment with no matching id', () => {
    const html = '<main id="main"></main><a href="#main">ok</a><a href="#missing">bad</a><a href="/services/#results">ok</a><a href="/services/#gone">bad</a>';
    expect(brokenLinks('/', html, site, origin).map((b) => b.link)).toEqual(['#missing', '/services/#gone']);
  });
});
