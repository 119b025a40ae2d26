/**
 * Reads content collections for pages, sorted the way people expect. The only place pages get
 * collections from, so each collection is read once per build and shared.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';

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

export type Pathway = CollectionEntry<'pathways'>;
export type NavigatorTree = CollectionEntry<'navigator'>;

let pathwaysPromise: Promise<Pathway[]> | undefined;
/** All pathways in their editor-set order (then by title). */
export function allPathways(): Promise<Pathway[]> {
  pathwaysPromise ??= getCollection('pathways').then((list) => list.sort((a, b) => a.data.order - b.data.order || byTitle(a, b)));
  return pathwaysPromise;
}

let treesPromise: Promise<NavigatorTree[]> | undefined;
/** All decision trees, by title. */
export function allTrees(): Promise<NavigatorTree[]> {
  treesPromise ??= getCollection('navigator').then((list) => list.sort(byTitle));
  return treesPromise;
}
