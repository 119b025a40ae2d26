/**
 * Where an outcome page of a decision tree sends people next: static service lists that work
 * without JavaScript (/services/level/…, /services/need/…, /services/category/…).
 */
import { categories, levels, needs, type Category, type Level, type Need } from '../../contract/vocabulary.ts';

export interface OutcomeServices {
  needs?: Need[];
  levels?: Level[];
  categories?: Category[];
}

export interface Link {
  href: string;
  label: string;
}

/** Links to the pre-filtered service lists an outcome names, levels first, then needs, then categories. */
export function serviceLinks(services: OutcomeServices | undefined): Link[] {
  if (!services) return [];
  return [
    ...(services.levels ?? []).map((l) => ({ href: `/services/level/${l}/`, label: `Services: ${levels.label(l)}` })),
    ...(services.needs ?? []).map((n) => ({ href: `/services/need/${n}/`, label: `Services for ${needs.label(n).toLowerCase()}` })),
    ...(services.categories ?? []).map((c) => ({ href: `/services/category/${c}/`, label: `${categories.label(c)} services` })),
  ];
}
