/**
 * The named services a decision-tree result lists: those that fit what the result says (its
 * levels, needs and types of service; any one of each that it names), up to five, with the
 * number of all that fit and a link to see them all. Services made for the result's needs come
 * before those open to every need, then those that share more of its levels, then A to Z.
 */
import { categories, levels, needs } from '../../contract/vocabulary.ts';
import type { OutcomeServices } from './navigator-outcome.ts';
import { SERVICE_KIND, type ServiceFacets } from '../directory/index.ts';

/** How many services a result names before "see all". */
export const OUTCOME_SERVICE_LIMIT = 5;

export function fitsOutcome(service: ServiceFacets, spec: OutcomeServices): boolean {
  const some = <T>(wanted: T[] | undefined, has: T[]) => !wanted?.length || wanted.some((w) => has.includes(w));
  return some(spec.levels, service.levels) && (service.needs.length === 0 || some(spec.needs, service.needs)) && some(spec.categories, service.categories);
}

/** The search address that lists every service fitting the result (any of each choice, as search filters). */
export function outcomeSearchLink(spec: OutcomeServices): string {
  const params = new URLSearchParams([SERVICE_KIND]);
  for (const l of spec.levels ?? []) params.append('level', levels.label(l));
  for (const n of spec.needs ?? []) params.append('need', needs.label(n));
  for (const c of spec.categories ?? []) params.append('category', categories.label(c));
  return `/search/?${params}`;
}

/**
 * Where to browse without JavaScript (search needs it): the browse page of the result's first
 * level, need or type of service, or all services. Not always the same list as "see all", so it
 * is named for what it is.
 */
export function outcomeBrowseLink(spec: OutcomeServices): { href: string; text: string } {
  const [level] = spec.levels ?? [];
  if (level) return { href: `/services/level/${level}/`, text: `Browse the services listed under “${levels.label(level)}”` };
  const [need] = spec.needs ?? [];
  if (need) return { href: `/services/need/${need}/`, text: `Browse the services listed under “${needs.label(need)}”` };
  const [category] = spec.categories ?? [];
  if (category) return { href: `/services/category/${category}/`, text: `Browse the services listed under “${categories.label(category)}”` };
  return { href: '/services/', text: 'Browse all services' };
}

export function outcomeServices<T extends ServiceFacets>(services: T[], spec: OutcomeServices | undefined, limit = OUTCOME_SERVICE_LIMIT): { shown: T[]; total: number; seeAll: string; browse: { href: string; text: string } } | undefined {
  if (!spec || (!spec.levels?.length && !spec.needs?.length && !spec.categories?.length)) return undefined;
  const fitting = services.filter((s) => fitsOutcome(s, spec));
  const made = (s: T) => (spec.needs?.length && s.needs.some((n) => spec.needs!.includes(n)) ? 0 : 1);
  const shared = (s: T) => (spec.levels ?? []).filter((l) => s.levels.includes(l)).length;
  const ranked = [...fitting].sort((a, b) => made(a) - made(b) || shared(b) - shared(a) || a.name.localeCompare(b.name, 'en-GB'));
  return { shown: ranked.slice(0, limit), total: fitting.length, seeAll: outcomeSearchLink(spec), browse: outcomeBrowseLink(spec) };
}

