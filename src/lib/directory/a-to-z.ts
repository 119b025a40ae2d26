/** A to Z grouping for browsing services by first letter. */
export const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** The letter a name is filed under: its first letter, ignoring punctuation; digits go under "0-9". */
export function letterOf(name: string): string {
  const first = name.normalize('NFKD').replace(/[^A-Za-z0-9]/g, '').charAt(0).toLowerCase();
  return /\d/.test(first) ? '0-9' : first;
}

/** Items grouped by letter, in A to Z order, leaving out empty letters. */
export function groupByLetter<T>(items: T[], name: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const letter = letterOf(name(item));
    if (!letter) continue;
    const group = groups.get(letter);
    if (group) group.push(item);
    else groups.set(letter, [item]);
  }
  return new Map([...groups].sort(([a], [b]) => a.localeCompare(b)));
}
