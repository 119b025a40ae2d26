import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, runInCopy, type RunResult } from '../../scripts/lib/project-copy.ts';

/**
 * A second council adopts the site by replacing content/. The copy's content is the demo's with
 * every "Kestrel" renamed "Otter" in its text and file names (Kestrel Vale becomes Otter Vale,
 * kestrelvale.example becomes ottervale.example), so any "Kestrel" left in the built site can
 * only come from the code.
 */
const TEXT_FILE = /\.(?:json|mdx?|vtt|csv|txt)$/;
const BUILT_TEXT = new Set(['.html', '.json', '.xml', '.txt', '.css', '.js', '.mjs', '.vtt', '.yml', '.webmanifest', '']);

function* filesIn(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesIn(path);
    else yield path;
  }
}

const rename = (text: string) => text.replaceAll('Kestrel', 'Otter').replaceAll('kestrel', 'otter').replaceAll('KESTREL', 'OTTER');

describe('another council, with content of its own', () => {
  let root: string;
  let build: RunResult;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-council-'));
    copyProject(resolve('.'), root);
    for (const file of [...filesIn(join(root, 'content'))]) {
      if (TEXT_FILE.test(file)) writeFileSync(file, rename(readFileSync(file, 'utf8')));
      // File names are ids, such as content/organisations/kestrel-vale-council.json.
      const renamed = join(dirname(file), rename(basename(file)));
      if (renamed !== file) renameSync(file, renamed);
    }
    build = await runInCopy(root, 'astro', ['build']);
  }, 300_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const read = (path: string) => readFileSync(join(root, 'dist', path), 'utf8');

  test('builds', () => {
    expect(build.status, build.output).toBe(0);
  });

  test('the build warns of nothing when nothing is wrong: a warning naming a content file must mean the editor has something to fix', () => {
    expect(build.output.split('\n').filter((line) => /\[WARN\]|warning/i.test(line))).toEqual([]);
  });

  test('nothing in the built site names the demo area: no local name lives in the code', () => {
    const found: string[] = [];
    for (const file of filesIn(join(root, 'dist'))) {
      if (!BUILT_TEXT.has(extname(file))) continue;
      const text = readFileSync(file, 'utf8');
      const at = text.search(/kestrel/i);
      if (at >= 0) found.push(`${relative(join(root, 'dist'), file)}: …${text.slice(Math.max(0, at - 60), at + 40)}…`);
    }
    expect(found).toEqual([]);
  });

  test('pages, open data and the decision tree name the new area', () => {
    expect(read('index.html')).toContain('Otter Vale SEND Local Offer');
    const result = readdirSync(join(root, 'dist/navigator/which-support-applies'))
      .map((node) => join('navigator/which-support-applies', node, 'index.html'))
      .map((page) => { try { return read(page); } catch { return ''; } })
      .find((html) => html.includes('that may help:'));
    expect(result).toContain('Services in Otter Vale that may help:');
    // The Open Referral records name the area served (the lists hold only each service's own fields).
    const records = readdirSync(join(root, 'dist/openreferral/v3/records/services')).map((file) => read(join('openreferral/v3/records/services', file)));
    expect(records.some((record) => record.includes('"Otter Vale"'))).toBe(true);
  });

  test('its videos, captions and posters come from its own content/public/', () => {
    expect(read('videos/supported-internships-explained.vtt')).toMatch(/^WEBVTT/);
    expect(readFileSync(join(root, 'dist/videos/supported-internships-explained.mp4')).length).toBe(
      readFileSync(join(root, 'content/public/videos/supported-internships-explained.mp4')).length,
    );
  });

  test('every link in its built site leads somewhere', async () => {
    const links = await runInCopy(root, 'node', ['scripts/check-links.ts']);
    expect(links.status, links.output).toBe(0);
  });
});
