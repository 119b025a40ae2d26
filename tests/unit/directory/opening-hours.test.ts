import { expect, test } from 'vitest';
import { dayRanges, hoursText, spokenTime } from '../../../src/lib/directory/opening-hours.ts';

test('times are written the way people say them', () => {
  expect(spokenTime('09:00')).toBe('9am');
  expect(spokenTime('08:30')).toBe('8:30am');
  expect(spokenTime('12:00')).toBe('midday');
  expect(spokenTime('17:15')).toBe('5:15pm');
});
test('runs of three or more days are joined with "to"', () => {
  expect(dayRanges(['mon', 'tue', 'wed', 'thu', 'fri'])).toBe('Monday to Friday');
  expect(dayRanges(['mon', 'wed'])).toBe('Monday and Wednesday');
  expect(dayRanges(['sat', 'mon', 'tue', 'wed'])).toBe('Monday to Wednesday and Saturday');
  expect(dayRanges(['fri'])).toBe('Friday');
});
test('a line of opening hours reads as a sentence', () => {
  expect(hoursText({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:30', closes: '17:00' })).toBe('Monday to Friday, 8:30am to 5pm');
});
