/** The services and site details the Open Referral UK endpoints map (helper, not a route). */
import { allServices, organisationOf } from '../../../data/content.ts';
import { openDataContext, toOrukService, type OrukService, type OrukSource } from '../../../lib/oruk.ts';
import { site } from '../../../lib/site.ts';

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

const bodies = new WeakMap<object, string>();
/** Pretty-printed JSON; a record published under two addresses is written out once. */
export const jsonResponse = (body: object) => {
  let text = bodies.get(body);
  if (text === undefined) {
    text = `${JSON.stringify(body, null, 2)}\n`;
    bodies.set(body, text);
  }
  return new Response(text, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
