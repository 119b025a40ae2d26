/**
 * Distances for "near me": everything is worked out in the browser from coordinates already on
 * the page, so nobody's location is sent anywhere.
 */
export interface Point {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;
const KM_PER_MILE = 1.609344;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Straight-line (great-circle) distance in kilometres, by the haversine formula. */
export function distanceKm(a: Point, b: Point): number {
  const dLat = radians(b.lat - a.lat);
  const dLng = radians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface Placed<T> {
  item: T;
  /** Distance in km to the nearest of its places, or undefined when it has none. */
  km?: number;
}

/**
 * Orders items by the distance from `origin` to their nearest place. Items without places
 * (delivered at home, online or across the area) come after, in their original order.
 */
export function orderByDistance<T extends { places: Point[] }>(items: T[], origin: Point): Placed<T>[] {
  const placed = items.map((item, index) => ({
    item,
    index,
    km: item.places.length ? Math.min(...item.places.map((p) => distanceKm(origin, p))) : undefined,
  }));
  placed.sort((a, b) => {
    if (a.km === undefined && b.km === undefined) return a.index - b.index;
    if (a.km === undefined) return 1;
    if (b.km === undefined) return -1;
    return a.km - b.km || a.index - b.index;
  });
  return placed.map(({ item, km }) => (km === undefined ? { item } : { item, km }));
}

/** "Less than 1 mile away", "About 4 miles away": straight-line distances, said honestly. */
export function distanceText(km: number): string {
  const miles = km / KM_PER_MILE;
  if (miles < 1) return 'Less than 1 mile away';
  const rounded = Math.round(miles);
  return `About ${rounded} ${rounded === 1 ? 'mile' : 'miles'} away`;
}
