/**
 * The record of what each built page's meta tags said about its social image, kept from one build
 * to the next (.cache/og/pages.json) so a rebuild need not open every page again.
 *
 * On an incremental rebuild most pages are not rendered: Astro copies them from its cache
 * (.cache/astro/dist/), giving each copy the cached file's modification time, or, under
 * `npm run build`, keeps the last build's file where it was carried over (src/lib/site/carried-pages.ts),
 * with its time. A page whose size and modification time are exactly those recorded is the same
 * file version the record was made from, so what its meta tags say is taken from the record; any
 * other page is read. Reading every copied page's head took about 1.3 s at 5,000 services.
 *
 * The record only ever stands in for reading a file: it holds the raw og:image, og:title and
 * og:description, and the build checks and uses them exactly as if it had just read them. A
 * missing, unreadable or older record is no record at all, so every page is read.
 */

/** Change this when what the record holds, or how it is checked, changes: older records are then ignored. */
export const PAGE_RECORD_VERSION = 1;

/** What tells two versions of a built file apart without reading it. */
export interface FileVersion {
  size: number;
  mtimeMs: number;
}

/** What a page's meta tags say about its social image; no image when it has no og:image. */
export interface PageMeta {
  image?: string;
  title?: string;
  description?: string;
}

export interface RecordedPage extends FileVersion {
  meta: PageMeta;
}

/** Recorded pages by their file's path in dist/, such as "services/portage/index.html". */
export type PageRecord = Map<string, RecordedPage>;

const optionalString = (value: unknown) => value === undefined || typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The record in `text` (the file's contents, or undefined when there is none). Anything not exactly
 * as this version writes it (not JSON, another version, a malformed entry) gives an empty record:
 * every page is then read, as in a build without one.
 */
export function parsePageRecord(text: string | undefined): PageRecord {
  const record: PageRecord = new Map();
  if (text === undefined) return record;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return record;
  }
  if (typeof data !== 'object' || data === null) return record;
  const { version, pages } = data as { version?: unknown; pages?: unknown };
  if (version !== PAGE_RECORD_VERSION || typeof pages !== 'object' || pages === null || Array.isArray(pages)) return record;
  for (const [path, entry] of Object.entries(pages)) {
    if (typeof entry !== 'object' || entry === null) return new Map();
    const { size, mtimeMs, meta } = entry as Partial<Record<keyof RecordedPage, unknown>>;
    if (!isNumber(size) || !isNumber(mtimeMs) || typeof meta !== 'object' || meta === null) return new Map();
    const { image, title, description } = meta as Record<string, unknown>;
    if (!optionalString(image) || !optionalString(title) || !optionalString(description)) return new Map();
    record.set(path, { size, mtimeMs, meta: definedOnly({ image, title, description } as PageMeta) });
  }
  return record;
}

/** The record as the text of its file. */
export function serialisePageRecord(record: PageRecord): string {
  return JSON.stringify({ version: PAGE_RECORD_VERSION, pages: Object.fromEntries(record) });
}

/**
 * What the page at `path` says about its social image. `version` is its file's size and
 * modification time, taken BEFORE the file is read (a file changed in between is then recorded
 * under its older version, and read again next time). When `previous` holds exactly that version
 * of the file, the recorded meta tags are used; otherwise `read` reads them from the file. Either
 * way the page goes into `next`, the record for the next build.
 */
export function pageMeta(path: string, version: FileVersion, previous: PageRecord, next: PageRecord, read: () => PageMeta): PageMeta {
  const recorded = previous.get(path);
  const meta = recorded && recorded.size === version.size && recorded.mtimeMs === version.mtimeMs ? recorded.meta : definedOnly(read());
  next.set(path, { size: version.size, mtimeMs: version.mtimeMs, meta });
  return meta;
}

function definedOnly(meta: PageMeta): PageMeta {
  const result: PageMeta = {};
  if (meta.image !== undefined) result.image = meta.image;
  if (meta.title !== undefined) result.title = meta.title;
  if (meta.description !== undefined) result.description = meta.description;
  return result;
}
