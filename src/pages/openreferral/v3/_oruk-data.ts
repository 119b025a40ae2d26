/** The services and site details the Open Referral UK endpoints map (helper, not a route). */
import { allServices, organisationOf } from '../../../data/content.ts';
import { openDataContext, toOrukService, type OrukService, type OrukSource } from '../../../lib/open-data/oruk.ts';
import { site } from '../../../lib/site/site.ts';
import { jsonBody } from '../../../lib/open-data/oruk-records.ts';
import { EARLY_ORUK_EXPORT, type EarlyOrukExport } from '../../../lib/open-data/oruk-export.ts';

const orukContext = openDataContext(site);

export interface OrukRecord {
  source: OrukSource;
  record: OrukService;
}

let sourcesPromise: Promise<OrukSource[]> | undefined;
/** Every service with the organisation that runs it, as the mapping needs them. */
export function orukSources(): Promise<OrukSource[]> {
  sourcesPromise ??= allServices().then((services) =>
    Promise.all(
      services.map(async (service) => {
        const organisation = await organisationOf(service);
        return { id: service.id, data: service.data, organisation: { id: organisation.id, data: organisation.data } };
      }),
    ),
  );
  return sourcesPromise;
}

let recordsPromise: Promise<OrukRecord[]> | undefined;
/** Every service with its ORUK record, made once for the list and the single records (development server). */
export function orukRecords(): Promise<OrukRecord[]> {
  recordsPromise ??= orukSources().then((sources) => sources.map((source) => ({ source, record: toOrukService(source, orukContext) })));
  return recordsPromise;
}

/**
 * In a build, hands the services to the build's export (src/lib/open-data/oruk-export.ts), which makes the
 * list and the single records in a worker thread. True when it took them; then the routes make
 * nothing.
 */
export async function handedToBuild(): Promise<boolean> {
  const handOver = (globalThis as { [EARLY_ORUK_EXPORT]?: EarlyOrukExport })[EARLY_ORUK_EXPORT];
  return handOver ? handOver(await orukSources(), orukContext) : false;
}

const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>();
/**
 * JSON without indentation (a third smaller, and quicker to write); a record published under two
 * addresses is serialised once.
 */
export const jsonResponse = (body: object) => {
  let bytes = bodies.get(body);
  if (bytes === undefined) {
    bytes = new TextEncoder().encode(jsonBody(body));
    bodies.set(body, bytes);
  }
  return new Response(bytes, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
