import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mappingCodeKey, orukServiceEntriesCached, readRecordCache, writeRecordCache } from '../../../src/lib/open-data/oruk-record-cache.ts';
import { toOrukService } from '../../../src/lib/open-data/oruk.ts';
import { demoServices } from '../../fixtures/demo-services.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'olo-oruk-records-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the kept Open Referral records', () => {
  test('give the same records as mapping every service', () => {
    const sources = demoServices();
    const first = orukServiceEntriesCached(sources, context, new Map());
    expect(first.reused).toBe(0);
    expect(first.entries.map((e) => e.record)).toEqual(sources.map((s) => JSON.parse(JSON.stringify(toOrukService(s, context)))));
    const second = orukServiceEntriesCached(sources, context, first.next);
    expect(second.reused).toBe(sources.length);
    expect(second.entries).toEqual(first.entries);
    // The JSON at hand is the record's own.
    for (const entry of second.entries) expect(entry.json).toBe(JSON.stringify(entry.record));
  });

  test('keep only the records of this build: a deleted service\'s record goes', () => {
    const sources = demoServices();
    const { next } = orukServiceEntriesCached(sources, context, new Map());
    expect(orukServiceEntriesCached(sources.slice(1), context, next).next.size).toBe(sources.length - 1);
  });

  test('are read back as written, and only with the same code', () => {
    const records = new Map([['a', '{"id":"1"}']]);
    writeRecordCache(dir, 'code-1', records);
    expect(readRecordCache(dir, 'code-1')).toEqual(records);
    expect(readRecordCache(dir, 'code-2')).toEqual(new Map());
  });

  test('after a few changes, only the new records are added at the end; the file is written whole again before it doubles', () => {
    const sources = demoServices();
    const first = orukServiceEntriesCached(sources, context, new Map());
    writeRecordCache(dir, 'code-1', first.next);
    const before = readFileSync(join(dir, 'records.txt'), 'utf8');
    const kept = readRecordCache(dir, 'code-1');
    const changed = sources.map((s, i) => (i === 2 ? { ...s, data: { ...s.data, summary: `${s.data.summary} (changed)` } } : s));
    const second = orukServiceEntriesCached(changed, context, kept);
    expect(second.reused).toBe(sources.length - 1);
    writeRecordCache(dir, 'code-1', second.next, kept);
    const after = readFileSync(join(dir, 'records.txt'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).split('\n')).toHaveLength(2);
    // Read back, it gives every record this build needs.
    const again = readRecordCache(dir, 'code-1');
    for (const [key, json] of second.next) expect(again.get(key)).toBe(json);
    expect(orukServiceEntriesCached(changed, context, again).reused).toBe(sources.length);

    // Every record changed, again and again: the file keeps every record each build needs, never
    // grows past about twice their size, and starts again with only this build's records when it would.
    let last = again;
    let startedAgain = false;
    for (const areaName of ['Elsewhere', 'Somewhere else', 'Further away']) {
      const all = orukServiceEntriesCached(sources, { ...context, areaName }, last);
      expect(all.reused).toBe(0);
      writeRecordCache(dir, 'code-1', all.next, last);
      last = readRecordCache(dir, 'code-1');
      for (const [key, json] of all.next) expect(last.get(key)).toBe(json);
      expect(last.size).toBeLessThanOrEqual(2 * all.next.size + 1);
      if (last.size === all.next.size) startedAgain = true;
    }
    expect(startedAgain).toBe(true);
  });

  test('a damaged or missing file means nothing is reused, never an error', () => {
    expect(readRecordCache(join(dir, 'none'), 'code-1')).toEqual(new Map());
    writeRecordCache(dir, 'code-1', new Map([['a', '{"id":"1"}'], ['b', '{"id":"2"}']]));
    const whole = readFileSync(join(dir, 'records.txt'), 'utf8');
    writeFileSync(join(dir, 'records.txt'), whole.slice(0, -5));
    expect(readRecordCache(dir, 'code-1')).toEqual(new Map());
    writeFileSync(join(dir, 'records.txt'), 'something else\n');
    expect(readRecordCache(dir, 'code-1')).toEqual(new Map());
  });

  test("the mapping's code key changes with any file in src/lib/ or src/contract/, or the installed packages", () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'lib/open-data'), { recursive: true });
    mkdirSync(join(src, 'contract'), { recursive: true });
    writeFileSync(join(src, 'lib/open-data/oruk.ts'), 'export const a = 1;');
    writeFileSync(join(src, 'contract/vocabulary.ts'), 'export const b = 1;');
    const installed = join(dir, '.package-lock.json');
    writeFileSync(installed, '{"v":1}');
    const first = mappingCodeKey(src, installed);
    expect(mappingCodeKey(src, installed)).toBe(first);
    writeFileSync(join(src, 'contract/vocabulary.ts'), 'export const b = 2;');
    const second = mappingCodeKey(src, installed);
    expect(second).not.toBe(first);
    writeFileSync(installed, '{"v":2}');
    expect(mappingCodeKey(src, installed)).not.toBe(second);
    expect(mappingCodeKey(src, join(dir, 'missing.json'))).toBeUndefined();
  });
});
