/**
 * Checks the statutory coverage map: every item the law requires names at least one page,
 * and every page it names is one this site publishes.
 */
import type { CollectionName } from '../schemas/common.ts';
import { folderCollections, RESERVED_PAGE_IDS } from './collections.ts';
import type { Problem } from './problems.ts';
import { categories, levels, needs } from './vocabulary.ts';
import { ageBands } from './age-bands.ts';

export interface CoverageItem {
  requirement: string;
  source: string;
  pages: string[];
}

/** Why a path is not a page this site builds, or undefined when it is. */
export function unknownPath(path: string, ids: (collection: CollectionName) => Set<string>): string | undefined {
  const [first, second, third] = path.split('#')[0]!.split('/').filter(Boolean);
  if (!first) return undefined; // the home page
  const facets: Record<string, readonly string[]> = { need: needs.values, category: categories.values, level: levels.values, age: ageBands.map((b) => b.id) };
  const byCollection: Record<string, CollectionName> = { services: 'services', pathways: 'pathways', videos: 'videos', provision: 'provision', navigator: 'navigator' };
  if (!second) {
    if (RESERVED_PAGE_IDS.includes(first) || ids('pages').has(first)) return undefined;
    return `there is no page /${first}/ (no content/pages/${first}.mdx)`;
  }
  if (first === 'services' && third && facets[second]) {
    return facets[second]!.includes(third) ? undefined : `"${third}" is not a ${second} value`;
  }
  const collection = byCollection[first];
  const reserved = folderCollections.find((c) => c.name === collection)?.reservedIds ?? [];
  if (collection && !third && !ids(collection).has(second) && !reserved.includes(second)) {
    return `there is no ${first} entry "${second}" (no file in content/${collection}/)`;
  }
  return undefined;
}

export function checkCoverage(file: string, items: CoverageItem[], ids: (collection: CollectionName) => Set<string>): Problem[] {
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    if (item.pages.length === 0) {
      problems.push({
        file,
        field: `items[${index}].pages`,
        problem: `no page covers "${item.requirement}"`,
        fix: 'publish a page that covers it and list its path here (the Local Offer must cover every item)',
      });
    }
    item.pages.forEach((path, p) => {
      const reason = unknownPath(path, ids);
      if (reason) problems.push({ file, field: `items[${index}].pages[${p}]`, problem: reason, fix: 'use the path of a page this site publishes' });
    });
  });
  return problems;
}
