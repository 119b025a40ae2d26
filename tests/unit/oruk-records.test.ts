import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { jsonBody, ORUK_LIST, ORUK_RECORDS_DIR, orukRecordFiles, writeOrukFiles } from '../../src/lib/oruk-records.ts';
import { orukServicePage } from '../../src/lib/oruk.ts';
import type { OrukService } from '../../src/lib/oruk.ts';

const record = (id: string, ourId: string, name: string) =>
  ({ id, name, url: 'https://service.example/', x_page: `https://local-offer.example.gov.uk/services/${ourId}/`, description: 'Café “quotes” <b>and</b> emoji 🙂\n' }) as unknown as OrukService;

const portage = record('0b6e3a5c-8a8f-5d1e-9f3b-2f0c6a1d4e21', 'portage-home-visiting', 'Portage home visiting');
const sleep = record('5d0f1c2e-3b4a-5c6d-8e7f-9a0b1c2d3e4f', 'sleep-clinic', 'Sleep clinic');

describe('orukRecordFiles', () => {
  test('names each record by its UUID and by the id in its page address, with the list endpoint’s serialisation', () => {
    expect(orukRecordFiles(orukServicePage([portage, sleep]))).toEqual([
      { file: `${portage.id}.json`, alias: 'portage-home-visiting.json', body: jsonBody(portage) },
      { file: `${sleep.id}.json`, alias: 'sleep-clinic.json', body: jsonBody(sleep) },
    ]);
  });

  test('an empty list has no records', () => {
    expect(orukRecordFiles(orukServicePage([]))).toEqual([]);
  });

  test('a list without contents, or a record without an id or our page address, is an error that says which', () => {
    expect(() => orukRecordFiles({})).toThrow(/has no "contents" list/);
    expect(() => orukRecordFiles(null)).toThrow(/has no "contents" list/);
    expect(() => orukRecordFiles(orukServicePage([portage, { ...sleep, x_page: 'https://elsewhere.example/about' }]))).toThrow(
      /Service 2 in openreferral\/v3\/services\.json needs an "id" and an "x_id" or an "x_page" ending in \/services\/<id>\//,
    );
    expect(() => orukRecordFiles(orukServicePage([{ ...portage, id: '' }]))).toThrow(/Service 1/);
  });
});

describe('writeOrukFiles', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(join(tmpdir(), 'olo-oruk-records-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  test('writes the list, and every record in it under both names, byte for byte as listed', async () => {
    const many = Array.from({ length: 40 }, (_, i) => record(`00000000-0000-5000-8000-${String(i).padStart(12, '0')}`, `service-${i}`, `Service ${i}`));
    expect(await writeOrukFiles(dist, orukServicePage(many), 3)).toBe(40);
    expect(readFileSync(join(dist, ORUK_LIST), 'utf8')).toBe(jsonBody(orukServicePage(many)));
    const folder = join(dist, ORUK_RECORDS_DIR);
    expect(readdirSync(folder)).toHaveLength(80);
    for (const r of many) {
      const ourId = new URL(r.x_page!).pathname.split('/')[2]!;
      for (const name of [r.id, ourId]) {
        expect(readFileSync(join(folder, `${name}.json`), 'utf8')).toBe(jsonBody(r));
        expect(JSON.parse(readFileSync(join(folder, `${name}.json`), 'utf8'))).toEqual(r);
      }
      // One copy on disk: the page-id name is a link to the UUID's file.
      expect(statSync(join(folder, `${ourId}.json`)).ino).toBe(statSync(join(folder, `${r.id}.json`)).ino);
    }
  });

  test('replaces records left from an earlier build in the same folder', async () => {
    mkdirSync(join(dist, ORUK_RECORDS_DIR), { recursive: true });
    writeFileSync(join(dist, ORUK_RECORDS_DIR, 'portage-home-visiting.json'), '{"old":true}\n');
    await writeOrukFiles(dist, orukServicePage([portage]));
    expect(readFileSync(join(dist, ORUK_RECORDS_DIR, 'portage-home-visiting.json'), 'utf8')).toBe(jsonBody(portage));
    expect(lstatSync(join(dist, ORUK_RECORDS_DIR, 'portage-home-visiting.json')).nlink).toBe(2);
  });

  test('a record without our page address is an error before anything is written', async () => {
    await expect(writeOrukFiles(dist, orukServicePage([portage, { ...sleep, x_page: 'https://elsewhere.example/about' }]))).rejects.toThrow(/Service 2/);
    expect(readdirSync(dist)).toEqual([]);
  });
});
