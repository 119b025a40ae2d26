import { describe, expect, test } from 'vitest';
import {
  addDays,
  amendedPlanDeadline,
  appealDeadline,
  nextWeekday,
  assessmentDeadlines,
  draftCommentDeadline,
  isIsoDate,
  phaseTransferDeadline,
  reviewDecisionDeadline,
  toIcs,
} from '../../../src/lib/pathways/ehc-timeline.ts';

const datesFor = (request: string) => Object.fromEntries(assessmentDeadlines(request).map((d) => [d.id, d.date]));

describe('deadlines after a request for an EHC needs assessment', () => {
  test('are 6, 16 and 20 calendar weeks after the request, on the same weekday', () => {
    expect(datesFor('2027-03-10')).toEqual({ 'decide-to-assess': '2027-04-21', 'decide-to-issue': '2027-06-30', 'final-plan': '2027-07-28' });
  });

  test('cross the end of a month', () => {
    expect(datesFor('2027-01-31')['decide-to-assess']).toBe('2027-03-14');
  });

  test('cross the end of a year', () => {
    expect(datesFor('2026-11-20')).toEqual({ 'decide-to-assess': '2027-01-01', 'decide-to-issue': '2027-03-12', 'final-plan': '2027-04-09' });
  });

  test('count 29 February in a leap year', () => {
    // 2028 is a leap year: 140 days from 1 February 2028 is 20 June, not 21 June.
    expect(datesFor('2028-02-01')['final-plan']).toBe('2028-06-20');
    expect(datesFor('2027-02-01')['final-plan']).toBe('2027-06-21');
    expect(datesFor('2028-01-20')['decide-to-assess']).toBe('2028-03-02');
  });

  test('do not move for bank holidays: 6 weeks before Christmas Day stays on Christmas Day', () => {
    expect(datesFor('2026-11-13')['decide-to-assess']).toBe('2026-12-25');
  });

  test('ignore the clock change (dates are worked out in UTC)', () => {
    expect(datesFor('2027-03-20')['decide-to-assess']).toBe('2027-05-01');
    expect(datesFor('2027-10-20')['decide-to-assess']).toBe('2027-12-01');
  });
});

describe('other time limits', () => {
  test('the 15 days to comment on a draft plan include the day it is served', () => {
    expect(draftCommentDeadline('2027-02-20')).toBe('2027-03-06');
    expect(draftCommentDeadline('2028-02-20')).toBe('2028-03-05');
    expect(draftCommentDeadline('2027-12-25')).toBe('2028-01-08');
  });

  test('the annual review decision is due 4 weeks after the meeting', () => {
    expect(reviewDecisionDeadline('2027-12-15')).toBe('2028-01-12');
  });

  test('an amended plan is due 8 weeks after the amendment notice', () => {
    expect(amendedPlanDeadline('2028-01-10')).toBe('2028-03-06');
  });

  test('phase transfer reviews finish before 15 February, or before 31 March for a move into a post-16 institution: the last days are the 14th and the 30th', () => {
    expect(phaseTransferDeadline(2027, false)).toBe('2027-02-14');
    expect(phaseTransferDeadline(2027, true)).toBe('2027-03-30');
  });
});

describe('the last day to appeal', () => {
  test('is 2 months after the decision', () => {
    expect(appealDeadline('2027-03-14')).toEqual({ date: '2027-05-14', basis: 'decision' });
  });

  test('falls back to the last day of a shorter month', () => {
    expect(appealDeadline('2026-12-31').date).toBe('2027-02-28');
    expect(appealDeadline('2027-12-31').date).toBe('2028-02-29');
    expect(appealDeadline('2027-08-31').date).toBe('2027-10-31');
  });

  test('crosses the end of a year', () => {
    expect(appealDeadline('2027-11-15').date).toBe('2028-01-15');
  });

  test('that falls on a weekend moves to the Monday', () => {
    expect(nextWeekday('2028-02-26')).toBe('2028-02-28'); // Saturday
    expect(nextWeekday('2028-02-27')).toBe('2028-02-28'); // Sunday
    expect(nextWeekday('2028-02-28')).toBe('2028-02-28'); // Monday
    expect(nextWeekday('2028-03-03')).toBe('2028-03-03'); // Friday
    expect(nextWeekday('2027-12-31')).toBe('2027-12-31'); // Friday, across a year
    expect(nextWeekday('2028-12-31')).toBe('2029-01-01'); // Sunday, across a year
  });

  test('is 1 month after the mediation certificate when that is later', () => {
    expect(appealDeadline('2027-01-10', '2027-03-01')).toEqual({ date: '2027-04-01', basis: 'mediation-certificate' });
    expect(appealDeadline('2028-01-10', '2028-01-31')).toEqual({ date: '2028-03-10', basis: 'decision' });
    expect(appealDeadline('2027-12-20', '2028-01-31')).toEqual({ date: '2028-02-29', basis: 'mediation-certificate' });
  });
});

describe('dates typed by people', () => {
  test('accepts real dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('')).toBe(false);
    expect(isIsoDate('1/2/2027')).toBe(false);
  });

  test('adding days works backwards too', () => {
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('the calendar file', () => {
  const ics = toIcs(
    [{ id: 'final-plan', date: '2027-12-31', summary: 'EHC deadline: the final plan, issued', description: 'Line one; with, commas\nand a new line' }],
    { stamp: new Date('2027-08-01T10:20:30.456Z'), domain: 'localoffer.kestrelvale.example', name: 'EHC deadlines' },
  );

  test('has one all-day event ending the next day, across the year end', () => {
    expect(ics).toContain('DTSTART;VALUE=DATE:20271231\r\nDTEND;VALUE=DATE:20280101');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('UID:final-plan-20271231@localoffer.kestrelvale.example');
    expect(ics).toContain('DTSTAMP:20270801T102030Z');
  });

  test('escapes commas, semicolons and new lines, and uses CRLF line endings', () => {
    expect(ics).toContain('DESCRIPTION:Line one\\; with\\, commas\\nand a new line');
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').every((line) => line.length <= 75)).toBe(true);
  });
});
