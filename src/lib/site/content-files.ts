/**
 * content/public/: files published as they are, at the same path (content/public/videos/a.mp4 is
 * /videos/a.mp4). Videos, captions and posters belong to the content, so a council that replaces
 * content/ replaces them too, while the site's own files stay in public/.
 */
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { filesUnder as everyFileUnder } from './files-under.ts';
import { placeFile } from './place-file.ts';
import { unpublishableFile } from './public-files.ts';

/** Every file under `dir` but hidden ones (such as .DS_Store), as paths relative to it with forward slashes, A to Z. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return everyFileUnder(dir).filter((path) => !path.split('/').at(-1)!.startsWith('.'));
}

/**
 * The folders of the built site that the build fills itself, with what it puts there. A file of
 * content/public/ in one of them would clash with a file the build makes, or be replaced by it
 * without a word (the social images are placed after the content's files), so the content check
 * refuses it, and the build does not publish it.
 */
export const BUILT_FOLDERS: Readonly<Record<string, string>> = {
  _astro: "the site's styles, scripts and fonts",
  og: 'the social images',
  openreferral: 'the Open Referral UK data',
  pagefind: 'the search index',
};

/** The folder the build fills itself that a path of content/public/ (with "/") is in, or undefined. */
export function builtFolderOf(path: string): string | undefined {
  const slash = path.indexOf('/');
  const top = slash < 0 ? undefined : path.slice(0, slash);
  return top !== undefined && Object.hasOwn(BUILT_FOLDERS, top) ? top : undefined;
}

/**
 * Puts every file of `sourceDir` into the built site at `outDir` (a hard link where possible).
 * Returns how many were placed, and the paths that the build had already written or fills itself
 * (BUILT_FOLDERS), which are left alone: a content file must never silently replace a page or one
 * of the site's own files, nor be replaced by one.
 */
export function publishContentFiles(sourceDir: string, outDir: string): { placed: number; clashes: string[] } {
  const clashes: string[] = [];
  let placed = 0;
  for (const path of filesUnder(sourceDir)) {
    const target = join(outDir, path);
    // A kind of file the content check refuses is never published, whatever runs the build (a
    // file whose bytes are not what its name says is served by its name's type, with nosniff),
    // nor a PDF that would run script when opened.
    if (unpublishableFile(path, join(sourceDir, path))) continue;
    if (builtFolderOf(path) || existsSync(target)) {
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
  return unpublishableFile(relative(base, file).split(sep).join('/'), file) ? undefined : file;
}

/**
 * Whether a request would reach a file inside `contentDir` (content/) through the development
 * server's own file serving rather than through contentFileFor. Vite answers any file of the
 * project at its path (/content/public/files/a.svg) and any file on the machine it may read at
 * /@fs/<absolute path>, as it is: an SVG or HTML file an editor put in content/ (which the content
 * check refuses, but the development server only warns about) would then run its script on the
 * address of the site, and with `npm run cms` of the editor and its backend. No page of the site
 * asks for its content's files that way, so every such request is refused.
 */
export function rawContentRequest(projectRoot: string, contentDir: string, url: string): boolean {
  const address = url.split(/[?#]/, 1)[0]!;
  let decoded: string;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    decoded = address;
  }
  // As the server reads it: any run of slashes is one, and "." and ".." segments are resolved.
  const path = posix.normalize(`/${decoded.replace(/\\/g, '/')}`).replace(/\/{2,}/g, '/');
  const folders = [resolve(contentDir)];
  try {
    folders.push(realpathSync(contentDir));
  } catch {
    // No content/ folder yet: nothing in it to serve.
  }
  const inside = (file: string) => folders.some((folder) => file.startsWith(folder + sep));
  // /content/…, the project's own path for the file; and the absolute path anywhere in the
  // address: /@fs/<path>, /@id/<path> and the like.
  return inside(resolve(projectRoot, `.${path}`)) || folders.some((folder) => path.includes(`${folder.split(sep).join('/')}/`));
}
