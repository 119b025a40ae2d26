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
 * it, ties kept in the list's order. Scores are added up from indexes by need, type and
 * organisation, so a page costs the services it shares something with, not the whole directory.
 */
export function relatedServicesIndex<T extends RelatableService>(all: T[]): (target: RelatableService, limit?: number) => T[] {
  const open = all.map((service, index) => ({ service, index })).filter(({ service }) => service.status === 'active');
  const index = new Map<string, number[]>();
  const add = (key: string, position: number) => {
    const list = index.get(key);
    if (list) list.push(position);
    else index.set(key, [position]);
  };
  open.forEach(({ service }, position) => {
    for (const need of new Set(service.needs)) add(`need:${need}`, position);
    for (const category of new Set(service.categories)) add(`category:${category}`, position);
    add(`organisation:${service.organisation}`, position);
  });
  const scores = new Int32Array(open.length);

  return (target, limit = 3) => {
    if (limit <= 0) return [];
    const touched: number[] = [];
    const award = (key: string, points: number, times = 1) => {
      for (const position of index.get(key) ?? []) {
        if (scores[position] === 0) touched.push(position);
        scores[position] = scores[position]! + points * times;
      }
    };
    // A need listed twice on either side counts twice, as "shared needs" always has.
    const counts = (list: string[]) => list.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
    for (const [need, times] of counts(target.needs)) award(`need:${need}`, NEED_POINTS, times);
    for (const [category, times] of counts(target.categories)) award(`category:${category}`, CATEGORY_POINTS, times);
    award(`organisation:${target.organisation}`, ORGANISATION_POINTS);

    // The best `limit` in one pass (higher score first, then earlier in the list): sorting
    // everything touched would cost a sort of most of the directory on every page.
    const best: number[] = [];
    const before = (a: number, b: number) => scores[a]! > scores[b]! || (scores[a] === scores[b] && open[a]!.index < open[b]!.index);
    for (const position of touched) {
      if (open[position]!.service.id === target.id) continue;
      if (best.length === limit && !before(position, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && before(position, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = position;
    }
    const ranked = best.slice(0, limit).map((position) => open[position]!.service);
    for (const position of touched) scores[position] = 0;
    return ranked;
  };
}

/** Up to `limit` open services most like `target`, ties kept in the list's order. */
export function relatedServices<T extends RelatableService>(target: RelatableService, all: T[], limit = 3): T[] {
  return relatedServicesIndex(all)(target, limit);
}
