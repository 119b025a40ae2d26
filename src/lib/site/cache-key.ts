/**
 * The `cacheKey` of a page from `getStaticPaths()`, for Astro's incremental builds
 * (`experimental.incrementalBuild`, astro.config.mjs). Astro copies a page from the last build
 * instead of rendering it again when its route's code is unchanged (Astro hashes the compiled
 * module graph) and its cacheKey is unchanged. So the key must change whenever anything the page
 * shows changes, and it is made in one place, here:
 *
 * - **every key** includes a digest of the content that is not a collection of entries: every
 *   file in content/ outside the collection folders (site.json, glossary.json,
 *   statutory-coverage.json, and any file added later), and the name and size of every file in
 *   content/public/ (pages show a video's size). A page cannot forget the site's settings.
 * - **the path's params and props**, walked in full: a content entry anywhere in them (a service,
 *   each service on a listing page, its organisation) counts by its collection, id, data and body;
 *   everything else by its value. A listing's membership, order and page count are in its props.
 * - **what else the page reads** in its frontmatter (an organisation, related services, videos,
 *   the glossary), given as further arguments.
 * - **the day, where the page depends on it**: a page shows "this page is due for review" once
 *   its entry's `lastReviewed` date is older than the site's review interval
 *   (`LastReviewed.astro`). An entry with that date counts with whether it is overdue today, and
 *   so does a plain object with one (an entry's fields taken out of it, as a provision entry's are
 *   in src/data/content.ts), so the page is rendered again on the day it falls due, not copied
 *   from an older build.
 *
 * A value the digest cannot see into (a function, a class instance) is refused with an error
 * rather than counted as nothing. tests/integration/never-stale.test.ts builds the demo, changes
 * it, rebuilds incrementally and compares every file with a clean build; it also fails when a page
 * from getStaticPaths() is rendered again although nothing changed (a missing or unstable key).
 */
import { hash as digestOf } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { folderCollections, PUBLIC_FOLDER } from '../../contract/collections.ts';
import { reviewState } from '../text/dates.ts';
import { site } from './site.ts';
import { filesUnder } from './files-under.ts';

// One call, not a Hash object for each: at 5,000 services the keys hash tens of thousands of texts.
const hash = (text: string) => digestOf('sha256', text, 'base64url');

interface EntryLike {
  id: string;
  collection: string;
  data: unknown;
  body?: string;
}

function isEntry(value: object): value is EntryLike {
  const v = value as Partial<EntryLike>;
  return typeof v.id === 'string' && typeof v.collection === 'string' && 'data' in v;
}

/** Entries and other objects are digested once however many pages show them. */
const digests = new WeakMap<object, string>();

/**
 * Whether an entry is overdue for review today (":overdue" or ":current"), for an entry's data,
 * or an object made from it, with a `lastReviewed` date: its page shows a warning from the day it
 * falls due, with nothing else changed. Nothing for one without that date.
 */
function reviewDigest(data: unknown): string {
  const reviewed = (data as { lastReviewed?: unknown } | null)?.lastReviewed;
  if (typeof reviewed !== 'string') return '';
  return reviewState(reviewed, site.reviewIntervalMonths).overdue ? ':overdue' : ':current';
}

function entryDigest(entry: EntryLike): string {
  let digest = digests.get(entry);
  if (digest === undefined) {
    // An entry's data is what its schema (src/contract/) made of JSON or MDX front matter: plain
    // values, which JSON.stringify writes in full, and quickest.
    digest = `${entry.collection}:${entry.id}:${hash(`${JSON.stringify(entry.data)}\u0000${entry.body ?? ''}`)}${reviewDigest(entry.data)}`;
    digests.set(entry, digest);
  }
  return digest;
}

/**
 * Writes a value into `out` as JSON would, but with each entry replaced by its digest and Maps
 * and Sets written out. One pass, without JSON.stringify's replacer: at 5,000 services the keys
 * read hundreds of thousands of values on every build.
 */
function write(value: unknown, key: string, out: string[]): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'number':
    case 'boolean':
      out.push(String(value));
      return;
    case 'undefined':
      out.push('u');
      return;
    case 'bigint':
      out.push(`${value}n`);
      return;
    case 'function':
    case 'symbol':
      throw new Error(`cacheKey: "${key}" is a ${typeof value}, which a page's cache key cannot see into; pass the values the page shows instead`);
  }
  if (value === null) {
    out.push('null');
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i) out.push(',');
      write(value[i], key, out);
    }
    out.push(']');
    return;
  }
  const object = value as object;
  if (isEntry(object)) {
    out.push('{entry:', entryDigest(object), '}');
    return;
  }
  if (object instanceof Map) {
    out.push('Map');
    write([...object], key, out);
    return;
  }
  if (object instanceof Set) {
    out.push('Set');
    write([...object], key, out);
    return;
  }
  if (object instanceof Date) {
    out.push(`Date(${object.toISOString()})`);
    return;
  }
  const prototype = Object.getPrototypeOf(object);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`cacheKey: "${key}" is a ${prototype?.constructor?.name ?? 'class instance'}, which a page's cache key cannot see into; pass plain values instead`);
  }
  out.push('{');
  let first = true;
  for (const name of Object.keys(object)) {
    const field = (object as Record<string, unknown>)[name];
    // As in JSON, a field that is undefined is the same as no field.
    if (field === undefined) continue;
    if (!first) out.push(',');
    first = false;
    out.push(JSON.stringify(name), ':');
    write(field, name, out);
  }
  // An entry's fields outside the entry (a provision entry, src/data/content.ts) are shown with
  // their review date as the entry's are: the page warns from the day it falls due.
  out.push(reviewDigest(object), '}');
}

/**
 * A digest of content/ outside the collection folders: the bytes of each settings file, and the
 * name and size of each file in content/public/ (their bytes are published as they are, and
 * pages show only their size; hashing every video would cost seconds).
 */
export function sharedContentDigest(contentDir: string): string {
  const collectionFolders = new Set(folderCollections.map((c) => c.folder));
  const parts: string[] = [];
  for (const entry of readdirSync(contentDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory() && collectionFolders.has(entry.name)) continue;
    const top = join(contentDir, entry.name);
    for (const file of entry.isDirectory() ? filesUnder(top).map((path) => `${entry.name}/${path}`) : [entry.name]) {
      const path = join(contentDir, file);
      parts.push(entry.name === PUBLIC_FOLDER ? `${file} ${statSync(path).size}` : `${file} ${hash(readFileSync(path, 'utf8'))}`);
    }
  }
  return hash(parts.join('\n'));
}

let shared: string | undefined;
/** The shared digest of the project being built (read once per build). */
function sharedDigest(): string {
  shared ??= sharedContentDigest(join(process.cwd(), 'content'));
  return shared;
}

/** The cache key of a page that shows `reads`: its params and props and anything else it reads. */
export function cacheKey(...reads: unknown[]): string {
  const parts = [sharedDigest(), '\n'];
  write(reads, '', parts);
  return hash(parts.join(''));
}

/**
 * A getStaticPaths() item with its cacheKey: made from its params and props, and from `reads`,
 * everything else the page reads to render (entries, lists, settings).
 *
 *     return services.map((service) => withCacheKey({ params: { id: service.id }, props: { service } }, organisation));
 *     return paginate(list, options).map((path) => withCacheKey(path));
 *
 * A large read that is the same for every path of a route (every service, the glossary) can be
 * digested once with `cacheKey(...)` and its key passed instead: the same key, without walking
 * 5,000 entries again for each path.
 *
 *     const everyService = cacheKey(services);
 *     return steps.map((step) => withCacheKey({ params: step.params }, everyService));
 */
export function withCacheKey<T extends { params: object; props?: object }>(path: T, ...reads: unknown[]): T & { cacheKey: string } {
  return { ...path, cacheKey: cacheKey(path.params, path.props ?? null, ...reads) };
}
