/** Words the site itself uses (not content), kept in one file so they are easy to review or translate. */
import strings from '../../translations/en.json' with { type: 'json' };

export type UiKey = keyof typeof strings;

export function t(key: UiKey): string {
  return strings[key];
}

/** What a page overdue for review is about: a service, or anything else (a pathway, a provision entry, a video, a page). */
export type ReviewedThing = 'service' | 'page';

/**
 * The warning on a page overdue for review. A service page sends the reader to the service; any
 * other page has no service to ask, so it sends them to the council's SEND information team.
 */
export function overdueWarning(of: ReviewedThing): string {
  return t(of === 'service' ? 'lastReviewed.overdue' : 'lastReviewed.overdue.page');
}
