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
const otherWords = (entry: GlossaryWords): string[] => [...entry.synonyms, ...(entry.usedToBeCalled ?? []), ...(entry.searchWords ?? [])];

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
 * Whether `word` appears in `text` as a whole word or phrase. Abbreviations match only in
 * capitals, so "ADD" or "HI" do not match ordinary words such as "add" or "hi".
 */
function mentions(text: string, word: string, caseSensitive: boolean): boolean {
  // Most glossary words are not in a given text: a plain search rules them out before the pattern.
  if (!lowerCaseOf(text).includes(word.toLowerCase())) return false;
  const flags = caseSensitive ? 'u' : 'iu';
  // Every service page checks every glossary word: compile each pattern once per build.
  let pattern = patterns.get(`${flags} ${word}`);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}(?=$|[^\\p{L}\\p{N}])`, flags);
    patterns.set(`${flags} ${word}`, pattern);
  }
  return pattern.test(text);
}

/** Whether a glossary entry is mentioned in the text by its term, an abbreviation or a synonym. */
export function mentionsTerm(text: string, entry: GlossaryWords): boolean {
  return (
    mentions(text, entry.term, false) ||
    otherWords(entry).some((s) => mentions(text, s, false)) ||
    entry.abbreviations.some((a) => mentions(text, a, true))
  );
}

/**
 * The other words people use for the glossary terms that `text` mentions, leaving out words the
 * text already has. Order: glossary order, then term, abbreviations, synonyms, old names, search words.
 */
export function expandSynonyms(text: string, glossary: GlossaryWords[]): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  for (const entry of glossary) {
    if (!mentionsTerm(text, entry)) continue;
    for (const word of [entry.term, ...entry.abbreviations, ...otherWords(entry)]) {
      const key = word.toLowerCase();
      if (seen.has(key) || mentions(text, word, false)) continue;
      seen.add(key);
      found.push(word);
    }
  }
  return found;
}
