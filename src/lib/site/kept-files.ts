/**
 * Files a build makes again every time, kept between builds so an unchanged one is linked into
 * dist/ instead of written again. The Open Referral UK API is 15,000 files (90 MB) at 5,000
 * services, and after one service's edit all but a few dozen are the same bytes as last time:
 * writing them all again took about 2 s of the export's thread and most of its system time, and
 * deleting the last build's copies took more (docs/performance.md).
 *
 * The kept files live in a folder of their own (`dir`), with a record (`RECORD`) of each file's
 * digest and of the size and time it was written with. A file is linked from there only when the
 * new content has the same digest and the kept file is still as it was written; anything else
 * (no record, a damaged record, a kept file changed or gone) is written again. A kept file is
 * never written through: a changed one is removed and written anew, since dist/ and the kept
 * build (`.cache/site/`) link to it. Files no longer made are removed.
 */
import { hash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { folderMaker, placeFile } from './place-file.ts';

export const RECORD = '.kept-files.json';
const VERSION = 1;

/** Each kept file's digest, size and modification time (ms), by its path within the folder. */
type Record = Map<string, [digest: string, size: number, mtimeMs: number]>;

// One call, not a Hash object for each file: about 3 times quicker over the API's 90 MB at 5,000 services.
const digestOf = (body: string) => hash('sha256', body, 'base64url');

function readRecord(dir: string): Record {
  try {
    const saved = JSON.parse(readFileSync(join(dir, RECORD), 'utf8')) as { version: number; files: [string, string, number, number][] };
    if (saved.version !== VERSION || !Array.isArray(saved.files)) return new Map();
    return new Map(saved.files.map(([path, digest, size, mtimeMs]) => [path, [digest, size, mtimeMs]]));
  } catch {
    return new Map();
  }
}

/** Whether the kept file is still exactly as it was written (its size and time), so its digest holds. */
function keptAsWritten(file: string, size: number, mtimeMs: number): boolean {
  try {
    const stat = statSync(file);
    return stat.isFile() && stat.size === size && stat.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/** Writes a file that is new on disk: an old one at the path is removed first, never written through. */
function writeNewFile(path: string, body: string): void {
  try {
    // Only if nothing is there (most files, in a first build): no failed removal for each.
    writeFileSync(path, body, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(path, { force: true });
    writeFileSync(path, body, { flag: 'wx' });
  }
}

/**
 * Puts each file (path within `distDir`, and its text) in `distDir` by way of the kept folder
 * `dir`. Returns how many were written and how many linked unchanged from the last build.
 */
export function placeKeptFiles(distDir: string, dir: string, files: readonly { path: string; body: string }[]): { written: number; linked: number } {
  const record = readRecord(dir);
  // Gone first: a build stopped from here on finds no record, and writes every file again.
  rmSync(join(dir, RECORD), { force: true });
  const next: Record = new Map();
  const makeKeptFolder = folderMaker();
  const makeDistFolder = folderMaker();
  let written = 0;
  for (const { path, body } of files) {
    const kept = join(dir, path);
    const digest = digestOf(body);
    const last = record.get(path);
    let entry = last;
    if (!last || last[0] !== digest || !keptAsWritten(kept, last[1], last[2])) {
      makeKeptFolder(dirname(kept));
      // A new file, never the old one written through: the last build's dist/ may still link to
      // it. Half a file is never trusted: the record, written last, does not name it yet.
      writeNewFile(kept, body);
      const stat = statSync(kept);
      entry = [digest, stat.size, stat.mtimeMs];
      written++;
    }
    next.set(path, entry!);
    makeDistFolder(dirname(join(distDir, path)));
    placeFile(kept, join(distDir, path));
  }
  for (const path of record.keys()) if (!next.has(path)) rmSync(join(dir, path), { force: true });
  writeFileSync(join(dir, RECORD), JSON.stringify({ version: VERSION, files: [...next].map(([path, entry]) => [path, ...entry]) }));
  return { written, linked: files.length - written };
}
