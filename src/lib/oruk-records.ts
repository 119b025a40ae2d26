/**
 * Writes the Open Referral UK API's files into a build (src/lib/oruk-endpoints.ts says which) and
 * the host rules that map the API's addresses onto them (`_redirects`).
 *
 * Each service record is published twice: under its ORUK UUID (what consumers read from the list)
 * and under our own id (what people see in our page addresses). As Astro routes they were 10,000
 * outputs at 5,000 services, each taking the page builder's thread through a whole render and a
 * file write: about a fifth of the build (docs/performance.md). Written here, they cost one file
 * and one link each, in a worker thread beside the pages (oruk-export-worker.ts).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { orukRedirects, type OrukApiFile } from './oruk-endpoints.ts';
import { placeFile } from './place-file.ts';

/** How the Open Referral endpoints serialise JSON: no indentation, and a final new line. */
export const jsonBody = (body: object) => `${JSON.stringify(body)}\n`;

/**
 * Writes every file, a few at a time so the disk is kept busy without opening thousands of files
 * at once; a second name for a file is a link to it (or a copy where links cannot be made).
 * Then puts the API's host rules at the top of `_redirects`, before any the site already has, so
 * nothing else can take the API's addresses. Returns how many files were written.
 */
export async function writeOrukApi(distDir: string, files: OrukApiFile[], inFlight = 16): Promise<number> {
  for (const folder of new Set(files.map((file) => dirname(join(distDir, file.path))))) mkdirSync(folder, { recursive: true });
  const bodies = files.filter((file): file is { path: string; body: string } => 'body' in file);
  let next = 0;
  const writer = async () => {
    while (next < bodies.length) {
      const { path, body } = bodies[next++]!;
      await writeFile(join(distDir, path), body);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, bodies.length) }, writer));
  for (const file of files) if ('sameAs' in file) placeFile(join(distDir, file.sameAs), join(distDir, file.path));

  const redirects = join(distDir, '_redirects');
  const theirs = existsSync(redirects) ? readFileSync(redirects, 'utf8') : '';
  await writeFile(redirects, theirs ? `${orukRedirects()}\n${theirs}` : orukRedirects());
  return files.length;
}
