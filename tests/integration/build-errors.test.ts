import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, npmBuildArgs, productionEnv } from '../../scripts/lib/project-copy.ts';

/** `astro build` in a copy of the project, as these tests always ran it. */
const astroBuild = (root: string) => spawnSync(resolve('node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });

/**
 * A copy of the project broken by `breakIt` and built with `build`, before the tests of the
 * describe block that calls this (removed after them): its folder, and what the build answered
 * with its output in one string.
 */
function builtBroken(breakIt: (root: string) => void, build: (root: string) => ReturnType<typeof spawnSync> = astroBuild, timeoutMs?: number) {
  const built = { root: '', result: undefined as unknown as ReturnType<typeof spawnSync>, output: '' };
  beforeAll(() => {
    built.root = mkdtempSync(join(tmpdir(), 'olo-build-'));
    copyProject(resolve('.'), built.root);
    breakIt(built.root);
    built.result = build(built.root);
    built.output = `${built.result.stdout}${built.result.stderr}`;
  }, timeoutMs);
  afterAll(() => rmSync(built.root, { recursive: true, force: true }));
  return built;
}

/**
 * A copy of the project with one broken content file: `astro build` must stop with the
 * plain-English list, naming the file and field, before any stack trace.
 */
describe('building with a malformed content file', () => {
  const built = builtBroken((root) => {
    const file = join(root, 'content/services/portage-home-visiting.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.contacts[0].email = 'portage at kestrelvale';
    writeFileSync(file, JSON.stringify(data));
  });

  test('exits with a failure code', () => {
    expect(built.result.status).not.toBe(0);
  });

  test('names the file, the field, what was found and what is expected', () => {
    expect(built.output).toContain('content/services/portage-home-visiting.json: contacts[0].email — found "portage at kestrelvale" — use an email address');
    expect(built.output).toContain('Nothing has been published');
  });

  test('shows no stack trace', () => {
    expect(built.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

/** Mistakes that used to stop the build with a parser's message or a stack trace before the check could explain them. */
const earlyMistakes: { mistake: string; breakIt: (root: string) => void; expected: RegExp }[] = [
  {
    mistake: 'content/site.json is not valid JSON (the configuration reads it)',
    breakIt: (root) => {
      const file = join(root, 'content/site.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\}\s*$/, ',\n}\n'));
    },
    expected: /content\/site\.json: \(file\) — is not valid JSON: line \d+: there is a comma after the last item, before the closing \} — delete that comma/,
  },
  {
    mistake: 'an MDX page has a "<" that MDX reads as a tag',
    breakIt: (root) => {
      const file = join(root, 'content/pathways/sen-support.mdx');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nChildren aged <5 get help from their setting.\n`);
    },
    expected: /content\/pathways\/sen-support\.mdx: \(body, line \d+\) — found Children aged <5 get help from their setting\. — in MDX a "<" starts a tag/,
  },
];

describe.each(earlyMistakes)('building when $mistake', ({ breakIt, expected }) => {
  const built = builtBroken(breakIt);

  test('stops with the plain-English report, and no stack trace', () => {
    expect(built.result.status).not.toBe(0);
    expect(built.output).toMatch(expected);
    expect(built.output).toContain('Nothing has been published');
    expect(built.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

/**
 * `npm run build` starts the search index as soon as Astro says its pages are final
 * (src/integrations/pages-final.ts). A build that fails after that point (here, the Open
 * Referral files cannot be kept, as a file stands where their cache folder should be: found
 * when Astro waits for them, after the pages) still stops with the reason and a failure code,
 * keeps nothing for the next build and leaves no half-kept copy behind. The reason is in words,
 * with what to do, and no stack trace.
 */
describe('npm run build, when Astro fails after its pages are final', () => {
  const built = builtBroken(
    (root) => {
      mkdirSync(join(root, '.cache'), { recursive: true });
      writeFileSync(join(root, '.cache/oruk'), 'not a folder\n');
    },
    (root) => spawnSync(join(root, 'node_modules/.bin/node'), npmBuildArgs(), { cwd: root, encoding: 'utf8', env: { ...process.env, ...productionEnv, CI: 'true' }, timeout: 600_000 }),
    700_000,
  );

  test('stops with a failure code and the reason in words, without a stack trace, a search index finished or a build kept', () => {
    const { root, result, output } = built;
    expect(result.error, 'the build answered').toBeUndefined();
    expect(result.status).not.toBe(0);
    expect(output).toContain('Open Referral UK: the files of /openreferral/v3/ could not be written');
    expect(output).toContain('Deleting .cache/oruk/ makes the next build write them all again.');
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(output).not.toContain('Built and indexed for search');
    expect(existsSync(join(root, '.cache/site/last-build.json'))).toBe(false);
    expect(existsSync(join(root, '.cache/site')) ? readdirSync(join(root, '.cache/site')).filter((name) => name.startsWith('dist-')) : []).toEqual([]);
  });
});

/**
 * A built page whose og:image the build cannot draw (here a file in public/, which the site's
 * developers own; content/public/ publishes no HTML) stops the build at its social images, as
 * soon as the pages are final: the page named, in words, and no stack trace or hang.
 */
describe('building when a page asks for a social image outside /og/', () => {
  const built = builtBroken((root) => {
    writeFileSync(join(root, 'public/stray.html'), '<!doctype html><html><head><meta property="og:image" content="https://elsewhere.example/og/stray.png"></head><body></body></html>');
  });

  test('stops with the page and the fix in words, and no stack trace', () => {
    expect(built.result.status).not.toBe(0);
    expect(built.output).toContain('✗ Social images: stray.html: og:image "https://elsewhere.example/og/stray.png" should be an image under');
    expect(built.output).toContain('Check the page named: its layout in src/layouts/, or the file in public/.');
    expect(built.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});

