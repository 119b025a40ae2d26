import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_CHUNK_SIZE, forSearch, htmlFiles, indexSite, searchIndexArgs, searchIndexEnv, searchIndexScript, spaceBlocks } from '../../../scripts/lib/search-index.ts';

describe('the search index step of the build', () => {
  it('asks Pagefind for smaller index chunks than its default of 20,000 postings', () => {
    expect(SEARCH_INDEX_CHUNK_SIZE).toBeLessThan(20_000);
    expect(searchIndexEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SEARCH_INDEX_CHUNK_SIZE) });
  });

  it('lets whoever runs the build choose another chunk size', () => {
    expect(searchIndexEnv({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '9000' }).PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('9000');
  });

  it('runs the project’s indexing script on dist/', () => {
    expect(existsSync(searchIndexScript)).toBe(true);
    expect(searchIndexArgs()).toEqual([searchIndexScript, '--site', 'dist']);
  });

  it('gives Pagefind a space between blocks, so the words of neighbouring blocks are not joined', () => {
    expect(spaceBlocks('<dl><dt>You said</dt><dd>It was hard.</dd></dl><p>Next</p>')).toBe(' <dl> <dt>You said </dt> <dd>It was hard. </dd> </dl> <p>Next </p>');
    // Inline elements and look-alike tags are left as they are.
    expect(spaceBlocks('<p>A <a href="/x">link</a><strong>bold</strong><picture></picture></p>')).toBe(' <p>A <a href="/x">link</a><strong>bold</strong><picture></picture> </p>');
  });

  /** A built site of a few pages in a temporary folder: each page's path and whether it is for search. */
  function site(pages: Record<string, boolean>): string {
    const root = mkdtempSync(join(tmpdir(), 'olo-search-index-'));
    for (const [path, searchable] of Object.entries(pages)) {
      mkdirSync(join(root, path), { recursive: true });
      writeFileSync(join(root, path, 'index.html'), `<!doctype html><html lang="en-GB"><head><title>${path}</title></head><body><main${searchable ? ' data-pagefind-body' : ''}><h1>${path}</h1><p>Speech and language therapy in ${path}.</p></main></body></html>`);
    }
    return root;
  }

  it('gives Pagefind only the pages marked for search, and indexes all of those', { timeout: 60_000 }, async () => {
    const root = site({ 'services/speech': true, 'services/portage': true, 'services/find/need/age': false });
    try {
      expect(await indexSite(root)).toBe(2);
      expect(JSON.parse(readFileSync(join(root, 'pagefind/pagefind-entry.json'), 'utf8')).languages['en-gb'].page_count).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives Pagefind every page when none is marked, as Pagefind then indexes them all', { timeout: 60_000 }, async () => {
    const root = site({ one: false, two: false });
    try {
      expect(await indexSite(root)).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  /** A page laid out as the site's are: a header with navigation and search, the main part marked for search, a footer. */
  const page = (name: string, { header = '', body = '' } = {}) =>
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${name}</title><meta property="og:image" content="https://example.org/og/${name}.png"></head>` +
    `<body${body}><a href="#main-content" class="skip-link">Skip to main content</a><header class="header"${header}><a href="/">Kestrel Vale Local Offer</a><nav><ul><li><a href="/services/">Find services</a></li><li><a href="/glossary/">Words we use</a></li></ul></nav><form action="/search/"><label for="q">Search</label><input id="q" name="q"></form></header>` +
    `<main class="main" id="main-content" tabindex="-1" data-pagefind-body><span data-pagefind-meta="organisation">Kestrel Vale Council</span><h1>${name}</h1><span data-pagefind-filter="need:Communication and interaction"></span>` +
    `<p>Speech and language therapy for ${name}, with <a href="/glossary/#ehcp">an EHC plan</a> or without.</p><img src="/${name}.png" alt=""><h2 id="contact">Contact</h2><p>Call 01632 960 000.</p>` +
    `<section data-pagefind-ignore="all"><h2>Related services</h2><p>Portage</p></section><span data-pagefind-meta="words:talking, speech" hidden></span></main>` +
    `<footer class="footer"><p>Kestrel Vale Council</p><ul><li><a href="/privacy/">Privacy</a></li></ul></footer></body></html>`;

  it('gives Pagefind a page without what is outside its main part, unless something there is marked for Pagefind', () => {
    const trimmed = forSearch(page('portage'));
    expect(trimmed).toMatch(/^<!doctype html><html lang="en-GB"><head>.*<\/head><body><main class="main" id="main-content" tabindex="-1" data-pagefind-body>.*<\/main><\/body><\/html>$/);
    expect(trimmed).not.toContain('Skip to main content');
    expect(trimmed).not.toContain('Privacy');
    expect(trimmed).toContain('data-pagefind-ignore="all"');
    // Marked outside <main> (a filter in the header, the body itself): given whole.
    for (const marked of [page('portage', { header: ' data-pagefind-filter="kind:Services"' }), page('portage', { body: ' data-pagefind-body' })]) expect(forSearch(marked)).toBe(marked);
    // No main part, or no head: given whole.
    expect(forSearch('<html><body><p>Hello</p></body></html>')).toBe('<html><body><p>Hello</p></body></html>');
    expect(forSearch('<main data-pagefind-body>Hello</main>')).toBe('<main data-pagefind-body>Hello</main>');
  });

  it('makes the same search index from pages without their header and footer as from whole pages', { timeout: 60_000 }, async () => {
    /** Pagefind's files for each page (named by their content), and how many of the others (named by the order Pagefind was given the pages). */
    const indexOf = async (wholePages: boolean) => {
      const root = mkdtempSync(join(tmpdir(), 'olo-search-index-'));
      try {
        for (const name of ['portage', 'speech-therapy', 'short-breaks']) {
          mkdirSync(join(root, 'services', name), { recursive: true });
          writeFileSync(join(root, 'services', name, 'index.html'), page(name));
        }
        await indexSite(root, { wholePages });
        const files = readdirSync(join(root, 'pagefind'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)));
        const fragments = files.filter((f) => f.includes('fragment')).sort().map((f) => `${f} ${createHash('sha256').update(readFileSync(join(root, f))).digest('hex')}`);
        return { fragments, others: files.length - fragments.length };
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    };
    const whole = await indexOf(true);
    expect(whole.fragments).toHaveLength(3);
    expect(await indexOf(false)).toEqual(whole);
  });

  it('lists the pages without a folder that goes while the site is listed (Astro deletes dist/.prerender/ as npm run build begins the index), but not without the site', () => {
    const root = site({ 'services/speech': true, 'services/portage': true });
    const working = join(root, '.prerender');
    mkdirSync(join(working, 'chunks'), { recursive: true });
    try {
      // Listed with the site's top folder, then gone before it is read, as when Astro deletes it.
      const listed = htmlFiles(root, (folder) => {
        const entries = readdirSync(folder, { withFileTypes: true });
        if (folder === root) rmSync(working, { recursive: true });
        return entries;
      });
      expect(listed.map((file) => relative(root, file)).sort()).toEqual(['services/portage/index.html', 'services/speech/index.html']);
      expect(() => htmlFiles(join(root, 'no-such-site'))).toThrow(/ENOENT/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

