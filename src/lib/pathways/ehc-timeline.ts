/**
 * Statutory deadlines for education, health and care (EHC) needs assessments, plans, reviews
 * and appeals, as calendar dates. Pure date logic on YYYY-MM-DD strings in UTC, so the answer
 * never depends on the time zone of the computer running it.
 *
 * The law counts calendar weeks and months. UK bank holidays and school holidays do not stop
 * the clock (school closures only matter through the exceptions in regulation 10(4)), so this
 * module never adjusts a date for them. One rule moves a day: a time limit for an appeal that
 * ends on a day that is not a working day ends on the next working day instead (rule 12 of the
 * tribunal's procedure rules); see nextWeekday.
 */
import { addMonths } from '../text/dates.ts';

const DAY_MS = 86_400_000;

function toUtc(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** True when the text is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromUtc(toUtc(value)) === value;
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

export function addWeeks(iso: string, weeks: number): string {
  return addDays(iso, weeks * 7);
}

export { addMonths };

/** One statutory step after an EHC needs assessment request. */
export interface TimelineStep {
  id: string;
  /** What must have happened by then. */
  title: string;
  /** Calendar weeks after the council received the request. */
  weeks: number;
  /** Where the time limit is set out. */
  source: string;
}

/** The time limits that run from the day the council receives the request. */
export const assessmentSteps: readonly TimelineStep[] = [
  {
    id: 'decide-to-assess',
    title: 'The council tells you whether it will carry out an EHC needs assessment',
    weeks: 6,
    source: 'SEND Regulations 2014, regulation 5(1)',
  },
  {
    id: 'decide-to-issue',
    title: 'If the council decides not to issue an EHC plan, it must tell you by now',
    weeks: 16,
    source: 'SEND Regulations 2014, regulation 10(1)',
  },
  {
    id: 'final-plan',
    title: 'The final EHC plan is issued',
    weeks: 20,
    source: 'SEND Regulations 2014, regulation 13(2)',
  },
];

export interface DatedStep extends TimelineStep {
  /** The last day for this step, YYYY-MM-DD. */
  date: string;
}

/** Each statutory deadline, dated from the day the council received the request. */
export function assessmentDeadlines(requestReceived: string): DatedStep[] {
  return assessmentSteps.map((step) => ({ ...step, date: addWeeks(requestReceived, step.weeks) }));
}

/**
 * The last day to comment on a draft EHC plan and ask for a school or college: "at least
 * 15 days, beginning on the day on which the draft plan was served" (regulation 13(1)), so the
 * day it arrives is day 1 and day 15 is 14 days later.
 */
export function draftCommentDeadline(draftServed: string): string {
  return addDays(draftServed, 14);
}

/** After an annual review meeting, the council must decide within 4 weeks (regulations 20 and 21). */
export function reviewDecisionDeadline(meeting: string): string {
  return addWeeks(meeting, 4);
}

/** An amended plan is due within 8 weeks of the amendment notice (regulation 22). */
export function amendedPlanDeadline(noticeSent: string): string {
  return addWeeks(noticeSent, 8);
}

/**
 * The last day for a phase transfer review and amended plan (regulation 18): the plan must be
 * amended before 15 February in the calendar year of the move, or before 31 March for a move from
 * secondary school to a post-16 institution (a college, not a school sixth form: regulation 2 and
 * Children and Families Act 2014, section 83(2)). "Before" makes the last day 14 February or 30 March.
 */
export function phaseTransferDeadline(yearOfMove: number, intoPost16: boolean): string {
  return `${String(yearOfMove).padStart(4, '0')}-${intoPost16 ? '03-30' : '02-14'}`;
}

export interface AppealDeadline {
  date: string;
  /** Which rule gave the later date. */
  basis: 'decision' | 'mediation-certificate';
}

/**
 * The last day to register an appeal with the SEND Tribunal: 2 months after the decision,
 * or 1 month after the mediation certificate, whichever is later (Tribunal Procedure Rules
 * 2008, rule 20). Months are calendar months; a date that does not exist in the target month
 * (31 December + 2 months) becomes that month's last day.
 */
/**
 * The day itself on Monday to Friday, or the Monday after a Saturday or Sunday. Bank holidays are
 * not known here: the calculator says they move the day too.
 */
export function nextWeekday(iso: string): string {
  const day = new Date(toUtc(iso)).getUTCDay();
  return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso;
}

export function appealDeadline(decisionSent: string, mediationCertificate?: string): AppealDeadline {
  const fromDecision = addMonths(decisionSent, 2);
  if (!mediationCertificate) return { date: fromDecision, basis: 'decision' };
  const fromCertificate = addMonths(mediationCertificate, 1);
  return fromCertificate > fromDecision ? { date: fromCertificate, basis: 'mediation-certificate' } : { date: fromDecision, basis: 'decision' };
}

export interface CalendarEvent {
  /** Stable within the file, such as "final-plan". */
  id: string;
  date: string;
  summary: string;
  description: string;
}

/** Escapes text for an iCalendar TEXT value (RFC 5545, section 3.3.11). */
function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds lines longer than 75 octets, as RFC 5545 requires (approximated by characters). */
function fold(line: string): string {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > 75) {
    parts.push(rest.slice(0, 75));
    rest = ` ${rest.slice(75)}`;
  }
  parts.push(rest);
  return parts.join('\r\n');
}

/**
 * An .ics calendar of all-day events. `stamp` is the creation time (pass it in tests);
 * `domain` makes each event's UID unique to this site.
 */
export function toIcs(events: CalendarEvent[], options: { stamp: Date; domain: string; name: string }): string {
  const stamp = options.stamp.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const compact = (iso: string) => iso.replace(/-/g, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:-//${options.domain}//EHC timeline//EN`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${icsText(options.name)}`];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}-${compact(event.date)}@${options.domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(event.date)}`,
      `DTEND;VALUE=DATE:${compact(addDays(event.date, 1))}`,
      `SUMMARY:${icsText(event.summary)}`,
      `DESCRIPTION:${icsText(event.description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
