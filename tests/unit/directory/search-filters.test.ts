import { describe, expect, test } from 'vitest';
import { searchFiltersOf, searchLinkFor } from '../../../src/lib/directory/search-filters.ts';
import { matchesCriteria, type FilterCriteria, type ServiceFacets } from '../../../src/lib/directory/service-filter.ts';
import { accessRoutes, categories, levels, needs } from '../../../src/contract/vocabulary.ts';
import { ageBands } from '../../../src/lib/directory/age-bands.ts';

const localities = ['Kestrelford', 'Saltmere'];
const service = (overrides: Partial<ServiceFacets> = {}): ServiceFacets => ({
  id: 'x', name: 'x', needs: ['sensory-and-physical'], categories: ['health'], levels: ['specialist'], routes: ['professional-referral'],
  ageRange: { min: 3, max: 9 }, free: true, areaServed: ['Saltmere'], places: [], ...overrides,
});

describe('searchFiltersOf', () => {
  test('words each fact of a service as the search filters show it', () => {
    expect(searchFiltersOf(service(), localities)).toEqual([
      ['kind', 'Services'],
      ['need', needs.label('sensory-and-physical')],
      ['category', categories.label('health')],
      ['level', levels.label('specialist')],
      ['route', accessRoutes.label('professional-referral')],
      ['age', ageBands.find((b) => b.id === '0-4')!.label],
      ['age', ageBands.find((b) => b.id === '5-10')!.label],
      ['cost', 'Free'],
      ['locality', 'Saltmere'],
    ]);
  });

  test('a service open to all needs and the whole area is found under every need and place', () => {
    const filters = searchFiltersOf(service({ needs: [], areaServed: ['whole-area'], free: false }), localities);
    expect(filters.filter(([f]) => f === 'need')).toHaveLength(needs.values.length);
    expect(filters.filter(([f]) => f === 'locality').map(([, v]) => v)).toEqual(localities);
    expect(filters.some(([f]) => f === 'cost')).toBe(false);
  });
});

describe('searchLinkFor', () => {
  test('writes the choices as search filters, services only, with no search words', () => {
    expect(searchLinkFor({ need: 'cognition-and-learning', free: true })).toBe(
      `/search/?kind=Services&need=${encodeURIComponent(needs.label('cognition-and-learning')).replace(/%20/g, '+')}&cost=Free`,
    );
  });

  test('finds a service through search exactly when the in-page filter would show it', () => {
    const choices: FilterCriteria[] = [
      {}, { need: 'sensory-and-physical' }, { need: 'cognition-and-learning' }, { category: 'health' }, { category: 'education' },
      { level: 'specialist' }, { route: 'drop-in' }, { age: '5-10' }, { age: '16-18' }, { free: true }, { locality: 'Kestrelford' },
      { need: 'sensory-and-physical', age: '0-4', locality: 'Saltmere', free: true },
    ];
    const services = [service(), service({ needs: [], areaServed: ['whole-area'], free: false, routes: ['drop-in'] }), service({ ageRange: { min: 16, max: 25 }, categories: ['education'] })];
    for (const criteria of choices) {
      for (const s of services) {
        const filters = searchFiltersOf(s, localities).map(([f, v]) => `${f}=${v}`);
        const wanted = [...new URLSearchParams(searchLinkFor(criteria).split('?')[1])].map(([f, v]) => `${f}=${v}`);
        expect(wanted.every((w) => filters.includes(w)), JSON.stringify({ criteria, s })).toBe(matchesCriteria(s, criteria));
      }
    }
  });
});
