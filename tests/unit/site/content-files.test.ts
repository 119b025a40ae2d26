import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { builtFolderOf, contentFileFor, filesUnder, publishContentFiles, rawContentRequest } from '../../../src/lib/site/content-files.ts';
import { byteRange, contentTypeOf } from '../../../src/lib/site/static-file.ts';

let root: string;
let source: string;
let out: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'olo-content-files-'));
  source = join(root, 'content/public');
  out = join(root, 'dist');
  mkdirSync(join(source, 'videos'), { recursive: true });
  mkdirSync(join(source, 'files/leaflets'), { recursive: true });
  mkdirSync(out);
  writeFileSync(join(source, 'videos/intro.mp4'), 'video');
  writeFileSync(join(source, 'videos/intro.vtt'), 'WEBVTT\n');
  writeFileSync(join(source, 'files/leaflets/short breaks.pdf'), 'pdf');
  writeFileSync(join(source, '.DS_Store'), 'junk');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('content/public/ in the built site', () => {
  test('lists every file at any depth, leaving out hidden files', () => {
    expect(filesUnder(source)).toEqual(['files/leaflets/short breaks.pdf', 'videos/intro.mp4', 'videos/intro.vtt']);
    expect(filesUnder(join(root, 'no-such-folder'))).toEqual([]);
  });

  test('every file is published at the same path, as a link rather than a second copy', () => {
    expect(publishContentFiles(source, out)).toEqual({ placed: 3, clashes: [] });
    expect(readFileSync(join(out, 'videos/intro.mp4'), 'utf8')).toBe('video');
    expect(readFileSync(join(out, 'files/leaflets/short breaks.pdf'), 'utf8')).toBe('pdf');
    expect(statSync(join(out, 'videos/intro.vtt')).ino).toBe(statSync(join(source, 'videos/intro.vtt')).ino);
  });

  test('a file never replaces one the build has written, and is reported instead', () => {
    mkdirSync(join(out, 'videos'));
    writeFileSync(join(out, 'videos/intro.mp4'), 'the build wrote this');
    expect(publishContentFiles(source, out)).toEqual({ placed: 2, clashes: ['videos/intro.mp4'] });
    expect(readFileSync(join(out, 'videos/intro.mp4'), 'utf8')).toBe('the build wrote this');
  });

  test('a file in a folder the build fills itself (the social images, the search index…) is not published, and is reported: a social image placed later would replace it without a word', () => {
    mkdirSync(join(source, 'og/services'), { recursive: true });
    writeFileSync(join(source, 'og/services/portage.vtt'), 'WEBVTT\n');
    mkdirSync(join(source, 'pagefind'));
    writeFileSync(join(source, 'pagefind/notes.pdf'), 'pdf');
    expect(publishContentFiles(source, out)).toEqual({ placed: 3, clashes: ['og/services/portage.vtt', 'pagefind/notes.pdf'] });
    expect(existsSync(join(out, 'og'))).toBe(false);
    // Only a folder: a file at the top with such a name is the content's own.
    expect(builtFolderOf('og.png')).toBeUndefined();
    expect(builtFolderOf('og/a.png')).toBe('og');
    expect(builtFolderOf('constructor/a.png')).toBeUndefined();
  });

  test('a PDF that would run JavaScript when opened is not published, whatever runs the build (the content check refuses it first)', () => {
    writeFileSync(join(source, 'files/leaflets/scripted.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF\n');
    expect(publishContentFiles(source, out)).toEqual({ placed: 3, clashes: [] });
    expect(existsSync(join(out, 'files/leaflets/scripted.pdf'))).toBe(false);
    expect(contentFileFor(source, '/files/leaflets/scripted.pdf')).toBeUndefined();
    expect(contentFileFor(source, '/files/leaflets/short%20breaks.pdf')).toBe(join(source, 'files/leaflets/short breaks.pdf'));
  });

  test('a folder with nothing in it publishes nothing', () => {
    expect(publishContentFiles(join(root, 'no-such-folder'), out)).toEqual({ placed: 0, clashes: [] });
  });
});

describe('the development server finds content files by address', () => {
  test('an address names a file, with or without a query and with encoded spaces', () => {
    expect(contentFileFor(source, '/videos/intro.mp4')).toBe(join(source, 'videos/intro.mp4'));
    expect(contentFileFor(source, '/videos/intro.vtt?v=2')).toBe(join(source, 'videos/intro.vtt'));
    expect(contentFileFor(source, '/files/leaflets/short%20breaks.pdf')).toBe(join(source, 'files/leaflets/short breaks.pdf'));
    // The integration names the folder as a URL's path does, ending in a slash.
    expect(contentFileFor(`${source}/`, '/videos/intro.mp4')).toBe(join(source, 'videos/intro.mp4'));
  });

  test('folders, missing files and addresses outside the folder are not served', () => {
    writeFileSync(join(root, 'content/site.json'), '{}');
    for (const address of ['/videos/', '/videos', '/videos/none.mp4', '/../site.json', '/videos/%2e%2e/%2e%2e/site.json', '/%E0%A4%A', '/', '']) {
      expect(contentFileFor(source, address), address).toBeUndefined();
      expect(contentFileFor(`${source}/`, address), address).toBeUndefined();
    }
  });
});

describe('the development server never serves content/ as it is', () => {
  // Vite answers a project's files at their own paths and any readable file at /@fs/<path>: an
  // SVG an editor put in content/public/ ran its script on the editor's address that way.
  test('every address that names a file in content/, however it is written, is refused', () => {
    const content = join(root, 'content');
    for (const address of [
      '/content/public/files/diagram.svg',
      '/content/public/files/diagram.svg?raw',
      '/content/site.json?import',
      '/content/pages/privacy.mdx',
      '/%63ontent/public/files/diagram.svg',
      '//content//public/files/diagram.svg',
      '/files/../content/site.json',
      '/files/%2e%2e/content/site.json',
      `/@fs${content}/public/files/diagram.svg`,
      `/@fs/${content}/notes.html`,
      `/@fs${content.replaceAll('/', '//')}//notes.html`,
      `/@fs${encodeURI(content)}/public/files/diagram.svg#x`,
      `/@id${content}/evil.js`,
      `/@id/__x00__${content}/evil.js`,
    ]) {
      expect(rawContentRequest(root, content, address), address).toBe(true);
      expect(rawContentRequest(`${root}/`, `${content}/`, address), address).toBe(true);
    }
  });

  test('through a shortcut to the project, by the path it leads to', () => {
    const link = `${root}-link`;
    symlinkSync(root, link);
    try {
      expect(rawContentRequest(link, join(link, 'content'), `/@fs${root}/content/public/files/diagram.svg`)).toBe(true);
    } finally {
      rmSync(link);
    }
  });

  test("the site's own addresses, and files outside content/, are left to the server", () => {
    const content = join(root, 'content');
    for (const address of ['/', '/content/', '/content', '/services/', '/files/leaflets/short%20breaks.pdf', '/videos/intro.mp4', '/_astro/a.css', `/@fs${root}/node_modules/vite/dist/client/env.mjs`, '/src/styles/global.css', '/contents/a.svg', '/%E0%A4%A']) {
      expect(rawContentRequest(root, content, address), address).toBe(false);
    }
  });
});

describe('serving a file as a static host does', () => {
  test('byte ranges, as video players ask for them', () => {
    expect(byteRange(undefined, 100)).toBeUndefined();
    expect(byteRange('bytes=-', 100)).toBeUndefined();
    expect(byteRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(byteRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(byteRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
    expect(byteRange('bytes=100-', 100)).toBe('unsatisfiable');
    expect(byteRange('bytes=20-10', 100)).toBe('unsatisfiable');
  });

  test('content types by file name, whatever the case of the extension', () => {
    expect(contentTypeOf('intro.MP4')).toBe('video/mp4');
    expect(contentTypeOf('intro.vtt')).toBe('text/vtt; charset=utf-8');
    expect(contentTypeOf('leaflet.pdf')).toBe('application/pdf');
    expect(contentTypeOf('unknown.xyz')).toBe('application/octet-stream');
  });
});
