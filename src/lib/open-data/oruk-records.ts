/**
 * Writes the Open Referral UK API's files into a build (src/lib/open-data/oruk-endpoints.ts says which) and
 * the host rules that map the API's addresses onto them (`_redirects`).
 *
 * Each service record is published twice: under its ORUK UUID (what consumers read from the list)
 * and under our own id (what people see in our page addresses). As Astro routes they were 10,000
 * outputs at 5,000 services, each taking the page builder's thread through a whole render and a
 * file write: about a fifth of the build (docs/performance.md). Written here, they cost one file
 * and one link each, in a worker thread beside the pages (oruk-export-worker.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { orukRedirects, type OrukApiFile } from './oruk-endpoints.ts';
import { folderMaker, placeFile } from '../site/place-file.ts';
import { placeKeptFiles } from '../site/kept-files.ts';

/** How the Open Referral endpoints serialise JSON: no indentation, and a final new line. */
export const jsonBody = (body: object) => `${JSON.stringify(body)}\n`;

/**
 * Writes every file, a few at a time so the disk is kept busy without opening thousands of files
 * at once; a second name for a file is a link to it (or a copy where links cannot be made).
 * With `keptDir` (the build's, in `.cache/oruk/`), a file the same as the last build's is linked
 * from there instead of written (src/lib/site/kept-files.ts). Returns how many files were placed,
 * and how many of them were written (the rest are links).
 */
export async function writeOrukApi(distDir: string, files: OrukApiFile[], { inFlight = 16, keptDir }: { inFlight?: number; keptDir?: string } = {}): Promise<{ files: number; written: number }> {
  const bodies = files.filter((file): file is { path: string; body: string } => 'body' in file);
  let written = bodies.length;
  if (keptDir) written = placeKeptFiles(distDir, keptDir, bodies).written;
  else {
    for (const folder of new Set(bodies.map((file) => dirname(join(distDir, file.path))))) mkdirSync(folder, { recursive: true });
    let next = 0;
    const writer = async () => {
      while (next < bodies.length) {
        const { path, body } = bodies[next++]!;
        await writeFile(join(distDir, path), body);
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, bodies.length) }, writer));
  }
  const makeFolder = folderMaker();
  for (const file of files) {
    if (!('sameAs' in file)) continue;
    makeFolder(dirname(join(distDir, file.path)));
    placeFile(join(distDir, file.sameAs), join(distDir, file.path));
  }
  return { files: files.length, written };
}

/**
 * Writes the built site's `_redirects`: the API's host rules first, so no other rule can take the
 * API's addresses, then the site's own (`siteRules`, from public/_redirects). Written at the very
 * end of the build, after Astro has copied public/ and content/public/ has been published: any
 * `_redirects` already there is replaced, never written through, as it may be a link to a file in
 * content/public/, and rules that move visitors about are the site's to set, not an editor's.
 */
export function writeRedirects(distDir: string, siteRules = ''): void {
  const redirects = join(distDir, '_redirects');
  rmSync(redirects, { force: true });
  writeFileSync(redirects, siteRules.trim() ? `${orukRedirects()}\n${siteRules}` : orukRedirects());
}
