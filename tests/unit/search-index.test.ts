import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pagefindBin, SEARCH_INDEX_CHUNK_SIZE, searchIndexArgs, searchIndexEnv } from '../../scripts/lib/search-index.ts';

describe('the search index step of the build', () => {
  it('asks Pagefind for smaller index chunks than its default of 20,000 postings', () => {
    expect(SEARCH_INDEX_CHUNK_SIZE).toBeLessThan(20_000);
    expect(searchIndexEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SEARCH_INDEX_CHUNK_SIZE) });
  });

  it('lets whoever runs the build choose another chunk size', () => {
    expect(searchIndexEnv({ PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '9000' }).PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe('9000');
  });

  it('runs the Pagefind command-line tool that npm installed, on dist/', () => {
    expect(existsSync(pagefindBin)).toBe(true);
    expect(searchIndexArgs()).toEqual([pagefindBin, '--site', 'dist', '--silent']);
  });
});
