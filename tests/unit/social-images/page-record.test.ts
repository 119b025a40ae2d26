import { describe, expect, test } from 'vitest';
import { PAGE_RECORD_VERSION, pageMeta, parsePageRecord, serialisePageRecord, type PageMeta, type PageRecord } from '../../../src/lib/social-images/page-record.ts';

const portage: PageMeta = { image: 'https://example.org/og/services/portage.png', title: 'Portage', description: 'Home visits' };
const version = { size: 4096, mtimeMs: 1_765_000_000_123 };

/** A reader that counts how often the file is opened. */
function reader(meta: PageMeta) {
  const reads = { count: 0 };
  return { reads, read: () => ((reads.count += 1), meta) };
}

describe('pageMeta', () => {
  test('a page whose file is exactly the version recorded is not read: the record says what its meta tags say', () => {
    const previous: PageRecord = new Map([['services/portage/index.html', { ...version, meta: portage }]]);
    const { reads, read } = reader({ image: 'https://example.org/og/other.png' });
    expect(pageMeta('services/portage/index.html', { ...version }, previous, new Map(), read)).toEqual(portage);
    expect(reads.count).toBe(0);
  });

  test.each([
    ['a different modification time', { ...version, mtimeMs: version.mtimeMs + 1 }],
    ['a modification time a fraction of a millisecond apart', { ...version, mtimeMs: version.mtimeMs + 0.001 }],
    ['a different size', { ...version, size: version.size + 1 }],
  ])('a page whose file has %s is read again, and what the file says wins', (_, changed) => {
    const previous: PageRecord = new Map([['services/portage/index.html', { ...version, meta: portage }]]);
    const now: PageMeta = { ...portage, title: 'Portage home visiting' };
    const { reads, read } = reader(now);
    expect(pageMeta('services/portage/index.html', changed, previous, new Map(), read)).toEqual(now);
    expect(reads.count).toBe(1);
  });

  test('a page the record does not hold is read, even when another page has the same file version', () => {
    const previous: PageRecord = new Map([['services/portage/index.html', { ...version, meta: portage }]]);
    const { reads, read } = reader({});
    expect(pageMeta('services/mediation/index.html', version, previous, new Map(), read)).toEqual({});
    expect(reads.count).toBe(1);
  });

  test('every page goes into the next record under the version it had before it was read, whether it was read or recorded', () => {
    const previous: PageRecord = new Map([['a/index.html', { ...version, meta: portage }]]);
    const next: PageRecord = new Map();
    pageMeta('a/index.html', version, previous, next, reader({}).read);
    pageMeta('b/index.html', { size: 10, mtimeMs: 20 }, previous, next, reader({ title: 'B', image: undefined }).read);
    expect(next).toEqual(
      new Map([
        ['a/index.html', { ...version, meta: portage }],
        ['b/index.html', { size: 10, mtimeMs: 20, meta: { title: 'B' } }],
      ]),
    );
  });

  test('a page without a social image is recorded as having none, and not read again', () => {
    const next: PageRecord = new Map();
    pageMeta('admin/index.html', version, new Map(), next, reader({}).read);
    const { reads, read } = reader({ image: 'https://example.org/og/admin.png' });
    expect(pageMeta('admin/index.html', version, parsePageRecord(serialisePageRecord(next)), new Map(), read)).toEqual({});
    expect(reads.count).toBe(0);
  });
});

describe('parsePageRecord', () => {
  test('reads back exactly what was written', () => {
    const record: PageRecord = new Map([
      ['index.html', { size: 1, mtimeMs: 1_765_000_000_000.5, meta: portage }],
      ['404.html', { size: 2, mtimeMs: 3, meta: { title: 'Page not found' } }],
    ]);
    expect(parsePageRecord(serialisePageRecord(record))).toEqual(record);
  });

  const good = { version: PAGE_RECORD_VERSION, pages: { 'index.html': { size: 1, mtimeMs: 2, meta: { title: 'Home' } } } };
  test.each([
    ['there is no record', undefined],
    ['the file is empty', ''],
    ['the file was cut short', serialisePageRecord(new Map([['index.html', { size: 1, mtimeMs: 2, meta: portage }]])).slice(0, 40)],
    ['the file is not an object', '[1, 2]'],
    ['the record is from an older version', JSON.stringify({ ...good, version: PAGE_RECORD_VERSION - 1 })],
    ['the record has no version', JSON.stringify({ pages: good.pages })],
    ['its pages are a list', JSON.stringify({ ...good, pages: [good.pages['index.html']] })],
    ['a page has no size', JSON.stringify({ ...good, pages: { ...good.pages, 'a.html': { mtimeMs: 2, meta: {} } } })],
    ['a page\'s time is text', JSON.stringify({ ...good, pages: { ...good.pages, 'a.html': { size: 1, mtimeMs: '2', meta: {} } } })],
    ['a page has no meta tags entry', JSON.stringify({ ...good, pages: { ...good.pages, 'a.html': { size: 1, mtimeMs: 2 } } })],
    ['a page\'s title is not text', JSON.stringify({ ...good, pages: { ...good.pages, 'a.html': { size: 1, mtimeMs: 2, meta: { title: 7 } } } })],
  ])('when %s, nothing is taken from it: every page is read', (_, text) => {
    expect(parsePageRecord(text).size).toBe(0);
  });
});
