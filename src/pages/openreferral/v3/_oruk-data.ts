/** The services and site details the Open Referral UK endpoints map (helper, not a route). */
import { allServices, organisationOf } from '../../../data/content.ts';
import { openDataContext, toOrukService, type OrukService, type OrukSource } from '../../../lib/oruk.ts';
import { site } from '../../../lib/site.ts';
import { jsonBody } from '../../../lib/oruk-records.ts';

const orukContext = openDataContext(site);

export interface OrukRecord {
  source: OrukSource;
  record: OrukService;
}

let recordsPromise: Promise<OrukRecord[]> | undefined;
/** Every service with its ORUK record, made once per build for the list and the single records. */
export function orukRecords(): Promise<OrukRecord[]> {
  recordsPromise ??= allServices().then((services) =>
    Promise.all(
      services.map(async (service) => {
        const organisation = await organisationOf(service);
        const source: OrukSource = { id: service.id, data: service.data, organisation: { id: organisation.id, data: organisation.data } };
        return { source, record: toOrukService(source, orukContext) };
      }),
    ),
  );
  return recordsPromise;
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
