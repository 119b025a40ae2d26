import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_CHUNK_SIZE, indexSite, searchIndexArgs, searchIndexEnv, searchIndexScript, spaceBlocks } from '../../../scripts/lib/search-index.ts';

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
});
