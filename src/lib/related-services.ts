/**
 * Related services when an editor has not chosen them: services that share needs, types of
 * service or the organisation, most in common first.
 */
export interface RelatableService {
  id: string;
  organisation: string;
  needs: string[];
  categories: string[];
  status: string;
}

function score(a: RelatableService, b: RelatableService): number {
  const sharedNeeds = a.needs.filter((n) => b.needs.includes(n)).length;
  const sharedCategories = a.categories.filter((c) => b.categories.includes(c)).length;
  return sharedNeeds * 2 + sharedCategories * 3 + (a.organisation === b.organisation ? 2 : 0);
}

/** Up to `limit` open services most like `target`, ties kept in the list's order. */
export function relatedServices<T extends RelatableService>(target: RelatableService, all: T[], limit = 3): T[] {
  return all
    .filter((s) => s.id !== target.id && s.status === 'active')
    .map((service, index) => ({ service, index, score: score(target, service) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((s) => s.service);
}
