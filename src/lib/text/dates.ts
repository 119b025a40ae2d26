/** Dates as people in the UK read them, and review reminders. */

const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-03-31" → "31 March 2026". */
export function formatDate(iso: string): string {
  return LONG.format(new Date(`${iso}T00:00:00Z`));
}

/** Adds whole calendar months, clamping to the month's last day (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's date as YYYY-MM-DD (UTC). Pass `now` in tests. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export interface ReviewState {
  dueOn: string;
  overdue: boolean;
}

/** When an entry is due for review, and whether it is overdue on `on` (YYYY-MM-DD). */
export function reviewState(lastReviewed: string, intervalMonths: number, on: string = today()): ReviewState {
  const dueOn = addMonths(lastReviewed, intervalMonths);
  return { dueOn, overdue: dueOn < on };
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2026-10" (or "2026-10-14") → "October 2026". */
export function formatMonth(period: string): string {
  return MONTH.format(new Date(`${period.slice(0, 7)}-01T00:00:00Z`));
}

/** "2026-09" → "Sep 2026", for chart axes where space is tight. */
export function shortMonth(period: string): string {
  return SHORT_MONTH.format(new Date(`${period.slice(0, 7)}-01T00:00:00Z`)).replace('Sept', 'Sep');
}
