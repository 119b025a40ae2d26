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

const NEED_POINTS = 2;
const CATEGORY_POINTS = 3;
const ORGANISATION_POINTS = 2;

/**
 * Prepares `all` once and returns a lookup for any target: up to `limit` open services most like
 * it, ties kept in the list's order.
 *
 * A service's score from shared needs and types depends only on which needs and types the target
 * has, and a directory has few such combinations (a few hundred at most, however many services),
 * so the ranking by needs and types is worked out once per combination, from indexes by need and
 * type; the ranking within the target's organisation once per organisation and combination. A
 * target then only compares the few services at the top of those two rankings.
 */
export function relatedServicesIndex<T extends RelatableService>(all: T[]): (target: RelatableService, limit?: number) => T[] {
  const open = all.filter((service) => service.status === 'active');
  const needSets = open.map((service) => new Set(service.needs));
  const categorySets = open.map((service) => new Set(service.categories));
  const byNeed = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const byOrganisation = new Map<string, number[]>();
  /** The same indexes by need and type, within each organisation. */
  const byOrganisationNeed = new Map<string, Map<string, number[]>>();
  const byOrganisationCategory = new Map<string, Map<string, number[]>>();
  const add = (index: Map<string, number[]>, key: string, position: number) => {
    const list = index.get(key);
    if (list) list.push(position);
    else index.set(key, [position]);
  };
  const within = (index: Map<string, Map<string, number[]>>, organisation: string) => {
    let inner = index.get(organisation);
    if (!inner) index.set(organisation, (inner = new Map()));
    return inner;
  };
  open.forEach((service, position) => {
    const ownNeeds = within(byOrganisationNeed, service.organisation);
    const ownCategories = within(byOrganisationCategory, service.organisation);
    for (const need of needSets[position]!) {
      add(byNeed, need, position);
      add(ownNeeds, need, position);
    }
    for (const category of categorySets[position]!) {
      add(byCategory, category, position);
      add(ownCategories, category, position);
    }
    add(byOrganisation, service.organisation, position);
  });

  // A need listed twice on the target's side counts twice, as "shared needs" always has.
  const counts = (list: string[]) => [...list.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const scores = new Int32Array(open.length);
  /** Higher score first, then earlier in the list. */
  const before = (a: number, b: number, score: (position: number) => number) => score(a) > score(b) || (score(a) === score(b) && a < b);
  /** The best `limit` of `positions` in one pass (sorting them all would cost far more). */
  const best = (positions: Iterable<number>, limit: number, score: (position: number) => number, skip?: (position: number) => boolean) => {
    const chosen: number[] = [];
    for (const position of positions) {
      if (score(position) <= 0 || skip?.(position)) continue;
      if (chosen.length === limit && !before(position, chosen[limit - 1]!, score)) continue;
      let at = chosen.length === limit ? limit - 1 : chosen.length;
      while (at > 0 && before(position, chosen[at - 1]!, score)) {
        chosen[at] = chosen[at - 1]!;
        at--;
      }
      chosen[at] = position;
    }
    return chosen;
  };

  /**
   * The first `limit` services by shared needs and types alone, from indexes by need and type:
   * only services that share something are scored.
   */
  const ranked = (needs: [string, number][], categories: [string, number][], needIndex: Map<string, number[]> | undefined, categoryIndex: Map<string, number[]> | undefined, limit: number) => {
    const touched: number[] = [];
    const award = (list: number[] | undefined, points: number) => {
      for (const position of list ?? []) {
        if (scores[position] === 0) touched.push(position);
        scores[position] = scores[position]! + points;
      }
    };
    for (const [need, times] of needs) award(needIndex?.get(need), NEED_POINTS * times);
    for (const [category, times] of categories) award(categoryIndex?.get(category), CATEGORY_POINTS * times);
    const ranking = best(touched, limit, (position) => scores[position]!);
    for (const position of touched) scores[position] = 0;
    return ranking;
  };

  const rankings = new Map<string, number[]>();
  /** The first `limit` + 1 services by shared needs and types alone, for one combination. */
  const rankingFor = (needs: [string, number][], categories: [string, number][], limit: number) => {
    const key = JSON.stringify([limit, needs, categories]);
    let ranking = rankings.get(key);
    if (!ranking) rankings.set(key, (ranking = ranked(needs, categories, byNeed, byCategory, limit + 1)));
    return ranking;
  };

  const organisationRankings = new Map<string, number[]>();

  return (target, limit = 3) => {
    if (limit <= 0) return [];
    const needs = counts(target.needs);
    const categories = counts(target.categories);
    const shared = (position: number) => {
      let score = 0;
      for (const [need, times] of needs) if (needSets[position]!.has(need)) score += NEED_POINTS * times;
      for (const [category, times] of categories) if (categorySets[position]!.has(category)) score += CATEGORY_POINTS * times;
      return score;
    };
    // The organisation's own services, best first by shared needs and types: worked out once
    // per organisation and combination, from the organisation's own indexes, as one organisation
    // may run half the directory. Every one of them scores the organisation's points, so those
    // sharing nothing else follow in list order.
    const key = JSON.stringify([limit, needs, categories, target.organisation]);
    let ownRanking = organisationRankings.get(key);
    if (!ownRanking) {
      ownRanking = ranked(needs, categories, byOrganisationNeed.get(target.organisation), byOrganisationCategory.get(target.organisation), limit + 1);
      // Short of limit + 1, the ranking holds every own service that shares a need or type.
      const ranks = new Set(ownRanking);
      for (const position of byOrganisation.get(target.organisation) ?? []) {
        if (ownRanking.length > limit) break;
        if (!ranks.has(position)) ownRanking.push(position);
      }
      organisationRankings.set(key, ownRanking);
    }
    // Anyone left out of both rankings is beaten by at least `limit` services that are not the
    // target: the first `limit` + 1 of its ranking score at least as much and come earlier.
    const candidates = new Set([...rankingFor(needs, categories, limit), ...ownRanking]);
    const scoresNow = new Map([...candidates].map((position) => [position, shared(position) + (open[position]!.organisation === target.organisation ? ORGANISATION_POINTS : 0)]));
    return best(candidates, limit, (position) => scoresNow.get(position)!, (position) => open[position]!.id === target.id).map((position) => open[position]!);
  };
}

/** Up to `limit` open services most like `target`, ties kept in the list's order. */
export function relatedServices<T extends RelatableService>(target: RelatableService, all: T[], limit = 3): T[] {
  return relatedServicesIndex(all)(target, limit);
}
