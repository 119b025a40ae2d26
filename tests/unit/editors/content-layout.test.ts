import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { codeFiles, firstBadUtf8Line, jsonTooDeep, MAX_FILE_BYTES, notAFile, readContentFile, symbolicLinks } from '../../../src/lib/editors/content-layout.ts';
import { jsonError } from '../../../src/lib/editors/check/read.ts';
import { plainExpected } from '../../../src/lib/editors/problems.ts';
import { calendarDate } from '../../../src/lib/editors/review-report.ts';

describe('text that is not UTF-8', () => {
  test('is found on the line where it is', () => {
    const bytes = Buffer.concat([Buffer.from('first\nsecond café\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]), Buffer.from('fourth\n')]);
    expect(firstBadUtf8Line(bytes)).toBe(3);
  });
  test('UTF-8 text, accents and the replacement character included, is accepted', () => {
    expect(firstBadUtf8Line(Buffer.from('café � naïve\n'))).toBeUndefined();
  });
});

describe('JSON nesting', () => {
  test('100,000 levels deep is found without walking the data, naming the line', () => {
    expect(jsonTooDeep(`{\n"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)).toBe(2);
  });
  test('brackets inside text do not count', () => {
    expect(jsonTooDeep(`{"a": "${'['.repeat(100)}"}`)).toBeUndefined();
  });
});

describe('files and folders in a collection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'olo-layout-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a file larger than the limit is refused, with the limit named', () => {
    writeFileSync(join(dir, 'big.json'), 'x'.repeat(MAX_FILE_BYTES + 1));
    const read = readContentFile(join(dir, 'big.json'));
    expect('problem' in read && read.problem.problem).toMatch(/larger than the 1,000 KB a content file can be/);
  });
  test('a sub-folder with files is reported, naming them', () => {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'x.json'), '{}');
    const problem = notAFile(join(dir, 'sub'), 'sub', 'content/services/sub', 'content/services', '.json');
    expect(problem).toMatchObject({ file: 'content/services/sub/', problem: expect.stringContaining('(x.json) would not be published') });
  });
  test('an empty sub-folder is left alone', () => {
    mkdirSync(join(dir, 'drafts'));
    expect(notAFile(join(dir, 'drafts'), 'drafts', 'content/services/drafts', 'content/services', '.json')).toBeUndefined();
  });
  test('every shortcut is reported, whether or not it leads anywhere', () => {
    writeFileSync(join(dir, 'real.json'), '{}');
    symlinkSync('real.json', join(dir, 'link.json'));
    symlinkSync('nowhere.json', join(dir, 'gone.json'));
    expect(symbolicLinks(dir, (p) => p.slice(dir.length + 1)).map((p) => `${p.file}: ${p.problem}`)).toEqual([
      'gone.json: is a shortcut (symbolic link) to a file that does not exist, and the site publishes only real files, so it would not be published',
      'link.json: is a shortcut (symbolic link) to a file elsewhere, and the site publishes only real files, so it would not be published',
    ]);
  });
  test('every code file is reported, hidden ones too, but not in content/public/ (refused there by kind) or a .git folder', () => {
    for (const path of ['.diagram.mjs', 'diagram.js', 'pages/x.ts', 'pages/.notes/y.TSX', 'services/z.json', 'public/files/a.js', '.git/hooks/post-checkout.js', 'pages/readme.md']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    expect(codeFiles(dir, (p) => p.slice(dir.length + 1), 'public').map((p) => `${p.file}: ${p.field} — ${p.problem} — ${p.fix}`)).toEqual([
      '.diagram.mjs: (file type) — is a code file, and content cannot add code to the site — delete it (ask a developer if the site needs new code)',
      'diagram.js: (file type) — is a code file, and content cannot add code to the site — delete it (ask a developer if the site needs new code)',
      'pages/.notes/y.TSX: (file type) — is a code file, and content cannot add code to the site — delete it (ask a developer if the site needs new code)',
      'pages/x.ts: (file type) — is a code file, and content cannot add code to the site — delete it (ask a developer if the site needs new code)',
    ]);
  });
});

describe('messages in the editor\'s words', () => {
  test('the schema library\'s defaults are put into words', () => {
    expect(plainExpected('Invalid input: expected array, received number')).toBe('a list in square brackets, [ … ]');
    expect(plainExpected('Too small: expected number to be >=1')).toBe('a number at least 1');
    expect(plainExpected('Invalid option: expected one of "a"|"b"')).toBe('one of: a, b');
  });
  test('JSON syntax errors name the line and the fix, never the position', () => {
    const source = '{\n  "name": "x",\n  summary: "y"\n}';
    let message = '';
    try {
      JSON.parse(source);
    } catch (error) {
      message = jsonError(error, source);
    }
    expect(message).toBe('line 3: a field name must be in double quotes, such as "name": — or, if nothing should follow, delete the comma before it');
  });
});

describe('review dates', () => {
  test('only real calendar dates written YYYY-MM-DD are read', () => {
    expect(calendarDate('2025-12-31')).toBe('2025-12-31');
    expect(calendarDate('31/12/2025')).toBeUndefined();
    expect(calendarDate('2025-02-30')).toBeUndefined();
    expect(calendarDate(undefined)).toBeUndefined();
  });
});

describe('an error nobody foresaw in the check', () => {
  test('becomes one problem naming the file being read, not a crash', async () => {
    // Unit test files share a worker (vitest.config.ts): the check built on the broken module is
    // dropped again afterwards, so no other file imports it.
    vi.resetModules();
    vi.doMock('../../../src/lib/navigator/navigator-graph.ts', async (original) => ({ ...(await original<object>()), validateTree: () => { throw new TypeError('nodes is not iterable'); } }));
    let result: ReturnType<typeof import('../../../src/lib/editors/content-check.ts').checkContent>;
    try {
      const { checkContent } = await import('../../../src/lib/editors/content-check.ts');
      result = checkContent({ rootDir: process.cwd(), contentDir: join(process.cwd(), 'content'), publicDir: join(process.cwd(), 'public') });
    } finally {
      vi.doUnmock('../../../src/lib/navigator/navigator-graph.ts');
      vi.resetModules();
    }
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ field: '(file)', problem: 'the check stopped on this file unexpectedly ("nodes is not iterable")', fix: expect.stringContaining('please report this') });
    expect(result.problems[0]!.file).toMatch(/^content\//);
  });
});
