/**
 * Puts a file at a second path in the built site: a hard link where the file system allows (one
 * copy on disk, nothing copied), otherwise a copy. Any old file there is replaced, never written
 * through, so writing never goes through a link into the source.
 *
 * The link is tried first: in a build from nothing there is no old file, and removing a file that
 * is not there costs a failed system call per file (about 0.5 s for 10,000 files).
 */
import { copyFileSync, linkSync, rmSync } from 'node:fs';

export function placeFile(source: string, target: string): void {
  try {
    linkSync(source, target);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      rmSync(target, { force: true });
      try {
        linkSync(source, target);
        return;
      } catch {
        // No link here: copy below.
      }
    }
  }
  // A copy onto an existing hard link would change the linked file too: remove any old file first.
  rmSync(target, { force: true });
  copyFileSync(source, target);
}
