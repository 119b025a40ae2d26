import { expect, test } from 'vitest';
import { outcomeSearchLink, outcomeServices } from '../../../src/lib/navigator/outcome-services.ts';
import type { ServiceFacets } from '../../../src/lib/directory/service-filter.ts';

const service = (id: string, over: Partial<ServiceFacets>): ServiceFacets => ({
  id, name: id, needs: [], categories: ['health'], levels: ['universal'], routes: ['self-referral'], ageRange: { min: 0, max: 25 }, free: true, areaServed: ['whole-area'], places: [], ...over,
});

test('a result names the services that fit any of its levels and types, made-for-the-need ones first', () => {
  const services = [
    service('b-open', { levels: ['sen-support'], categories: ['education'] }),
    service('a-made', { levels: ['sen-support'], categories: ['education'], needs: ['cognition-and-learning'] }),
    service('c-other-need', { levels: ['sen-support'], categories: ['education'], needs: ['sensory-and-physical'] }),
    service('d-other-level', { levels: ['ehc-plan'], categories: ['education'] }),
  ];
  const found = outcomeServices(services, { needs: ['cognition-and-learning'], levels: ['sen-support'], categories: ['education', 'health'] })!;
  expect(found.shown.map((s) => s.id)).toEqual(['a-made', 'b-open']);
  expect(found.total).toBe(2);
});

test('at most five are named, with the number of all and a link that lists them all', () => {
  const services = Array.from({ length: 8 }, (_, i) => service(`s${i}`, { levels: ['specialist'] }));
  const found = outcomeServices(services, { levels: ['specialist'] })!;
  expect(found.shown).toHaveLength(5);
  expect(found.total).toBe(8);
  expect(found.seeAll).toBe('/search/?kind=Services&level=Specialist+support');
  // Without JavaScript (search needs it), a browse page of the result's level instead.
  expect(found.browse).toEqual({ href: '/services/level/specialist/', text: 'Browse the services listed under “Specialist support”' });
  expect(outcomeSearchLink({ levels: ['sen-support', 'ehc-plan'], categories: ['health'] })).toBe('/search/?kind=Services&level=SEN+support&level=Education%2C+health+and+care+%28EHC%29+plan&category=Health');
});

test('a result that says nothing about services names none', () => {
  expect(outcomeServices([service('x', {})], undefined)).toBeUndefined();
  expect(outcomeServices([service('x', {})], { needs: [], levels: [] })).toBeUndefined();
});
