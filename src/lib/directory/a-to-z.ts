/** A to Z grouping for browsing services (and glossary terms) by first letter. */

/**
 * The groups, in the order they are shown: the letters, then names that start with a number,
 * then names in another alphabet or starting with a symbol ("خواتین کا مرکز", "华人家长"), so
 * every name is filed somewhere and reached from the index.
 */
export const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'.split(''), '0-9', 'other'];

/** Latin letters that do not come apart into a letter and an accent, filed as people would. */
const LATIN_EXTRA: Record<string, string> = { ł: 'l', ø: 'o', æ: 'a', œ: 'o', ß: 's', đ: 'd', ð: 'd', þ: 't', ı: 'i' };

/**
 * The group a name is filed under: its first letter or number, ignoring punctuation and accents
 * ("Éire" under E, "“Quiet”" under Q); a name starting with a number goes under "0-9", and one in
 * another alphabet, or with no letter at all, under "other".
 */
export function letterOf(name: string): string {
  const first = /[\p{L}\p{N}]/u.exec(name.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))?.[0]?.toLowerCase();
  const latin = first && (LATIN_EXTRA[first] ?? first);
  if (latin && /^[a-z]$/.test(latin)) return latin;
  if (latin && /^[0-9]$/.test(latin)) return '0-9';
  return name.trim() ? 'other' : '';
}

/** How a group is shown in the index ("A", "0–9", "Other") and said in a sentence ("A", "a number", "another character"). */
export function letterLabel(letter: string): { short: string; phrase: string } {
  if (letter === '0-9') return { short: '0–9', phrase: 'a number' };
  if (letter === 'other') return { short: 'Other', phrase: 'another character' };
  return { short: letter.toUpperCase(), phrase: letter.toUpperCase() };
}

/** Items grouped by letter, in the order of LETTERS, leaving out empty groups. */
export function groupByLetter<T>(items: T[], name: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = letterOf(name(item));
    if (!letter) continue;
    const group = groups.get(letter);
    if (group) group.push(item);
    else groups.set(letter, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => LETTERS.indexOf(a) - LETTERS.indexOf(b)));
}
