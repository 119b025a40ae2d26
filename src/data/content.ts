/**
 * Reads content collections for pages, sorted the way people expect. The only place pages get
 * collections from, so each collection is read once per build and shared.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { sortProvision } from '../lib/provision/provision.ts';
import { relatedServicesIndex } from '../lib/directory/related-services.ts';
import { facetsOf, type ServiceFacets } from '../lib/directory/service-filter.ts';
import { PUBLIC_FOLDER } from '../contract/collections.ts';
import { inSection, PROVISION_SECTION } from '../contract/index.ts';

export type Service = CollectionEntry<'services'>;
export type Organisation = CollectionEntry<'organisations'>;

const byName = (a: { data: { name: string } }, b: { data: { name: string } }) => a.data.name.localeCompare(b.data.name, 'en-GB');
const byTitle = (a: { data: { title: string } }, b: { data: { title: string } }) => a.data.title.localeCompare(b.data.title, 'en-GB');

let servicesPromise: Promise<Service[]> | undefined;
/**
 * All published services, A to Z. Closed services are left out of listings but keep their pages.
 * Drafts (imported records not finished yet) are left out here, the one place every page, list,
 * search entry, sitemap entry and open data record gets its services from, so none is published.
 */
export function allServices(): Promise<Service[]> {
  servicesPromise ??= getCollection('services', (service) => !service.data.draft?.length).then((list) => list.sort(byName));
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

let servicesByIdPromise: Promise<Map<string, Service>> | undefined;
/** The services a list of references names, A to Z. */
export async function servicesByIds(refs: { id: string }[] | undefined): Promise<Service[]> {
  if (!refs?.length) return [];
  servicesByIdPromise ??= allServices().then((services) => new Map(services.map((s) => [s.id, s])));
  const byId = await servicesByIdPromise;
  return [...new Set(refs.map((r) => r.id))]
    .map((id) => byId.get(id))
    .filter((s): s is Service => s !== undefined)
    .sort(byName);
}

export type Video = CollectionEntry<'videos'>;

let videosPromise: Promise<Video[]> | undefined;
/** All videos, A to Z by title. */
export function allVideos(): Promise<Video[]> {
  videosPromise ??= getCollection('videos').then((list) => list.sort(byTitle));
  return videosPromise;
}

/** The size in bytes of a file in content/public/ (a video to download), or undefined if it is not there. */
export function publicFileSize(path: string): number | undefined {
  try {
    return statSync(join(process.cwd(), 'content', PUBLIC_FOLDER, path)).size;
  } catch {
    return undefined;
  }
}

/** A "you said, we did" entry: its id and fields side by side, as src/lib/feedback/feedback.ts expects. */
export type FeedbackEntry = CollectionEntry<'feedback'>['data'] & { id: string };

let feedbackPromise: Promise<FeedbackEntry[]> | undefined;
/** All "you said, we did" entries, newest first. */
export function allFeedback(): Promise<FeedbackEntry[]> {
  feedbackPromise ??= getCollection('feedback').then((list) =>
    list.map((entry) => ({ id: entry.id, ...entry.data })).sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
  );
  return feedbackPromise;
}

export type Indicator = CollectionEntry<'indicators'>;

/** All "how we're doing" indicators, A to Z by title. */
export async function allIndicators(): Promise<Indicator[]> {
  return (await getCollection('indicators')).sort(byTitle);
}

export const sortByTitle = byTitle;
export { getCollection, getEntry };

/** Services shown in listings and browse pages: everything except closed services. */
export async function listedServices(): Promise<Service[]> {
  return (await allServices()).filter((s) => s.data.status !== 'closed');
}

let facetsPromise: Promise<ServiceFacets[]> | undefined;
/**
 * The listed services' facets (needs, ages, places and the rest), in the same order. Worked out
 * once a build: the service list and every page of the step-by-step finder (thousands in a large
 * directory) count services by them.
 */
export function listedFacets(): Promise<ServiceFacets[]> {
  facetsPromise ??= listedServices().then((services) => services.map((s) => facetsOf(s.id, s.data)));
  return facetsPromise;
}

const relatable = (s: Service) => ({ id: s.id, organisation: s.data.organisation.id, needs: s.data.needs, categories: s.data.categories, status: s.data.status, service: s });
let relatedPromise: Promise<ReturnType<typeof relatedServicesIndex<ReturnType<typeof relatable>>>> | undefined;
/** Worked out once a build: a service page's cache key (src/lib/site/cache-key.ts) and the page both read them. */
const relatedOf = new Map<string, Promise<Service[]>>();
/** The services to suggest beside a service: the editor's choice, or the listed services most like it. */
export function relatedServicesOf(service: Service): Promise<Service[]> {
  let related = relatedOf.get(service.id);
  if (!related) relatedOf.set(service.id, (related = findRelatedServices(service)));
  return related;
}

async function findRelatedServices(service: Service): Promise<Service[]> {
  const chosen = await servicesByIds(service.data.relatedServices);
  if (chosen.length) return chosen;
  relatedPromise ??= listedServices().then((listed) => relatedServicesIndex(listed.map(relatable)));
  return (await relatedPromise)(relatable(service)).map((r) => r.service);
}

let glossaryPromise: Promise<CollectionEntry<'glossary'>[]> | undefined;
/** Glossary terms, A to Z. */
export function glossaryTerms(): Promise<CollectionEntry<'glossary'>[]> {
  glossaryPromise ??= getCollection('glossary').then((list) => list.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en-GB')));
  return glossaryPromise;
}

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

/** A provision entry's fields with its id, the shape src/lib/provision/provision.ts works with. */
export type Provision = CollectionEntry<'provision'>['data'] & { id: string };

let provisionPromise: Promise<Provision[]> | undefined;
/** Ordinarily available provision entries, in reading order (see sortProvision). */
export function allProvision(): Promise<Provision[]> {
  provisionPromise ??= getCollection('provision').then((list) => sortProvision(list.map((entry) => ({ ...entry.data, id: entry.id }))));
  return provisionPromise;
}

/** General pages about what every setting should do (content/pages with section: provision). */
export async function wholeSettingPages(): Promise<CollectionEntry<'pages'>[]> {
  return (await getCollection('pages', (page) => inSection(page.data, PROVISION_SECTION))).sort(byTitle);
}
