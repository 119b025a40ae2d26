/**
 * The static browse pages (/services/<facet>/<value>/): which services each lists, and how
 * many. The same rules as the combined filter, one choice at a time.
 */
import { categories, levels, needs } from '../../contract/vocabulary.ts';
import { ageBands } from './age-bands.ts';
import { filterServices, type FilterCriteria, type ServiceFacets } from './service-filter.ts';

/** Services per browse page: enough to scan, short enough on a phone. */
export const BROWSE_PAGE_SIZE = 20;

/** Services per page of an A to Z letter. */
export const A_TO_Z_PAGE_SIZE = 50;

/**
 * Up to this many services, /services/ lists every one and filters them in the page. A bigger
 * directory would make that page megabytes long, so above it /services/ links to the A to Z and
 * browse pages and filters through search instead. LIST_ALL_SERVICES_UP_TO changes it for a build.
 */
export const LIST_ALL_SERVICES_UP_TO = Number(process.env.LIST_ALL_SERVICES_UP_TO ?? 200);

export function listsEveryService(count: number, limit = LIST_ALL_SERVICES_UP_TO): boolean {
  return count <= limit;
}

/**
 * Which page numbers a pagination bar shows: the first, the last and those beside the current
 * one, with a gap (null) where numbers are left out, as in the GOV.UK pagination pattern.
 */
export function pageNumbers(current: number, last: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, last])].filter((n) => n >= 1 && n <= last).sort((a, b) => a - b);
  // A gap of a single page shows that page: a number takes no more room than "…".
  return shown.flatMap((n, i) => {
    const gap = i > 0 ? n - shown[i - 1]! - 1 : 0;
    return gap === 0 ? [n] : gap === 1 ? [n - 1, n] : [null, n];
  });
}

export type BrowseFacet = 'need' | 'category' | 'level' | 'age';

export interface BrowsePage {
  facet: BrowseFacet;
  value: string;
  /** The page heading, such as "Health services". */
  title: string;
  /** The same choice as a /services/ filter link. */
  criteria: FilterCriteria;
}

export function browsePages(): BrowsePage[] {
  return [
    ...needs.values.map((n) => ({ facet: 'need' as const, value: n, title: `Services for ${needs.label(n).toLowerCase()}`, criteria: { need: n } })),
    ...categories.values.map((c) => ({ facet: 'category' as const, value: c, title: `${categories.label(c)} services`, criteria: { category: c } })),
    ...levels.values.map((l) => ({ facet: 'level' as const, value: l, title: `Services at the level: ${levels.label(l)}`, criteria: { level: l } })),
    ...ageBands.map((b) => ({ facet: 'age' as const, value: b.id, title: `Services for ${b.label.toLowerCase()}`, criteria: { age: b.id } })),
  ];
}

/** How many services each browse page lists: counts[facet][value]. */
export function browseCounts(services: ServiceFacets[]): Record<BrowseFacet, Record<string, number>> {
  const counts: Record<BrowseFacet, Record<string, number>> = { need: {}, category: {}, level: {}, age: {} };
  for (const page of browsePages()) counts[page.facet][page.value] = filterServices(services, page.criteria).length;
  return counts;
}
