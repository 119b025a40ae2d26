/**
 * The Open Referral UK files of a build: the list of every service
 * (`/openreferral/v3/services.json`) and each service's record
 * (`/openreferral/v3/services/<id>.json`), written from the list's own records.
 *
 * Each record is published twice: under its ORUK UUID (what consumers read from the list) and
 * under our own id (what people see in our page addresses). As Astro routes they were 10,000
 * outputs at 5,000 services, each taking the page builder's thread through a whole render and a
 * file write: about a fifth of the build (docs/performance.md). Written here, they cost one file
 * and one link each, in a worker thread beside the pages (oruk-export-worker.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { orukServicePage } from './oruk.ts';
import { placeFile } from './place-file.ts';

/** Where the list and the single records live in the built site. */
export const ORUK_LIST = 'openreferral/v3/services.json';
export const ORUK_RECORDS_DIR = 'openreferral/v3/services';

export interface OrukRecordFile {
  /** `<uuid>.json`: the record under its ORUK id. */
  file: string;
  /** `<our id>.json`: the same record under the id in our page address. */
  alias: string;
  /** The record as JSON without indentation, with a final new line. */
  body: string;
}

/** How the Open Referral endpoints serialise JSON: no indentation, and a final new line. */
export const jsonBody = (body: object) => `${JSON.stringify(body)}\n`;

const OUR_PAGE = /\/services\/([^/]+)\/$/;

/**
 * The files for each record of an ORUK Page. Our id is read back from the record's `x_id`
 * extension, or else from `x_page`, our own page for the service (`…/services/<id>/`, see
 * `toOrukService`; `url` is the service's own website).
 */
export function orukRecordFiles(page: unknown): OrukRecordFile[] {
  const contents = (page as { contents?: unknown } | null)?.contents;
  if (!Array.isArray(contents)) throw new Error(`${ORUK_LIST} has no "contents" list of services.`);
  return contents.map((record: { id?: unknown; x_id?: unknown; x_page?: unknown }, index) => {
    const ourId = typeof record.x_id === 'string' && record.x_id ? record.x_id : typeof record.x_page === 'string' ? OUR_PAGE.exec(new URL(record.x_page).pathname)?.[1] : undefined;
    if (typeof record.id !== 'string' || !record.id || !ourId) {
      throw new Error(`Service ${index + 1} in ${ORUK_LIST} needs an "id" and an "x_id" or an "x_page" ending in /services/<id>/ (found id ${JSON.stringify(record.id)}, x_id ${JSON.stringify(record.x_id)}, x_page ${JSON.stringify(record.x_page)}).`);
    }
    return { file: `${record.id}.json`, alias: `${decodeURIComponent(ourId)}.json`, body: jsonBody(record) };
  });
}

/**
 * Writes the list and every record in it into `<distDir>/openreferral/v3/`, the records a few at
 * a time so the disk is kept busy without opening thousands of files at once. Every record is
 * checked before anything is written. Returns how many records were written.
 */
export async function writeOrukFiles(distDir: string, page: ReturnType<typeof orukServicePage>, inFlight = 16): Promise<number> {
  const records = orukRecordFiles(page);
  const folder = join(distDir, ORUK_RECORDS_DIR);
  await mkdir(folder, { recursive: true });
  await writeFile(join(distDir, ORUK_LIST), jsonBody(page));
  let next = 0;
  const writer = async () => {
    while (next < records.length) {
      const { file, alias, body } = records[next++]!;
      await writeFile(join(folder, file), body);
      placeFile(join(folder, file), join(folder, alias));
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, records.length) }, writer));
  return records.length;
}
