/**
 * "You said, we did": ordering, grouping by month, the theme/status/year archives and the
 * counts behind the summary chart. Works on plain entries so it can be tested without Astro.
 */
import { feedbackStatuses, type FeedbackStatus } from '../../contract/vocabulary.ts';
import { slugify } from '../text/slug.ts';
import { formatMonth } from '../text/dates.ts';

/** What this module needs from a feedback entry (content/feedback/<id>.json plus its id). */
export interface FeedbackItem {
  id: string;
  /** YYYY-MM-DD */
  date: string;
  theme: string;
  status: FeedbackStatus;
}

/** Newest first; entries on the same day keep a stable order by id. */
export function newestFirst<T extends FeedbackItem>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

export interface MonthGroup<T> {
  /** YYYY-MM */
  month: string;
  /** "October 2026" */
  label: string;
  items: T[];
}

/** Entries newest first, in one group per calendar month (months with no entries are left out). */
export function groupByMonth<T extends FeedbackItem>(items: readonly T[]): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const item of newestFirst(items)) {
    const month = item.date.slice(0, 7);
    const last = groups.at(-1);
    if (last?.month === month) last.items.push(item);
    else groups.push({ month, label: formatMonth(month), items: [item] });
  }
  return groups;
}

/** The years that have entries, newest first. */
export function feedbackYears(items: readonly FeedbackItem[]): string[] {
  return [...new Set(items.map((item) => item.date.slice(0, 4)))].sort().reverse();
}

export type ArchiveKind = 'theme' | 'status' | 'year';

export interface Archive<T> {
  kind: ArchiveKind;
  /** The last part of the address: /you-said-we-did/<kind>/<slug>/ */
  slug: string;
  /** What the archive holds, as a person reads it: "Health services", "Done", "2026". */
  label: string;
  items: T[];
}

/**
 * Every archive page: one per theme in site.json (even with no entries yet, so links from
 * the themes list never break), one per status and one per year with entries.
 */
export function feedbackArchives<T extends FeedbackItem>(items: readonly T[], themes: readonly string[]): Archive<T>[] {
  const sorted = newestFirst(items);
  return [
    ...themes.map((theme) => ({ kind: 'theme' as const, slug: slugify(theme), label: theme, items: sorted.filter((i) => i.theme === theme) })),
    ...feedbackStatuses.values.map((status) => ({ kind: 'status' as const, slug: status, label: feedbackStatuses.label(status), items: sorted.filter((i) => i.status === status) })),
    ...feedbackYears(sorted).map((year) => ({ kind: 'year' as const, slug: year, label: year, items: sorted.filter((i) => i.date.startsWith(`${year}-`)) })),
  ];
}

/** The address of an archive page. */
export function archiveHref(kind: ArchiveKind, slug: string): string {
  return `/you-said-we-did/${kind}/${slug}/`;
}

export interface ThemeCount {
  theme: string;
  /** Entries with each status. */
  byStatus: Record<FeedbackStatus, number>;
  total: number;
}

export interface FeedbackSummary {
  rows: ThemeCount[];
  /** Column totals: entries with each status across all themes. */
  byStatus: Record<FeedbackStatus, number>;
  total: number;
}

const zeroes = (): Record<FeedbackStatus, number> =>
  Object.fromEntries(feedbackStatuses.values.map((s) => [s, 0])) as Record<FeedbackStatus, number>;

/**
 * Entries counted by theme and status, in the order of site.json's themes. Themes with no
 * entries are left out; an entry whose theme is not listed (the content check reports it)
 * is counted under its own name at the end rather than silently dropped.
 */
export function countByThemeAndStatus(items: readonly FeedbackItem[], themes: readonly string[]): FeedbackSummary {
  const rows = new Map<string, ThemeCount>();
  for (const theme of themes) rows.set(theme, { theme, byStatus: zeroes(), total: 0 });
  const byStatus = zeroes();
  for (const item of items) {
    let row = rows.get(item.theme);
    if (!row) {
      row = { theme: item.theme, byStatus: zeroes(), total: 0 };
      rows.set(item.theme, row);
    }
    row.byStatus[item.status] += 1;
    row.total += 1;
    byStatus[item.status] += 1;
  }
  return { rows: [...rows.values()].filter((row) => row.total > 0), byStatus, total: items.length };
}

/** The heading for what was done, in the right tense: "We did", "What we are doing", "What we will do". */
export function actionLabel(status: FeedbackStatus): string {
  return status === 'done' ? 'We did' : status === 'in-progress' ? 'What we are doing' : 'What we will do';
}

/** "1 entry" / "3 entries". */
export function entriesCount(count: number): string {
  return count === 1 ? '1 entry' : `${count} entries`;
}

/**
 * The summary chart's text alternative: the same numbers as the chart, in one sentence per
 * theme, such as "Health services: 5 entries (3 done, 2 in progress)."
 */
export function summaryDescription(summary: FeedbackSummary): string {
  if (summary.total === 0) return 'There are no entries yet.';
  const parts = (byStatus: Record<FeedbackStatus, number>) =>
    feedbackStatuses.values
      .filter((s) => byStatus[s] > 0)
      .map((s) => `${byStatus[s]} ${feedbackStatuses.label(s).toLowerCase()}`)
      .join(', ');
  return [
    `${entriesCount(summary.total)} in all (${parts(summary.byStatus)}).`,
    ...summary.rows.map((row) => `${row.theme}: ${entriesCount(row.total)} (${parts(row.byStatus)}).`),
  ].join(' ');
}
