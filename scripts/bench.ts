/**
 * `npm run bench [-- --services 5000] [-- --pairs 3] [-- --keep]`
 *
 * Builds the site with N synthetic services in a temporary copy of the project and prints one
 * table. It builds N bare pages with plain Astro in the same run, in turn with ours (three pairs
 * of cold builds unless --pairs says otherwise), and gives each of the site's builds as a ratio
 * to bare Astro's cold build (the median of the pairs), so figures compare across machines:
 *
 * - the cold build, from nothing, as on a fresh clone (and per page built, as the site builds
 *   more pages than bare Astro's one a service);
 * - a rebuild with nothing changed, and a rebuild after one service's summary changes: the
 *   caches kept (.cache/, as CI keeps them) and dist/ removed, as a CI job starts; each as
 *   Astro's build alone (its incremental build) and as the whole of `npm run build` (which puts
 *   the last build back when nothing has changed, and otherwise carries the last build's pages
 *   over into dist/ for Astro to keep, and adds the search index), and its Astro part alone
 *   (until Astro's process ends, and until Astro says the pages are final and the index begins);
 * - how many pages Astro rendered and how many it copied from the last build, in each;
 * - the files in dist/ (some static hosts cap a deployment at 20,000) and the largest file;
 * - peak memory, Pagefind's time, page weight, and the bytes a first and a follow-up search
 *   download (measured in Chromium);
 * - one social image written by our PNG writer and by fast-png, a maintained encoder: time and
 *   bytes (scripts/lib/png-encoders.ts).
 *
 * A benchmark, not a test: it asserts nothing and is not part of `npm test`. The search is
 * measured through a server on port 4599, or BENCH_PORT.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { areaOfSite, syntheticServices } from './lib/synthetic-services.ts';
import { comparePngEncoders, encoderRows } from './lib/png-encoders.ts';
import { copyProject, launchChromium, npmBuildArgs, serveBuilt } from './lib/project-copy.ts';
import { searchIndexArgs, searchIndexEnv } from './lib/search-index.ts';
import { ASTRO_BIN, ASTRO_NODE_OPTIONS } from './lib/build-steps.ts';
import { keptPagesIn, renderedPagesIn } from '../src/lib/site/build-log.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const count = Number(option('services', '5000'));
const keep = args.includes('--keep');
const pairCount = Math.max(1, Number(option('pairs', '3')));
const project = resolve('.');

interface RunResult {
  seconds: number;
  peakRssBytes: number;
  output: string;
  code: number | null;
}

/** Sum of resident memory of a process and all its descendants, from /proc (Linux). */
function treeRss(pid: number): number {
  let total = 0;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const walk = (p: number) => {
    try {
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += rss ? Number(rss[1]) * 1024 : 0;
    } catch {
      // ended
    }
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return total;
}

function run(command: string, commandArgs: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<RunResult> {
  return new Promise((done) => {
    const started = performance.now();
    const child: ChildProcess = spawn(command, commandArgs, { cwd, env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 200);
    child.on('close', (code) => {
      clearInterval(timer);
      done({ seconds: (performance.now() - started) / 1000, peakRssBytes: peak, output, code });
    });
  });
}

/** How many pages Astro rendered and how many it copied from the last build (incremental builds). */
function pagesOf(output: string): { rendered: number; copied: number } {
  // Astro lists each page it renders; the build log counts the pages it keeps (src/lib/site/build-log.ts).
  return { rendered: renderedPagesIn(output).length, copied: keptPagesIn(output).pages };
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Gzipped bytes of the HTML, CSS and JS a page loads (own-origin only). */
function pageWeight(dist: string, pagePath: string) {
  const html = readFileSync(join(dist, pagePath, 'index.html'), 'utf8');
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+)"/g)].map((m) => m[1]!);
  const js = [...html.matchAll(/<script[^>]+src="(\/[^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="(\/[^"]+)"/g)].map((m) => m[1]!);
  const sum = (list: string[]) => list.filter((p) => existsSync(join(dist, p))).reduce((t, p) => t + gz(join(dist, p)), 0);
  return { html: gzipSync(html).length, css: sum(css), js: sum(js) };
}

/** Bytes and requests for a first and a follow-up search, in Chromium against the built site. */
async function measureSearch(root: string, dist: string, port: number) {
  const server = await serveBuilt(root, port, dist);
  try {
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/search/`);
    await page.waitForLoadState('networkidle');
    // What each request fetched, sized as a host that compresses text would send it (gzip;
    // Pagefind's own index files are compressed already). The test server does not compress.
    let bytes = 0;
    let requests = 0;
    let kinds: Record<string, number> = {};
    page.on('requestfinished', (request) => {
      const path = join(dist, decodeURIComponent(new URL(request.url()).pathname));
      if (!existsSync(path) || statSync(path).isDirectory()) return;
      const size = /\.pf_/.test(path) ? statSync(path).size : gz(path);
      const kind = /\.pf_(\w+)$/.exec(path)?.[1] ?? path.split('.').pop() ?? 'other';
      kinds[kind] = (kinds[kind] ?? 0) + size;
      bytes += size;
      requests++;
    });
    /** Counts what the page downloads until nothing more has arrived for a second. */
    const settle = async () => {
      let seen = -1;
      while (seen !== requests) {
        seen = requests;
        await page.waitForTimeout(1000);
      }
    };
    const search = async (query: string) => {
      bytes = 0;
      requests = 0;
      kinds = {};
      const box = page.getByLabel('Search for a service, word or topic');
      await box.fill(query);
      await box.press('Enter');
      await page.locator('[data-status]').filter({ hasText: query }).waitFor({ timeout: 30_000 });
      await settle();
      console.log(`  search "${query}": ${Object.entries(kinds).map(([kind, size]) => `${kind} ${kb(size)}`).join(', ')}`);
      return { bytes, requests };
    };
    const first = await search('speech therapy');
    const followUp = await search('short breaks');
    await browser.close();
    return { first, followUp };
  } catch (error) {
    return { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
  } finally {
    server.kill();
  }
}

/** A bare Astro project: one page per entry, a heading and a paragraph, from one JSON file. */
function setUpBareAstro(root: string, services: { id: string; name: string; summary: string }[]) {
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'bare', type: 'module', private: true }));
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n");
  writeFileSync(join(root, 'entries.json'), JSON.stringify(services));
  writeFileSync(
    join(root, 'src/pages/[id].astro'),
    "---\nimport entries from '../../entries.json';\nexport function getStaticPaths() { return entries.map((e) => ({ params: { id: e.id }, props: e })); }\nconst { name, summary } = Astro.props;\n---\n<html lang=\"en\"><head><title>{name}</title></head><body><h1>{name}</h1><p>{summary}</p></body></html>\n",
  );
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'), 'dir');
}

let setAsideCount = 0;
/**
 * A build from nothing, as on a fresh clone: no output and no caches left from an earlier build.
 * The earlier build's files are moved aside, not deleted, and deleted when the benchmark ends:
 * on ext4 without a journal (these machines' disk), creating files for a minute or more after
 * deleting thousands is slow, because the allocator checks and skips each recently deleted
 * inode. A fresh clone does not pay that, so neither build may. The disk is flushed first
 * (where `sync` exists), so writing out the last build's files does not slow the next one down.
 */
function coldBuild(root: string, leftovers: string[]): Promise<RunResult> {
  const aside = join(setAside, String(++setAsideCount));
  mkdirSync(aside, { recursive: true });
  for (const dir of leftovers) if (existsSync(join(root, dir))) renameSync(join(root, dir), join(aside, dir));
  spawnSync('sync', { stdio: 'ignore' });
  return astroBuild(root);
}

/** Astro's build as `npm run build` runs it (scripts/lib/build-steps.ts): both builds of a pair use it, so the ratio compares Astro's work, not Node's settings. */
const astroBuild = (root: string) => run(process.execPath, [...ASTRO_NODE_OPTIONS, join(project, ASTRO_BIN), 'build'], root);
/**
 * The whole of `npm run build` (scripts/build.ts): Astro, the search index, and keeping the
 * finished build for reuse, with Node's arguments exactly as package.json gives them (so with
 * Node's compile cache, scripts/lib/compile-cache.ts, as every `npm run build` has), and this
 * project's scripts.
 */
const wholeBuild = (root: string) => run(process.execPath, npmBuildArgs(project).map((arg) => (arg.startsWith('-') ? arg : join(project, arg))), root);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const work = mkdtempSync(join(tmpdir(), 'olo-bench-'));
const setAside = join(work, 'set-aside');
const ours = join(work, 'ours');
const bare = join(work, 'bare');
mkdirSync(ours);
mkdirSync(bare);
// A cold build: the project's social-image cache stays behind.
copyProject(project, ours, { imageCache: false });

const organisations = readdirSync(join(ours, 'content/organisations')).map((f) => f.replace(/\.json$/, ''));
const services = syntheticServices(count, organisations, areaOfSite(JSON.parse(readFileSync(join(ours, 'content/site.json'), 'utf8'))));
for (const s of services) writeFileSync(join(ours, 'content/services', `${s.id}.json`), JSON.stringify(s.data));

console.log(`Benchmark: ${count} synthetic services (plus the demo content) in ${work}`);
// Bare and ours are built in turn, pair by pair, and the ratio is the median of the pairs' ratios:
// the machine's speed drifts, and a pair built back to back drifts together.
setUpBareAstro(bare, services.map((s) => ({ id: s.id, name: s.data.name, summary: s.data.summary })));
const pairs: { bare: RunResult; ours: RunResult }[] = [];
for (let i = 1; i <= pairCount; i++) {
  console.log(`Cold builds, pair ${i} of ${pairCount}: bare Astro, then the site…`);
  const bareRun = await coldBuild(bare, ['dist', '.astro']);
  const oursRun = await coldBuild(ours, ['dist', '.cache', '.astro']);
  if (bareRun.code !== 0 || oursRun.code !== 0) {
    console.error((bareRun.code !== 0 ? bareRun : oursRun).output.slice(-3000));
    process.exit(1);
  }
  pairs.push({ bare: bareRun, ours: oursRun });
  console.log(`  bare Astro ${bareRun.seconds.toFixed(1)} s, the site ${oursRun.seconds.toFixed(1)} s: ${(oursRun.seconds / bareRun.seconds).toFixed(2)}×, peak ${mb(oursRun.peakRssBytes)}`);
}
const ratios = pairs.map((pair) => pair.ours.seconds / pair.bare.seconds);
const baselineSeconds = median(pairs.map((pair) => pair.bare.seconds));
const coldSeconds = median(pairs.map((pair) => pair.ours.seconds));
const astro = pairs.at(-1)!.ours;
const peakRss = Math.max(...pairs.map((pair) => pair.ours.peakRssBytes));
console.log('Indexing for search…');
const pagefind = await run(process.execPath, searchIndexArgs(), ours, searchIndexEnv());
if (pagefind.code !== 0) {
  console.error(pagefind.output.slice(-3000));
  process.exit(1);
}
const dist = join(ours, 'dist');

console.log('Measuring search in Chromium…');
const searchBytes = await measureSearch(ours, dist, Number(process.env.BENCH_PORT ?? 4599));

const htmlFiles = [...files(dist)].filter((f) => f.endsWith('.html'));
const serviceHtml = htmlFiles.filter((f) => f.includes(`${join(dist, 'services')}/`) && /\/services\/[^/]+\/index\.html$/.test(f));
const totalHtmlGz = htmlFiles.reduce((t, f) => t + gz(f), 0);
const serviceHtmlGz = serviceHtml.reduce((t, f) => t + gz(f), 0) / Math.max(1, serviceHtml.length);
const servicePage = pageWeight(dist, `services/${services[1]!.id}`);
const servicesIndex = pageWeight(dist, 'services');
const largest = htmlFiles.map((f) => ({ f, size: gz(f) })).reduce((a, b) => (b.size > a.size ? b : a));
const searchPage = pageWeight(dist, 'search');
const distFiles = [...files(dist)];
const largestFile = distFiles.map((f) => ({ f, size: statSync(f).size })).reduce((a, b) => (b.size > a.size ? b : a));

/**
 * A rebuild as a council's CI runs one: the caches kept (.cache/), dist/ removed. The site's
 * build moves dist/ aside itself (src/integrations/old-output.ts); removing it first as well
 * makes the rebuild start as a fresh checkout would, whatever that integration does.
 */
async function rebuild(build: (root: string) => Promise<RunResult> = astroBuild, { deleteDist = false } = {}): Promise<RunResult> {
  if (deleteDist) rmSync(dist, { recursive: true });
  else {
    const aside = join(setAside, String(++setAsideCount));
    mkdirSync(aside, { recursive: true });
    renameSync(dist, join(aside, 'dist'));
  }
  spawnSync('sync', { stdio: 'ignore' });
  const result = await build(ours);
  if (result.code !== 0) {
    console.error(result.output.slice(-3000));
    process.exit(1);
  }
  return result;
}
/** Changes the summary of the nth synthetic service, as an editor would. */
function editSummary(n: number) {
  const changed = join(ours, 'content/services', `${services[n]!.id}.json`);
  const data = JSON.parse(readFileSync(changed, 'utf8'));
  data.summary = `${data.summary.slice(0, 180)} (updated)`;
  writeFileSync(changed, JSON.stringify(data));
}
// Twice: the first rebuild after a cold build still reads every copied page for its social image
// (the record of the last build holds only pages that were copied), the second is as every later one.
console.log('Rebuilding with nothing changed (Astro, twice)…');
const unchangedFirst = await rebuild();
const unchanged = await rebuild();
// The first `npm run build` finds no kept build (the builds above were Astro's alone), so it is
// Astro's rebuild, the search index and keeping the result; the second finds nothing changed.
console.log('Rebuilding with nothing changed (npm run build, twice)…');
const unkept = await rebuild(wholeBuild);
// From here dist/ is deleted before each npm run build, as a CI job starts without it: it is a
// kept build, every file a hard link to .cache/site/, so deleting it frees no file (see
// coldBuild). Moved aside, it would still link the kept pages, and npm run build does not put a
// page that is linked from elsewhere in dist/ (scripts/lib/last-build.ts).
const reused = await rebuild(wholeBuild, { deleteDist: true });
// npm run build's first: it carries the kept build's pages over only while Astro's record is the
// one that build left, and a build by Astro alone writes a new one.
console.log('Changing one service\'s summary and rebuilding (npm run build)…');
editSummary(2);
const warmWhole = await rebuild(wholeBuild, { deleteDist: true });
console.log('Changing another service\'s summary and rebuilding (Astro)…');
editSummary(0);
const warm = await rebuild();

function ogLine(output: string) {
  return /og images?:[^\n]*/i.exec(output)?.[0] ?? 'no social-image line in the build output';
}

console.log('Writing one social image with each PNG encoder…');
const pngEncoders = encoderRows(await comparePngEncoders(project));

const ratio = (seconds: number) => `${(seconds / baselineSeconds).toFixed(2)}×`;
const pagesLine = (output: string) => {
  const { rendered, copied } = pagesOf(output);
  return `${rendered.toLocaleString('en-GB')} rendered, ${copied.toLocaleString('en-GB')} copied`;
};
/** The time `npm run build` says its pages took (scripts/build.ts), as a ratio. */
const pagesPart = (output: string) => {
  const astroDone = /Astro had finished the rest after ([\d.]+) s/.exec(output);
  const final = /the pages were final after ([\d.]+) s/.exec(output);
  const carried = /^([\d,]+) pages of the last build are in dist\//m.exec(output);
  if (!astroDone || !final) return 'not in the output';
  return `${astroDone[1]} s = ${ratio(Number(astroDone[1]))}; the pages final after ${final[1]} s = ${ratio(Number(final[1]))}; ${carried ? `${carried[1]} pages carried over` : 'NO pages carried over: see its output'}`;
};
const coldPages = pagesOf(astro.output);
const perPage = median(pairs.map((pair) => pair.ours.seconds / Math.max(1, pagesOf(pair.ours.output).rendered) / (pair.bare.seconds / count)));
const rows: [string, string][] = [
  ['services', String(count)],
  ['bare Astro cold build of the same entries (median; the yardstick)', `${baselineSeconds.toFixed(1)} s, ${count.toLocaleString('en-GB')} pages`],
  ['cold build (median of pairs; ratios of the pairs)', `${coldSeconds.toFixed(1)} s = ${median(ratios).toFixed(2)}× (${ratios.map((r) => r.toFixed(2)).join(', ')})`],
  ['cold build: pages', pagesLine(astro.output)],
  ['cold build per page built, to bare Astro per page (median)', `${perPage.toFixed(2)}× (${coldPages.rendered.toLocaleString('en-GB')} pages against ${count.toLocaleString('en-GB')})`],
  ['rebuild with no change, npm run build (caches kept, dist/ removed; the last build reused)', `${reused.seconds.toFixed(1)} s = ${ratio(reused.seconds)}${/Nothing the site is built from has changed/.test(reused.output) ? '' : ' (NOT reused: see its output)'}`],
  ["rebuild with no change, Astro's incremental build (as when only the date or the README changed)", `${unchanged.seconds.toFixed(1)} s = ${ratio(unchanged.seconds)}; the first after the cold build ${unchangedFirst.seconds.toFixed(1)} s = ${ratio(unchangedFirst.seconds)}`],
  ["rebuild with no change, Astro's: pages", pagesLine(unchanged.output)],
  ['rebuild with no change, npm run build with no kept build (Astro, search index, keeping it)', `${unkept.seconds.toFixed(1)} s = ${ratio(unkept.seconds)}`],
  ["rebuild after one service's summary changed, Astro (caches kept, dist/ removed)", `${warm.seconds.toFixed(1)} s = ${ratio(warm.seconds)}`],
  ['rebuild after one edit: pages', pagesLine(warm.output)],
  ['rebuild after one edit, npm run build (Astro, search index, keeping it): the editor\'s wait', `${warmWhole.seconds.toFixed(1)} s = ${ratio(warmWhole.seconds)}`],
  ["rebuild after one edit, npm run build: Astro's part (the last build's pages carried over for Astro to keep; the search index begun once the pages are final)", pagesPart(warmWhole.output)],
  ['rebuild after one edit, npm run build: pages', pagesLine(warmWhole.output)],
  ['social images (cold / first no change / no change / one edit)', [astro, unchangedFirst, unchanged, warm].map((r) => ogLine(r.output).replace(/ \(.*$/, '')).join(' / ')],
  ['Open Referral records mapped and files written (cold / no change / one edit)', [astro, unchanged, warm].map((r) => /\(\d+ mapped, \d+ from the last build; [\d,]+ of its [\d,]+ files written/.exec(r.output)?.[0].slice(1) ?? 'not in the output').join(' / ')],
  ['peak memory (RSS, any build)', mb(Math.max(peakRss, unchangedFirst.peakRssBytes, unchanged.peakRssBytes, warm.peakRssBytes, unkept.peakRssBytes, warmWhole.peakRssBytes, reused.peakRssBytes))],
  [
    'peak memory by build (cold / Astro no change, first and second / npm run build unkept, reused / one edit: npm run build, Astro)',
    [peakRss, unchangedFirst.peakRssBytes, unchanged.peakRssBytes, unkept.peakRssBytes, reused.peakRssBytes, warmWhole.peakRssBytes, warm.peakRssBytes].map(mb).join(' / '),
  ],
  ['Pagefind indexing (the pages for search, each build)', `${pagefind.seconds.toFixed(1)} s`],
  ['peak memory (RSS, Pagefind)', mb(pagefind.peakRssBytes)],
  ['files in dist/ (with the search index)', distFiles.length.toLocaleString('en-GB')],
  ['largest file in dist/', `${(largestFile.size / 1024 / 1024).toFixed(1)} MB (${largestFile.f.slice(dist.length)})`],
  ['HTML total (gzip)', mb(totalHtmlGz)],
  ['HTML per service page (gzip, mean)', kb(serviceHtmlGz)],
  ['service page HTML+CSS (gzip)', kb(servicePage.html + servicePage.css)],
  ['service page JS (gzip)', kb(servicePage.js)],
  ['/services/ page HTML+CSS (gzip)', kb(servicesIndex.html + servicesIndex.css)],
  ['largest HTML page (gzip)', `${kb(largest.size)} (${largest.f.slice(dist.length)})`],
  ['search page JS (gzip, before searching)', kb(searchPage.js)],
  ['first search: transferred / requests', 'error' in searchBytes ? `not measured: ${searchBytes.error}` : `${kb(searchBytes.first.bytes)} / ${searchBytes.first.requests}`],
  ['follow-up search: transferred / requests', 'error' in searchBytes ? 'not measured' : `${kb(searchBytes.followUp.bytes)} / ${searchBytes.followUp.requests}`],
  ...pngEncoders,
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(`\n| ${'measure'.padEnd(width)} | value |\n| ${'-'.repeat(width)} | --- |`);
for (const [k, v] of rows) console.log(`| ${k.padEnd(width)} | ${v} |`);
console.log(`\nNode ${process.version}, ${count} services, Astro run with ${ASTRO_NODE_OPTIONS.join(' ') || 'no Node options'} (both builds). Times are wall-clock on this machine; compare the ratio across machines.`);
rmSync(setAside, { recursive: true, force: true });
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`Kept ${work}`);
