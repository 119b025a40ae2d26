/**
 * Which content is overdue for review, or due within the next 30 days, grouped by the
 * organisation that should check it. Reads entries as the content checker loads them.
 */
import { addDays, reviewState } from './dates.ts';

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
