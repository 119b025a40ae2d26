import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { HOST_FILE_LIMIT_BYTES, largeAmong, largeFiles, largeFilesWarning } from '../../../src/lib/site/output-size.ts';

const dist = mkdtempSync(join(tmpdir(), 'olo-output-size-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

test('finds every built file over the limit, in any folder, largest first', () => {
  mkdirSync(join(dist, 'openreferral/v3'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<h1>Home</h1>');
  // Sparse files: as big as a real export, without writing the bytes.
  writeFileSync(join(dist, 'openreferral/v3/services.json'), '');
  truncateSync(join(dist, 'openreferral/v3/services.json'), HOST_FILE_LIMIT_BYTES + 1);
  writeFileSync(join(dist, 'big.csv'), '');
  truncateSync(join(dist, 'big.csv'), 30 * 1024 * 1024);
  writeFileSync(join(dist, 'exactly.json'), '');
  truncateSync(join(dist, 'exactly.json'), HOST_FILE_LIMIT_BYTES);
  expect(largeFiles(dist)).toEqual([
    { path: 'big.csv', bytes: 30 * 1024 * 1024 },
    { path: 'openreferral/v3/services.json', bytes: HOST_FILE_LIMIT_BYTES + 1 },
  ]);
});

test('finds the same among sizes already known (npm run build has them from keeping the build)', () => {
  const sizes: [string, number, number][] = [
    ['index.html', 13, 1],
    ['openreferral/v3/services.json', HOST_FILE_LIMIT_BYTES + 1, 1],
    ['exactly.json', HOST_FILE_LIMIT_BYTES, 1],
    ['big.csv', 30 * 1024 * 1024, 1],
  ];
  expect(largeAmong(sizes)).toEqual(largeFiles(dist));
});

test('says which files, how big, and where to read more, in plain English', () => {
  expect(largeFilesWarning([{ path: 'openreferral/v3/services.json', bytes: 37_703_455 }])).toBe(
    [
      'This file is bigger than 25.0 MB, which some hosts refuse (Cloudflare Pages does):',
      '  dist/openreferral/v3/services.json: 36.0 MB',
      'The site works; choose a host without a per-file limit, or see "File sizes" in docs/hosting.md.',
    ].join('\n'),
  );
  expect(largeFilesWarning([])).toBeUndefined();
});
