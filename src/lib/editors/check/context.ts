/**
 * What every step of the content check shares: where the content is, how a path is shown to an
 * editor, and the entries read so far. Each step returns the problems it found (src/lib/editors/content-check.ts
 * puts them together in order).
 */
import { relative, sep } from 'node:path';
import type { z } from 'astro/zod';
import type { CollectionName, siteSchema } from '../../../contract/index.ts';
import type { Problem } from '../problems.ts';

export interface CheckOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /**
   * Absolute path of the site's own public/ folder. Files that belong to the content (videos,
   * captions, posters) live in content/public/ instead; none may have the same path as one of these.
   */
  publicDir: string;
  /** Project root, so messages show paths such as content/services/x.json. */
  rootDir: string;
}

export interface LoadedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  body?: string;
  /** How many lines of the file come before the body (the frontmatter and its --- lines). */
  bodyStart?: number;
}

export interface CheckResult {
  problems: Problem[];
  /**
   * Things worth a look that do not stop publishing, such as a link to a website that is not
   * secure (http://): many small organisations have no https:// address, and their link still helps.
   */
  warnings: Problem[];
  /** Every entry by collection, as written (entries with problems too, for cross-checks). */
  entries: Map<CollectionName, LoadedEntry[]>;
  files: number;
  /** content/site.json, when it is valid. */
  site?: SiteSettings;
  /** The ids of files of each collection that could not be read at all (ANY_ID: the whole folder). */
  unreadable?: Map<CollectionName, Set<string>>;
}

export type SiteSettings = z.infer<ReturnType<typeof siteSchema>>;

/** The options and the one way every step shows a path: from the project root, with forward slashes. */
export interface CheckContext extends CheckOptions {
  rel: (path: string) => string;
}

export function checkContext(options: CheckOptions): CheckContext {
  const { rootDir } = options;
  // Most paths are inside the project: cut off its folder rather than work the path out again (5,000 times a check).
  const inside = rootDir.endsWith(sep) ? rootDir : `${rootDir}${sep}`;
  const slashes = (path: string) => (sep === '/' ? path : path.split(sep).join('/'));
  return { ...options, rel: (path: string) => (path.startsWith(inside) && !path.includes(`${sep}..`) ? slashes(path.slice(inside.length)) : relative(rootDir, path).split('\\').join('/')) };
}

/** What a step found: the problems (in the order an editor reads them), things worth a look, and how many files it read. */
export interface StepResult {
  problems: Problem[];
  warnings?: Problem[];
  files?: number;
}

export type Entries = Map<CollectionName, LoadedEntry[]>;

/** The ids of files that exist but could not be read, by collection. */
export type Unreadable = Map<CollectionName, Set<string>>;

/** Marks a collection whose folder could not be read at all: any id might be in it, so no reference to it is reported. */
export const ANY_ID = '\u0000any';
class AnyId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** The ids in each collection (files that could not be read too), worked out once per collection on first use. */
export function idLookup(entries: Entries, unreadable: Unreadable): (collection: CollectionName) => Set<string> {
  const known = new Map<CollectionName, Set<string>>();
  return (collection) => {
    if (unreadable.get(collection)?.has(ANY_ID)) known.set(collection, new AnyId());
    else if (!known.has(collection)) known.set(collection, new Set([...(entries.get(collection) ?? []).map((e) => e.id), ...(unreadable.get(collection) ?? [])]));
    return known.get(collection)!;
  };
}
