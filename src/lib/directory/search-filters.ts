/**
 * The search filters a service page carries for Pagefind, and /search/ addresses that list the
 * services fitting a set of choices. Big directories filter through these instead of listing every
 * service on /services/ (see listsEveryService in browse.ts); both follow matchesCriteria's rules.
 */
import { accessRoutes, categories, levelShortLabels, levels, needs } from '../../contract/vocabulary.ts';
import { ageBands, inAgeBand } from './age-bands.ts';
import type { FilterCriteria, ServiceFacets } from './service-filter.ts';

/** The filter that marks a page as a service, so a filtered search lists services only. */
export const SERVICE_KIND: [string, string] = ['kind', 'Services'];
export const FREE_COST: [string, string] = ['cost', 'Free'];

/** [filter, value] pairs for one service, worded as people read them in the search filters. */
export function searchFiltersOf(service: ServiceFacets, localities: string[]): [string, string][] {
  return [
    SERVICE_KIND,
    // A service open to all needs is found under every need.
    ...(service.needs.length ? service.needs : needs.values).map((n): [string, string] => ['need', needs.label(n)]),
    ...service.categories.map((c): [string, string] => ['category', categories.label(c)]),
    ...service.levels.map((l): [string, string] => ['level', levels.label(l)]),
    ...service.routes.map((r): [string, string] => ['route', accessRoutes.label(r)]),
    ...ageBands.filter((b) => inAgeBand(service.ageRange, b)).map((b): [string, string] => ['age', b.label]),
    ...(service.free ? [FREE_COST] : []),
    ...(service.areaServed.includes('whole-area') ? localities : service.areaServed).map((l): [string, string] => ['locality', l]),
  ];
}

/** The /search/ address that lists, without search words, the services fitting these choices. */
export function searchLinkFor(criteria: FilterCriteria): string {
  const params = new URLSearchParams([SERVICE_KIND]);
  if (criteria.need) params.append('need', needs.label(criteria.need));
  if (criteria.category) params.append('category', categories.label(criteria.category));
  if (criteria.age) params.append('age', ageBands.find((b) => b.id === criteria.age)?.label ?? criteria.age);
  if (criteria.level) params.append('level', levels.label(criteria.level));
  if (criteria.route) params.append('route', accessRoutes.label(criteria.route));
  if (criteria.free) params.append(...FREE_COST);
  if (criteria.locality) params.append('locality', criteria.locality);
  return `/search/?${params}`;
}

/** One drop-down of the service filter: its choices, each with the value search files it under. */
export interface FilterField {
  name: 'need' | 'category' | 'age' | 'level' | 'route' | 'locality';
  label: string;
  /** The first option, meaning no choice. */
  any: string;
  options: { value: string; label: string; searchValue: string }[];
}

/**
 * The drop-downs of the service filter, in order; names match the query parameters. The
 * in-page filter on /services/ asks for the place in its own "Near" control (`withPlace: false`).
 */
export function filterFields(localities: string[], withPlace = true): FilterField[] {
  const from = <T extends string>(values: readonly T[], label: (v: T) => string, short: (v: T) => string = label) =>
    values.map((value) => ({ value: value as string, label: short(value), searchValue: label(value) }));
  return [
    { name: 'need', label: 'Area of need', any: 'Any', options: from(needs.values, needs.label) },
    { name: 'category', label: 'Type of service', any: 'Any', options: from(categories.values, categories.label) },
    { name: 'age', label: 'Age', any: 'Any age', options: ageBands.map((b) => ({ value: b.id, label: b.label, searchValue: b.label })) },
    { name: 'level', label: 'Level of support', any: 'Any', options: from(levels.values, levels.label, (v) => levelShortLabels[v]) },
    { name: 'route', label: 'How you get it', any: 'Any way', options: from(accessRoutes.values, accessRoutes.label) },
    ...(withPlace ? [{ name: 'locality' as const, label: 'Near', any: 'Anywhere in the area', options: localities.map((l) => ({ value: l, label: l, searchValue: l })) }] : []),
  ];
}
