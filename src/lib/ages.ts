/** Ages as people say them. */
export function ageRangeLabel(range: { min: number; max: number }): string {
  if (range.min === 0 && range.max === 25) return 'All ages, 0 to 25';
  if (range.min === 0) return `From birth to ${range.max}`;
  if (range.min === range.max) return `Age ${range.min}`;
  return `Ages ${range.min} to ${range.max}`;
}
