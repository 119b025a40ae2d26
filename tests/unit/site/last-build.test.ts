import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ASTRO_RECORD, CARRIED_PAGES, readCarriedPages, removeUnbuiltPages } from '../../../src/lib/site/carried-pages.ts';
import { HOST_FILE_LIMIT_BYTES, largeFiles } from '../../../src/lib/site/output-size.ts';
import {
  affectsOutput,
  buildInputsDigest,
  carryOverPages,
  dropStaged,
  finishKeeping,
  forgetLastBuild,
  inputFiles,
  keepBuild,
  movesFor,
  NOT_INPUT_FILE,
  NOT_INPUT_FOLDERS,
  NOT_OUTPUT_ENV,
  reuseLastBuild,
  stageBuild,
  type BuildInputs,
} from '../../../scripts/lib/last-build.ts';

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};
const inputs = (over: Partial<BuildInputs> = {}): BuildInputs => ({ root, env: { HOME: '/home/editor' }, today: '2026-12-06', node: 'v24.0.0', args: [], ...over });
const digest = (over: Partial<BuildInputs> = {}) => buildInputsDigest(inputs(over));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'olo-last-build-'));
  write('node_modules/.package-lock.json', '{"packages":{"node_modules/astro":{"version":"7.4.8"}}}');
  write('content/services/portage.json', '{"name":"Portage"}');
  write('content/site.json', '{"name":"Kestrel Vale Local Offer"}');
  write('src/pages/index.astro', '<h1>Hello</h1>');
  write('package.json', '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the digest of what a build reads', () => {
  test('is the same for the same project, and changes when a file changes, is added or is removed', () => {
    const first = digest();
    expect(digest()).toBe(first);
    write('content/services/portage.json', '{"name":"Portage home visiting"}');
    const edited = digest();
    expect(edited).not.toBe(first);
    write('content/services/camhs.json', '{"name":"CAMHS"}');
    expect(digest()).not.toBe(edited);
    rmSync(join(root, 'content/services/camhs.json'));
    expect(digest()).toBe(edited);
    write('README.md', 'How to build');
    expect(digest()).not.toBe(edited);
  });

  test('changes with the installed packages, the Node version, the date and what the build was asked', () => {
    const first = digest();
    expect(digest({ node: 'v24.1.0' })).not.toBe(first);
    expect(digest({ today: '2026-12-07' })).not.toBe(first);
    expect(digest({ args: ['--verbose'] })).not.toBe(first);
    write('node_modules/.package-lock.json', '{"packages":{"node_modules/astro":{"version":"7.4.9"}}}');
    expect(digest()).not.toBe(first);
  });

  test('changes with a setting in the environment that can change the site, and not with any other', () => {
    const first = digest();
    for (const name of ['LIST_ALL_SERVICES_UP_TO', 'NODE_ENV', 'PUBLIC_ANALYTICS', 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE', 'ASTRO_TELEMETRY_DISABLED']) {
      expect(digest({ env: { HOME: '/home/editor', [name]: '1' } }), name).not.toBe(first);
    }
    expect(digest({ env: { HOME: '/home/editor', CI: 'true', GITHUB_RUN_ID: '42', OG_THREADS: '1' } })).toBe(first);
  });

  test("does not change with the build's own output, caches, logs or installed files", () => {
    const first = digest();
    write('dist/index.html', '<h1>Built</h1>');
    write('.cache/astro/incremental-build.json', '{}');
    write('.astro/types.d.ts', '');
    write('build.log', 'Complete!');
    write('content/build.log', 'Complete!');
    write('test-results/report.json', '{}');
    write('node_modules/astro/package.json', '{}');
    write('review-report.csv', 'a,b');
    expect(digest()).toBe(first);
  });

  test('reads a content folder that is a link to another folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'olo-content-'));
    try {
      writeFileSync(join(elsewhere, 'site.json'), '{"name":"A"}');
      rmSync(join(root, 'content'), { recursive: true });
      symlinkSync(elsewhere, join(root, 'content'));
      expect(inputFiles(root)).toContain('content/site.json');
      const first = digest();
      writeFileSync(join(elsewhere, 'site.json'), '{"name":"B"}');
      expect(digest()).not.toBe(first);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test('cannot be made when the installed packages are unknown, so nothing is reused', () => {
    rmSync(join(root, 'node_modules/.package-lock.json'));
    expect(digest()).toBeUndefined();
  });

  test('leaves out exactly what .gitignore lists', () => {
    const lines = readFileSync('.gitignore', 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    for (const line of lines) {
      if (line.endsWith('/')) expect(NOT_INPUT_FOLDERS.has(line.slice(0, -1)), line).toBe(true);
      else expect(NOT_INPUT_FILE(line.replace('*', 'anything')), line).toBe(true);
    }
    for (const folder of NOT_INPUT_FOLDERS) if (folder !== '.git') expect(lines, folder).toContain(`${folder}/`);
  });

  test("counts every environment variable the site's code reads, unless it is listed with why it cannot change the site", () => {
    const files: string[] = ['astro.config.mjs'];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mjs|js|astro)$/.test(entry.name)) files.push(path);
      }
    };
    walk('src');
    const read = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/(?:process\.env|import\.meta\.env)(?:\.([A-Za-z_]\w*)|\[['"](\w+)['"]\])/g)) read.add(match[1] ?? match[2]!);
    }
    expect(read.size).toBeGreaterThan(3);
    for (const name of read) expect(affectsOutput(name) || name in NOT_OUTPUT_ENV, `${name} is read by the site: add it to OUTPUT_ENV in scripts/lib/last-build.ts, or to NOT_OUTPUT_ENV with why`).toBe(true);
  });
});

describe('keeping a finished build and reusing it', () => {
  const built = { 'index.html': '<h1>Kestrel Vale</h1>', 'services/portage/index.html': '<h1>Portage</h1>', 'og/portage.png': 'PNG' };
  const buildDist = () => {
    for (const [path, text] of Object.entries(built)) write(`dist/${path}`, text);
  };
  const distFiles = () => Object.fromEntries(Object.keys(built).map((path) => [path, readFileSync(join(root, 'dist', path), 'utf8')]));

  test('puts the same files back into dist/ when nothing has changed', () => {
    buildDist();
    expect(keepBuild(root, 'abc')).toEqual({ kept: true, files: 3, large: [] });
    renameSync(join(root, 'dist'), join(root, 'dist-was'));
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: true, files: 3 });
    expect(distFiles()).toEqual(built);
  });

  test('moves an old dist/ out of the way first', () => {
    buildDist();
    keepBuild(root, 'abc');
    write('dist/stale.html', 'old');
    const reuse = reuseLastBuild(root, 'abc');
    expect(reuse).toMatchObject({ reused: true });
    expect(existsSync(join(root, 'dist/stale.html'))).toBe(false);
    expect(distFiles()).toEqual(built);
  });

  test('reuses nothing when anything has changed', () => {
    buildDist();
    keepBuild(root, 'abc');
    expect(reuseLastBuild(root, 'abd')).toEqual({ reused: false, why: 'something the site is built from has changed' });
    expect(distFiles()).toEqual(built);
  });

  test('reuses nothing when a kept file was changed after its build, for example by a step that edits dist/', () => {
    buildDist();
    keepBuild(root, 'abc');
    // dist/ and the kept build share their files: editing one in place edits both.
    writeFileSync(join(root, 'dist/services/portage/index.html'), '<h1>Portage, edited after the build</h1>');
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'the kept copy of services/portage/index.html was changed after its build' });
  });

  test('reuses nothing when a kept file has the same size but was written again later', () => {
    buildDist();
    keepBuild(root, 'abc');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'dist/og/portage.png'), later, later);
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: false, why: 'the kept copy of og/portage.png was changed after its build' });
  });

  test('reuses nothing when no build was kept, or its record is damaged', () => {
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'no finished build is kept' });
    buildDist();
    keepBuild(root, 'abc');
    writeFileSync(join(root, '.cache/site/last-build.json'), '{"version":3,"digest":"abc","fi');
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'no finished build is kept' });
    writeFileSync(join(root, '.cache/site/last-build.json'), '{"version":3,"digest":"abc","astroRecord":null,"files":[7]}');
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: false, why: expect.stringMatching(/^the kept build could not be read/) });
  });

  test('keeps a build staged in two steps, the search index last, as when the rest was linked while Pagefind wrote it', () => {
    buildDist();
    const staged = stageBuild(root, ['pagefind']);
    expect(staged).toMatchObject({ files: [['index.html', 21, expect.any(Number)], ['og/portage.png', 3, expect.any(Number)], ['services/portage/index.html', 16, expect.any(Number)]] });
    // Written after staging, as Pagefind writes the index.
    write('dist/pagefind/pagefind.js', 'search');
    write('dist/pagefind/fragment/a.pf_fragment', 'fragment');
    expect(finishKeeping(root, staged, 'abc')).toEqual({ kept: true, files: 5, large: [] });
    const record = JSON.parse(readFileSync(join(root, '.cache/site/last-build.json'), 'utf8')) as { files: [string][] };
    expect(record.files.map(([path]) => path)).toEqual(['index.html', 'og/portage.png', 'pagefind/fragment/a.pf_fragment', 'pagefind/pagefind.js', 'services/portage/index.html']);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: true, files: 5 });
    expect(readFileSync(join(root, 'dist/pagefind/pagefind.js'), 'utf8')).toBe('search');
    expect(distFiles()).toEqual(built);
  });

  test('names the files too big for some hosts from the sizes it keeps, the search index too, when it keeps the build and when it puts it back', () => {
    buildDist();
    // Sparse files, as big as a long video and a big search index file, without writing the bytes.
    write('dist/videos/long.mp4', '');
    truncateSync(join(root, 'dist/videos/long.mp4'), HOST_FILE_LIMIT_BYTES + 1);
    const staged = stageBuild(root, ['pagefind']);
    // Written after staging, as Pagefind writes the index.
    write('dist/pagefind/huge.pf_meta', '');
    truncateSync(join(root, 'dist/pagefind/huge.pf_meta'), HOST_FILE_LIMIT_BYTES + 2);
    const large = [
      { path: 'pagefind/huge.pf_meta', bytes: HOST_FILE_LIMIT_BYTES + 2 },
      { path: 'videos/long.mp4', bytes: HOST_FILE_LIMIT_BYTES + 1 },
    ];
    expect(finishKeeping(root, staged, 'abc')).toEqual({ kept: true, files: 5, large });
    expect(largeFiles(join(root, 'dist'))).toEqual(large);
    rmSync(join(root, 'dist'), { recursive: true });
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: true, files: 5, large });
  });

  test('a staged build given up, or one whose staging failed, leaves no staging folder and no kept build', () => {
    buildDist();
    const staged = stageBuild(root, ['pagefind']);
    dropStaged(staged);
    expect(readdirSync(join(root, '.cache/site'))).toEqual([]);
    rmSync(join(root, 'dist'), { recursive: true });
    const failed = stageBuild(root);
    expect(failed).toMatchObject({ failed: expect.stringContaining('ENOENT') });
    expect(finishKeeping(root, failed, 'abc')).toMatchObject({ kept: false });
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'no finished build is kept' });
  });

  test('a file of dist/ changed in place after staging is the staged file too, so the next build finds it changed', () => {
    buildDist();
    const staged = stageBuild(root, ['pagefind']);
    writeFileSync(join(root, 'dist/services/portage/index.html'), '<h1>Portage, changed after staging</h1>');
    finishKeeping(root, staged, 'abc');
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'the kept copy of services/portage/index.html was changed after its build' });
  });

  test('forgets the kept build before an ordinary build, record first', () => {
    buildDist();
    keepBuild(root, 'abc');
    forgetLastBuild(root);
    expect(existsSync(join(root, '.cache/site/last-build.json'))).toBe(false);
    expect(existsSync(join(root, '.cache/site/dist'))).toBe(false);
    expect(reuseLastBuild(root, 'abc')).toMatchObject({ reused: false });
    // The build that follows empties the old-output folder; dist/ itself is untouched.
    expect(distFiles()).toEqual(built);
  });
});

describe("carrying the last build's pages over for Astro to keep", () => {
  const built = {
    'index.html': '<h1>Kestrel Vale</h1>',
    'services/portage/index.html': '<h1>Portage</h1>',
    'services/camhs/index.html': '<h1>CAMHS</h1>',
    'services/play and stay/index.html': '<h1>Play and stay</h1>',
    'og/portage.png': 'PNG',
  };
  /** Astro's record of its incremental build, naming each page's output file as Astro does (part of a URL). */
  const astroRecord = (outputs: string[]) =>
    write(
      ASTRO_RECORD,
      JSON.stringify({
        version: 1,
        routes: { 'src/pages/services/[id].astro': { dependencyHash: 'd1', paths: Object.fromEntries(outputs.map((output) => [`/${output.replace(/index\.html$/, '')}`, { cacheKey: 'k', outputFile: output }])) } },
      }),
    );
  const servicePages = ['services/portage/index.html', 'services/camhs/index.html', 'services/play%20and%20stay/index.html'];
  const keepFinishedBuild = () => {
    for (const [path, text] of Object.entries(built)) write(`dist/${path}`, text);
    astroRecord(servicePages);
    expect(keepBuild(root, 'abc')).toMatchObject({ kept: true });
  };
  const distNow = (path: string) => (existsSync(join(root, 'dist', path)) ? readFileSync(join(root, 'dist', path), 'utf8') : undefined);

  test("moves exactly the pages Astro's record names into a new dist/, and forgets the rest of the kept build", () => {
    keepFinishedBuild();
    write('dist/stale.html', 'left by the last build');
    const carried = carryOverPages(root);
    expect(carried.why).toBeUndefined();
    expect([...carried.pages.keys()].sort()).toEqual(['services/camhs/index.html', 'services/play and stay/index.html', 'services/portage/index.html']);
    expect(distNow('services/play and stay/index.html')).toBe('<h1>Play and stay</h1>');
    // Not pages Astro keeps: the build makes them again.
    expect(distNow('index.html')).toBeUndefined();
    expect(distNow('og/portage.png')).toBeUndefined();
    expect(distNow('stale.html')).toBeUndefined();
    expect(existsSync(join(root, '.cache/site/last-build.json'))).toBe(false);
    expect(existsSync(join(root, '.cache/site/dist'))).toBe(false);
    expect(reuseLastBuild(root, 'abc')).toEqual({ reused: false, why: 'no finished build is kept' });
    // The list Astro's build reads, to remove the pages it does not make.
    expect(readCarriedPages(root)).toEqual(carried.pages);
  });

  test("carries nothing over when Astro's record has changed since the kept build (a build by astro build alone, or one stopped after Astro)", () => {
    keepFinishedBuild();
    astroRecord(['services/portage/index.html']);
    const carried = carryOverPages(root);
    expect(carried).toEqual({ pages: new Map(), why: "Astro's record of its pages has changed since the kept build" });
    expect(existsSync(join(root, '.cache/site/dist'))).toBe(false);
  });

  test("carries nothing over when there was no record of Astro's, or no kept build", () => {
    expect(carryOverPages(root)).toEqual({ pages: new Map(), why: 'no finished build is kept' });
    for (const [path, text] of Object.entries(built)) write(`dist/${path}`, text);
    keepBuild(root, 'abc');
    astroRecord(servicePages);
    expect(carryOverPages(root).pages.size).toBe(0);
  });

  test('leaves out a page whose file is also linked from outside the build, so that writing the page again never changes that copy', () => {
    keepFinishedBuild();
    // A copy of the site made with hard links, as `cp -al dist/ live/` makes one.
    mkdirSync(join(root, 'live'));
    linkSync(join(root, 'dist/services/portage/index.html'), join(root, 'live/portage.html'));
    const carried = carryOverPages(root);
    expect([...carried.pages.keys()].sort()).toEqual(['services/camhs/index.html', 'services/play and stay/index.html']);
    expect(carried.linkedElsewhere).toBe(1);
    expect(distNow('services/portage/index.html')).toBeUndefined();
    expect(readFileSync(join(root, 'live/portage.html'), 'utf8')).toBe('<h1>Portage</h1>');
  });

  test('leaves out a kept page that was changed after its build', () => {
    keepFinishedBuild();
    writeFileSync(join(root, 'dist/services/camhs/index.html'), '<h1>CAMHS, edited after the build</h1>');
    const carried = carryOverPages(root);
    expect([...carried.pages.keys()].sort()).toEqual(['services/play and stay/index.html', 'services/portage/index.html']);
    expect(distNow('services/camhs/index.html')).toBeUndefined();
  });

  test("after Astro's build, removes a carried-over page Astro neither kept nor wrote, and the folder it leaves empty", () => {
    keepFinishedBuild();
    const carried = carryOverPages(root);
    // The build: CAMHS was deleted; "play and stay" now has no cacheKey, and was rendered again.
    astroRecord(['services/portage/index.html']);
    const later = new Date(Date.now() + 5_000);
    writeFileSync(join(root, 'dist/services/play and stay/index.html'), '<h1>Play and stay, rendered again</h1>');
    utimesSync(join(root, 'dist/services/play and stay/index.html'), later, later);
    expect(removeUnbuiltPages(root, readCarriedPages(root))).toBe(1);
    expect(existsSync(join(root, CARRIED_PAGES))).toBe(false);
    expect(existsSync(join(root, 'dist/services/camhs'))).toBe(false);
    expect(distNow('services/portage/index.html')).toBe('<h1>Portage</h1>');
    expect(distNow('services/play and stay/index.html')).toBe('<h1>Play and stay, rendered again</h1>');
  });

  test('moves a folder that holds only carried pages in one go, and any other carried page on its own', () => {
    const carried = (paths: string[]) => new Map(paths.map((path) => [path, 0]));
    const kept = ['index.html', 'og/a.png', 'services/a/index.html', 'services/b/index.html', 'services/find/x/index.html', 'services/find/y/index.html', 'provision/index.html', 'provision/list.csv', 'pathways/a/index.html', 'pathways/a/notes.csv', 'top.html'];
    expect(movesFor(kept, carried(['services/a/index.html', 'services/b/index.html', 'services/find/x/index.html', 'services/find/y/index.html'])).sort()).toEqual(['services/']);
    // services/b/ was changed after its build: each other folder of services/ moves whole.
    expect(movesFor(kept, carried(['services/a/index.html', 'services/find/x/index.html', 'services/find/y/index.html'])).sort()).toEqual(['services/a/', 'services/find/']);
    // A page beside a file that stays behind moves on its own; so does a page at the top.
    expect(movesFor(kept, carried(['provision/index.html', 'pathways/a/index.html', 'top.html'])).sort()).toEqual(['pathways/a/index.html', 'provision/index.html', 'top.html']);
    expect(movesFor(kept, carried([]))).toEqual([]);
  });

  test('moves a folder of carried pages whole, with every page in it', () => {
    keepFinishedBuild();
    const carried = carryOverPages(root);
    expect(carried.pages.size).toBe(3);
    expect(readdirSync(join(root, 'dist/services')).sort()).toEqual(['camhs', 'play and stay', 'portage']);
    expect(distNow('services/camhs/index.html')).toBe('<h1>CAMHS</h1>');
    expect(existsSync(join(root, '.cache/site/dist/services'))).toBe(false);
  });

  test("a build told that pages were carried over, whose list of them is missing, stops and says what to do", () => {
    expect(() => readCarriedPages(root)).toThrow(`npm run build put the last build's pages in dist/, but its list of them (${CARRIED_PAGES}) is missing. Delete dist/ and build again.`);
  });
});
