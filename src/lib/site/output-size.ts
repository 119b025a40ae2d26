/**
 * Built files too big for some hosts. Cloudflare Pages refuses any file over 25 MiB, and the
 * Open Referral list of every service passes that at about 4,600 services, so a build says so
 * before a deploy fails for a reason nobody can see.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The smallest per-file limit among common static hosts (Cloudflare Pages). */
export const HOST_FILE_LIMIT_BYTES = 25 * 1024 * 1024;

export interface LargeFile {
  /** Path from the output folder, with forward slashes. */
  path: string;
  bytes: number;
}

/** The files over `limit` bytes among `files` (each a path from the output folder, with "/", and its size), largest first. */
export function largeAmong(files: Iterable<readonly [path: string, bytes: number, ...rest: unknown[]]>, limit = HOST_FILE_LIMIT_BYTES): LargeFile[] {
  const found: LargeFile[] = [];
  for (const [path, bytes] of files) if (bytes > limit) found.push({ path, bytes });
  return found.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
}

/**
 * Every file under `dir` larger than `limit` bytes, largest first. `npm run build` does not walk
 * dist/ again for this: it has every file's size from keeping the build (scripts/build.ts).
 */
export function largeFiles(dir: string, limit = HOST_FILE_LIMIT_BYTES): LargeFile[] {
  const large: [string, number][] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
        if (size > limit) large.push([relative(dir, path).split('\\').join('/'), size]);
      }
    }
  };
  walk(dir);
  return largeAmong(large, limit);
}

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** One warning for the build's output, in plain English, or undefined when nothing is too big. */
export function largeFilesWarning(files: LargeFile[], limit = HOST_FILE_LIMIT_BYTES): string | undefined {
  if (files.length === 0) return undefined;
  const list = files.map((file) => `  dist/${file.path}: ${megabytes(file.bytes)}`).join('\n');
  return [
    `${files.length === 1 ? 'This file is' : 'These files are'} bigger than ${megabytes(limit)}, which some hosts refuse (Cloudflare Pages does):`,
    list,
    'The site works; choose a host without a per-file limit, or see "File sizes" in docs/hosting.md.',
  ].join('\n');
}
