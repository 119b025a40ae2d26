import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { orukRedirects, type OrukApiFile } from '../../../src/lib/open-data/oruk-endpoints.ts';
import { writeOrukApi, writeRedirects } from '../../../src/lib/open-data/oruk-records.ts';

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'olo-oruk-records-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

const files = (count: number): OrukApiFile[] =>
  Array.from({ length: count }, (_, i): OrukApiFile[] => [
    { path: `openreferral/v3/records/services/uuid-${i}.json`, body: `{"id":"uuid-${i}","name":"Café “${i}” 🙂"}\n` },
    { path: `openreferral/v3/records/services/service-${i}.json`, sameAs: `openreferral/v3/records/services/uuid-${i}.json` },
  ]).flat();

describe('writeOrukApi', () => {
  test('writes every file byte for byte, in the folders it names, a few at a time', async () => {
    const list = [...files(40), { path: 'openreferral/v3/pages/services/10/1.json', body: '{"page":1}\n' }];
    expect(await writeOrukApi(dist, list, { inFlight: 3 })).toEqual({ files: 81, written: 41 });
    expect(readdirSync(join(dist, 'openreferral/v3/records/services'))).toHaveLength(80);
    expect(readFileSync(join(dist, 'openreferral/v3/records/services/uuid-7.json'), 'utf8')).toBe('{"id":"uuid-7","name":"Café “7” 🙂"}\n');
    expect(readFileSync(join(dist, 'openreferral/v3/pages/services/10/1.json'), 'utf8')).toBe('{"page":1}\n');
  });

  test('a second name is the same file on disk, not a second copy', async () => {
    await writeOrukApi(dist, files(2));
    const folder = join(dist, 'openreferral/v3/records/services');
    expect(readFileSync(join(folder, 'service-1.json'), 'utf8')).toBe(readFileSync(join(folder, 'uuid-1.json'), 'utf8'));
    expect(statSync(join(folder, 'service-1.json')).ino).toBe(statSync(join(folder, 'uuid-1.json')).ino);
  });

});

describe('writeRedirects', () => {
  test('writes the API’s host rules as _redirects', () => {
    writeRedirects(dist);
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toBe(orukRedirects());
  });

  test('keeps the site’s own rules after the API’s, so none of them can take the API’s addresses', () => {
    writeRedirects(dist, '/old-page /new-page/ 301\n');
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toBe(`${orukRedirects()}\n/old-page /new-page/ 301\n`);
  });

  test('replaces a _redirects an editor put in content/public/ without writing through the link into their file', () => {
    const editors = join(dist, 'editors-redirects');
    writeFileSync(editors, '/* https://elsewhere.example/:splat 200\n');
    linkSync(editors, join(dist, '_redirects'));
    writeRedirects(dist);
    expect(readFileSync(join(dist, '_redirects'), 'utf8')).toBe(orukRedirects());
    expect(readFileSync(editors, 'utf8')).toBe('/* https://elsewhere.example/:splat 200\n');
  });
});
