import { describe, expect, test } from 'vitest';
import { criteriaFromParams, criteriaToParams, facetsOf, filterServices, resultCountText, type ServiceFacets } from '../../../src/lib/directory/service-filter.ts';

const service = (id: string, overrides: Partial<ServiceFacets> = {}): ServiceFacets => ({
  id,
  name: id,
  needs: [],
  categories: ['health'],
  levels: ['sen-support'],
  routes: ['self-referral'],
  ageRange: { min: 0, max: 25 },
  free: true,
  areaServed: ['whole-area'],
  places: [],
  ...overrides,
});

const speech = service('speech', { needs: ['communication-and-interaction'], ageRange: { min: 0, max: 19 }, routes: ['professional-referral'] });
const swimming = service('swimming', { categories: ['short-breaks-and-activities'], levels: ['universal'], free: false, areaServed: ['Brackenbridge'], ageRange: { min: 3, max: 25 } });
const college = service('college', { needs: ['cognition-and-learning'], categories: ['education', 'preparing-for-adulthood'], levels: ['ehc-plan'], ageRange: { min: 16, max: 25 }, routes: ['ehc-plan-required'] });
const advice = service('advice', { categories: ['information-and-advice'], levels: ['universal'] });
const all = [speech, swimming, college, advice];
const ids = (list: ServiceFacets[]) => list.map((s) => s.id);

describe('filtering services', () => {
  test('no choices shows every service', () => {
    expect(ids(filterServices(all, {}))).toEqual(['speech', 'swimming', 'college', 'advice']);
  });
  test('a need keeps services for that need and services open to all needs', () => {
    expect(ids(filterServices(all, { need: 'communication-and-interaction' }))).toEqual(['speech', 'swimming', 'advice']);
  });
  test('a type of service, level and access route each narrow the list', () => {
    expect(ids(filterServices(all, { category: 'education' }))).toEqual(['college']);
    expect(ids(filterServices(all, { level: 'universal' }))).toEqual(['swimming', 'advice']);
    expect(ids(filterServices(all, { route: 'ehc-plan-required' }))).toEqual(['college']);
  });
  test('an age band keeps services whose ages overlap it', () => {
    expect(ids(filterServices(all, { age: '0-4' }))).toEqual(['speech', 'swimming', 'advice']);
    expect(ids(filterServices(all, { age: '19-25' }))).toEqual(['speech', 'swimming', 'college', 'advice']);
    expect(ids(filterServices(all, { age: '16-18' }))).toEqual(ids(all));
  });
  test('"free only" leaves out services that charge', () => {
    expect(ids(filterServices(all, { free: true }))).not.toContain('swimming');
  });
  test('a locality keeps services for that place and for the whole area', () => {
    expect(ids(filterServices(all, { locality: 'Saltmere' }))).toEqual(['speech', 'college', 'advice']);
    expect(ids(filterServices(all, { locality: 'Brackenbridge' }))).toContain('swimming');
  });
  test('choices combine: every one must fit', () => {
    expect(ids(filterServices(all, { need: 'cognition-and-learning', age: '16-18', level: 'ehc-plan', free: true }))).toEqual(['college']);
    expect(filterServices(all, { category: 'transport', free: true })).toEqual([]);
  });
});

describe('filter choices in the page address', () => {
  const localities = ['Kestrelford', 'Fernley Green'];
  test('are read from query parameters', () => {
    const params = new URLSearchParams('need=sensory-and-physical&category=health&age=5-10&level=specialist&route=drop-in&free=1&locality=Fernley+Green');
    expect(criteriaFromParams(params, localities)).toEqual({
      need: 'sensory-and-physical', category: 'health', age: '5-10', level: 'specialist', route: 'drop-in', free: true, locality: 'Fernley Green',
    });
  });
  test('unknown values from an old or mistyped link are ignored', () => {
    expect(criteriaFromParams(new URLSearchParams('need=autism&age=3-7&free=yes&locality=Atlantis&level=specialist'), localities)).toEqual({ level: 'specialist' });
  });
  test('round-trip through a link in a fixed order', () => {
    const criteria = { locality: 'Kestrelford', free: true, need: 'cognition-and-learning' as const };
    const params = criteriaToParams(criteria);
    expect(params.toString()).toBe('need=cognition-and-learning&free=1&locality=Kestrelford');
    expect(criteriaFromParams(params, localities)).toEqual(criteria);
  });
});

test('a service from content becomes facets, keeping only places with coordinates', () => {
  const facets = facetsOf('x', {
    name: 'X', needs: [], categories: ['health'], levels: ['universal'], access: { routes: ['drop-in'] }, ageRange: { min: 0, max: 4 },
    cost: { free: false }, areaServed: ['whole-area'], locations: [{ lat: 52.6, lng: -1.7 }, {}],
  });
  expect(facets.routes).toEqual(['drop-in']);
  expect(facets.free).toBe(false);
  expect(facets.places).toEqual([{ lat: 52.6, lng: -1.7 }]);
});

test('the result count reads naturally', () => {
  expect(resultCountText(64, 64)).toBe('Showing all 64 services');
  expect(resultCountText(1, 1)).toBe('Showing 1 service');
  expect(resultCountText(1, 64)).toBe('1 service matches your choices (of 64)');
  expect(resultCountText(0, 64)).toBe('No services match these choices');
});
