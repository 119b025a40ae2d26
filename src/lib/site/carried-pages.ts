/**
 * The last build's pages that `npm run build` carried over into dist/ for Astro's incremental
 * build to keep (scripts/lib/last-build.ts, carryOverPages). Astro keeps, in place, each one whose
 * code and cacheKey are unchanged, and writes over each one it renders again. One it neither keeps
 * nor writes (a deleted service's page, the last page of a listing that is now shorter) is not
 * part of this build: src/integrations/old-output.ts removes it as soon as the pages are built,
 * before any step reads dist/ (the social images read every page's meta tags).
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFileWhole } from './place-file.ts';

/** Astro's record of its incremental build: each page's cacheKey and output file (cacheDir in astro.config.mjs). */
export const ASTRO_RECORD = join('.cache', 'astro', 'incremental-build.json');
/** The list of carried-over pages, for Astro's build. */
export const CARRIED_PAGES = join('.cache', 'site', 'carried-over.json');

/** The output file of every page in Astro's record, as paths in dist/ with "/" between folders. */
export function astroRecordPages(root: string): Set<string> {
  const record = JSON.parse(readFileSync(join(root, ASTRO_RECORD), 'utf8')) as { routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }> };
  const dist = join(root, 'dist');
  const distUrl = pathToFileURL(dist + sep);
  const pages = new Set<string>();
  for (const route of Object.values(record.routes ?? {})) {
    for (const { outputFile } of Object.values(route.paths ?? {})) {
      if (typeof outputFile !== 'string') continue;
      // Astro records the file as part of a URL (a page named with a space is "a%20b/index.html").
      const path = relative(dist, fileURLToPath(new URL(outputFile, distUrl)));
      if (path && !path.startsWith('..')) pages.add(path.split(sep).join('/'));
    }
  }
  return pages;
}

/** Each carried-over page: its path in dist/ and its modification time in ms when it was carried over. */
export type CarriedPages = Map<string, number>;

export function writeCarriedPages(root: string, pages: CarriedPages): void {
  writeFileWhole(join(root, CARRIED_PAGES), JSON.stringify([...pages]));
}

export function readCarriedPages(root: string): CarriedPages {
  const file = join(root, CARRIED_PAGES);
  if (!existsSync(file)) throw new Error(`npm run build put the last build's pages in dist/, but its list of them (${CARRIED_PAGES}) is missing. Delete dist/ and build again.`);
  try {
    return new Map(JSON.parse(readFileSync(file, 'utf8')) as [string, number][]);
  } catch (error) {
    throw new Error(`npm run build put the last build's pages in dist/, but its list of them (${CARRIED_PAGES}) cannot be read (${(error as Error).message}). Delete dist/ and build again.`);
  }
}

/**
 * After Astro has built the pages (its record is written): removes each carried-over page that
 * Astro neither kept nor wrote, and any folder that leaves empty, then the list. Returns how many
 * were removed.
 */
export function removeUnbuiltPages(root: string, carried: CarriedPages): number {
  const dist = join(root, 'dist');
  const built = carried.size > 0 ? astroRecordPages(root) : new Set<string>();
  let removed = 0;
  for (const [path, modified] of carried) {
    if (built.has(path)) continue;
    const file = join(dist, path);
    const stat = statSync(file, { throwIfNoEntry: false });
    // Written again by this build (a page rendered without a cacheKey): it is this build's.
    if (!stat || stat.mtimeMs !== modified) continue;
    unlinkSync(file);
    removed++;
    for (let folder = dirname(file); folder !== dist && folder.startsWith(dist + sep); folder = dirname(folder)) {
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
  rmSync(join(root, CARRIED_PAGES), { force: true });
  return removed;
}
