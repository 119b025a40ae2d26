/**
 * `npm run build`: builds the site into dist/ and indexes it for search.
 *
 * 1. If nothing the site is built from has changed since the last finished build (its files,
 *    the installed packages, the settings that change the output, the date), that build's dist/
 *    is put back from `.cache/site/` and nothing is built (scripts/lib/last-build.ts).
 * 2. Otherwise Astro starts, while the kept build's pages are carried over into dist/ where they
 *    can be (carryOverPages), and builds the pages (keeping each carried-over page whose code and
 *    cacheKey are unchanged, copying or rendering the rest, and removing a carried-over page it
 *    does not make: see docs/hosting.md). Pagefind indexes the pages as soon as Astro says they
 *    are final, while Astro finishes the rest (src/integrations/pages-final.ts), and the finished
 *    dist/ is kept for the next build (all but the search index while Pagefind writes it).
 *
 * Anything after `--` is passed to `astro build`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { today } from '../src/lib/text/dates.ts';
import { emptyFolder, emptyInBackground } from '../src/lib/site/old-output.ts';
import { astroBuildArgs } from './lib/build-steps.ts';
import { buildInputsDigest, carryOverPages, dropStaged, type CarriedOver, finishKeeping, LAST_BUILD_DIR, NO_KEPT_BUILD, OLD_OUTPUT_DIR, reuseLastBuild, stageBuild, type Staged } from './lib/last-build.ts';
import { indexSite, SEARCH_INDEX_FOLDER } from './lib/search-index.ts';
import { PAGES_FINAL } from '../src/integrations/pages-final.ts';
import { CARRIED_OVER, type CarriedOverAnswer } from '../src/integrations/old-output.ts';
import { largeFiles, largeFilesWarning, type LargeFile } from '../src/lib/site/output-size.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const started = performance.now();
// As the build was started: indexing sets Pagefind's own variable in this process.
const env = { ...process.env };
/** Undefined, so nothing is reused, when anything in the project cannot be read: the build then says what is wrong, if it matters. */
const digestNow = () => {
  try {
    return buildInputsDigest({ root, env, today: today(), node: process.version, args });
  } catch {
    return undefined;
  }
};
const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
/** Files too big for some hosts, said at the end of the build (Astro leaves it to this command: src/integrations/output-size.ts). */
const warnOfLarge = (large: LargeFile[]) => {
  const warning = largeFilesWarning(large);
  if (warning) console.warn(warning);
};

const digest = digestNow();
if (digest) {
  const reuse = reuseLastBuild(root, digest);
  if (reuse.reused) {
    if (reuse.oldOutput) await emptyInBackground(join(root, OLD_OUTPUT_DIR));
    console.log(
      `Nothing the site is built from has changed since the last build (its files, packages, settings and date), so dist/ is that build: ${reuse.files.toLocaleString('en-GB')} files from ${LAST_BUILD_DIR}/, in ${seconds()}.\n` +
        `To build everything again, delete ${LAST_BUILD_DIR}/.`,
    );
    warnOfLarge(reuse.large);
    process.exit(0);
  }
  if (reuse.why !== NO_KEPT_BUILD) console.log(`Building the site: the last build cannot be reused, as ${reuse.why}.`);
}

/**
 * Astro's build, in a process of its own with a channel back. It starts while the kept build's
 * pages are carried over into dist/ (carryOverPages, here, about 0.5 s at 5,000 services, while
 * Astro takes seconds to start), and asks at astro:build:start whether they were
 * (src/integrations/old-output.ts); it says when every page is final
 * (src/integrations/pages-final.ts), and Pagefind starts on them while Astro finishes the rest.
 */
const astro = spawn(process.execPath, astroBuildArgs(args), {
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  env: { ...process.env, OPEN_LOCAL_OFFER_BUILD: '1' },
});
let carried: CarriedOver;
try {
  carried = carryOverPages(root);
} catch (error) {
  astro.kill();
  throw error;
}
// Astro's question comes seconds later, once it has started: by then this is known.
astro.on('message', (message: { type?: string }) => {
  if (message?.type === CARRIED_OVER && astro.connected) astro.send({ type: CARRIED_OVER, carried: carried.pages.size > 0 } satisfies CarriedOverAnswer);
});
if (carried.pages.size > 0) console.log(`${carried.pages.size.toLocaleString('en-GB')} pages of the last build are in dist/ for Astro to keep where they have not changed.`);
else if (carried.why && carried.why !== NO_KEPT_BUILD) console.log(`The last build's pages are not put in dist/ for Astro to keep, as ${carried.why}: Astro copies them from its cache.`);
if (carried.linkedElsewhere) {
  console.log(
    `${carried.linkedElsewhere.toLocaleString('en-GB')} pages of the last build are also linked from somewhere else (a copy of the site made with hard links, or an old dist/ moved aside), so Astro copies them instead, and that copy is not changed.`,
  );
}
let pagesBuilt = '';
const astroFinished = new Promise<number>((done) => {
  astro.once('error', (error) => {
    process.stderr.write(`The build could not start Astro: ${error.message}\n`);
    done(1);
  });
  astro.once('exit', (code, signal) => {
    pagesBuilt = seconds();
    done(code ?? (signal ? 1 : 0));
  });
}).then((status) => {
  // A build that fails after its pages were final stops the search index too.
  if (status !== 0) {
    // The last build's pages were moved into dist/ for Astro to keep: without a finished build
    // they are part of a site, which a host must never be given. dist/ is emptied, and said so.
    if (carried.pages.size > 0) {
      emptyFolder(join(root, 'dist'));
      process.stderr.write('\ndist/ has been emptied, so nothing half-built is left in it to publish. Fix what is said above, then run npm run build again.\n');
    }
    process.exit(status);
  }
  return status;
});
const pagesFinal = new Promise<void>((done) => {
  astro.on('message', (message: { type?: string }) => {
    if (message?.type === PAGES_FINAL) done();
  });
});
await Promise.race([pagesFinal, astroFinished]);
const pagesFinalAfter = seconds();

// While Pagefind writes the search index, the rest of dist/ (final once Astro has finished) is
// linked for keeping, and the digest taken again: nothing the build reads is read after Astro.
// Kept only if nothing changed while it was built: otherwise the next build is an ordinary one.
let staged = undefined as Staged | undefined;
const keepMeanwhile = async () => {
  await astroFinished;
  if (digest && digestNow() === digest) staged = stageBuild(root, [SEARCH_INDEX_FOLDER]);
};
try {
  await indexSite('dist', { whileWriting: keepMeanwhile });
} catch (error) {
  // Astro's own failure, if it failed, is the one to report.
  await astroFinished;
  if (staged) dropStaged(staged);
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

const kept = digest && staged ? finishKeeping(root, staged, digest) : undefined;
if (kept && !kept.kept) console.log(`The build is not kept for reuse (${kept.why}); the next build is an ordinary one.`);
// The sizes of every file were taken to keep the build; without it, dist/ is walked for them.
warnOfLarge(kept?.kept ? kept.large : largeFiles('dist'));
console.log(`Built and indexed for search in ${seconds()}: the pages were final after ${pagesFinalAfter}, when the search index began, and Astro had finished the rest after ${pagesBuilt}.`);
