/**
 * content/public/: files published as they are, at the same path (content/public/videos/a.mp4 is
 * /videos/a.mp4). Videos, captions and posters belong to the content, so a council that replaces
 * content/ replaces them too, while the site's own files stay in public/.
 */
import { existsSync, mkdirSync, readdirSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { placeFile } from './place-file.ts';
import { unpublishableReason } from './public-files.ts';

/** Every file under `dir`, as paths relative to it with forward slashes, A to Z. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Puts every file of `sourceDir` into the built site at `outDir` (a hard link where possible).
 * Returns how many were placed, and the paths that the build had already written, which are left
 * alone: a content file must never silently replace a page or one of the site's own files.
 */
export function publishContentFiles(sourceDir: string, outDir: string): { placed: number; clashes: string[] } {
  const clashes: string[] = [];
  let placed = 0;
  for (const path of filesUnder(sourceDir)) {
    const target = join(outDir, path);
    // A kind of file the content check refuses is never published, whatever runs the build (a
    // file whose bytes are not what its name says is served by its name's type, with nosniff).
    if (unpublishableReason(path)) continue;
    if (existsSync(target)) {
      clashes.push(path);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    placeFile(join(sourceDir, path), target);
    placed += 1;
  }
  return { placed, clashes };
}

/** The file in `sourceDir` that a request path names, or undefined (also for any path outside it). */
export function contentFileFor(sourceDir: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return undefined;
  }
  const base = resolve(sourceDir);
  const file = resolve(base, `.${decoded}`);
  if (!file.startsWith(base + sep)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return unpublishableReason(relative(base, file).split(sep).join('/')) ? undefined : file;
}
