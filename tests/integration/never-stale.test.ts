import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, npmBuildArgs, runInCopy } from '../../scripts/lib/project-copy.ts';
import { searchIndexScript } from '../../scripts/lib/search-index.ts';
import { keptPagesIn, renderedPagesIn, withoutColours } from '../../src/lib/site/build-log.ts';
import { addDays, addMonths } from '../../src/lib/text/dates.ts';

/**
 * Incremental builds are never stale. A copy of the project is built, changed and built again
 * incrementally (Astro copies each page whose cacheKey, src/lib/site/cache-key.ts, is unchanged), and
 * its whole dist/ is compared, file by file, with a clean build of the same content in a second
 * copy. The changes are what an editor does: one service's name and its organisation's name; a
 * service added and another deleted; a glossary term the service uses and a locality in
 * site.json (the last two are in every page's key, so they share a round, with every video
 * deleted, which the young people's page must then say). The first round is
 * also a day later than the first builds, the day a provision entry falls due for review: its
 * page warns from that day with nothing in content/ changed (the builds' clock is set, FIRST_DAY).
 *
 * A rebuild with nothing changed must copy every page from getStaticPaths() and render only the
 * other pages: a page left without a cacheKey, or with one that changes from build to build,
 * fails here. A new getStaticPaths() page needs `withCacheKey` (src/lib/site/cache-key.ts) with
 * everything it reads; one that forgets a dependency shows up as a stale file below.
 *
 * The first builds are Astro's alone (`astro build`), which copies each unchanged page from its own
 * cache. The rounds build as an editor does, with `npm run build` (scripts/build.ts), which also
 * indexes for search and keeps the finished build: from the second round on it carries the kept
 * build's pages over into dist/ for Astro to keep (carryOverPages in scripts/lib/last-build.ts),
 * so a page Astro does not keep, such as a deleted service's, must be gone from dist/ after it.
 * The clean builds use `npm run build` too, so both sides have a search index.
 *
 * The builds of a round run side by side, and each round reuses the last one's build.
 */
const project = resolve('.');
const SERVICE = 'portage-home-visiting';
const ORGANISATION = 'kestrel-vale-council';
/** A provision entry (given to its page as its fields, not as an entry) that names no service a round changes. */
const PROVISION = 'cognition-and-learning-primary-universal';

/**
 * The day of the first builds: the first of next month, so that the content's review dates are
 * never in the future and the entry reviewed a review interval earlier falls due that very day.
 * The rounds are built the day after (NEXT_DAY), when it is overdue.
 */
const now = new Date();
const FIRST_DAY = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
const NEXT_DAY = addDays(FIRST_DAY, 1);

/**
 * Node's options that set a build's clock (in every process of it) to noon on `day`, by a module
 * each one imports first. The clock still runs.
 */
function clockOn(day: string, folder: string): Record<string, string> {
  const module = join(folder, `clock-${day}.mjs`);
  writeFileSync(
    module,
    `const RealDate = Date;
const realNow = RealDate.now;
const offset = new RealDate('${day}T12:00:00Z').getTime() - realNow();
RealDate.now = () => realNow() + offset;
// A proxy rather than a subclass: dates made by Node itself are still instances of Date.
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length > 0 ? args : [RealDate.now()], newTarget),
  apply: () => new RealDate(RealDate.now()).toString(),
});
`,
  );
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${pathToFileURL(module).href}`.trim() };
}

/**
 * Pagefind's files that list every page (the index and filter chunks, the metadata, the entry
 * file) are written, and named, by the order Pagefind is given the pages, which varies from build
 * to build, so two clean builds differ there too: each kind counts as one entry, that it is there.
 * Its page fragments, one per page and named by their content, must be the same.
 */
const ORDERED_BY_PAGEFIND = /^pagefind\/(index\/|filter\/|pagefind\.[^/]+\.pf_meta$|pagefind-entry\.json$)/;

/** Every file in dist/ by its path, as a digest of its bytes (Pagefind's lists of pages by their kind only). */
function digestTree(dist: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const file = relative(dist, path).split(sep).join('/');
        const listing = ORDERED_BY_PAGEFIND.exec(file);
        if (listing) files.set(`pagefind/${listing[1]!.replace(/_[0-9a-f]+\.pf_meta$/, '.pf_meta')} (Pagefind's list of pages)`, 'there');
        else files.set(file, createHash('sha256').update(readFileSync(path)).digest('hex'));
      }
    }
  };
  walk(dist);
  return files;
}

/** The files that differ between two builds, each with what is wrong with it. */
function differences(incremental: Map<string, string>, clean: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [path, digest] of incremental) {
    if (!clean.has(path)) found.push(`${path}: only in the incremental build`);
    else if (clean.get(path) !== digest) found.push(`${path}: differs from the clean build`);
  }
  for (const path of clean.keys()) if (!incremental.has(path)) found.push(`${path}: missing from the incremental build`);
  return found.sort();
}


interface Build {
  status: number;
  output: string;
  files: Map<string, string>;
  /** The incremental cache's manifest: route → path → cacheKey. */
  keys: Map<string, Map<string, string>>;
}

/** Builds with Astro alone (`astro build`), or as an editor does (`npm run build`), with the clock set by `clock` (clockOn). */
async function build(root: string, clock: Record<string, string>, command: 'astro build' | 'npm run build' = 'astro build'): Promise<Build> {
  const { status, output } = command === 'astro build' ? await runInCopy(root, 'astro', ['build'], clock) : await runInCopy(root, 'node', npmBuildArgs(project), clock);
  const manifestFile = join(root, '.cache/astro/incremental-build.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { routes: Record<string, { paths: Record<string, { cacheKey: string }> }> })
    : { routes: {} };
  const keys = new Map(Object.entries(manifest.routes).map(([route, entry]) => [route, new Map(Object.entries(entry.paths).map(([path, p]) => [path, p.cacheKey]))]));
  return { status, output, files: status === 0 ? digestTree(join(root, 'dist')) : new Map(), keys };
}

/** A clean build of `from`'s content: the second copy gets the same content/ and no caches but the images'. */
function cleanBuild(from: string, root: string, clock: Record<string, string>): Promise<Build> {
  rmSync(join(root, 'content'), { recursive: true, force: true });
  cpSync(join(from, 'content'), join(root, 'content'), { recursive: true });
  for (const cache of ['.cache/astro', '.cache/site', '.cache/oruk']) rmSync(join(root, cache), { recursive: true, force: true });
  return build(root, clock, 'npm run build');
}

/**
 * The output paths Astro printed for pages it rendered, and how many pages it kept from the last
 * build (counted on one line by the build log, src/lib/site/build-log.ts), and how many of those
 * it copied back from its cache.
 */
function renderedPages(output: string): { rendered: string[]; copied: number; fromCache: number } {
  const kept = keptPagesIn(output);
  return { rendered: renderedPagesIn(output), copied: kept.pages, fromCache: kept.fromCache };
}

/** Route files in src/pages that are not helpers (`_`) and not dynamic (`[…]`). */
function routeFiles(dynamic: boolean): string[] {
  const pages = join(project, 'src/pages');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      if (entry.name.startsWith('_')) return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return /\.(astro|md|mdx|ts|js)$/.test(entry.name) ? [relative(project, path).split(sep).join('/')] : [];
    });
  return walk(pages).filter((file) => file.includes('[') === dynamic);
}

/** The file a static route writes: src/pages/glossary.astro → /glossary/index.html, robots.txt.ts → /robots.txt. */
function outputOf(routeFile: string): string {
  const path = routeFile.replace(/^src\/pages/, '');
  if (/\.(ts|js)$/.test(path)) return path.replace(/\.(ts|js)$/, '');
  const page = path.replace(/\.(astro|md|mdx)$/, '');
  if (page === '/404') return '/404.html';
  return page.endsWith('/index') ? `${page}.html` : `${page}/index.html`;
}

const editJson = (file: string, edit: (data: any) => void) => {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  edit(data);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
};

interface Round {
  name: string;
  change: (root: string) => void;
}

const rounds: Round[] = [
  {
    name: "one service's name and its organisation's name, on the day after a provision entry fell due for review",
    change: (root) => {
      editJson(join(root, 'content/services', `${SERVICE}.json`), (data) => (data.name = 'Portage visits at home'));
      editJson(join(root, 'content/organisations', `${ORGANISATION}.json`), (data) => (data.name = `${data.name} (renamed)`));
    },
  },
  {
    name: 'a service added and another deleted',
    change: (root) => {
      const services = join(root, 'content/services');
      const portage = JSON.parse(readFileSync(join(services, `${SERVICE}.json`), 'utf8'));
      writeFileSync(join(services, 'aardvark-play-sessions.json'), JSON.stringify({ ...portage, name: 'Aardvark play sessions', summary: 'Play sessions for young children, added for the never-stale test.' }, null, 2));
      unlinkSync(join(services, 'blue-badge.json'));
    },
  },
  {
    name: 'a glossary term the service uses, a locality added to site.json, and every video deleted',
    change: (root) => {
      for (const file of readdirSync(join(root, 'content/videos'))) unlinkSync(join(root, 'content/videos', file));
      editJson(join(root, 'content/glossary.json'), (terms: { term: string; synonyms: string[] }[]) => {
        terms.find((t) => t.term === 'Portage')!.synonyms.push('early learning at home');
      });
      editJson(join(root, 'content/site.json'), (site) => site.localities.push({ name: 'Wrenmoor', lat: 52.66, lng: -1.75 }));
    },
  },
];

describe('incremental builds are never stale', () => {
  let incremental: string;
  let clean: string;
  let clocks: string;
  /** The provision entry's page: it warns that it is due for review in the rounds, not in the first build. */
  const provisionPage = () => readFileSync(join(incremental, `dist/provision/${PROVISION}/index.html`), 'utf8');
  let first: Build;
  let unchanged: Build;
  const results: { round: Round; incremental: Build; clean: Build }[] = [];

  beforeAll(async () => {
    incremental = mkdtempSync(join(tmpdir(), 'olo-incremental-'));
    clean = mkdtempSync(join(tmpdir(), 'olo-clean-'));
    clocks = mkdtempSync(join(tmpdir(), 'olo-clock-'));
    copyProject(project, incremental);
    copyProject(project, clean);
    const { reviewIntervalMonths } = JSON.parse(readFileSync(join(incremental, 'content/site.json'), 'utf8')) as { reviewIntervalMonths: number };
    editJson(join(incremental, 'content/provision', `${PROVISION}.json`), (data) => (data.lastReviewed = addMonths(FIRST_DAY, -reviewIntervalMonths)));
    const firstDay = clockOn(FIRST_DAY, clocks);
    const nextDay = clockOn(NEXT_DAY, clocks);
    first = await build(incremental, firstDay);
    if (first.status !== 0) throw new Error(`the first build failed:\n${first.output.slice(-3000)}`);
    if (provisionPage().includes('data-review="overdue"')) throw new Error(`${PROVISION} is overdue for review on ${FIRST_DAY} already: it should fall due that day`);
    unchanged = await build(incremental, firstDay);
    for (const round of rounds) {
      round.change(incremental);
      const [a, b] = await Promise.all([build(incremental, nextDay, 'npm run build'), cleanBuild(incremental, clean, nextDay)]);
      results.push({ round, incremental: a, clean: b });
    }
  }, 900_000);

  afterAll(() => {
    for (const root of [incremental, clean, clocks]) if (root) rmSync(root, { recursive: true, force: true });
  });

  test('a rebuild with nothing changed makes the same files as the first build', () => {
    expect(unchanged.status, unchanged.output.slice(-3000)).toBe(0);
    expect(differences(unchanged.files, first.files)).toEqual([]);
  });

  test('a rebuild with nothing changed copies every page from getStaticPaths() and renders only the other pages', () => {
    const unkeyed = routeFiles(true).filter((route) => !first.keys.has(route));
    // The Open Referral routes make nothing in a build: a worker thread writes those files (src/lib/open-data/oruk-export.ts).
    const makeNothing = new Set(['src/pages/openreferral/v3/[list].json.ts', 'src/pages/openreferral/v3/records/services/[id].json.ts']);
    expect(unkeyed.filter((route) => !makeNothing.has(route)), 'routes whose pages have no cacheKey (use withCacheKey from src/lib/site/cache-key.ts)').toEqual([]);
    const changedKeys = [...first.keys].flatMap(([route, paths]) => [...paths].filter(([path, key]) => unchanged.keys.get(route)?.get(path) !== key).map(([path]) => `${route} ${path}`));
    expect(changedKeys, 'pages whose cacheKey changed although nothing did').toEqual([]);
    const { rendered, copied } = renderedPages(unchanged.output);
    const staticPages = routeFiles(false).map(outputOf).sort();
    expect(rendered.sort(), 'pages rendered again although nothing changed').toEqual(staticPages);
    expect(copied).toBe([...first.keys.values()].reduce((n, paths) => n + paths.size, 0));
  });

  for (const [i, round] of rounds.entries()) {
    test(`after ${round.name}, the incremental build makes exactly the files a clean build makes`, () => {
      const result = results[i]!;
      expect(result.incremental.status, result.incremental.output.slice(-3000)).toBe(0);
      expect(result.clean.status, result.clean.output.slice(-3000)).toBe(0);
      expect(differences(result.incremental.files, result.clean.files)).toEqual([]);
    });
  }

  test('each change is in the built site, and the rebuilds still copy the pages it does not touch', () => {
    const [names, addDelete, settings] = results;
    const page = (build: Build, path: string) => build.files.get(path);
    expect(page(names!.incremental, `services/${SERVICE}/index.html`)).not.toBe(page(first, `services/${SERVICE}/index.html`));
    expect(readFileSync(join(incremental, 'dist/services/aardvark-play-sessions/index.html'), 'utf8')).toContain('Aardvark play sessions');
    expect(existsSync(join(incremental, 'dist/services/blue-badge/index.html'))).toBe(false);
    const portage = readFileSync(join(incremental, `dist/services/${SERVICE}/index.html`), 'utf8');
    expect(portage).toContain('early learning at home');
    expect(portage).toContain('Wrenmoor');
    expect(provisionPage()).toContain('data-review="overdue"');
    // With every video deleted, the young people's page says so, and counts none.
    const youngPeople = readFileSync(join(incremental, 'dist/young-people/index.html'), 'utf8');
    expect(youngPeople).toContain('There are no videos here yet.');
    expect(youngPeople).not.toMatch(/Showing all 0|Every video has captions/);
    // A service edit copies most pages; settings in every key copy none.
    expect(renderedPages(names!.incremental.output).copied).toBeGreaterThan(100);
    expect(renderedPages(addDelete!.incremental.output).copied).toBeGreaterThan(100);
    expect(renderedPages(settings!.incremental.output).copied).toBe(0);
  });

  test('the search index npm run build begins while Astro finishes (src/integrations/pages-final.ts) is the index of the finished site', async () => {
    // The last round's finished site, indexed again on its own once everything is written: a page
    // written, or removed, after Astro said the pages were final would show here.
    const site = mkdtempSync(join(tmpdir(), 'olo-indexed-after-'));
    try {
      const dist = join(incremental, 'dist');
      cpSync(dist, site, { recursive: true, filter: (path) => relative(dist, path).split(sep)[0] !== 'pagefind' });
      const again = await runInCopy(incremental, 'node', [searchIndexScript, '--site', site]);
      expect(again.status, again.output).toBe(0);
      const searchIndex = (files: Map<string, string>) => [...files].filter(([path]) => path.startsWith('pagefind/')).sort();
      const built = searchIndex(results.at(-1)!.incremental.files);
      expect(built.length).toBeGreaterThan(50);
      expect(searchIndex(digestTree(site))).toEqual(built);
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });

  test("from the second round, npm run build carries the last build's pages over, and Astro keeps the unchanged ones in place", () => {
    const [names, addDelete, settings] = results;
    const carriedLine = /^([\d,]+) pages of the last build are in dist\/ for Astro to keep/m;
    // The first round follows builds by astro build alone: npm run build had kept nothing.
    expect(names!.incremental.output).not.toMatch(carriedLine);
    for (const round of [addDelete!, settings!]) expect(round.incremental.output).toMatch(carriedLine);
    // Kept where they were, not copied from Astro's cache; and no kept page is listed one by one.
    expect(renderedPages(addDelete!.incremental.output).fromCache).toBe(0);
    expect(renderedPages(addDelete!.incremental.output).copied).toBeGreaterThan(100);
    expect(withoutColours(addDelete!.incremental.output)).not.toMatch(/ \((?:cached|restored)\)/);
    // The deleted service's page was carried over and is not part of the build: removed.
    expect(addDelete!.incremental.output).toMatch(/Removed \d+ pages? of the last build that this build does not make/);
  });

  // Last, as it breaks the content and empties dist/, which the tests above read.
  test("a build that stops leaves no half-built site in dist/ (the last build's pages were carried over into it), and says so", async () => {
    writeFileSync(join(incremental, 'content/services', `${SERVICE}.json`), '{ "name": ');
    const broken = await build(incremental, clockOn(NEXT_DAY, clocks), 'npm run build');
    expect(broken.status).not.toBe(0);
    expect(broken.output).toMatch(/^[\d,]+ pages of the last build are in dist\/ for Astro to keep/m);
    expect(broken.output).toContain('Nothing has been published');
    expect(broken.output).toContain('dist/ has been emptied, so nothing half-built is left in it to publish');
    expect(readdirSync(join(incremental, 'dist'))).toEqual([]);
  }, 300_000);
});
