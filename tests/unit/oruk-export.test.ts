import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startOrukExport } from '../../src/lib/oruk-export.ts';
import { toOrukServicePage } from '../../src/lib/oruk.ts';
import { jsonBody, ORUK_LIST, ORUK_RECORDS_DIR } from '../../src/lib/oruk-records.ts';
import { demoServices } from '../fixtures/demo-services.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' };

let dist: string;
beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'olo-oruk-export-'));
});
afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('startOrukExport (the build’s worker thread)', () => {
  test('writes the same list the mapping makes, and each record under both names', async () => {
    const sources = demoServices();
    expect(await startOrukExport({ distDir: dist, sources, context })).toBe(sources.length);
    const page = toOrukServicePage(sources, context);
    expect(readFileSync(join(dist, ORUK_LIST), 'utf8')).toBe(jsonBody(page));
    expect(readdirSync(join(dist, ORUK_RECORDS_DIR))).toHaveLength(2 * sources.length);
    const first = page.contents[0]!;
    expect(readFileSync(join(dist, ORUK_RECORDS_DIR, `${first.id}.json`), 'utf8')).toBe(jsonBody(first));
    expect(readFileSync(join(dist, ORUK_RECORDS_DIR, `${sources.find((s) => s.id === first.x_id)!.id}.json`), 'utf8')).toBe(jsonBody(first));
  });

  test('a service the mapping cannot read fails the export with the reason, and writes nothing', async () => {
    const [service] = demoServices();
    const broken = { ...service!, id: 'broken-service', data: { ...service!.data, contacts: null as never } };
    await expect(startOrukExport({ distDir: dist, sources: [broken], context })).rejects.toThrow(/the service broken-service could not be mapped: /);
    expect(readdirSync(dist)).toEqual([]);
  });
});
