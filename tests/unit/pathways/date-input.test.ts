import { describe, expect, test } from 'vitest';
import { readDateInput } from '../../../src/lib/pathways/date-input.ts';

const LABEL = 'Date of the decision letter';
const EMPTY = 'Enter the date of the decision letter';
const read = (day: string, month: string, year: string, optional = false) => readDateInput({ day, month, year }, LABEL, EMPTY, optional);

describe('a GOV.UK date input', () => {
  test('reads day, month and year as a date', () => {
    expect(read('3', '2', '2027')).toEqual({ ok: true, iso: '2027-02-03' });
    expect(read(' 03 ', '02', '2027')).toEqual({ ok: true, iso: '2027-02-03' });
  });
  test('accepts a month written as a word', () => {
    expect(read('3', 'Feb', '2027')).toEqual({ ok: true, iso: '2027-02-03' });
    expect(read('3', 'february', '2027')).toEqual({ ok: true, iso: '2027-02-03' });
  });
  test('asks for the date when nothing is entered, and marks every field', () => {
    expect(read('', '', '')).toEqual({ ok: false, message: EMPTY, fields: ['day', 'month', 'year'] });
  });
  test('an optional date may be left empty', () => {
    expect(read('', '', '', true)).toEqual({ ok: true, iso: undefined });
  });
  test('names the part that is missing', () => {
    expect(read('3', '', '2027')).toEqual({ ok: false, message: `${LABEL} must include a month`, fields: ['month'] });
    expect(read('', '', '2027')).toEqual({ ok: false, message: `${LABEL} must include a day and month`, fields: ['day', 'month'] });
  });
  test('says when the date is not a real one', () => {
    expect(read('31', '6', '2027')).toEqual({ ok: false, message: `${LABEL} must be a real date`, fields: ['day'] });
    expect(read('29', '2', '2027')).toMatchObject({ ok: false, fields: ['day'] });
    expect(read('29', '2', '2028')).toEqual({ ok: true, iso: '2028-02-29' });
    expect(read('3', '13', '2027')).toEqual({ ok: false, message: `${LABEL} must be a real date`, fields: ['month'] });
    expect(read('x', '2', '2027')).toMatchObject({ ok: false, fields: ['day'] });
  });
  test('asks for a four-figure year', () => {
    expect(read('3', '2', '27')).toEqual({ ok: false, message: 'Year must include 4 numbers', fields: ['year'] });
  });
});
