/**
 * Puts a file at a second path in the built site: a hard link where the file system allows (one
 * copy on disk, nothing copied), otherwise a copy. Any old file there is removed first, so writing
 * never goes through a link into the source.
 */
import { copyFileSync, linkSync, rmSync } from 'node:fs';

export function placeFile(source: string, target: string): void {
  rmSync(target, { force: true });
  try {
    linkSync(source, target);
  } catch {
    copyFileSync(source, target);
  }
}
