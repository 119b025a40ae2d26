import { describe, expect, test } from 'vitest';
import { addMonths, formatDate, formatMonth, reviewState, shortMonth } from '../../../src/lib/text/dates.ts';

describe('dates', () => {
  test('are written the UK way', () => {
    expect(formatDate('2026-03-01')).toBe('1 March 2026');
  });
  test('adding months clamps to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
  });
  test('an entry is overdue once its review interval has passed', () => {
    expect(reviewState('2025-01-10', 12, '2026-01-10').overdue).toBe(false);
    expect(reviewState('2025-01-10', 12, '2026-01-11').overdue).toBe(true);
  });
  test('months are written in full, or short on chart axes', () => {
    expect(formatMonth('2026-09')).toBe('September 2026');
    expect(formatMonth('2026-09-14')).toBe('September 2026');
    expect(shortMonth('2026-09')).toBe('Sep 2026');
  });
});
