import { expect, test } from 'vitest';
import { groupByLetter, LETTERS, letterLabel, letterOf } from '../../../src/lib/directory/a-to-z.ts';
import { browseCounts, browsePages, listsEveryService, pageNumbers } from '../../../src/lib/directory/browse.ts';
import type { ServiceFacets } from '../../../src/lib/directory/service-filter.ts';

test('names are filed under their first letter, ignoring punctuation and case', () => {
  expect(letterOf("Children's physiotherapy")).toBe('c');
  expect(letterOf('“Quiet” swimming')).toBe('q');
  expect(letterOf('24-hour helpline')).toBe('0-9');
  const groups = groupByLetter(['banana', 'Apple', 'avocado', 'cherry'], (s) => s);
  expect([...groups.keys()]).toEqual(['a', 'b', 'c']);
  expect(groups.get('a')).toEqual(['Apple', 'avocado']);
});

test('every name is filed somewhere: accents under their letter, numbers under 0-9, other alphabets and symbols under "other", shown last', () => {
  expect(letterOf('Éire family hub')).toBe('e');
  expect(letterOf('Łódź parents')).toBe('l');
  expect(letterOf('خواتین کا مرکز')).toBe('other');
  expect(letterOf('华人家长支持小组')).toBe('other');
  expect(letterOf('★ Stars club')).toBe('s');
  expect(letterOf('★★')).toBe('other');
  const groups = groupByLetter(['华人家长支持小组', 'Zebra club', '24-hour helpline', 'Apple'], (s) => s);
  expect([...groups.keys()]).toEqual(['a', 'z', '0-9', 'other']);
  expect(LETTERS.slice(-2)).toEqual(['0-9', 'other']);
  expect([letterLabel('a'), letterLabel('0-9'), letterLabel('other')]).toEqual([{ short: 'A', phrase: 'A' }, { short: '0–9', phrase: 'a number' }, { short: 'Other', phrase: 'another character' }]);
});

test('there is a browse page for every need, type, level and age band', () => {
  const pages = browsePages();
  expect(pages.filter((p) => p.facet === 'need')).toHaveLength(4);
  expect(pages.filter((p) => p.facet === 'category')).toHaveLength(8);
  expect(pages.filter((p) => p.facet === 'level')).toHaveLength(4);
  expect(pages.filter((p) => p.facet === 'age').map((p) => p.value)).toEqual(['0-4', '5-10', '11-15', '16-18', '19-25']);
});

test('browse counts use the same rules as the filter', () => {
  const service = (overrides: Partial<ServiceFacets>): ServiceFacets => ({
    id: 'x', name: 'x', needs: [], categories: ['health'], levels: ['universal'], routes: ['drop-in'],
    ageRange: { min: 0, max: 25 }, free: true, areaServed: ['whole-area'], places: [], ...overrides,
  });
  const services = [
    service({ id: 'a' }),
    service({ id: 'b', needs: ['cognition-and-learning'], categories: ['education'], levels: ['ehc-plan'], ageRange: { min: 16, max: 25 } }),
  ];
  const counts = browseCounts(services);
  expect(counts.need['cognition-and-learning']).toBe(2);
  expect(counts.need['sensory-and-physical']).toBe(1);
  expect(counts.category.education).toBe(1);
  expect(counts.level['ehc-plan']).toBe(1);
  expect(counts.age['0-4']).toBe(1);
  expect(counts.age['19-25']).toBe(2);
});

test('/services/ lists every service in small directories only', () => {
  expect(listsEveryService(64, 200)).toBe(true);
  expect(listsEveryService(200, 200)).toBe(true);
  expect(listsEveryService(201, 200)).toBe(false);
});

test('pagination shows the first, last and neighbouring pages, with gaps for the rest', () => {
  expect(pageNumbers(1, 1)).toEqual([1]);
  expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
  expect(pageNumbers(1, 10)).toEqual([1, 2, null, 10]);
  expect(pageNumbers(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
  expect(pageNumbers(3, 10)).toEqual([1, 2, 3, 4, null, 10]);
  expect(pageNumbers(10, 10)).toEqual([1, null, 9, 10]);
  expect(pageNumbers(4, 5)).toEqual([1, 2, 3, 4, 5]);
  expect(pageNumbers(5, 9)).toEqual([1, null, 4, 5, 6, null, 9]);
});
