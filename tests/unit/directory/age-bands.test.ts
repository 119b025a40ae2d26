import { expect, test } from 'vitest';
import { ageBands, inAgeBand } from '../../../src/lib/directory/age-bands.ts';
import { ageRangeLabel, costLabel } from '../../../src/lib/directory/ages.ts';

const bandsFor = (min: number, max: number) => ageBands.filter((b) => inAgeBand({ min, max }, b)).map((b) => b.id);

test('the age bands cover every age from 0 to 25 exactly once', () => {
  for (let age = 0; age <= 25; age++) expect(bandsFor(age, age), `age ${age}`).toHaveLength(1);
});
test('a service is in every band its ages overlap', () => {
  expect(bandsFor(3, 7)).toEqual(['0-4', '5-10']);
  expect(bandsFor(0, 25)).toEqual(['0-4', '5-10', '11-15', '16-18', '19-25']);
  expect(bandsFor(16, 18)).toEqual(['16-18']);
  expect(bandsFor(18, 19)).toEqual(['16-18', '19-25']);
});
test('a range that touches a band at one end is in it', () => {
  expect(bandsFor(4, 4)).toEqual(['0-4']);
  expect(bandsFor(10, 11)).toEqual(['5-10', '11-15']);
});
test('age ranges are written as people say them', () => {
  expect(ageRangeLabel({ min: 0, max: 25 })).toBe('All ages, 0 to 25');
  expect(ageRangeLabel({ min: 0, max: 4 })).toBe('From birth to 4');
  expect(ageRangeLabel({ min: 16, max: 25 })).toBe('Ages 16 to 25');
});

test('ages and cost that a service does not state are said to be not stated, never "0 to 25" or "There is a charge"', () => {
  expect(ageRangeLabel(undefined)).toBe('Ages not stated: ask the service');
  expect(costLabel(undefined)).toBe('Cost not stated: ask the service');
  expect(costLabel({ free: true })).toBe('Free');
});
