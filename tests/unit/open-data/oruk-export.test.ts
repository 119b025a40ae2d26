import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startOrukExport } from '../../../src/lib/open-data/oruk-export.ts';
import { toOrukService } from '../../../src/lib/open-data/oruk.ts';
import { DEFAULT_PER_PAGE, pagePath } from '../../../src/lib/open-data/oruk-endpoints.ts';
import { jsonBody } from '../../../src/lib/open-data/oruk-records.ts';
import { demoServices } from '../../fixtures/demo-services.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' };

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'olo-oruk-export-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('startOrukExport (the build’s worker thread)', () => {
  test('writes the API: its details, the first page of services, and each record under both names', async () => {
    const sources = demoServices();
    expect(await startOrukExport({ distDir: dist, sources, context })).toMatchObject({ count: sources.length, reused: 0 });
    expect(JSON.parse(readFileSync(join(dist, 'openreferral/v3/index.json'), 'utf8')).version).toBe('3.0');
    const first = JSON.parse(readFileSync(join(dist, pagePath('services', DEFAULT_PER_PAGE, 1)), 'utf8'));
    expect(first.total_items).toBe(sources.length);
    expect(readdirSync(join(dist, 'openreferral/v3/records/services'))).toHaveLength(2 * sources.length);
    const record = toOrukService(sources[0]!, context);
    expect(readFileSync(join(dist, `openreferral/v3/records/services/${record.id}.json`), 'utf8')).toBe(jsonBody(record));
    expect(readFileSync(join(dist, `openreferral/v3/records/services/${sources[0]!.id}.json`), 'utf8')).toBe(jsonBody(record));
  });

  test('a service the mapping cannot read fails the export with the reason, and writes nothing', async () => {
    const [service] = demoServices();
    const broken = { ...service!, id: 'broken-service', data: { ...service!.data, contacts: null as never } };
    await expect(startOrukExport({ distDir: dist, sources: [broken], context })).rejects.toThrow(/the service broken-service could not be mapped: /);
    expect(readdirSync(dist)).toEqual([]);
  });
});

describe('startOrukExport with the last build\'s records', () => {
  const files = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length), readFileSync(join(e.parentPath, e.name), 'utf8')]));
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = mkdtempSync(join(tmpdir(), 'olo-oruk-cache-'));
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));
  const cache = () => ({ dir: cacheDir, srcDir: resolve('src'), installed: resolve('node_modules/.package-lock.json') });

  test('maps again only the services that changed, and writes the same files as a build without the cache', async () => {
    const sources = demoServices();
    const first = await startOrukExport({ distDir: dist, sources, context, cache: cache() });
    expect(first).toMatchObject({ count: sources.length, reused: 0 });
    const again = mkdtempSync(join(tmpdir(), 'olo-oruk-export-'));
    const clean = mkdtempSync(join(tmpdir(), 'olo-oruk-export-'));
    try {
      // Nothing changed: no file is written again, each is linked from the last build's.
      expect(await startOrukExport({ distDir: again, sources, context, cache: cache() })).toEqual({ count: sources.length, reused: sources.length, files: first.files, written: 0 });
      expect(files(again)).toEqual(files(dist));
      const changed = sources.map((s, i) => (i === 3 ? { ...s, data: { ...s.data, name: `${s.data.name} (renamed)` } } : s));
      rmSync(again, { recursive: true, force: true });
      const one = await startOrukExport({ distDir: again, sources: changed, context, cache: cache() });
      expect(one).toMatchObject({ count: sources.length, reused: sources.length - 1 });
      // Its record, and the list pages and other records that name it: a few files, not all of them.
      expect(one.written).toBeGreaterThan(0);
      expect(one.written).toBeLessThan(first.written / 4);
      await startOrukExport({ distDir: clean, sources: changed, context });
      expect(files(again)).toEqual(files(clean));
      expect(readFileSync(join(again, `openreferral/v3/records/services/${sources[3]!.id}.json`), 'utf8')).toContain('(renamed)');
    } finally {
      rmSync(again, { recursive: true, force: true });
      rmSync(clean, { recursive: true, force: true });
    }
  });

  test('maps every service again when the site\'s address changes', async () => {
    const sources = demoServices();
    await startOrukExport({ distDir: dist, sources, context, cache: cache() });
    const moved = { ...context, siteUrl: 'https://send.kestrelvale.example' };
    expect(await startOrukExport({ distDir: dist, sources, context: moved, cache: cache() })).toMatchObject({ count: sources.length, reused: 0 });
  });
});

