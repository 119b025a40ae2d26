/**
 * Checks everything under content/ without building the site: each file against its schema,
 * then the rules a schema alone cannot express (references resolve, localities and themes
 * exist, decision trees are complete, captions are real WebVTT). Every problem is collected,
 * not just the first, and each names the file and field.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, posix, relative } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import type { z } from 'astro/zod';
import { glossaryTermSchema, idRef, siteSchema, type CollectionName } from '../../contract/index.ts';
import { COVERAGE_FILE, folderCollections, GLOSSARY_FILE, PUBLIC_FOLDER, SITE_FILE } from '../../contract/collections.ts';
import { coverageSchema } from '../../contract/coverage.ts';
import { checkCoverage, likelyPath, unknownPath, type CoverageItem } from './statutory-coverage.ts';
import { validateTree, type Tree } from '../navigator/navigator-graph.ts';
import { closest, fieldName, problemFromIssue, type Problem } from './problems.ts';
import { ID_PATTERN, isoDateOf } from '../../contract/common.ts';
import { slugify } from '../text/slug.ts';
import { findDuplicateKeys } from './json-duplicate-keys.ts';
import { mdxHazards, PROVIDED_COMPONENTS, proseLines } from './mdx-safety.ts';
import { readabilityWarnings } from './readability.ts';
import { publicFileKindProblems } from '../site/public-files.ts';
import { textFieldProblems } from '../../contract/url-safety.ts';
import { filesUnder } from '../site/content-files.ts';
import { addDays, today } from '../text/dates.ts';
import { overTaggedServices } from './tag-check.ts';
import { videoTopics } from '../../contract/vocabulary.ts';
import { fileBeingRead, nowReading, REPORT_TO, shortReason, debugWanted } from './command-errors.ts';
import { jsonTooDeep, MAX_JSON_DEPTH, MAX_YAML_ALIASES, notAFile, notAFolder, readContentFile, symbolicLinks, unreadTopLevel } from './content-layout.ts';

export interface CheckOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /**
   * Absolute path of the site's own public/ folder. Files that belong to the content (videos,
   * captions, posters) live in content/public/ instead; none may have the same path as one of these.
   */
  publicDir: string;
  /** Project root, so messages show paths such as content/services/x.json. */
  rootDir: string;
}

export interface LoadedEntry {
  collection: CollectionName;
  id: string;
  file: string;
  data: Record<string, unknown>;
  body?: string;
  /** How many lines of the file come before the body (the frontmatter and its --- lines). */
  bodyStart?: number;
}

export interface CheckResult {
  problems: Problem[];
  /**
   * Things worth a look that do not stop publishing, such as a link to a website that is not
   * secure (http://): many small organisations have no https:// address, and their link still helps.
   */
  warnings: Problem[];
  /** Every entry by collection, as written (entries with problems too, for cross-checks). */
  entries: Map<CollectionName, LoadedEntry[]>;
  files: number;
  /** content/site.json, when it is valid. */
  site?: SiteSettings;
}

export type SiteSettings = z.infer<ReturnType<typeof siteSchema>>;

/** Splits an MDX file into YAML frontmatter and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source.replace(/^\uFEFF/, ''));
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
}

/**
 * The site's address must be the top of a domain: every address the site writes (canonical
 * links, the sitemap, the feeds, robots.txt) starts there, and a site in a folder such as
 * /local-offer/ would break them all.
 */
export function siteUrlProblem(file: string, siteUrl: string): Problem | undefined {
  const url = URL.parse(siteUrl);
  if (!url || (url.pathname === '/' && !url.search && !url.hash)) return undefined;
  return {
    file,
    field: 'siteUrl',
    problem: `"${siteUrl}" has something after the domain name (${url.pathname}${url.search}${url.hash}), but the site must be published at the top of its own address`,
    fix: `use the address of the home page with nothing after the domain name, such as "${url.origin}/", and publish the site there (a sub-domain such as https://localoffer.kestrelvale.gov.uk/ works well)`,
  };
}

/** WCAG 2.2 contrast ratio of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The site's colours must be readable (WCAG 2.2 AA, 4.5:1 for text): checked here, not only by the browser tests. */
function themeContrastProblems(file: string, theme: Record<string, string>): Problem[] {
  const pairs: [field: string, text: string | undefined, background: string | undefined, on: string][] = [
    ['theme.primaryText', theme.primaryText, theme.primary, 'the header colour (theme.primary)'],
    ['theme.link', theme.link, '#ffffff', 'the white page'],
    ['theme.linkVisited', theme.linkVisited, '#ffffff', 'the white page'],
    ['theme.accent', theme.accent, theme.primary, 'the header colour (theme.primary)'],
  ];
  const problems: Problem[] = [];
  const accent = theme.accent && theme.primary ? contrastRatio(theme.accent, theme.primary) : 21;
  // The accent is a bar, not text: WCAG 2.2 AA asks 3:1 of graphics (1.4.11).
  if (accent < 3) problems.push({ file, field: 'theme.accent', problem: `"${theme.accent}" beside the header colour (theme.primary) has a contrast of ${accent.toFixed(1)}:1, too low to see`, fix: 'choose a darker or lighter colour: the accent needs a contrast of at least 3:1 against theme.primary (WCAG 2.2 AA)' });
  for (const [field, text, background, on] of pairs) {
    if (!text || !background) continue;
    const ratio = contrastRatio(text, background);
    if (ratio < 4.5 && field !== 'theme.accent') {
      problems.push({ file, field, problem: `"${text}" on ${on} has a contrast of ${ratio.toFixed(1)}:1, too low to read easily`, fix: 'choose a darker or lighter colour: text needs a contrast of at least 4.5:1 (WCAG 2.2 AA)' });
    }
  }
  return problems;
}

/** Line and column (from 1) of a position in a text. */
function lineAt(source: string, position: number): { line: number; column: number } {
  const before = source.slice(0, position).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * What a JSON syntax error means, on the line where the editor has to look: the parser names
 * the place it gave up, which for a comma too many or too few is the line after the mistake.
 */
export function jsonError(error: unknown, source: string): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^JSON\.parse: /, '');
  const text = source.replace(/^\uFEFF/, '');
  const at = /at position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : -1;
  if (/Unexpected end of JSON input/.test(message) || position >= text.trimEnd().length) {
    return 'the file ends too early: a closing } or ] (or a closing quote) is missing at the end';
  }
  if (position < 0) {
    // Without a position, look for the usual mistakes in the text outside quotes.
    const unquoted = text.replace(/"(?:[^"\\\n]|\\.)*"/g, (quoted) => ' '.repeat(quoted.length));
    const trailing = /,\s*([\]}])/.exec(unquoted);
    if (trailing) return `line ${lineAt(text, trailing.index).line}: there is a comma after the last item, before the closing ${trailing[1]} — delete that comma`;
    const bare = /[:[,]\s*(?!true\b|false\b|null\b)([A-Za-z]\w*)/.exec(unquoted);
    if (bare) {
      const { line } = lineAt(text, bare.index + bare[0].length - bare[1]!.length);
      return `line ${line}: ${bare[1]} is not a value — put text in double quotes, and write yes or no as true or false`;
    }
    const token = /Unexpected token '(.)'/.exec(message)?.[1];
    const at = token ? unquoted.indexOf(token) : -1;
    if (token && at >= 0) return `line ${lineAt(text, at).line}: "${token}" cannot be read here — check the commas, quotes and brackets on this line and the one before`;
    return 'the file cannot be read as JSON — check the commas, quotes and brackets';
  }
  const { line, column } = lineAt(text, position);
  const previous = text.slice(0, position).trimEnd();
  const before = lineAt(text, previous.length - 1).line;
  const next = text.slice(position).trimStart()[0];
  if (previous.endsWith(',') && (next === '}' || next === ']')) {
    return `line ${before}: there is a comma after the last item, before the closing ${next} — delete that comma`;
  }
  if (/Expected ',' or '[}\]]' after/.test(message)) return `line ${line}: a comma is missing before this (probably at the end of line ${before})`;
  if (/Bad control character in string literal/.test(message)) return `line ${line}: a closing quote (") is missing — text in quotes must end on the same line`;
  if (next === "'" || text[position] === "'") return `line ${line}: use double quotes (") around names and text, not single quotes`;
  // The parser's other messages, in words (it names the place it gave up, the line to look at).
  if (/Expected double-quoted property name|Expected property name or '\}'/.test(message)) {
    return `line ${line}: a field name must be in double quotes, such as "name": — or, if nothing should follow, delete the comma before it`;
  }
  if (/Expected ':' after property name/.test(message)) return `line ${line}: a colon (:) is missing after the field name`;
  if (/Unexpected non-whitespace character after JSON/.test(message)) {
    return `line ${line}: there is more after the last closing bracket — the file holds one { … }, so delete what follows it, or check the brackets before it`;
  }
  if (/Bad (?:escaped character|Unicode escape)/.test(message)) return `line ${line}: a backslash (\\) in text must be written twice (\\\\), or use a forward slash (/)`;
  if (/number|minus sign|Exponent part/i.test(message)) return `line ${line}: a number is not written correctly — write numbers such as 12 or 3.5 (no leading zeros, no units), or put text in double quotes`;
  return `line ${line}, column ${column}: this cannot be read as JSON — check the commas, quotes and brackets on this line and the one before`;
}

/** What a YAML frontmatter error means, with the line counted in the whole file. */
export function yamlError(error: unknown, frontmatter: string): string {
  const { reason, mark } = (error ?? {}) as { reason?: string; mark?: { line: number } };
  // Limits that keep a hostile file from hanging the check: said in words, not the library's.
  if (reason && /maxAliases/.test(reason)) {
    return `the fields use YAML aliases (*name) more than ${MAX_YAML_ALIASES} times: an alias repeats another value, and aliases of aliases can make a few lines enormous — write each value out in full`;
  }
  if (reason && /depth/i.test(reason)) return `line ${(mark?.line ?? 0) + 2}: lists or fields are nested far too deeply — check the indentation and brackets`;
  if (error instanceof RangeError) return 'lists or fields are nested far too deeply — check the indentation and brackets';
  if (!reason || !mark) return error instanceof Error ? error.message.split('\n')[0]! : String(error);
  // The frontmatter starts on the file's second line, after the first "---".
  const line = mark.line + 2;
  const text = frontmatter.split(/\r?\n/)[mark.line] ?? '';
  if (/^\s*[\w-]+:\s[^"'].*:\s/.test(text) || /^\s*[\w-]+:\s[^"'].*:$/.test(text)) {
    return `line ${line}: the value after the field name contains ": " — put the whole value in double quotes, such as title: "SEN support: in school"`;
  }
  const quoteOpened = /^\s*[\w-]+:\s*"[^"]*$/.test(frontmatter.split(/\r?\n/)[mark.line - 1] ?? '');
  if (quoteOpened) return `line ${line - 1}: a closing quote (") is missing at the end of the value`;
  return `line ${line}: ${reason}`;
}

/** WebVTT: a "WEBVTT" header line, then at least one cue with a valid timing line. */
export function webVttProblem(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'the first line is not "WEBVTT"';
  const timing = /^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3} --> (?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}(?:\s.*)?$/;
  const cues = lines.filter((line) => line.includes('-->'));
  if (cues.length === 0) return 'it has no captions (no lines with "-->")';
  const bad = cues.find((line) => !timing.test(line.trim()));
  if (bad) return `the timing line "${bad.trim()}" is not in the form 00:00:01.000 --> 00:00:04.000`;
  return undefined;
}

/** Files that are published as they are, never content entries. */
const MEDIA_EXTENSION = /^\.(?:mp4|webm|vtt|jpe?g|png|webp|gif|svg|pdf)$/i;

/** A file in content/public/ must not have the path of one of the site's own files, which it would replace. */
function publishedFileProblems(contentPublic: string, publicDir: string, rel: (path: string) => string): Problem[] {
  const own = new Set(filesUnder(publicDir));
  return filesUnder(contentPublic)
    .filter((path) => own.has(path))
    .map((path) => ({
      file: rel(join(contentPublic, path)),
      field: '(file name)',
      problem: `the site itself publishes /${path}, and two files cannot have one address`,
      fix: `rename the file or put it in a folder of its own, such as content/${PUBLIC_FOLDER}/files/`,
    }));
}

/**
 * Checks the content. Never throws: whatever stops the check unexpectedly is reported as a
 * problem with the file being read, so the check fails (and the build with it) with one line.
 */
export function checkContent(options: CheckOptions): CheckResult {
  try {
    const result = checkEverything(options);
    nowReading(undefined); // the check is done: whatever the command does next is not reading content
    return result;
  } catch (error) {
    if (debugWanted()) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return { problems: [unexpectedProblem(fileBeingRead() ?? 'content/', error)], warnings: [], entries: new Map(), files: 0 };
  }
}

/** A problem for an error nobody foresaw: the file, the reason quoted, and where to report it. */
function unexpectedProblem(file: string, error: unknown): Problem {
  return {
    file,
    field: '(file)',
    problem: `the check stopped on this file unexpectedly ("${shortReason(error)}")`,
    fix: `please report this to ${REPORT_TO}; meanwhile, look for anything unusual in the file`,
  };
}

function checkEverything(options: CheckOptions): CheckResult {
  const { contentDir, publicDir, rootDir } = options;
  const problems: Problem[] = [];
  const entries = new Map<CollectionName, LoadedEntry[]>();
  const rel = (path: string) => relative(rootDir, path).split('\\').join('/');
  let files = 0;

  // site.json first: other checks need its localities and themes.
  const sitePath = join(contentDir, SITE_FILE);
  /** A byte-order mark (which some Windows editors add) stops Astro reading a file, though JSON.parse here would not mind. */
  const noByteOrderMark = (path: string, source: string) => {
    if (source.startsWith('\uFEFF')) {
      problems.push({ file: rel(path), field: '(file)', problem: 'the file starts with an invisible byte-order mark, which some Windows editors add and the build cannot read', fix: 'save the file as "UTF-8", not "UTF-8 with BOM" (in Notepad: File, Save as, Encoding)' });
    }
  };
  /** The same field written twice in one place: JSON.parse keeps the last and loses the first. */
  const noDuplicateKeys = (file: string, source: string) => {
    for (const duplicate of findDuplicateKeys(source)) {
      problems.push({
        file,
        field: fieldName([...duplicate.path, duplicate.key]),
        problem: `"${duplicate.key}" appears twice in the same place, so one of them would be silently lost`,
        fix: duplicate.path.at(-1) === 'nodes' ? 'give each node its own id' : 'keep one of them and delete the other',
      });
    }
  };
  /** A content file's text, checked for size, encoding and a byte-order mark; undefined (and reported) if it cannot be read. */
  const readChecked = (path: string): string | undefined => {
    nowReading(rel(path));
    const read = readContentFile(path);
    if ('problem' in read) {
      problems.push({ file: rel(path), ...read.problem });
      return undefined;
    }
    noByteOrderMark(path, read.text);
    return read.text;
  };
  /** A JSON file of its own (site.json, the glossary, the coverage list), read and parsed with the same checks; undefined (and reported) if it cannot be. */
  const readJsonFile = (path: string) => {
    const source = readChecked(path);
    if (source === undefined) return undefined;
    const parsed = parseJson(source);
    if ('error' in parsed) {
      problems.push({ file: rel(path), field: '(file)', problem: parsed.error, fix: 'fix the JSON syntax (check commas, quotes and brackets)' });
      return undefined;
    }
    noDuplicateKeys(rel(path), source);
    return parsed;
  };
  let site: SiteSettings | undefined;
  if (!existsSync(sitePath)) {
    problems.push({ file: rel(sitePath), field: '(file)', problem: 'the file is missing', fix: 'create content/site.json (see docs/editing.md)' });
  } else {
    files++;
    const parsed = readJsonFile(sitePath);
    if (parsed) {
      const schema = siteSchema();
      const result = schema.safeParse(parsed.data);
      if (result.success) {
        site = result.data;
        problems.push(...themeContrastProblems(rel(sitePath), result.data.theme));
        const address = siteUrlProblem(rel(sitePath), result.data.siteUrl);
        if (address) problems.push(address);
      } else for (const issue of result.error.issues) problems.push(problemFromIssue(rel(sitePath), issue, parsed.data, schema));
    }
  }

  // Files that could not be read: other files may still name them, and saying those references
  // point nowhere would only add false errors to the real one.
  const unreadable = new Map<CollectionName, Set<string>>();
  for (const collection of folderCollections) {
    const dir = join(contentDir, collection.folder);
    const list: LoadedEntry[] = [];
    entries.set(collection.name, list);
    const unread = new Set<string>();
    unreadable.set(collection.name, unread);
    if (!existsSync(dir)) continue;
    const notFolder = notAFolder(dir, rel(dir), collection.noun, collection.extension);
    if (notFolder) {
      problems.push(notFolder);
      unread.add(ANY_ID);
      continue;
    }
    const idsSeen = new Map<string, string>();
    // Built once per collection: building a schema costs more than checking a file with it.
    const schema = collection.schema({ ref: idRef });
    // Each file is checked on its own: if one stops the check unexpectedly, the others are still checked.
    for (const name of readdirSync(dir).sort()) try {
      const path = join(dir, name);
      if (name.startsWith('.')) continue;
      const notFile = notAFile(path, name, rel(path), rel(dir), collection.extension);
      if (notFile === 'link') continue; // reported with every other shortcut in content/
      if (notFile) {
        problems.push(notFile);
        if (name.toLowerCase().endsWith(collection.extension)) unread.add(name.slice(0, -collection.extension.length));
        continue;
      }
      if (statSync(path).isDirectory()) continue; // an empty folder
      files++;
      const file = rel(path);
      const extension = extname(name);
      const id = name.slice(0, -extension.length);
      if (extension !== collection.extension) {
        problems.push({
          file,
          field: '(file name)',
          problem: `${collection.folder}/ only holds ${collection.extension} files`,
          // "new-service.json.txt" becomes "new-service.json", not "new-service.json.json".
          fix: MEDIA_EXTENSION.test(extension)
            ? `move it to content/${PUBLIC_FOLDER}/${collection.folder}/, where video files, captions and images are published as they are`
            : `rename it to ${id.replace(/\.(?:json|mdx|md|txt)$/i, '')}${collection.extension}, or move it out of content/${collection.folder}/`,
        });
        continue;
      }
      if (!ID_PATTERN.test(id)) {
        problems.push({
          file,
          field: '(file name)',
          problem: `"${id}" is not a valid id: the file name becomes the page address`,
          fix: `rename it using lower-case letters, numbers and hyphens only, such as ${slugify(id) || 'my-entry'}${extension}`,
        });
      }
      const sameId = idsSeen.get(id.toLowerCase());
      if (sameId) {
        problems.push({
          file,
          field: '(file name)',
          problem: `the id "${id}" is already used by ${sameId} (ids ignore capital letters, and both would have the same address)`,
          fix: 'merge the two files, or rename one of them',
        });
      }
      idsSeen.set(id.toLowerCase(), file);
      if (collection.reservedIds?.includes(id)) {
        problems.push({ file, field: '(file name)', problem: `${collection.address}${id}/ is already used by the site`, fix: `choose another file name for this ${collection.noun}` });
      } else if (collection.address === '/' && [publicDir, join(contentDir, PUBLIC_FOLDER)].some((folder) => existsSync(join(folder, id)))) {
        // A page at /<id>/ would share its address with a folder of files published as they are.
        problems.push({ file, field: '(file name)', problem: `/${id}/ is already used by files the site publishes (the folder ${id}/ in public/ or content/${PUBLIC_FOLDER}/)`, fix: `choose another file name for this ${collection.noun}` });
      }
      let data: unknown;
      let body: string | undefined;
      let bodyStart: number | undefined;
      const source = readChecked(path);
      if (source === undefined) {
        unread.add(id);
        continue;
      }
      if (extension === '.json') {
        const parsed = parseJson(source);
        if ('error' in parsed) {
          problems.push({ file, field: '(file)', problem: parsed.error, fix: 'fix the JSON syntax (check commas, quotes and brackets)' });
          unread.add(id);
          continue;
        }
        data = parsed.data;
        noDuplicateKeys(file, source);
      } else {
        const split = splitFrontmatter(source);
        if (!split) {
          problems.push({ file, field: '(frontmatter)', problem: 'the file does not start with frontmatter between two --- lines', fix: 'put the fields between a line "---" at the very top and another "---" line' });
          unread.add(id);
          continue;
        }
        try {
          data = loadYaml(split.frontmatter, { maxAliases: MAX_YAML_ALIASES });
        } catch (error) {
          problems.push({ file, field: '(frontmatter)', problem: `the fields between the --- lines are not valid YAML: ${yamlError(error, split.frontmatter)}`, fix: 'check indentation, colons and quotes' });
          unread.add(id);
          continue;
        }
        body = split.body;
        // In YAML " #" starts a comment: an unquoted value loses the rest of its line without a word.
        split.frontmatter.split(/\r?\n/).forEach((text, index) => {
          const field = /^([\w-]+):\s+([^"'\s[{|>].*?)\s#/.exec(text);
          if (field) problems.push({ file, field: field[1]!, problem: `line ${index + 2}: " #" starts a comment in YAML, so everything after it is lost`, fix: `put the whole value in double quotes, such as ${field[1]}: "${text.slice(text.indexOf(':') + 1).trim().replace(/"/g, '\\"')}"` });
        });
        bodyStart = source.replace(/^\uFEFF/, '').split(/\r?\n/).length - body.split(/\r?\n/).length;
        for (const hazard of mdxHazards(body, { provided: PROVIDED_COMPONENTS[collection.folder] })) {
          problems.push({ file, field: `(body, line ${bodyStart + hazard.line})`, problem: `found ${hazard.found}`, fix: hazard.fix });
        }
        if (collection.bodyRequired && !body.trim()) {
          problems.push({ file, field: '(body)', problem: 'there is nothing after the frontmatter', fix: `write ${collection.bodyRequired} below the second --- line` });
        }
      }
      if (data === null || typeof data !== 'object' || Array.isArray(data)) {
        problems.push({ file, field: '(file)', problem: `found ${Array.isArray(data) ? 'a list' : 'no fields'}`, fix: `write one ${collection.noun} as an object of fields` });
        unread.add(id);
        continue;
      }
      const result = schema.safeParse(data);
      if (!result.success) for (const issue of result.error.issues) problems.push(problemFromIssue(file, issue, data, schema));
      // Cross-checks read what the editor wrote, so they can name the value as written.
      list.push({ collection: collection.name, id, file, data: data as Record<string, unknown>, body, bodyStart });
    } catch (error) {
      if (debugWanted()) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      problems.push(unexpectedProblem(rel(join(dir, name)), error));
    }
  }

  // Glossary: one file, an array of terms.
  const glossaryPath = join(contentDir, GLOSSARY_FILE);
  const glossary: LoadedEntry[] = [];
  entries.set('glossary', glossary);
  if (existsSync(glossaryPath)) {
    files++;
    const file = rel(glossaryPath);
    const parsed = readJsonFile(glossaryPath);
    if (!parsed) {
      // reported by readJsonFile
    } else if (!Array.isArray(parsed.data)) problems.push({ file, field: '(file)', problem: 'is not a list', fix: 'make the file a list of terms: [ { "term": …, … }, … ]' });
    else {
      const schema = glossaryTermSchema();
      const seen = new Map<string, number>();
      const abbreviationOf = new Map<string, { term: string; index: number }>();
      parsed.data.forEach((item: unknown, index: number) => {
        const result = schema.safeParse(item);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const problem = problemFromIssue(file, { ...issue, path: [index, ...issue.path] }, parsed.data, undefined);
            problems.push(problem);
          }
          return;
        }
        const id = slugify(result.data.term);
        if (!id) {
          // The glossary gives each term an address (/glossary/#term) from its letters and numbers: with none, the build would drop it.
          problems.push({ file, field: `[${index}].term`, problem: `"${result.data.term}" has no letters or numbers, so the term cannot be published`, fix: 'write the term in words' });
          return;
        }
        if (seen.has(id)) {
          problems.push({ file, field: `[${index}].term`, problem: `"${result.data.term}" is already defined at [${seen.get(id)}]`, fix: 'merge the two definitions into one' });
        }
        seen.set(id, index);
        // One abbreviation, one term: a search for it, and the glossary's links, could only pick one.
        (result.data.abbreviations ?? []).forEach((abbreviation: string, a: number) => {
          const other = abbreviationOf.get(abbreviation);
          if (other) problems.push({ file, field: `[${index}].abbreviations[${a}]`, problem: `"${abbreviation}" is already an abbreviation of "${other.term}" at [${other.index}]`, fix: 'keep it on one term, and mention the other term in that definition' });
          else abbreviationOf.set(abbreviation, { term: result.data.term, index });
        });
        glossary.push({ collection: 'glossary', id, file, data: item as Record<string, unknown> });
      });
    }
  }

  // Videos, captions and posters are content: they live in content/public/, published as they are.
  const contentPublic = join(contentDir, PUBLIC_FOLDER);
  problems.push(...crossCheck(entries, site, contentPublic, unreadable));
  problems.push(...publishedFileProblems(contentPublic, publicDir, rel));
  problems.push(...publicFileKindProblems(contentPublic, rel));
  const warnings: Problem[] = [];
  // Nothing in content/ is left out without a word: shortcuts are errors, and what the site does not read is named.
  warnings.push(...unreadTopLevel(contentDir, [...folderCollections.map((c) => c.folder), PUBLIC_FOLDER, SITE_FILE, GLOSSARY_FILE, COVERAGE_FILE], rel));
  problems.push(...symbolicLinks(contentDir, rel));
  problems.push(...checkTextFields(entries, unreadable, warnings));
  // Plain English, measured: long sentences and hard paragraphs are worth a look, not a stop.
  warnings.push(...readabilityWarnings([...entries.values()].flat()));
  warnings.push(...overTaggedServices(entries.get('services') ?? []));
  // Tomorrow in UTC: an editor in the UK may already be in tomorrow's date.
  problems.push(...checkReviewDates(entries, addDays(today(), 1)));

  // What the law says the Local Offer must cover, and the pages that cover it.
  const coveragePath = join(contentDir, COVERAGE_FILE);
  const coverageFile = rel(coveragePath);
  if (!existsSync(coveragePath)) {
    problems.push({ file: coverageFile, field: '(file)', problem: 'the file is missing', fix: 'create it from the demo content: it maps each statutory requirement to the pages that meet it' });
  } else {
    files++;
    const parsed = readJsonFile(coveragePath);
    if (parsed) {
      const schema = coverageSchema();
      const result = schema.safeParse(parsed.data);
      if (!result.success) for (const issue of result.error.issues) problems.push(problemFromIssue(coverageFile, issue, parsed.data, schema));
      else {
        problems.push(...checkCoverage(coverageFile, result.data.items as CoverageItem[], idLookup(entries, unreadable)));
      }
    }
  }
  return { problems, warnings, entries, files, site };
}

/** The data in JSON text, or the problem with it in words (which starts "is not valid JSON" where it is not). */
function parseJson(source: string): { data: unknown } | { error: string } {
  // Before anything walks the data: deep nesting would overflow the call stack of every walk after.
  const deep = jsonTooDeep(source);
  if (deep !== undefined) {
    return { error: `line ${deep}: brackets { and [ are nested more than ${MAX_JSON_DEPTH} levels deep, far deeper than any content needs — check for brackets opened and never closed` };
  }
  try {
    return { data: JSON.parse(source.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return { error: `is not valid JSON: ${jsonError(error, source)}` };
  }
}

type Entries = Map<CollectionName, LoadedEntry[]>;

/** Every string in an entry's fields, with its field path such as "contacts[0].name". */
function* stringFields(value: unknown, field = ''): Generator<[field: string, text: string]> {
  if (typeof value === 'string') yield [field, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringFields(item, `${field}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringFields(item, field ? `${field}.${key}` : key);
}

/** A "last reviewed" date in the future would keep the review reminder quiet for years. */
function checkReviewDates(entries: Entries, latest: string): Problem[] {
  const problems: Problem[] = [];
  for (const list of entries.values()) {
    for (const entry of list) {
      const date = isoDateOf(entry.data.lastReviewed);
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > latest) {
        problems.push({ file: entry.file, field: 'lastReviewed', problem: `"${date}" is in the future`, fix: 'use the date someone last checked the details (today at the latest)' });
      }
    }
  }
  return problems;
}

/**
 * The longest text a field may hold. Names and titles head pages, cards and lists (a
 * 100,000-character name made a 747 KB page); longer text still has to fit on a page.
 */
export const MAX_NAME_LENGTH = 200;
export const MAX_TEXT_LENGTH = 100_000;
const NAME_FIELDS = /(?:^|\.)(?:name|title|term|label|question)$/;

/** Fields shown as plain text (escaped), where an HTML entity would show as typed. */
const PLAIN_TEXT_FIELDS = /(?:^|\.)(?:name|title|summary|term|label|question|requirement)$/;
const ENTITY = /&(?:[a-z][a-z0-9]{1,31}|#\d{1,7}|#x[0-9a-f]{1,6});/i;

/** Links in Markdown, [text](/path/), and in HTML or MDX tags, href="/path/". */
const MARKDOWN_LINK = /\]\(\s*<?(\/[^)\s>]*)/g;
const HREF = /\bhref\s*=\s*["'](\/[^"']*)["']/g;
/** Links to other websites that are not secure: a whole field such as a website, or in Markdown or a tag. */
const INSECURE_LINK = /^(http:\/\/\S+)$|\]\(\s*<?(http:\/\/[^)\s>]+)|\bhref\s*=\s*["'](http:\/\/[^"']+)["']/gi;

/**
 * What is written in the text of every entry, in one pass over its fields and body:
 * - links to pages of this site that do not exist, in MDX bodies, Markdown fields and link
 *   fields. Files (a path with an extension, such as a video or a CSV) are left to the link
 *   check of the built site, as many are made by the build;
 * - HTML entities such as &amp; in plain-text fields, where the page would show "&amp;" as typed;
 * - links to websites by http:// (added to `warnings`, as they do not stop publishing).
 */
function checkTextFields(entries: Entries, unreadable: Unreadable, warnings: Problem[]): Problem[] {
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
  const checkLink = (entry: LoadedEntry, field: string, path: string) => {
    const page = path.split(/[?#]/)[0]!;
    if (/\.[a-z0-9]+$/i.test(page)) return;
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

/** The ids of files that exist but could not be read, by collection. */
type Unreadable = Map<CollectionName, Set<string>>;

/** Marks a collection whose folder could not be read at all: any id might be in it, so no reference to it is reported. */
const ANY_ID = '\u0000any';
class AnyId extends Set<string> {
  override has(): boolean {
    return true;
  }
}

/** The ids in each collection (files that could not be read too), worked out once per collection on first use. */
function idLookup(entries: Entries, unreadable: Unreadable): (collection: CollectionName) => Set<string> {
  const known = new Map<CollectionName, Set<string>>();
  return (collection) => {
    if (unreadable.get(collection)?.has(ANY_ID)) known.set(collection, new AnyId());
    else if (!known.has(collection)) known.set(collection, new Set([...(entries.get(collection) ?? []).map((e) => e.id), ...(unreadable.get(collection) ?? [])]));
    return known.get(collection)!;
  };
}

/** The rules that need more than one file: references, localities, themes, trees, captions. */
function crossCheck(entries: Entries, site: { localities: { name: string }[]; feedbackThemes: string[] } | undefined, contentPublic: string, unreadable: Unreadable): Problem[] {
  const problems: Problem[] = [];
  const idsOf = idLookup(entries, unreadable);

  const checkRef = (entry: LoadedEntry, field: string, value: unknown, collection: CollectionName) => {
    if (typeof value !== 'string') return;
    const available = idsOf(collection);
    if (available.has(value)) return;
    const guess = closest(value, available);
    problems.push({
      file: entry.file,
      field,
      problem: `"${value}" does not match any file in content/${collection}/`,
      fix: guess
        ? `did you mean "${guess}"? Otherwise add content/${collection}/${slugify(value) || value}.${collection === 'pathways' || collection === 'videos' || collection === 'pages' ? 'mdx' : 'json'}`
        : `use the file name (without extension) of an entry in content/${collection}/, or add that entry${slugify(value) && slugify(value) !== value ? ` (for example content/${collection}/${slugify(value)}.json, and write "${slugify(value)}" here)` : ''}`,
    });
  };
  const checkRefList = (entry: LoadedEntry, field: string, collection: CollectionName) => {
    const value = entry.data[field];
    if (Array.isArray(value)) value.forEach((item, i) => checkRef(entry, `${field}[${i}]`, item, collection));
  };

  // A copied file whose name was not changed: two identical cards in every list.
  const serviceNamed = new Map<string, LoadedEntry>();
  // Drafts are not listed, and imported records with their own ids at the source are known to be different services.
  const sourceIdOf = (entry: LoadedEntry) => {
    const source = entry.data.source as { feed?: unknown; id?: unknown } | undefined;
    return source && typeof source.feed === 'string' && typeof source.id === 'string' ? `${source.feed}\u0000${source.id}` : undefined;
  };
  for (const service of entries.get('services') ?? []) {
    if (typeof service.data.name !== 'string' || (Array.isArray(service.data.draft) && service.data.draft.length > 0)) continue;
    const key = `${service.data.name.trim().toLowerCase()}\u0000${String(service.data.organisation)}`;
    const first = serviceNamed.get(key);
    if (first && sourceIdOf(first) && sourceIdOf(service) && sourceIdOf(first) !== sourceIdOf(service)) continue;
    if (first) problems.push({ file: service.file, field: 'name', problem: `"${service.data.name}" is also the name of ${first.file}, from the same organisation`, fix: 'if one is a copy, change its name to say how the two services differ, or delete it' });
    else serviceNamed.set(key, service);
  }
  for (const service of entries.get('services') ?? []) {
    checkRef(service, 'organisation', service.data.organisation, 'organisations');
    checkRefList(service, 'videos', 'videos');
    checkRefList(service, 'relatedServices', 'services');
    const areas = service.data.areaServed;
    if (site && Array.isArray(areas)) {
      const names = site.localities.map((l) => l.name);
      areas.forEach((area, i) => {
        if (typeof area !== 'string' || area === 'whole-area' || names.includes(area)) return;
        const guess = closest(area, names);
        problems.push({
          file: service.file,
          field: `areaServed[${i}]`,
          problem: `"${area}" is not a locality in content/site.json`,
          fix: guess ? `did you mean "${guess}"?` : `use "whole-area" or one of: ${names.join(', ')}`,
        });
      });
    }
  }
  for (const collection of ['pathways', 'provision', 'videos'] as const) {
    for (const entry of entries.get(collection) ?? []) checkRefList(entry, 'relatedServices', 'services');
  }

  if (site) {
    for (const item of entries.get('feedback') ?? []) {
      const theme = item.data.theme;
      if (typeof theme === 'string' && !site.feedbackThemes.includes(theme)) {
        const guess = closest(theme, site.feedbackThemes);
        problems.push({
          file: item.file,
          field: 'theme',
          problem: `"${theme}" is not one of the themes in content/site.json`,
          fix: guess ? `did you mean "${guess}"?` : `use one of: ${site.feedbackThemes.join(', ')}, or add it to "feedbackThemes" in site.json`,
        });
      }
    }
  }

  for (const tree of entries.get('navigator') ?? []) {
    nowReading(tree.file);
    const data = tree.data as unknown as Tree & { nodes?: Record<string, { pathways?: unknown }> };
    if (typeof data.start !== 'string' || !data.nodes || typeof data.nodes !== 'object') continue;
    for (const problem of validateTree(data, closest)) problems.push({ file: tree.file, ...problem });
    for (const [nodeId, node] of Object.entries(data.nodes)) {
      if (Array.isArray(node?.pathways)) {
        node.pathways.forEach((p, i) => checkRef({ ...tree, data: {} }, `nodes.${nodeId}.pathways[${i}]`, p, 'pathways'));
      }
    }
  }

  const shown = (path: string) => `content/${PUBLIC_FOLDER}${path}`;
  const folderFix = (path: string) => `content/${PUBLIC_FOLDER}${posix.dirname(path).replace(/\/?$/, '/')}`;
  for (const video of entries.get('videos') ?? []) {
    const captions = video.data.captions;
    if (typeof captions === 'string') {
      const path = join(contentPublic, captions);
      if (!existsSync(path)) {
        problems.push({ file: video.file, field: 'captions', problem: `the captions file ${shown(captions)} does not exist`, fix: `add the WebVTT file to ${folderFix(captions)} or correct the path` });
      } else {
        const reason = webVttProblem(readFileSync(path, 'utf8'));
        if (reason) problems.push({ file: video.file, field: 'captions', problem: `${shown(captions)} is not valid WebVTT: ${reason}`, fix: 'export the captions as WebVTT (.vtt) and check the file in a text editor' });
      }
    }
    const source = video.data.source as { file?: unknown } | undefined;
    if (source && typeof source.file === 'string' && !existsSync(join(contentPublic, source.file))) {
      problems.push({ file: video.file, field: 'source.file', problem: `the video file ${shown(source.file)} does not exist`, fix: `add the video to ${folderFix(source.file)} or correct the path` });
    }
    if (typeof video.data.poster === 'string' && !existsSync(join(contentPublic, video.data.poster))) {
      problems.push({ file: video.file, field: 'poster', problem: `the poster image ${shown(video.data.poster)} does not exist`, fix: `add the image to ${folderFix(video.data.poster)} or correct the path` });
    }
    if (source && typeof source.file === 'string' && !/\.(?:mp4|webm)$/i.test(source.file)) {
      problems.push({ file: video.file, field: 'source.file', problem: `"${source.file}" is not an MP4 or WebM file`, fix: 'use a video file ending .mp4 (H.264 video, AAC audio), which every browser can play' });
    }
    const topics = video.data.topics;
    if (Array.isArray(topics)) {
      topics.forEach((topic, i) => {
        if (typeof topic !== 'string' || videoTopics.is(topic)) return;
        const guess = closest(topic, videoTopics.values);
        problems.push({
          file: video.file,
          field: `topics[${i}]`,
          problem: `"${topic}" is not a video topic`,
          fix: guess ? `did you mean "${guess}"?` : `use one of: ${videoTopics.values.join(', ')}`,
        });
      });
    }
  }
  return problems;
}
