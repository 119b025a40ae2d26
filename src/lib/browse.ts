/**
 * The static browse pages (/services/<facet>/<value>/): which services each lists, and how
 * many. The same rules as the combined filter, one choice at a time.
 */
import { categories, levels, needs } from './vocabulary.ts';
import { ageBands } from './age-bands.ts';
import { filterServices, type FilterCriteria, type ServiceFacets } from './service-filter.ts';

/** Services per browse page: enough to scan, short enough on a phone. */
export const BROWSE_PAGE_SIZE = 20;

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
