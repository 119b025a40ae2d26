/**
 * The combined service filter: which services match a set of choices (need, type, age band,
 * level, how to get it, free, place), and how those choices are written in a page address so
 * a filtered list can be shared or bookmarked. Used by the /services/ page script and tests.
 */
import { accessRoutes, categories, levels, needs, type AccessRoute, type Category, type Level, type Need } from '../../contract/vocabulary.ts';
import { ageBands, inAgeBand, type AgeBandId } from './age-bands.ts';
import { showingAll } from '../text/counts.ts';

/** What the filter needs to know about one service (small enough to put on each card). */
export interface ServiceFacets {
  id: string;
  name: string;
  /** Empty means open to all needs. */
  needs: Need[];
  categories: Category[];
  levels: Level[];
  routes: AccessRoute[];
  ageRange: { min: number; max: number };
  free: boolean;
  /** Locality names, or ["whole-area"]. */
  areaServed: string[];
  /** Coordinates of the service's buildings, for ordering by distance. */
  places: { lat: number; lng: number }[];
}

/** The choices a person has made. A missing choice means "any". */
export interface FilterCriteria {
  need?: Need;
  category?: Category;
  age?: AgeBandId;
  level?: Level;
  route?: AccessRoute;
  /** Only services that are free to families. */
  free?: boolean;
  /** A locality name from site.json. */
  locality?: string;
}

/** The facets of a service as stored in content (services/<id>.json, parsed). */
export interface ServiceFacetSource {
  name: string;
  needs: Need[];
  categories: Category[];
  levels: Level[];
  access: { routes: AccessRoute[] };
  /** Absent when the ages are not stated. */
  ageRange?: { min: number; max: number };
  /** Absent when the cost is not stated. */
  cost?: { free: boolean };
  areaServed: string[];
  locations: { lat?: number; lng?: number }[];
}

export function facetsOf(id: string, data: ServiceFacetSource): ServiceFacets {
  return {
    id,
    name: data.name,
    needs: data.needs,
    categories: data.categories,
    levels: data.levels,
    routes: data.access.routes,
    // Ages not stated: the service is not hidden from any age band, since nobody said it is not for them.
    ageRange: data.ageRange ?? { min: 0, max: 25 },
    free: data.cost?.free ?? false,
    areaServed: data.areaServed,
    places: data.locations.flatMap((l) => (l.lat !== undefined && l.lng !== undefined ? [{ lat: l.lat, lng: l.lng }] : [])),
  };
}

/** Whether one service fits every choice made. */
export function matchesCriteria(service: ServiceFacets, criteria: FilterCriteria): boolean {
  if (criteria.need && service.needs.length > 0 && !service.needs.includes(criteria.need)) return false;
  if (criteria.category && !service.categories.includes(criteria.category)) return false;
  if (criteria.level && !service.levels.includes(criteria.level)) return false;
  if (criteria.route && !service.routes.includes(criteria.route)) return false;
  if (criteria.free && !service.free) return false;
  if (criteria.age) {
    const band = ageBands.find((b) => b.id === criteria.age);
    if (band && !inAgeBand(service.ageRange, band)) return false;
  }
  if (criteria.locality && !service.areaServed.includes('whole-area') && !service.areaServed.includes(criteria.locality)) return false;
  return true;
}

/** The services that fit every choice, in their original order. */
export function filterServices<T extends ServiceFacets>(services: T[], criteria: FilterCriteria): T[] {
  return services.filter((s) => matchesCriteria(s, criteria));
}

/** Query parameter names, as agreed in the site's URL scheme. */
export const FILTER_PARAMS = ['need', 'category', 'age', 'level', 'route', 'free', 'locality'] as const;

/**
 * Reads choices from a page address. Values that are not in the vocabularies (a mistyped or
 * out-of-date link) are ignored rather than showing an empty list.
 */
export function criteriaFromParams(params: URLSearchParams, localities: string[]): FilterCriteria {
  const criteria: FilterCriteria = {};
  const need = params.get('need');
  if (needs.is(need)) criteria.need = need;
  const category = params.get('category');
  if (categories.is(category)) criteria.category = category;
  const age = params.get('age');
  const band = ageBands.find((b) => b.id === age);
  if (band) criteria.age = band.id;
  const level = params.get('level');
  if (levels.is(level)) criteria.level = level;
  const route = params.get('route');
  if (accessRoutes.is(route)) criteria.route = route;
  if (params.get('free') === '1') criteria.free = true;
  const locality = params.get('locality');
  if (locality && localities.includes(locality)) criteria.locality = locality;
  return criteria;
}

/** Writes choices as query parameters, in a fixed order so equal filters give equal links. */
export function criteriaToParams(criteria: FilterCriteria): URLSearchParams {
  const params = new URLSearchParams();
  if (criteria.need) params.set('need', criteria.need);
  if (criteria.category) params.set('category', criteria.category);
  if (criteria.age) params.set('age', criteria.age);
  if (criteria.level) params.set('level', criteria.level);
  if (criteria.route) params.set('route', criteria.route);
  if (criteria.free) params.set('free', '1');
  if (criteria.locality) params.set('locality', criteria.locality);
  return params;
}

/** "1 service" / "12 services": the count a screen reader hears after each change. */
export function resultCountText(count: number, total: number): string {
  if (count === total) return showingAll(total, 'service');
  if (count === 0) return 'No services match these choices';
  return `${count} ${count === 1 ? 'service matches' : 'services match'} your choices (of ${total})`;
}

/** Whether every word typed is somewhere in the text (a card's name, summary and facts), ignoring case. */
export function matchesKeywords(text: string, query: string): boolean {
  const haystack = text.toLocaleLowerCase('en-GB');
  return query
    .toLocaleLowerCase('en-GB')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** The district of a UK postcode ("KV6 2QR" and "kv62qr" give "KV6"), or undefined. */
export function postcodeDistrict(value: string): string | undefined {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  const full = /^([A-Z]{1,2}\d[A-Z\d]?)\d[A-Z]{2}$/.exec(compact);
  if (full) return full[1];
  return /^[A-Z]{1,2}\d[A-Z\d]?$/.test(compact) ? compact : undefined;
}

/**
 * The middle of each postcode district that has a service building, from the buildings'
 * coordinates: a postcode typed into "Near" is placed there, on the device, with no lookup.
 */
export function postcodeCentres(locations: { postcode: string; lat?: number; lng?: number }[]): Record<string, { lat: number; lng: number }> {
  const sums = new Map<string, { lat: number; lng: number; n: number }>();
  for (const l of locations) {
    const district = postcodeDistrict(l.postcode);
    if (!district || l.lat === undefined || l.lng === undefined) continue;
    const sum = sums.get(district) ?? { lat: 0, lng: 0, n: 0 };
    sums.set(district, { lat: sum.lat + l.lat, lng: sum.lng + l.lng, n: sum.n + 1 });
  }
  return Object.fromEntries([...sums].sort(([a], [b]) => a.localeCompare(b)).map(([d, s]) => [d, { lat: Math.round((s.lat / s.n) * 1e4) / 1e4, lng: Math.round((s.lng / s.n) * 1e4) / 1e4 }]));
}
