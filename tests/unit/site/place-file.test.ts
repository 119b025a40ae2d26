import { linkSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { placeFile } from '../../../src/lib/site/place-file.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'olo-place-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('placeFile', () => {
  test('puts the file at the new path as a link when nothing is there', () => {
    writeFileSync(join(dir, 'a.json'), 'one');
    placeFile(join(dir, 'a.json'), join(dir, 'b.json'));
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('one');
    expect(statSync(join(dir, 'b.json')).ino).toBe(statSync(join(dir, 'a.json')).ino);
  });

  test('replaces a file already there, and never writes through an old link into its source', () => {
    writeFileSync(join(dir, 'cache.png'), 'old image');
    linkSync(join(dir, 'cache.png'), join(dir, 'page.png'));
    writeFileSync(join(dir, 'new.png'), 'new image');
    placeFile(join(dir, 'new.png'), join(dir, 'page.png'));
    expect(readFileSync(join(dir, 'page.png'), 'utf8')).toBe('new image');
    expect(readFileSync(join(dir, 'cache.png'), 'utf8')).toBe('old image');
  });

  test('says what went wrong when the source is missing', () => {
    expect(() => placeFile(join(dir, 'missing.json'), join(dir, 'b.json'))).toThrow(/ENOENT/);
  });
});
