/**
 * The whole last build, kept for a build in which nothing has changed (scripts/build.ts).
 *
 * A council's build service often builds when nothing the site is made from has changed: a
 * deployment run again, a change to the README, a scheduled build. Astro's incremental build
 * still starts Astro, reads all the content, bundles the code and copies every page back from its
 * cache, and Pagefind indexes the whole site again: about 30 s at 5,000 services. Instead, after
 * every finished build, dist/ is kept in `.cache/site/` (as hard links: no second copy on disk),
 * with a digest of everything the build read. When the next build's digest is the same, dist/ is
 * put back from there in a second or two, and nothing is built.
 *
 * The digest is of everything that can change the built site, so it is right by construction
 * rather than by a list of what the site happens to read today:
 * - every file in the project folder, by its path and its bytes, except what .gitignore lists
 *   (the build's own output and caches, logs) and .git: content, code, settings, scripts, even the
 *   README (a change to it costs one ordinary build);
 * - the installed packages (npm's record of them, node_modules/.package-lock.json), and the
 *   version of Node;
 * - the environment variables that can change the output (OUTPUT_ENV): Astro, Vite and Pagefind
 *   read their own prefixes, and tests/unit/site/last-build.test.ts fails if the site's code
 *   reads any other variable that is not listed here with a reason;
 * - the date: a page warns "due for review" from the day its review falls due, and the news
 *   feed is dated the day it was built. The first build of a day is an ordinary build.
 *
 * A kept file that was changed after its build (dist/ and the kept copy share their files, so a
 * deployment step that edits dist/ in place changes both) is found by its size and modification
 * time, and then nothing is reused. Whenever anything is in doubt, the build is an ordinary one.
 */
import { createHash, hash } from 'node:crypto';
import { existsSync, linkSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { moveAside } from '../../src/lib/site/old-output.ts';
import { folderMaker, writeFileWhole } from '../../src/lib/site/place-file.ts';
import { filesUnder } from '../../src/lib/site/files-under.ts';
import { largeAmong, type LargeFile } from '../../src/lib/site/output-size.ts';
import { ASTRO_RECORD, astroRecordPages, writeCarriedPages } from '../../src/lib/site/carried-pages.ts';

/** Where the last build is kept, in the project. */
export const LAST_BUILD_DIR = join('.cache', 'site');
/** Where the build puts old output for deleting (src/integrations/old-output.ts empties it). */
export const OLD_OUTPUT_DIR = join('.cache', 'old-output');
const MANIFEST = 'last-build.json';
const VERSION = 3;

/**
 * Not inputs: the folders and files .gitignore lists (at any depth, as .gitignore reads a name
 * without a slash), and .git. The unit test checks this against .gitignore.
 */
export const NOT_INPUT_FOLDERS = new Set(['node_modules', 'dist', '.astro', 'test-results', 'playwright-report', '.cache', '.git']);
export const NOT_INPUT_FILE = (name: string) => name.endsWith('.log') || name === 'review-report.csv';

/** Environment variables that can change the built site: by name, and every one with a prefix. */
export const OUTPUT_ENV = ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'LIST_ALL_SERVICES_UP_TO'];
export const OUTPUT_ENV_PREFIXES = ['PUBLIC_', 'ASTRO_', 'VITE_', 'PAGEFIND_'];
/** Variables the site's code reads that cannot change what it builds, each with why. */
export const NOT_OUTPUT_ENV: Record<string, string> = {
  OG_THREADS: 'how many threads draw the social images, not what they draw',
  OPEN_LOCAL_OFFER_BUILD: "set by npm run build for Astro, which then asks whether the last build's pages were put in dist/ for it to keep (carryOverPages), and leaves the warning about large files to npm run build: the pages are the same either way",
  DEBUG_OPEN_LOCAL_OFFER: 'whether a command that stops prints the programmer\'s trace',
  NODE_COMPILE_CACHE: "where Node keeps the code it compiled (scripts/lib/compile-cache.ts): how soon a command starts, not what it builds",
};
export const affectsOutput = (name: string) => OUTPUT_ENV.includes(name) || OUTPUT_ENV_PREFIXES.some((prefix) => name.startsWith(prefix));

const fileHash = (path: string) => hash('sha256', readFileSync(path), 'hex');

/**
 * The project's input files, as paths relative to `root` with "/" between folders, in a fixed
 * order. A link is followed (content/ may be a link to another folder), once.
 */
export function inputFiles(root: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && existsSync(path) && statSync(path).isDirectory());
      if (isDir) {
        if (!NOT_INPUT_FOLDERS.has(entry.name)) visit(path);
      } else if ((entry.isFile() || (entry.isSymbolicLink() && existsSync(path))) && !NOT_INPUT_FILE(entry.name)) {
        found.push(relative(root, path).split(sep).join('/'));
      }
    }
  };
  visit(root);
  return found;
}

export interface BuildInputs {
  /** The project folder. */
  root: string;
  env: NodeJS.ProcessEnv;
  /** YYYY-MM-DD */
  today: string;
  /** process.version */
  node: string;
  /** What the build was asked with (`npm run build -- …`). */
  args: string[];
}

/** A digest of everything the build reads, or undefined when the installed packages cannot be known. */
export function buildInputsDigest({ root, env, today, node, args }: BuildInputs): string | undefined {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return undefined;
  const digest = createHash('sha256');
  const add = (line: string) => digest.update(`${line}\u0000`);
  add(`version ${VERSION}`);
  add(`node ${node}`);
  add(`today ${today}`);
  add(`args ${JSON.stringify(args)}`);
  for (const name of Object.keys(env).filter(affectsOutput).sort()) add(`env ${name}=${env[name]}`);
  add(`installed ${fileHash(installed)}`);
  for (const file of inputFiles(root)) add(`file ${file} ${fileHash(join(root, file))}`);
  return digest.digest('hex');
}

/**
 * Each kept file: its path in dist/, its size and its modification time in whole seconds (a build
 * service's cache may keep times only to the second when it saves and restores .cache/).
 */
type KeptFile = [path: string, size: number, modified: number];
const secondsOf = (mtimeMs: number) => Math.floor(mtimeMs / 1000);
interface Manifest {
  version: number;
  digest: string;
  files: KeptFile[];
  /** A digest of Astro's record (ASTRO_RECORD) as the kept build left it, or null if there was none. */
  astroRecord: string | null;
}

/** Why nothing can be reused or carried over when no finished build is kept. */
export const NO_KEPT_BUILD = 'no finished build is kept';

/** The kept file's stat, when it still has the size and time (to the second) it was kept with; undefined otherwise. */
function keptAsLeft(kept: string, [path, size, modified]: KeptFile) {
  const stat = statSync(join(kept, path), { throwIfNoEntry: false });
  return stat && stat.size === size && secondsOf(stat.mtimeMs) === modified ? stat : undefined;
}

function readManifest(keptDir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(keptDir, MANIFEST), 'utf8')) as Manifest;
    return manifest.version === VERSION && typeof manifest.digest === 'string' && Array.isArray(manifest.files) && (manifest.astroRecord === null || typeof manifest.astroRecord === 'string') ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Links (or, where links cannot be made, fails on) every file of `from` into `to`, which must not exist. */
function linkTree(from: string, files: readonly string[], to: string): void {
  const makeFolder = folderMaker();
  for (const file of files) {
    makeFolder(dirname(join(to, file)));
    linkSync(join(from, file), join(to, file));
  }
}

/** `large`: the files too big for some hosts (src/lib/site/output-size.ts), from the sizes kept with the build. */
export type Reuse = { reused: true; files: number; large: LargeFile[]; oldOutput?: string } | { reused: false; why: string };

/**
 * Puts the last build back into dist/ when its digest is `digest` and its kept files are as it
 * left them. The old dist/ is moved into the old-output folder (returned, for deleting).
 */
export function reuseLastBuild(root: string, digest: string): Reuse {
  try {
    return reuse(root, digest);
  } catch (error) {
    return { reused: false, why: `the kept build could not be read (${(error as Error).message})` };
  }
}

function reuse(root: string, digest: string): Reuse {
  const keptDir = join(root, LAST_BUILD_DIR);
  const manifest = readManifest(keptDir);
  if (!manifest) return { reused: false, why: NO_KEPT_BUILD };
  if (manifest.digest !== digest) return { reused: false, why: 'something the site is built from has changed' };
  const kept = join(keptDir, 'dist');
  for (const file of manifest.files) {
    if (!keptAsLeft(kept, file)) return { reused: false, why: `the kept copy of ${file[0]} was changed after its build` };
  }
  const dist = join(root, 'dist');
  let oldOutput: string | undefined;
  if (existsSync(dist)) {
    oldOutput = moveAside(dist, join(root, OLD_OUTPUT_DIR));
    if (!oldOutput) return { reused: false, why: 'dist/ cannot be moved aside' };
  }
  try {
    linkTree(kept, manifest.files.map(([path]) => path), dist);
  } catch (error) {
    rmSync(dist, { recursive: true, force: true });
    return { reused: false, why: `the kept files could not be linked into dist/ (${(error as Error).message})` };
  }
  return { reused: true, files: manifest.files.length, large: largeAmong(manifest.files), oldOutput };
}

/**
 * Before an ordinary build: the kept build no longer matches what will be in dist/. Its record
 * goes first, so a build stopped half way never leaves a record of files that are not there.
 * Its files are moved into the old-output folder, which the build empties.
 */
export function forgetLastBuild(root: string): void {
  const keptDir = join(root, LAST_BUILD_DIR);
  rmSync(join(keptDir, MANIFEST), { force: true });
  moveAside(join(keptDir, 'dist'), join(root, OLD_OUTPUT_DIR));
  // A folder that could not be moved (another disk) is deleted here.
  rmSync(join(keptDir, 'dist'), { recursive: true, force: true });
}

/** `large`: the files too big for some hosts (src/lib/site/output-size.ts), from the sizes kept with the build. */
export type Kept = { kept: true; files: number; large: LargeFile[] } | { kept: false; why: string };

/**
 * dist/ linked into a staging folder beside the kept build, but for the folders left `later`:
 * the part of a build that is final while the rest is still being written (scripts/build.ts
 * stages everything but the search index while Pagefind writes it). finishKeeping adds the rest.
 */
export type Staged = { staging: string; files: KeptFile[]; astroRecord: string | null; later: readonly string[] } | { failed: string };

const kept = (staging: string, file: string): KeptFile => {
  const stat = statSync(join(staging, file));
  return [file, stat.size, secondsOf(stat.mtimeMs)];
};

/**
 * Links every file in dist/ into a staging folder, except those in the top folders `later`
 * (names such as "pagefind"), with each file's size and time as it is now. A file in dist/ that
 * changes in place later changes the staged one too (they are one file): its size or time then
 * differs from the record, and the next build finds it changed and reuses nothing.
 */
export function stageBuild(root: string, later: readonly string[] = []): Staged {
  const staging = join(root, LAST_BUILD_DIR, `dist-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const left = new Set(later);
    const files = filesUnder(join(root, 'dist')).filter((file) => !file.includes('/') || !left.has(file.slice(0, file.indexOf('/'))));
    linkTree(join(root, 'dist'), files, staging);
    return { staging, files: files.map((file) => kept(staging, file)), astroRecord: astroRecordDigest(root), later };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return { failed: (error as Error).message };
  }
}

/** Gives up a staged build (when the build that staged it does not finish): its folder is removed. */
export function dropStaged(staged: Staged): void {
  if ('staging' in staged) rmSync(staged.staging, { recursive: true, force: true });
}

/**
 * After a finished build of inputs with `digest`: links the folders `stageBuild` left for later,
 * and keeps the whole for the next build in place of the last kept build.
 */
export function finishKeeping(root: string, staged: Staged, digest: string): Kept {
  if ('failed' in staged) return { kept: false, why: staged.failed };
  const { staging, later } = staged;
  const keptDir = join(root, LAST_BUILD_DIR);
  const dist = join(root, 'dist');
  try {
    const rest = later.filter((folder) => existsSync(join(dist, folder))).flatMap((folder) => filesUnder(join(dist, folder)).map((file) => `${folder}/${file}`));
    linkTree(dist, rest, staging);
    const manifest: Manifest = {
      version: VERSION,
      digest,
      astroRecord: staged.astroRecord,
      files: [...staged.files, ...rest.map((file) => kept(staging, file))].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
    };
    forgetLastBuild(root);
    renameSync(staging, join(keptDir, 'dist'));
    // The record last, whole or not at all.
    writeFileWhole(join(keptDir, MANIFEST), JSON.stringify(manifest));
    return { kept: true, files: manifest.files.length, large: largeAmong(manifest.files) };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    try {
      unlinkSync(join(keptDir, MANIFEST));
    } catch {
      // none
    }
    return { kept: false, why: (error as Error).message };
  }
}

/** After a finished build of inputs with `digest`: keeps dist/ for the next build. */
export function keepBuild(root: string, digest: string): Kept {
  return finishKeeping(root, stageBuild(root), digest);
}

/** A digest of Astro's record of its incremental build, or null when there is none. */
function astroRecordDigest(root: string): string | null {
  const record = join(root, ASTRO_RECORD);
  return existsSync(record) ? fileHash(record) : null;
}

/**
 * The pages carried over from the kept build into dist/ (path → modification time in ms); empty
 * when nothing was carried over, with why. The list is also written for Astro's build
 * (src/lib/site/carried-pages.ts), which removes those it does not make.
 */
export interface CarriedOver {
  pages: Map<string, number>;
  why?: string;
  /** Pages left for Astro to copy because their file is also linked from elsewhere. */
  linkedElsewhere?: number;
}

/**
 * The fewest moves that take exactly the carried pages out of the kept build: a folder (ending in
 * "/") whose every kept file is carried, with its subfolders, in one move, instead of a folder
 * made and a file moved for each page (about 10,000 of each at 5,000 services, most of a second);
 * any other carried page on its own. dist/ itself is always made new.
 *
 * A folder is judged by the kept build's record, not read again: only stageBuild and
 * finishKeeping write .cache/site/dist/ (dist/ shares its files, not its folders), and the record
 * lists every file they linked there. Reading every folder to be sure of that took about 0.4 s at 5,000 services.
 */
export function movesFor(keptFiles: readonly string[], carried: ReadonlyMap<string, number>): string[] {
  const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
  // Folders holding a kept file that is not carried, at any depth; '' is dist/ itself.
  const mixed = new Set<string>(['']);
  for (const path of keptFiles) {
    if (carried.has(path)) continue;
    for (let folder = parentOf(path); !mixed.has(folder); folder = parentOf(folder)) mixed.add(folder);
  }
  const moves = new Set<string>();
  for (const path of carried.keys()) {
    let move = path;
    for (let end = path.indexOf('/'); end >= 0; end = path.indexOf('/', end + 1)) {
      if (!mixed.has(path.slice(0, end))) {
        move = path.slice(0, end + 1);
        break;
      }
    }
    moves.add(move);
  }
  return [...moves];
}

/**
 * Before a build that cannot reuse the whole last build: the kept build's pages are moved into a
 * new dist/, where Astro's incremental build finds them and keeps every one whose code and
 * cacheKey are unchanged, instead of copying each from its own cache (a folder, a copy and a
 * time set for every page: about 4 s at 5,000 services). npm run build does this while Astro
 * starts (told by OPEN_LOCAL_OFFER_BUILD not to empty dist/), and tells it whether it did;
 * Astro then removes any carried-over page it does not make (src/integrations/old-output.ts). Astro keeps a page in dist/ without reading it, so a page is
 * carried over only when it is certain to be the page Astro's record describes:
 * - Astro's record is the one the kept build left (its digest is in our record): so it describes
 *   exactly the pages kept. A build since then by `astro build` alone, or one that stopped after
 *   Astro finished, changes the record, and nothing is carried over;
 * - the page is one Astro's record names, and its kept copy has the size and time it was kept with.
 * A page Astro renders again is written in place, through every hard link to its file, so a page
 * whose file is also linked from anywhere but the old dist/ (a copy of the site made with hard
 * links) is not carried over: Astro copies it instead.
 * The old dist/ is moved aside first; the rest of the kept build is forgotten as usual. If
 * anything goes wrong part way, dist/ is moved aside again and nothing is carried over.
 */
export function carryOverPages(root: string): CarriedOver {
  const keptDir = join(root, LAST_BUILD_DIR);
  const kept = join(keptDir, 'dist');
  const dist = join(root, 'dist');
  const nothing = (why: string): CarriedOver => {
    forgetLastBuild(root);
    return { pages: new Map(), why };
  };
  const manifest = readManifest(keptDir);
  if (!manifest) return nothing(NO_KEPT_BUILD);
  let pages: Set<string>;
  try {
    if (manifest.astroRecord === null || astroRecordDigest(root) !== manifest.astroRecord) return nothing("Astro's record of its pages has changed since the kept build");
    pages = astroRecordPages(root);
  } catch (error) {
    return nothing(`Astro's record of its pages could not be read (${(error as Error).message})`);
  }
  // Our record goes first: a build stopped from here on finds no kept build.
  rmSync(join(keptDir, MANIFEST), { force: true });
  let oldDist: string | undefined;
  if (existsSync(dist)) {
    oldDist = moveAside(dist, join(root, OLD_OUTPUT_DIR));
    if (!oldDist) return nothing('dist/ cannot be moved aside');
  }
  const carried = new Map<string, number>();
  let linkedElsewhere = 0;
  try {
    for (const file of manifest.files) {
      const [path] = file;
      if (!pages.has(path)) continue;
      // The old dist/ shares its files with the kept build: its name for this one goes first.
      if (oldDist) rmSync(join(oldDist, path), { force: true });
      const stat = keptAsLeft(kept, file);
      if (!stat) continue;
      // Linked from somewhere else too (a copy of the site made with hard links): Astro may write
      // a page again in place, which would change that copy, so Astro copies this one instead.
      if (stat.nlink > 1) {
        linkedElsewhere++;
        continue;
      }
      carried.set(path, stat.mtimeMs);
    }
    const makeFolder = folderMaker();
    for (const move of movesFor(manifest.files.map(([path]) => path), carried)) {
      const to = join(dist, move.replace(/\/$/, ''));
      makeFolder(dirname(to));
      renameSync(join(kept, move), to);
    }
    writeCarriedPages(root, carried);
  } catch (error) {
    moveAside(dist, join(root, OLD_OUTPUT_DIR));
    rmSync(dist, { recursive: true, force: true });
    return nothing(`the kept pages could not be moved into dist/ (${(error as Error).message})`);
  }
  forgetLastBuild(root);
  return { pages: carried, linkedElsewhere };
}
