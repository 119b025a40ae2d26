/** Every file under a folder, as the build's digests and records list them. */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `dir` (links and other special entries left out), as paths relative to it with
 * "/" between folders, in a fixed order, so a digest made from them is the same on every machine.
 */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
