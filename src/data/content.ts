/**
 * Reads content collections for pages, sorted the way people expect. The only place pages get
 * collections from, so each collection is read once per build and shared.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { sortProvision } from '../lib/provision.ts';

export type Service = CollectionEntry<'services'>;
export type Organisation = CollectionEntry<'organisations'>;

const byName = (a: { data: { name: string } }, b: { data: { name: string } }) => a.data.name.localeCompare(b.data.name, 'en-GB');
const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'en-GB');

let servicesPromise: Promise<Service[]> | undefined;
/** All services, A to Z. Closed services are left out of listings but keep their pages. */
export function allServices(): Promise<Service[]> {
  servicesPromise ??= getCollection('services').then((list) => list.sort(byName));
  return servicesPromise;
}

let organisationsPromise: Promise<Map<string, Organisation>> | undefined;
export function organisationsById(): Promise<Map<string, Organisation>> {
  organisationsPromise ??= getCollection('organisations').then((list) => new Map(list.map((o) => [o.id, o])));
  return organisationsPromise;
}

export async function organisationOf(service: Service): Promise<Organisation> {
  const organisation = (await organisationsById()).get(service.data.organisation.id);
  if (!organisation) throw new Error(`Service ${service.id}: organisation ${service.data.organisation.id} not found`);
  return organisation;
}

export async function servicesByIds(refs: { id: string }[] | undefined): Promise<Service[]> {
  if (!refs?.length) return [];
  const services = await allServices();
  const wanted = new Set(refs.map((r) => r.id));
  return services.filter((s) => wanted.has(s.id));
}

export const sortByTitle = byTitle;
export { getCollection, getEntry };

/** A provision entry's fields with its id, the shape src/lib/provision.ts works with. */
export type Provision = CollectionEntry<'provision'>['data'] & { id: string };

let provisionPromise: Promise<Provision[]> | undefined;
/** Ordinarily available provision entries, in reading order (see sortProvision). */
export function allProvision(): Promise<Provision[]> {
  provisionPromise ??= getCollection('provision').then((list) => sortProvision(list.map((entry) => ({ ...entry.data, id: entry.id }))));
  return provisionPromise;
}

/** General pages about what every setting should do (content/pages with section: provision). */
export async function wholeSettingPages(): Promise<CollectionEntry<'pages'>[]> {
  return (await getCollection('pages', (page) => page.data.section === 'provision')).sort(byTitle);
}
