/**
 * Checks the statutory coverage map: every item the law requires names at least one page,
 * and every page it names is one this site publishes.
 */
import type { CollectionName } from '../../contract/common.ts';
import { folderCollections, RESERVED_PAGE_IDS } from '../../contract/collections.ts';
import type { Problem } from './problems.ts';
import { categories, levels, needs } from '../../contract/vocabulary.ts';
import { ageBands } from '../directory/index.ts';

export interface CoverageItem {
  requirement: string;
  source: string;
  pages: string[];
}

/** The first part of a page's path that belongs to a collection, such as /services/<id>/. */
const byCollection: Record<string, CollectionName> = { services: 'services', pathways: 'pathways', videos: 'videos', provision: 'provision', navigator: 'navigator' };

/** Why a path is not a page this site builds, or undefined when it is. */
export function unknownPath(path: string, ids: (collection: CollectionName) => Set<string>): string | undefined {
  const [first, second, third] = path.split('#')[0]!.split('/').filter(Boolean);
  if (!first) return undefined; // the home page
  const facets: Record<string, readonly string[]> = { need: needs.values, category: categories.values, level: levels.values, age: ageBands.map((b) => b.id) };
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

/**
 * The page a path that goes nowhere most likely meant: a general page, or an entry of the
 * collection its first part names. `closest` picks the nearest of the candidates, if any is near.
 */
export function likelyPath(path: string, ids: (collection: CollectionName) => Set<string>, closest: (word: string, candidates: Iterable<string>) => string | undefined): string | undefined {
  const [first, second] = path.split(/[?#]/)[0]!.split('/').filter(Boolean);
  if (!first) return undefined;
  if (!second) {
    const page = closest(first, [...RESERVED_PAGE_IDS, ...ids('pages')]);
    return page ? `/${page}/` : undefined;
  }
  const collection = byCollection[first];
  const entry = collection ? closest(second, ids(collection)) : undefined;
  return entry ? `/${first}/${entry}/` : undefined;
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
