import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { cacheKey, sharedContentDigest, withCacheKey } from '../../../src/lib/site/cache-key.ts';

const service = (name: string, summary = 'Home visits.') => ({ id: 'portage', collection: 'services', data: { name, summary }, body: undefined });

describe("a page's cache key", () => {
  test('is the same for the same content, however many times it is made', () => {
    expect(cacheKey(service('Portage'), ['a', 1])).toBe(cacheKey(service('Portage'), ['a', 1]));
  });

  test("changes when an entry the page shows changes anywhere in its data, or in its body", () => {
    const before = cacheKey({ page: { data: [service('Portage')], total: 1 } });
    expect(cacheKey({ page: { data: [service('Portage', 'Changed.')], total: 1 } })).not.toBe(before);
    const page = (body: string) => ({ id: 'about', collection: 'pages', data: { title: 'About' }, body });
    expect(cacheKey(page('One'))).not.toBe(cacheKey(page('Two')));
  });

  test("changes with a listing's membership, order and count", () => {
    const a = service('A');
    const b = { ...service('B'), id: 'b' };
    const key = (data: unknown[], total: number) => cacheKey({ page: { data, total } });
    expect(key([a, b], 2)).not.toBe(key([b, a], 2));
    expect(key([a], 2)).not.toBe(key([a, b], 2));
    expect(key([a, b], 2)).not.toBe(key([a, b], 3));
  });

  test('changes on the day a page falls due for review, and only then, with nothing else changed', () => {
    // content/site.json reviews every 12 months: reviewed on 1 June 2025, due on 1 June 2026.
    const reviewed = () => ({ id: 'portage', collection: 'services', data: { name: 'Portage', lastReviewed: '2025-06-01' } });
    const undated = () => service('Portage');
    const on = (day: string, make: () => object) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(`${day}T12:00:00Z`));
      try {
        return cacheKey({ service: make() });
      } finally {
        vi.useRealTimers();
      }
    };
    expect(on('2026-05-30', reviewed)).toBe(on('2026-06-01', reviewed));
    expect(on('2026-06-02', reviewed)).not.toBe(on('2026-06-01', reviewed));
    expect(on('2026-06-02', reviewed)).toBe(on('2027-01-01', reviewed));
    expect(on('2026-06-02', undated)).toBe(on('2026-06-01', undated));
    // An entry's fields with its id beside them, as a provision page is given its entry (src/data/content.ts).
    const provision = () => ({ id: 'cognition-and-learning-primary-universal', title: 'Quality-first teaching', lastReviewed: '2025-06-01' });
    expect(on('2026-05-30', provision)).toBe(on('2026-06-01', provision));
    expect(on('2026-06-02', provision)).not.toBe(on('2026-06-01', provision));
    expect(on('2026-06-02', provision)).toBe(on('2027-01-01', provision));
  });

  test('counts what Maps and Sets hold, rather than seeing them as empty', () => {
    expect(cacheKey(new Map([['a', 1]]))).not.toBe(cacheKey(new Map([['a', 2]])));
    expect(cacheKey(new Set(['a']))).not.toBe(cacheKey(new Set(['b'])));
  });

  test('refuses a value it cannot see into, instead of counting it as nothing', () => {
    expect(() => cacheKey({ render: () => 'x' })).toThrow(/"render" is a function/);
    class Thing {
      value = 1;
    }
    expect(() => cacheKey({ thing: new Thing() })).toThrow(/"thing" is a Thing/);
  });

  test('withCacheKey keys a path by its params, its props and what else the page reads', () => {
    const path = { params: { id: 'portage' }, props: { service: service('Portage') } };
    const organisation = { id: 'council', collection: 'organisations', data: { name: 'Kestrel Vale Council' } };
    const keyed = withCacheKey(path, organisation);
    expect(keyed.params).toBe(path.params);
    expect(keyed.props).toBe(path.props);
    expect(keyed.cacheKey).not.toBe(withCacheKey(path, { ...organisation, data: { name: 'Renamed' } }).cacheKey);
    expect(keyed.cacheKey).not.toBe(withCacheKey({ ...path, params: { id: 'portage-2' } }, organisation).cacheKey);
  });
});

describe('the digest in every key', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  const contentFolder = () => {
    dir = mkdtempSync(join(tmpdir(), 'olo-cache-key-'));
    for (const folder of ['services', 'public/videos']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'site.json'), '{"name":"Local Offer"}');
    writeFileSync(join(dir, 'glossary.json'), '[]');
    writeFileSync(join(dir, 'services/portage.json'), '{}');
    writeFileSync(join(dir, 'public/videos/a.mp4'), 'video');
    return dir;
  };

  test("changes with site.json, the glossary, any other settings file, and the size of a published file", () => {
    const content = contentFolder();
    const digests = [sharedContentDigest(content)];
    writeFileSync(join(content, 'site.json'), '{"name":"Local Offer","localities":[]}');
    digests.push(sharedContentDigest(content));
    writeFileSync(join(content, 'glossary.json'), '[{"term":"Portage"}]');
    digests.push(sharedContentDigest(content));
    writeFileSync(join(content, 'statutory-coverage.json'), '{}');
    digests.push(sharedContentDigest(content));
    writeFileSync(join(content, 'public/videos/a.mp4'), 'a longer video');
    digests.push(sharedContentDigest(content));
    expect(new Set(digests).size).toBe(digests.length);
  });

  test('leaves out the collections, whose entries each page names itself', () => {
    const content = contentFolder();
    const before = sharedContentDigest(content);
    writeFileSync(join(content, 'services/portage.json'), '{"name":"Changed"}');
    writeFileSync(join(content, 'services/new.json'), '{}');
    expect(sharedContentDigest(content)).toBe(before);
  });
});
