import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEARCH_INDEX_CHUNK_SIZE, searchIndexArgs, searchIndexEnv, searchIndexScript, spaceBlocks } from '../../../scripts/lib/search-index.ts';

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
});
