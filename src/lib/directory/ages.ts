/** Ages as people say them. */
export function ageRangeLabel(range: { min: number; max: number } | undefined): string {
  // An imported service may not say: that is "not stated", never "0 to 25".
  if (!range) return 'Ages not stated: ask the service';
  if (range.min === 0 && range.max === 25) return 'All ages, 0 to 25';
  if (range.min === 0) return `From birth to ${range.max}`;
  if (range.min === range.max) return `Age ${range.min}`;
  return `Ages ${range.min} to ${range.max}`;
}

/** The cost as a card says it; an imported service may not say, and then neither do we. */
export function costLabel(cost: { free: boolean } | undefined): string {
  if (!cost) return 'Cost not stated: ask the service';
  return cost.free ? 'Free' : 'There may be a charge';
}
