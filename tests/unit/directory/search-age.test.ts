import { expect, test } from 'vitest';
import { ageInQuery } from '../../../public/scripts/search-age.js';
import { ageBands } from '../../../src/lib/directory/age-bands.ts';

const bands = ageBands.map((b) => ({ label: b.label, min: b.min, max: b.max }));

test('an age written in a search becomes the age band, and the age words leave the search', () => {
  expect(ageInQuery('autism 7 year old', bands)).toEqual({ age: 7, band: 'Ages 5 to 10', rest: 'autism' });
  expect(ageInQuery('speech therapy for my 4-year-old', bands)).toEqual({ age: 4, band: 'Ages 0 to 4', rest: 'speech therapy for my' });
  expect(ageInQuery('short breaks 16 years old', bands)).toEqual({ age: 16, band: 'Ages 16 to 18', rest: 'short breaks' });
  expect(ageInQuery('college aged 19', bands)).toEqual({ age: 19, band: 'Ages 19 to 25', rest: 'college' });
  expect(ageInQuery('Age 11 dyslexia', bands)).toEqual({ age: 11, band: 'Ages 11 to 15', rest: 'dyslexia' });
  expect(ageInQuery('12yo anxiety', bands)).toEqual({ age: 12, band: 'Ages 11 to 15', rest: 'anxiety' });
  expect(ageInQuery('my 9 yr old, ADHD', bands)).toEqual({ age: 9, band: 'Ages 5 to 10', rest: 'my, ADHD' });
  expect(ageInQuery('3 year old', bands)).toEqual({ age: 3, band: 'Ages 0 to 4', rest: '' });
});

test('numbers that are not ages, and ages beyond 25, are left in the search', () => {
  expect(ageInQuery('speech therapy', bands)).toBeUndefined();
  expect(ageInQuery('year 9 options', bands)).toBeUndefined();
  expect(ageInQuery('post 16', bands)).toBeUndefined();
  expect(ageInQuery('16-25 travel', bands)).toBeUndefined();
  expect(ageInQuery('30 year old', bands)).toBeUndefined();
  expect(ageInQuery('20 weeks', bands)).toBeUndefined();
  expect(ageInQuery('1234 years', bands)).toBeUndefined();
});
