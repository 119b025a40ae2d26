// An age in a search, such as "autism 7 year old" or "speech therapy aged 4", becomes the age
// filter: the age words are on no page, and Pagefind finds only pages with every word searched.
// Served as it is, like search-page.js, which imports it.

const AGE = /(?:^|\s)(?:(?:aged?\s+)(\d{1,2})(?:\s*(?:-\s*)?(?:years?|yrs?)(?:\s*-?\s*old)?)?|(\d{1,2})\s*(?:-\s*)?(?:years?|yrs?)(?:\s*-?\s*olds?)?|(\d{1,2})\s*yo)(?=$|[\s,.;!?])/i;

/**
 * Finds an age from 0 to 25 written in a search and the band of the age filter it falls in.
 * @param {string} query what was typed
 * @param {{ label: string, min: number, max: number }[]} bands the age filter's bands
 * @returns {{ age: number, band: string, rest: string } | undefined} the age, the band's label
 *   and the search without the age words; undefined when there is no age or no band for it
 */
export function ageInQuery(query, bands) {
  const match = AGE.exec(query);
  if (!match) return undefined;
  const age = Number(match[1] ?? match[2] ?? match[3]);
  const band = bands.find((b) => age >= b.min && age <= b.max);
  if (!band) return undefined;
  const rest = `${query.slice(0, match.index)} ${query.slice(match.index + match[0].length)}`
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;!?])/g, '$1')
    .trim();
  return { age, band: band.label, rest };
}
