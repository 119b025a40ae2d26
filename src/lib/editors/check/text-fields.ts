/**
 * What is written in the text of every entry: lengths, links to pages of this site, HTML
 * entities in plain-text fields, unsafe addresses, and links to websites by http://.
 */
import type { Problem } from '../problems.ts';
import { closest } from '../problems.ts';
import { likelyPath, unknownPath } from '../statutory-coverage.ts';
import { proseLines } from '../mdx-safety.ts';
import { textFieldProblems } from '../../../contract/url-safety.ts';
import { isDraft } from '../../../contract/index.ts';
import { idLookup, type Entries, type LoadedEntry, type Unreadable } from './context.ts';

/** Every string in an entry's fields, with its field path such as "contacts[0].name". */
function* stringFields(value: unknown, field = ''): Generator<[field: string, text: string]> {
  if (typeof value === 'string') yield [field, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringFields(item, `${field}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringFields(item, field ? `${field}.${key}` : key);
}

/**
 * The longest text a field may hold. Names and titles head pages, cards and lists (a
 * 100,000-character name made a 747 KB page); longer text still has to fit on a page.
 */
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 100_000;
export const NAME_FIELDS = /(?:^|\.)(?:name|title|term|label|question)$/;

/** Fields shown as plain text (escaped), where an HTML entity would show as typed. */
const PLAIN_TEXT_FIELDS = /(?:^|\.)(?:name|title|summary|term|label|question|requirement)$/;
const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/** Links in Markdown, [text](/path/), and in HTML or MDX tags, href="/path/". */
const MARKDOWN_LINK = /\]\(\s*<?(\/[^)\s>]*)/g;
const HREF = /\bhref\s*=\s*["'](\/[^"']*)["']/g;
/** Links to other websites that are not secure: a whole field such as a website, or in Markdown or a tag. */
const INSECURE_LINK = /^(http:\/\/\S+)$|\]\(\s*<?(http:\/\/[^)\s>]+)|\bhref\s*=\s*["'](http:\/\/[^"']+)["']/gi;

/** Markdown links, with the words and the address: [words](address) or [words](<address>). */
const MARKDOWN_LINKS = /\[([^\]]*)\]\(\s*(?:<([^>]*)>|([^)\s]*))/g;

/** An address to another website that is not one: "http:// https://…", spaces, nothing after the scheme. */
const notAWebAddress = (address: string) => /^https?:/i.test(address) && (/\s/.test(address) || !URL.canParse(address));

/** A Markdown heading line: its indent, its level, what follows the #s, and whether that has any words. */
function headingLine(line: string): { indent: string; level: number; rest: string; empty: boolean } | undefined {
  const match = /^(\s*)(#{1,6})(?:\s+(.*))?$/.exec(line);
  if (!match) return undefined;
  const rest = match[3] ?? '';
  return { indent: match[1]!, level: match[2]!.length, rest, empty: !rest.trim().replace(/#+$/, '').trim() };
}

/**
 * What a Markdown text field (a description, how to get a service) must not hold, as the page it
 * is shown on would fail its accessibility checks or have a link that goes nowhere: a link with
 * no words, a heading with no words, a heading two levels below the one before it, and a link to
 * another website whose address is not one ("http:// https://…", spaces).
 */
export function markdownProblems(file: string, field: string, text: string): Problem[] {
  const problems: Problem[] = [];
  for (const [, words, angled, plain] of text.matchAll(MARKDOWN_LINKS)) {
    const address = (angled ?? plain ?? '').trim();
    if (!words!.trim()) problems.push({ file, field, problem: `the link to ${address || 'nowhere'} has no words, so a screen reader reads out only its address`, fix: `write the words of the link in the square brackets, such as [email us](${address || 'mailto:…'})` });
    if (notAWebAddress(address)) problems.push({ file, field, problem: `the link address "${address.slice(0, 60)}" is not a web address`, fix: 'write the whole address without spaces, such as https://www.example.org/' });
  }
  let previous: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    const heading = headingLine(line);
    if (!heading) continue;
    const hashes = '#'.repeat(heading.level);
    if (heading.empty) problems.push({ file, field, problem: `a heading (${hashes}) has no words`, fix: 'write the heading, or delete the line' });
    else if (previous !== undefined && heading.level > previous + 1) problems.push({ file, field, problem: `the heading "${heading.rest.trim().slice(0, 40)}" (${hashes}) is ${heading.level - previous} levels below the one before it (${'#'.repeat(previous)}), so screen reader users would think a part was missing`, fix: `use ${'#'.repeat(previous + 1)}: one level below the heading before it` });
    previous = heading.level;
  }
  return problems;
}

/** The same text with what markdownProblems finds put right where it can be: for the importer, whose files must pass. */
export function repairMarkdown(text: string): string {
  let previous: number | undefined;
  return text
    .replace(MARKDOWN_LINKS, (whole, words: string, angled: string | undefined, plain: string | undefined) => {
      const address = (angled ?? plain ?? '').trim();
      if (notAWebAddress(address)) return `[${words}](`; // unwrapped below
      return words.trim() ? whole : `[${address.replace(/^(mailto|tel):/i, '')}](${angled !== undefined ? `<${angled}>` : plain}`;
    })
    .replace(/\[([^\]]*)\]\(\)/g, '$1')
    .split(/\r?\n/)
    .flatMap((line) => {
      const heading = headingLine(line);
      if (!heading) return [line];
      if (heading.empty) return [];
      const level = Math.min(heading.level, previous === undefined ? 6 : previous + 1);
      previous = level;
      return [`${heading.indent}${'#'.repeat(level)} ${heading.rest}`];
    })
    .join('\n');
}

/**
 * What is written in the text of every entry, in one pass over its fields and body:
 * - links to pages of this site that do not exist, in MDX bodies, Markdown fields and link
 *   fields. Files (a path with an extension, such as a video or a CSV) are left to the link
 *   check of the built site, as many are made by the build;
 * - HTML entities such as &amp; in plain-text fields, where the page would show "&amp;" as typed;
 * - links to websites by http:// (added to `warnings`, as they do not stop publishing).
 */
export function checkTextFields(entries: Entries, unreadable: Unreadable, warnings: Problem[]): Problem[] {
  const problems: Problem[] = [];
  const checkSecure = (entry: LoadedEntry, field: string, text: string) => {
    for (const match of text.matchAll(INSECURE_LINK)) {
      const address = (match[1] ?? match[2] ?? match[3])!;
      warnings.push({
        file: entry.file,
        field,
        problem: `${address} starts with http://, so browsers warn people that the website is not secure`,
        fix: `open ${address.replace(/^http:/i, 'https:')} in a browser: if it works, use that address instead`,
      });
    }
  };
  const idsOf = idLookup(entries, unreadable);
  // Drafts (imported services not finished) are published nowhere: a link to one goes nowhere.
  const drafts = new Set((entries.get('services') ?? []).filter((s) => isDraft(s.data)).map((s) => s.id));
  const checkLink = (entry: LoadedEntry, field: string, path: string) => {
    const page = path.split(/[?#]/)[0]!;
    if (/\.[a-z0-9]+$/i.test(page)) return;
    const draft = /^\/services\/([^/]+)\/?$/.exec(page)?.[1];
    if (draft && drafts.has(draft)) {
      problems.push({ file: entry.file, field, problem: `the link to ${path} goes nowhere: content/services/${draft}.json is a draft, which is not published`, fix: 'finish the draft and publish it (see "Drafts" in docs/import.md), or remove the link for now' });
      return;
    }
    const reason = unknownPath(page, idsOf);
    if (!reason) return;
    const suggestion = likelyPath(page, idsOf, closest);
    problems.push({ file: entry.file, field, problem: `the link to ${path} goes nowhere: ${reason}`, fix: suggestion ? `did you mean ${suggestion}? Otherwise link to a page this site publishes` : 'link to a page this site publishes, or remove the link' });
  };
  const linksIn = (text: string) => [...text.matchAll(MARKDOWN_LINK), ...text.matchAll(HREF)].map((m) => m[1]!);
  for (const list of entries.values()) {
    for (const entry of list) {
      for (const [field, text] of stringFields(entry.data)) {
        const limit = NAME_FIELDS.test(field) ? MAX_NAME_LENGTH : MAX_TEXT_LENGTH;
        if (text.length > limit) {
          problems.push({ file: entry.file, field, problem: `the text is ${text.length.toLocaleString('en-GB')} characters long, more than the ${limit.toLocaleString('en-GB')} this field can hold`, fix: limit === MAX_NAME_LENGTH ? 'shorten it: a name or title is read at a glance, so put the detail in the description' : 'shorten it, or split it into separate entries or pages' });
          continue;
        }
        if (/(?:^|\.)(?:href|url)$/.test(field) && text.startsWith('/')) checkLink(entry, field, text);
        else for (const path of linksIn(text)) checkLink(entry, field, path);
        checkSecure(entry, field, text);
        problems.push(...textFieldProblems(entry.file, field, text));
        problems.push(...markdownProblems(entry.file, field, text));
        const entity = PLAIN_TEXT_FIELDS.test(field) ? ENTITY.exec(text) : null;
        if (entity) problems.push({ file: entry.file, field, problem: `found ${entity[0]}, which the page would show just as it is typed`, fix: 'type the character itself instead, such as & rather than &amp;' });
      }
      if (!entry.body) continue;
      for (const [line, text] of proseLines(entry.body)) {
        const where = `(body, line ${(entry.bodyStart ?? 0) + line})`;
        for (const path of linksIn(text)) checkLink(entry, where, path);
        checkSecure(entry, where, text);
      }
    }
  }
  return problems;
}
