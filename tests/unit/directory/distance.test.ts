import { expect, test } from 'vitest';
import { distanceKm, distanceText, orderByDistance } from '../../../src/lib/directory/distance.ts';

const kestrelford = { lat: 52.612, lng: -1.704 };
const saltmere = { lat: 52.548, lng: -1.598 };
const hollowdene = { lat: 52.702, lng: -1.641 };

test('distance between two places is the great-circle distance', () => {
  expect(distanceKm(kestrelford, kestrelford)).toBe(0);
  // London to Birmingham is about 163 km in a straight line.
  expect(distanceKm({ lat: 51.5074, lng: -0.1278 }, { lat: 52.4862, lng: -1.8904 })).toBeCloseTo(163, -1);
  expect(distanceKm(kestrelford, saltmere)).toBeCloseTo(distanceKm(saltmere, kestrelford), 9);
});

test('services are ordered by their nearest building; services with no building come last, in order', () => {
  const items = [
    { id: 'online', places: [] },
    { id: 'hollowdene', places: [hollowdene] },
    { id: 'both', places: [hollowdene, saltmere] },
    { id: 'home', places: [] },
    { id: 'kestrelford', places: [kestrelford] },
  ];
  const ordered = orderByDistance(items, saltmere);
  expect(ordered.map((p) => p.item.id)).toEqual(['both', 'kestrelford', 'hollowdene', 'online', 'home']);
  expect(ordered[0]!.km).toBe(0);
  expect(ordered[3]!.km).toBeUndefined();
});

test('distances are said in rounded miles', () => {
  expect(distanceText(0.5)).toBe('Less than 1 mile away');
  expect(distanceText(1.7)).toBe('About 1 mile away');
  expect(distanceText(10)).toBe('About 6 miles away');
});
