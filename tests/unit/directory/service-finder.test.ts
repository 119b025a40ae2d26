import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ANY, FINDER_PAGE_SIZE, finderPageCount, finderPath, finderResults, finderStep, finderSteps } from '../../../src/lib/directory/service-finder.ts';
import { facetsOf, matchesCriteria, matchesKeywords, postcodeCentres, postcodeDistrict, type ServiceFacets } from '../../../src/lib/directory/service-filter.ts';
import { areaOfSite, syntheticServices } from '../../../scripts/lib/synthetic-services.ts';

const site = JSON.parse(readFileSync('content/site.json', 'utf8'));
const localities: string[] = site.localities.map((l: { name: string }) => l.name);
const service = (id: string, over: Partial<ServiceFacets>): ServiceFacets => ({
  id, name: id, needs: [], categories: ['health'], levels: ['universal'], routes: ['self-referral'], ageRange: { min: 0, max: 25 }, free: true, areaServed: ['whole-area'], places: [], ...over,
});

describe('the step-by-step service finder', () => {
  const services = [
    service('speech', { needs: ['communication-and-interaction'], ageRange: { min: 0, max: 4 }, areaServed: ['Saltmere'] }),
    service('advice', {}),
    service('college', { needs: ['cognition-and-learning'], ageRange: { min: 16, max: 25 } }),
  ];

  test('each answer is a link to the next question, with the number of services it leaves', () => {
    const need = finderStep('need', {}, services, localities);
    expect(need.question).toBe('What is the main area of need?');
    expect(need.options.find((o) => o.value === 'communication-and-interaction')).toEqual({ value: 'communication-and-interaction', label: 'Communication and interaction', href: '/services/find/communication-and-interaction/', count: 2 });
    expect(need.options.at(-1)).toMatchObject({ value: ANY, href: '/services/find/any/', count: 3 });
    const place = finderStep('place', { need: 'communication-and-interaction', age: '0-4' }, services, localities);
    expect(place.options.find((o) => o.label === 'Saltmere')).toMatchObject({ href: '/services/find/communication-and-interaction/0-4/saltmere/', count: 2 });
    expect(place.options.find((o) => o.label === 'Eastwold')).toMatchObject({ count: 1 });
  });

  test('the result pages list what the filter on /services/ lists for the same choices, and no page is made for no services', () => {
    const results = finderResults(services, localities);
    for (const { choice, ids } of results) {
      expect(ids.length).toBeGreaterThan(0);
      const locality = localities.find((l) => finderPath({ ...choice }).endsWith(`/${l.toLowerCase().replace(/ /g, '-')}/`))!;
      const criteria = { ...(choice.need === ANY ? {} : { need: choice.need }), age: choice.age, locality };
      expect(ids).toEqual(services.filter((s) => matchesCriteria(s, criteria)).map((s) => s.id));
    }
    const withoutAdvice = finderResults(services.filter((s) => s.id !== 'advice'), localities);
    expect(withoutAdvice.some((r) => r.choice.need === 'cognition-and-learning' && r.choice.age === '0-4')).toBe(false);
  });

  test('there is a step page for each answer so far: 1 + 5 needs + 5 × 5 ages', () => {
    expect(finderSteps(localities)).toHaveLength(31);
  });

  test('the pages it adds stay in proportion: the demo, and 5,000 synthetic services', () => {
    const synthetic = syntheticServices(5000, ['org'], areaOfSite(site)).map((s) => facetsOf(s.id, s.data as unknown as Parameters<typeof facetsOf>[1]));
    const counts = finderPageCount(synthetic, localities);
    // About a third more than the ~7,200 pages a 5,000-service build already makes.
    expect(counts.steps + counts.results).toBeLessThan(3000);
    expect(FINDER_PAGE_SIZE).toBe(50);
  });
});

describe('the filter on /services/', () => {
  test('a name or keyword matches when every word typed is in the card', () => {
    expect(matchesKeywords('Inclusive and quiet swimming sessions', 'Quiet SWIM')).toBe(true);
    expect(matchesKeywords('Inclusive and quiet swimming sessions', 'quiet riding')).toBe(false);
    expect(matchesKeywords('Anything', '  ')).toBe(true);
  });
  test('a postcode is placed by its district, from the buildings of services in it', () => {
    expect(postcodeDistrict('kv6 2qr')).toBe('KV6');
    expect(postcodeDistrict('KV62QR')).toBe('KV6');
    expect(postcodeDistrict('KV6')).toBe('KV6');
    expect(postcodeDistrict('not a postcode')).toBeUndefined();
    expect(postcodeCentres([
      { postcode: 'KV6 2QR', lat: 52.5, lng: -1.6 },
      { postcode: 'KV6 4CW', lat: 52.6, lng: -1.4 },
      { postcode: 'KV1 1AA' },
    ])).toEqual({ KV6: { lat: 52.55, lng: -1.5 } });
  });
});
