import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { placeKeptFiles, RECORD } from '../../../src/lib/site/kept-files.ts';

const root = mkdtempSync(join(tmpdir(), 'olo-kept-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const kept = join(root, 'kept');
let builds = 0;
/** A new, empty dist/ for each build, as npm run build starts one. */
const newDist = () => join(root, `dist-${++builds}`);
const read = (dist: string, path: string) => readFileSync(join(dist, path), 'utf8');
const files = (extra: Record<string, string> = {}) =>
  Object.entries({ 'v3/records/services/a.json': '{"id":"a"}\n', 'v3/records/services/b.json': '{"id":"b"}\n', 'v3/index.json': '{}\n', ...extra }).map(([path, body]) => ({ path, body }));

test('the first build writes every file; the next links each unchanged one, the same file on disk', () => {
  const first = newDist();
  expect(placeKeptFiles(first, kept, files())).toEqual({ written: 3, linked: 0 });
  const second = newDist();
  expect(placeKeptFiles(second, kept, files())).toEqual({ written: 0, linked: 3 });
  for (const { path, body } of files()) {
    expect(read(second, path)).toBe(body);
    expect(statSync(join(second, path)).ino).toBe(statSync(join(kept, path)).ino);
  }
});

test('a changed file is written anew, never through: the last build’s copy keeps its bytes', () => {
  const before = newDist();
  placeKeptFiles(before, kept, files());
  const after = newDist();
  expect(placeKeptFiles(after, kept, files({ 'v3/records/services/a.json': '{"id":"a","name":"changed"}\n' }))).toEqual({ written: 1, linked: 2 });
  expect(read(after, 'v3/records/services/a.json')).toBe('{"id":"a","name":"changed"}\n');
  expect(read(before, 'v3/records/services/a.json')).toBe('{"id":"a"}\n');
});

test('a file no longer made is removed from the kept folder; a new one is written', () => {
  const dist = newDist();
  const now = files().filter((file) => !file.path.endsWith('b.json')).concat({ path: 'v3/records/services/c.json', body: '{"id":"c"}\n' });
  expect(placeKeptFiles(dist, kept, now).written).toBeGreaterThanOrEqual(1);
  expect(existsSync(join(kept, 'v3/records/services/b.json'))).toBe(false);
  expect(existsSync(join(dist, 'v3/records/services/b.json'))).toBe(false);
  expect(read(dist, 'v3/records/services/c.json')).toBe('{"id":"c"}\n');
});

test('a kept file changed by anything else, or a damaged record, means the file is written again', () => {
  placeKeptFiles(newDist(), kept, files());
  // Changed in place, same length, and its time moved: it no longer matches the record.
  writeFileSync(join(kept, 'v3/index.json'), '[]\n');
  utimesSync(join(kept, 'v3/index.json'), new Date(), new Date(Date.now() + 5000));
  const dist = newDist();
  expect(placeKeptFiles(dist, kept, files())).toEqual({ written: 1, linked: 2 });
  expect(read(dist, 'v3/index.json')).toBe('{}\n');

  // A damaged record: every file is written again, each as a new file, so a build that still
  // links to a kept file keeps its bytes even when the content has changed.
  const linked = newDist();
  placeKeptFiles(linked, kept, files());
  writeFileSync(join(kept, RECORD), '{"version": 1, "files": [oops');
  expect(placeKeptFiles(newDist(), kept, files({ 'v3/index.json': '{"changed":true}\n' }))).toEqual({ written: 3, linked: 0 });
  expect(read(linked, 'v3/index.json')).toBe('{}\n');
  rmSync(join(kept, 'v3/records/services/a.json'));
  expect(placeKeptFiles(newDist(), kept, files())).toEqual({ written: 2, linked: 1 });
});
