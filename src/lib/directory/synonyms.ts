/**
 * Search synonyms from the glossary. A search for "SALT", "ASD" or "respite" should find what
 * "speech and language therapy", "autism" or "short breaks" find, but Pagefind only matches
 * words that are on the page. So each service page lists the other words for the terms it
 * mentions, and Pagefind indexes them.
 */
export interface GlossaryWords {
  term: string;
  abbreviations: string[];
  synonyms: string[];
  /** Old names, shown as "Used to be called" in the glossary: still words people search with. */
  usedToBeCalled?: string[];
  /** Words people search with that do not mean the same thing. */
  searchWords?: string[];
}

/** Every other word for an entry that search should know: synonyms, old names and search words. */
const alsoSearchedAs = (entry: GlossaryWords): string[] => [...entry.synonyms, ...(entry.usedToBeCalled ?? []), ...(entry.searchWords ?? [])];

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map<string, RegExp>();

/** The text in lower case, worked out once for the many words checked against it. */
let lastText = '';
let lastLower = '';
function lowerCaseOf(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * A word or phrase as a pattern that also matches its simple plural or singular, so
 * "specific learning difficulties" mentions the term "Specific learning difficulty" and
 * "short break" mentions "Short breaks". Only the last word changes; abbreviations never do.
 */
export function inflected(word: string): string {
  const match = /^(.*?)([\p{L}]+)$/u.exec(word);
  if (!match || match[2]!.length < 3) return escape(word);
  const [, before, last] = match as unknown as [string, string, string];
  const lower = last.toLowerCase();
  let stem = last;
  let endings = ['', 's', 'es'];
  if (lower.endsWith('ies')) [stem, endings] = [last.slice(0, -3), ['y', 'ies']];
  else if (/[^aeiou]y$/.test(lower)) [stem, endings] = [last.slice(0, -1), ['y', 'ies']];
  else if (/(s|x|ch|sh)es$/.test(lower)) [stem, endings] = [last.slice(0, -2), ['', 'es']];
  else if (lower.endsWith('s') && !lower.endsWith('ss')) [stem, endings] = [last.slice(0, -1), ['', 's']];
  return `${escape(before)}${escape(stem)}(?:${endings.join('|')})`;
}

/** Where `word` appears in `text` as a whole word or phrase: [start, end] of each place. */
function placesOf(text: string, word: string, caseSensitive: boolean): [number, number][] {
  // Most glossary words are not in a given text: a plain search rules them out before the pattern
  // (on the word without its last three letters, which covers "difficulty" and "difficulties").
  const lower = word.toLowerCase();
  if (!lowerCaseOf(text).includes(caseSensitive || lower.length < 6 ? lower : lower.slice(0, -3))) return [];
  const flags = caseSensitive ? 'gu' : 'giu';
  // Every page checks every glossary word: compile each pattern once per build.
  let pattern = patterns.get(`${flags} ${word}`);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${caseSensitive ? escape(word) : inflected(word)}(?=$|[^\\p{L}\\p{N}])`, flags);
    patterns.set(`${flags} ${word}`, pattern);
  }
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => [m.index + m[1]!.length, m.index + m[0].length]);
}

/**
 * Whether `word` appears in `text` as a whole word or phrase (or, for a word that is not an
 * abbreviation, its simple plural or singular). Abbreviations match only in capitals, so "ADD"
 * or "HI" do not match ordinary words such as "add" or "hi".
 */
function mentions(text: string, word: string, caseSensitive: boolean): boolean {
  return placesOf(text, word, caseSensitive).length > 0;
}

/** Where an entry is mentioned by its term, an abbreviation (in capitals), a synonym, an old name or a search word. */
function entryPlaces(text: string, entry: GlossaryWords): [number, number][] {
  return [
    ...placesOf(text, entry.term, false),
    ...alsoSearchedAs(entry).flatMap((s) => placesOf(text, s, false)),
    ...entry.abbreviations.flatMap((a) => placesOf(text, a, true)),
  ];
}

/**
 * The glossary entries `text` mentions, in the order it first mentions them. The longest
 * mention wins: in "an EHC needs assessment" the "EHC" belongs to "EHC needs assessment", not
 * to "EHC plan" (whose synonym it also is).
 */
export function mentionedTerms<T extends GlossaryWords>(text: string, glossary: T[]): T[] {
  const places = glossary.flatMap((entry, index) => entryPlaces(text, entry).map(([start, end]) => ({ start, end, index })));
  const first = new Map<number, number>();
  for (const place of places) {
    const inside = places.some((other) => other.index !== place.index && other.start <= place.start && other.end >= place.end && other.end - other.start > place.end - place.start);
    if (!inside && !(first.get(place.index)! <= place.start)) first.set(place.index, place.start);
  }
  return [...first].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([index]) => glossary[index]!);
}

/** Whether a glossary entry is mentioned in the text by its term, an abbreviation or a synonym. */
export function mentionsTerm(text: string, entry: GlossaryWords): boolean {
  return entryPlaces(text, entry).length > 0;
}

/** The words of some entries that the text does not already have, each once. */
function otherWords(text: string, entries: GlossaryWords[], seen = new Set<string>()): string[] {
  const found: string[] = [];
  for (const entry of entries) {
    for (const word of [entry.term, ...entry.abbreviations, ...alsoSearchedAs(entry)]) {
      const key = word.toLowerCase();
      if (seen.has(key) || mentions(text, word, false)) continue;
      seen.add(key);
      found.push(word);
    }
  }
  return found;
}

/**
 * The other words people use for the glossary terms that `text` mentions, leaving out words the
 * text already has. Order: glossary order, then term, abbreviations, synonyms, old names, search words.
 */
export function expandSynonyms(text: string, glossary: GlossaryWords[]): string[] {
  const mentioned = new Set(mentionedTerms(text, glossary));
  return otherWords(text, glossary.filter((entry) => mentioned.has(entry)));
}

/**
 * A page's search words in three strengths, for search to rank by (SearchWords.astro):
 * `topic`, the other words for the first glossary term its title names (what the page is
 * about: "The EHC plan" gives "EHCP"); `words`, the editor's own words and the other words for
 * any other term in the title or those words; `more`, those for terms only its description names.
 */
export function searchWordTiers(title: string, own: string[], description: string, glossary: GlossaryWords[]): { topic: string[]; words: string[]; more: string[] } {
  const seen = new Set<string>();
  const inTitle = mentionedTerms(title, glossary);
  const about = [title, ...own].join('. ');
  // The topic's words count most even when the editor's keywords repeat them.
  const topic = otherWords(title, inTitle.slice(0, 1), seen);
  const words = [
    ...own.filter((word) => !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase())),
    ...otherWords(about, [...inTitle.slice(1), ...mentionedTerms(own.join('. '), glossary)], seen),
  ];
  const more = description ? otherWords(`${about}. ${description}`, mentionedTerms(description, glossary), seen) : [];
  return { topic, words, more };
}

/**
 * The search words of a page: the editor's own words first, then the other words for the
 * glossary terms that `about` (its title and keywords, say) mentions, each once.
 */
export function searchWordsFor(about: string, own: string[], glossary: GlossaryWords[]): string[] {
  const seen = new Set<string>();
  return [...own, ...expandSynonyms([about, ...own].join('. '), glossary)].filter((word) => {
    const key = word.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The words search must match exactly, never as the start of a longer word: the glossary's
 * abbreviations ("SALT" must not find "Saltmere"). Read by public/scripts/search-page.js.
 */
export function exactSearchWords(glossary: GlossaryWords[]): string[] {
  return [...new Set(glossary.flatMap((g) => g.abbreviations).filter((a) => /^[\p{L}\p{N}]+$/u.test(a)).map((a) => a.toLowerCase()))].sort();
}
