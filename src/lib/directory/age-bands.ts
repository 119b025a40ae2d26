/** Age bands for browsing services, and whether a service's age range overlaps one. */
export const ageBands = [
  { id: '0-4', label: 'Ages 0 to 4', min: 0, max: 4 },
  { id: '5-10', label: 'Ages 5 to 10', min: 5, max: 10 },
  { id: '11-15', label: 'Ages 11 to 15', min: 11, max: 15 },
  { id: '16-18', label: 'Ages 16 to 18', min: 16, max: 18 },
  { id: '19-25', label: 'Ages 19 to 25', min: 19, max: 25 },
] as const;

export type AgeBand = (typeof ageBands)[number];
export type AgeBandId = AgeBand['id'];

/** A service for ages 3 to 7 is in both the 0-4 and 5-10 bands. */
export function inAgeBand(range: { min: number; max: number }, band: { min: number; max: number }): boolean {
  return range.min <= band.max && range.max >= band.min;
}
