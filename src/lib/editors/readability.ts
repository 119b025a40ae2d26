/**
 * Plain English, measured. Families read the council's own words to act on them (pathways,
 * decision trees, the glossary, general pages, summaries, what settings provide, "you said, we
 * did", the young people's pages), so these are held to two numbers:
 * - no sentence longer than 25 words;
 * - a Flesch reading ease of 60 or more for each paragraph of 12 words or more (about what a 13
 *   to 15 year old reads easily; GOV.UK aims for the same).
 * Flesch reading ease = 206.835 − 1.015 × (words per sentence) − 84.6 × (syllables per word).
 * measuredText says which fields; the statutory coverage map's requirements are held to the
 * sentence length only, and the young people's pages are measured by a unit test.
 *
 * Legal citations are wanted, but not in the middle of sentences: a line that starts "Sources:"
 * (or "Source:") is not measured, so the law is cited there.
 */
import { syllable } from 'syllable';

export const MAX_SENTENCE_WORDS = 25;
export const MIN_READING_EASE = 60;
/**
 * Below this many words the formula says more about one long word than about the paragraph
 * ("Help with mobility." scores 35), so shorter paragraphs are held only to the sentence length.
 */
export const MIN_WORDS_FOR_EASE = 12;

export interface ReadabilityIssue {
  kind: 'long-sentence' | 'hard-paragraph';
  /** The sentence, or the start of the paragraph, as the reader sees it. */
  text: string;
  /** Words in the sentence, or the paragraph's reading ease, rounded. */
  value: number;
  /** Line of the paragraph in the text, from 1. */
  line: number;
}

const WORD = /£?[\p{L}\p{N}][\p{L}\p{N}'’£,.-]*/gu;

/** The words of a piece of plain text: "£6,000", "don't" and "co-ordinator" are one word each. */
export function wordsOf(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0].replace(/[,.'’-]+$/, ''));
}

/**
 * The sentences of a paragraph. A full stop, question mark or exclamation mark followed by a
 * space ends one, except in a few abbreviations (for example "e.g." or "No. 2"); a list item or
 * a line with no full stop is a sentence of its own.
 */
export function sentencesOf(paragraph: string): string[] {
  // Not after an apostrophe: the "s." of "child's." ends a sentence.
  const guarded = paragraph.replace(/(?<![\p{L}\p{N}'’])(e\.g|i\.e|etc|No|St|Dr|Mr|Mrs|Ms|s|ss|reg|para|paras)\.(?=\s)/gu, (m) => m.replace('.', '\u0000'));
  return guarded
    .split(/(?<=[.!?])["”’)]*\s+(?=["“‘(]?[\p{Lu}\p{N}£])/u)
    .map((s) => s.replace(/\u0000/g, '.').trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** Syllables in a word; numbers count as read aloud roughly, one syllable a digit group. */
function syllablesOf(word: string): number {
  if (/^[£\d][\d,.]*$/.test(word)) return Math.max(1, word.replace(/[£,.]/g, '').length > 3 ? 3 : 2);
  return Math.max(1, syllable(word));
}

/** Flesch reading ease of a paragraph: higher is easier. */
export function readingEase(paragraph: string): number {
  const sentences = sentencesOf(paragraph);
  const words = sentences.flatMap(wordsOf);
  if (words.length === 0) return 100;
  const syllables = words.reduce((sum, w) => sum + syllablesOf(w), 0);
  return 206.835 - 1.015 * (words.length / sentences.length) - 84.6 * (syllables / words.length);
}

/** Markdown or MDX as the reader sees it: link text without addresses, no emphasis marks or tags. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A line that cites the law: measured by nobody, as it is for checking, not for reading aloud. */
const SOURCES_LINE = /^\s*[*_]*\s*(Sources?|Legal sources?)\s*:/i;

/**
 * The paragraphs of Markdown or MDX, each with the line it starts on. Each list item is a
 * paragraph; headings, tables, code, import lines, tags on their own and "Sources:" lines are left out.
 */
export function paragraphsOf(markdown: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let current: { line: number; lines: string[] } | undefined;
  let inFence = false;
  const flush = () => {
    if (current) {
      const text = plainText(current.lines.join(' '));
      if (wordsOf(text).length > 0) out.push({ line: current.line, text });
    }
    current = undefined;
  };
  for (const [index, raw] of markdown.split(/\r?\n/).entries()) {
    if (/^\s*(```|~~~)/.test(raw)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const line = raw.trim();
    const skip = line === '' || /^#{1,6}\s/.test(line) || line.startsWith('|') || /^(import|export)\s/.test(line) || /^<\/?[A-Za-z][^>]*>$/.test(line) || SOURCES_LINE.test(line);
    const listItem = /^([-*+]|\d+[.)])\s+/.test(line);
    if (skip || listItem) flush();
    if (skip) continue;
    if (!current) current = { line: index + 1, lines: [] };
    current.lines.push(line);
  }
  flush();
  return out;
}

const excerpt = (text: string, words = 12) => {
  const list = text.split(/\s+/);
  return list.length > words ? `${list.slice(0, words).join(' ')}…` : text;
};

/**
 * Sentences over 25 words, and paragraphs with a reading ease under 60, in Markdown or plain text.
 * With `sentencesOnly`, only the sentence length is measured.
 */
export function readabilityIssues(markdown: string, { sentencesOnly = false } = {}): ReadabilityIssue[] {
  const issues: ReadabilityIssue[] = [];
  for (const { line, text } of paragraphsOf(markdown)) {
    for (const sentence of sentencesOf(text)) {
      const count = wordsOf(sentence).length;
      if (count > MAX_SENTENCE_WORDS) issues.push({ kind: 'long-sentence', text: sentence, value: count, line });
    }
    if (!sentencesOnly && wordsOf(text).length >= MIN_WORDS_FOR_EASE) {
      // Compared as shown, so a paragraph is never reported as "60, aim for 60 or more".
      const ease = Math.round(readingEase(text));
      if (ease < MIN_READING_EASE) issues.push({ kind: 'hard-paragraph', text: excerpt(text), value: ease, line });
    }
  }
  return issues;
}

/** An issue in the words an editor can act on: what was found, and what to do. */
export function describeIssue(issue: ReadabilityIssue): { problem: string; fix: string } {
  return issue.kind === 'long-sentence'
    ? { problem: `this sentence has ${issue.value} words: "${issue.text}"`, fix: `split it into sentences of ${MAX_SENTENCE_WORDS} words or fewer, and move any legal citation into the "Sources:" line` }
    : { problem: `this paragraph is hard to read (reading ease ${issue.value}, aim for ${MIN_READING_EASE} or more): "${issue.text}"`, fix: 'use shorter sentences and everyday words, explain a term once in the glossary, and put legal citations in the "Sources:" line' };
}

/** The parts of a content entry the check reads (the shape of content-check's LoadedEntry). */
export interface ReadableEntry {
  collection: string;
  file: string;
  data: Record<string, unknown>;
  body?: string;
  bodyStart?: number;
}

export interface ReadabilityWarning {
  file: string;
  field: string;
  problem: string;
  fix: string;
}

/** content/statutory-coverage.json, read as one entry whose requirements are measured (measuredText). */
const COVERAGE_LIST = 'statutory-coverage';

/**
 * The accessibility statement (content/pages/accessibility.mdx, the page /accessibility/ every
 * council must publish) is not measured: GOV.UK's model statement gives wording the law requires
 * and says it must not be changed ("… is committed to making its website accessible, in
 * accordance with …", the enforcement procedure, when it was prepared and reviewed), and some of
 * those sentences are long. Its summary is measured like any page's.
 */
const ACCESSIBILITY_STATEMENT = 'accessibility.mdx';
const isAccessibilityStatement = (entry: ReadableEntry) => entry.file.split(/[\\/]/).at(-1) === ACCESSIBILITY_STATEMENT;

/** Collections whose `summary` leads the page, the listings, search results and link previews. */
const SUMMARISED = new Set(['pathways', 'pages', 'navigator', 'videos', 'provision']);

/**
 * The council's own words in the other fields families read, each held to both numbers, a list
 * item by item (an item under MIN_WORDS_FOR_EASE words to the sentence length only, as any short
 * paragraph): what settings provide (read by parents in the parent view as well as by SENCOs),
 * "you said, we did" and the indicators' descriptions. Services and organisations are not
 * measured: they often come from imported directories of thousands of entries, and their warnings
 * would drown the council's own. Sources and titles are not measured either: a source cites where
 * something comes from, and a title is a heading.
 */
const MEASURED_FIELDS: Record<string, readonly string[]> = {
  provision: ['strategies', 'reasonableAdjustments', 'parentsCanExpect'],
  feedback: ['youSaid', 'weDid'],
  indicators: ['description'],
};

/**
 * The text families and young people read, held to both numbers: the summaries that lead pages,
 * pathways (body, who decides, who pays), the general pages' body (content/pages/*.mdx), the
 * decision trees' hints and results, glossary definitions and MEASURED_FIELDS. Only the
 * requirements of the statutory coverage map, written for officers and inspectors in the law's
 * terms, are held to the sentence length only (`sentencesOnly`).
 */
function* measuredText(entry: ReadableEntry): Generator<{ field: string; text: string; lineOffset?: number; sentencesOnly?: boolean }> {
  const { data } = entry;
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (SUMMARISED.has(entry.collection)) {
    const summary = str(data.summary);
    if (summary) yield { field: 'summary', text: summary };
  }
  if (entry.collection === 'pages') {
    // The accessibility statement's text is not measured: see ACCESSIBILITY_STATEMENT.
    if (entry.body && !isAccessibilityStatement(entry)) yield { field: 'body', text: entry.body, lineOffset: entry.bodyStart ?? 0 };
  } else if (entry.collection === 'pathways') {
    for (const field of ['whoDecides', 'whoFunds']) {
      const text = str(data[field]);
      if (text) yield { field, text };
    }
    if (entry.body) yield { field: 'body', text: entry.body, lineOffset: entry.bodyStart ?? 0 };
  } else if (entry.collection === 'navigator' && data.nodes && typeof data.nodes === 'object') {
    for (const [id, node] of Object.entries(data.nodes as Record<string, Record<string, unknown>>)) {
      const hint = str(node?.hint);
      if (node?.type === 'question' && hint) yield { field: `nodes.${id}.hint`, text: hint };
      if (node?.type !== 'outcome') continue;
      for (const field of ['whoDecides', 'body']) {
        const text = str(node[field]);
        if (text) yield { field: `nodes.${id}.${field}`, text };
      }
    }
  } else if (entry.collection === 'glossary') {
    const text = str(data.definition);
    if (text) yield { field: `definition of "${str(data.term) ?? ''}"`, text };
  }
  // content/statutory-coverage.json (coverageReadabilityWarnings): each requirement, not its legal source.
  if (entry.collection === COVERAGE_LIST && Array.isArray(data.items)) {
    for (const [index, item] of data.items.entries()) {
      const text = str((item as { requirement?: unknown } | null)?.requirement);
      if (text) yield { field: `items[${index}].requirement`, text, sentencesOnly: true };
    }
  }
  for (const field of MEASURED_FIELDS[entry.collection] ?? []) {
    const value = data[field];
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) {
        const text = str(item);
        if (text) yield { field: `${field}[${index}]`, text };
      }
    } else {
      const text = str(value);
      if (text) yield { field, text };
    }
  }
  // Video transcripts are not measured: a transcript must say exactly what the video says. The
  // young people's topic pages are written in src/lib/young-people/young-people.ts and measured by a unit test.
}

/** Readability warnings for the entries, each naming the file, the field (or body line) and the sentence. */
export function readabilityWarnings(entries: Iterable<ReadableEntry>): ReadabilityWarning[] {
  const warnings: ReadabilityWarning[] = [];
  for (const entry of entries) {
    for (const { field, text, lineOffset, sentencesOnly } of measuredText(entry)) {
      for (const issue of readabilityIssues(text, { sentencesOnly })) {
        const where = lineOffset === undefined ? field : `(body, line ${lineOffset + issue.line})`;
        warnings.push({ file: entry.file, field: where, ...describeIssue(issue) });
      }
    }
  }
  return warnings;
}

/**
 * Readability warnings for content/statutory-coverage.json, which is one file, not a collection
 * of entries: each requirement, in plain English, is held to the sentence length only. Each
 * item's `source` is a legal citation, so it is not measured (as the "Sources:" line is not).
 */
export function coverageReadabilityWarnings(file: string, items: readonly { requirement?: unknown }[]): ReadabilityWarning[] {
  return readabilityWarnings([{ collection: COVERAGE_LIST, file, data: { items } }]);
}
