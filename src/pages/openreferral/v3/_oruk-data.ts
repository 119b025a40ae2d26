/** The services and site details the Open Referral UK endpoints map (helper, not a route). */
import { allServices, organisationOf } from '../../../data/content.ts';
import { openDataContext, type OrukSource } from '../../../lib/oruk.ts';
import { site } from '../../../lib/site.ts';

export const orukContext = openDataContext(site);

export async function orukSources(): Promise<OrukSource[]> {
  const services = await allServices();
  return Promise.all(
    services.map(async (service) => {
      const organisation = await organisationOf(service);
      return { id: service.id, data: service.data, organisation: { id: organisation.id, data: organisation.data } };
    }),
  );
}

export const jsonResponse = (body: unknown) =>
  new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
