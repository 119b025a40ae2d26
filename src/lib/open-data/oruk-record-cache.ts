/**
 * The Open Referral UK records of the last build, kept in `.cache/oruk/records.txt`, so a
 * rebuild maps again only the services that changed. Mapping a service (its UUIDs, its Markdown
 * as plain text) took about 2 s of the export's thread at 5,000 services on every build.
 *
 * A record is reused only when everything it is made from is the same:
 * - the service and its organisation, as the build hands them over, in full;
 * - the site's address and area (the context);
 * - the code that maps them: every file in src/lib/ and src/contract/ (the mapping, the text
 *   helpers and the vocabularies live there) and the installed packages
 *   (node_modules/.package-lock.json). Any change to them maps every service again.
 *
 * A missing, damaged or older cache maps every service, as a build without it does.
 */
import { createHash, hash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { OrukContext, OrukSource } from './oruk.ts';
import { mapService, type OrukServiceEntry } from './oruk-endpoints.ts';
import { writeFileWhole } from '../site/place-file.ts';
import { filesUnder } from '../site/files-under.ts';

const VERSION = 1;
const FILE = 'records.txt';

/** Records by the digest of what each was made from. */
export type RecordCache = Map<string, string>;

const sha256 = (text: string | Buffer) => hash('sha256', text, 'base64url');

/**
 * A digest of the mapping's code: the files of `src/lib/` and `src/contract/` under `srcDir`,
 * and the installed packages. Undefined (nothing is reused) when the packages cannot be known.
 */
export function mappingCodeKey(srcDir: string, installed: string): string | undefined {
  if (!existsSync(installed)) return undefined;
  const digest = createHash('sha256');
  digest.update(readFileSync(installed));
  for (const folder of ['lib', 'contract']) {
    for (const file of filesUnder(join(srcDir, folder))) digest.update(`\u0000${folder}/${file}\u0000`).update(readFileSync(join(srcDir, folder, file)));
  }
  return digest.digest('base64url');
}

/**
 * The file: a first line naming the format and the code's digest, then one line a record, its
 * digest and its JSON between a tab (JSON written by JSON.stringify has no raw tab or line break).
 * Plain lines rather than one JSON document: the records are read and written as they are, without
 * escaping 35 MB of quotes at 5,000 services.
 */
const header = (codeKey: string) => `open-local-offer oruk records ${VERSION} ${codeKey}`;

/** The records kept by the last build made with the same code, or none. */
export function readRecordCache(cacheDir: string, codeKey: string): RecordCache {
  const records: RecordCache = new Map();
  let text: string;
  try {
    text = readFileSync(join(cacheDir, FILE), 'utf8');
  } catch {
    return records;
  }
  const lines = text.split('\n');
  // A file cut short has no final empty line: then nothing in it is trusted.
  if (lines[0] !== header(codeKey) || lines.at(-1) !== '') return records;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i]!;
    const tab = line.indexOf('\t');
    if (tab <= 0) return new Map();
    records.set(line.slice(0, tab), line.slice(tab + 1));
  }
  return records;
}

/**
 * Keeps this build's records for the next. `kept` is what was read from the file at the start of
 * this build: when the file holds it, the records it lacks are added at its end (after one edit,
 * one line instead of 35 MB written again at 5,000 services). The file is written again whole, with
 * this build's records only (a deleted service's record goes), when there was none, when it was
 * made by other code, or when the lines it no longer needs would make it over twice the size.
 * A build stopped while adding leaves a last line cut short, and then nothing in the file is trusted.
 */
export function writeRecordCache(cacheDir: string, codeKey: string, records: RecordCache, kept: RecordCache = new Map()): void {
  const file = join(cacheDir, FILE);
  const line = (key: string, json: string) => `${key}\t${json}\n`;
  if (kept.size > 0) {
    const added = [...records].filter(([key]) => !kept.has(key)).map(([key, json]) => line(key, json)).join('');
    let needed = Buffer.byteLength(`${header(codeKey)}\n`);
    for (const [key, json] of records) needed += Buffer.byteLength(key) + Buffer.byteLength(json) + 2;
    let size: number | undefined;
    try {
      size = statSync(file).size;
    } catch {
      // Gone since it was read: written whole below.
    }
    if (size !== undefined && size + Buffer.byteLength(added) <= 2 * needed) {
      if (added) appendFileSync(file, added);
      return;
    }
  }
  mkdirSync(cacheDir, { recursive: true });
  const lines = [header(codeKey)];
  for (const [key, json] of records) lines.push(`${key}\t${json}`);
  writeFileWhole(file, `${lines.join('\n')}\n`);
}

/**
 * Every service's record, taken from `cache` when what it is made from is unchanged, mapped
 * otherwise; and the records to keep for the next build. A service that cannot be mapped is named.
 */
export function orukServiceEntriesCached(sources: OrukSource[], context: OrukContext, cache: RecordCache): { entries: OrukServiceEntry[]; next: RecordCache; reused: number } {
  const contextKey = JSON.stringify(context);
  const next: RecordCache = new Map();
  let reused = 0;
  const entries = sources.map((source) => {
    const key = sha256(`${contextKey}\u0000${JSON.stringify(source)}`);
    const kept = cache.get(key);
    if (kept !== undefined) {
      reused++;
      next.set(key, kept);
      // The record as JSON gives it back, and its file is that JSON: the same bytes either way.
      return { ourId: source.id, record: JSON.parse(kept) as OrukServiceEntry['record'], json: kept };
    }
    const record = mapService(source, context);
    const json = JSON.stringify(record);
    next.set(key, json);
    return { ourId: source.id, record, json };
  });
  return { entries, next, reused };
}
