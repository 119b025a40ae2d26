/**
 * Which content is overdue for review, or due within the next 30 days, grouped by the
 * organisation that should check it. Reads entries as the content checker loads them.
 */
import { addDays, reviewState } from '../text/dates.ts';

export interface ReviewableEntry {
  collection: string;
  id: string;
  file: string;
  title: string;
  /** The organisation responsible; council-written content is grouped under the council. */
  organisation: string;
  lastReviewed: string;
}

export interface ReviewRow extends ReviewableEntry {
  dueOn: string;
  state: 'overdue' | 'due soon';
}

export const DUE_SOON_DAYS = 30;

/**
 * The kinds of content that carry a "lastReviewed" date, and so are in the report. The others
 * (organisations, decision trees, "you said, we did", indicators, the glossary) have no review date.
 */
export const REVIEWED_COLLECTIONS = ['services', 'pathways', 'provision', 'videos', 'pages'] as const;

/** A real calendar date written YYYY-MM-DD, or undefined (a British "31/12/2025", "2025-02-30", nothing). */
export function calendarDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

/** Entries overdue or due within 30 days of `on`, grouped by organisation, most overdue first. */
export function reviewReport(entries: ReviewableEntry[], intervalMonths: number, on: string): Map<string, ReviewRow[]> {
  const soon = addDays(on, DUE_SOON_DAYS);
  const rows: ReviewRow[] = [];
  for (const entry of entries) {
    const { dueOn, overdue } = reviewState(entry.lastReviewed, intervalMonths, on);
    if (overdue) rows.push({ ...entry, dueOn, state: 'overdue' });
    else if (dueOn <= soon) rows.push({ ...entry, dueOn, state: 'due soon' });
  }
  rows.sort((a, b) => a.organisation.localeCompare(b.organisation, 'en-GB') || a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'en-GB'));
  const groups = new Map<string, ReviewRow[]>();
  for (const row of rows) groups.set(row.organisation, [...(groups.get(row.organisation) ?? []), row]);
  return groups;
}
