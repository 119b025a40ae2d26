import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(await startOrukExport({ distDir: dist, sources, context })).toBe(sources.length);
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
