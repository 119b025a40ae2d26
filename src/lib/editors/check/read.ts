/**
 * Reading a content file for the check: its text (size, encoding, byte-order mark), JSON or YAML
 * frontmatter parsed, and a parser's error said in words, on the line the editor has to look at.
 * The helpers add what they find to the problems of the step that called them.
 */
import { existsSync } from 'node:fs';
import type { z } from 'astro/zod';
import { fieldName, problemFromIssue, type Problem } from '../problems.ts';
import { findDuplicateKeys } from '../json-duplicate-keys.ts';
import { nowReading, REPORT_TO, shortReason } from '../command-errors.ts';
import { jsonTooDeep, MAX_JSON_DEPTH, MAX_YAML_ALIASES, readContentFile } from '../content-layout.ts';
import type { CheckContext } from './context.ts';

/** Splits an MDX file into YAML frontmatter and body. */
export function splitFrontmatter(source: string): { frontmatter: string; body: string } | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source.replace(/^\uFEFF/, ''));
  return match ? { frontmatter: match[1]!, body: match[2]! } : undefined;
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
  if (/Bad control character in string literal/.test(message)) {
    // A tab pasted from a spreadsheet is a control character too, inside quotes that are closed.
    if (text[position] === '\t') return `line ${line}: the text in quotes has a tab in it (often pasted from a spreadsheet) — replace it with a space, or write \\t`;
    return `line ${line}: a closing quote (") is missing — text in quotes must end on the same line`;
  }
  // Spaces that look like spaces but are not (non-breaking, zero-width), pasted from a web page or Word.
  const odd = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/.exec(text.slice(Math.max(0, position - 1), position + 1));
  if (odd) return `line ${line}: there is an invisible character here that is not an ordinary space (U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, often pasted from a web page or a document) — delete the spaces around this point and type them again`;
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

/** The data in JSON text, or the problem with it in words (which starts "is not valid JSON" where it is not). */
export function parseJson(source: string): { data: unknown } | { error: string } {
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

/** A byte-order mark (which some Windows editors add) stops Astro reading a file, though JSON.parse here would not mind. */
function noByteOrderMark({ rel }: CheckContext, path: string, source: string, problems: Problem[]) {
  if (source.startsWith('\uFEFF')) {
    problems.push({ file: rel(path), field: '(file)', problem: 'the file starts with an invisible byte-order mark, which some Windows editors add and the build cannot read', fix: 'save the file as "UTF-8", not "UTF-8 with BOM" (in Notepad: File, Save as, Encoding)' });
  }
}

/** The same field written twice in one place: JSON.parse keeps the last and loses the first. */
export function noDuplicateKeys(file: string, source: string, problems: Problem[]) {
  for (const duplicate of findDuplicateKeys(source)) {
    problems.push({
      file,
      field: fieldName([...duplicate.path, duplicate.key]),
      problem: `"${duplicate.key}" appears twice in the same place, so one of them would be silently lost`,
      fix: duplicate.path.at(-1) === 'nodes' ? 'give each node its own id' : 'keep one of them and delete the other',
    });
  }
}

/** A content file's text, checked for size, encoding and a byte-order mark; undefined (and reported) if it cannot be read. */
export function readChecked(context: CheckContext, path: string, problems: Problem[]): string | undefined {
  const { rel } = context;
  nowReading(rel(path));
  const read = readContentFile(path);
  if ('problem' in read) {
    problems.push({ file: rel(path), ...read.problem });
    return undefined;
  }
  noByteOrderMark(context, path, read.text, problems);
  return read.text;
}

/** A JSON file of its own (site.json, the glossary, the coverage list), read and parsed with the same checks; undefined (and reported) if it cannot be. */
export function readJsonFile(context: CheckContext, path: string, problems: Problem[]) {
  const { rel } = context;
  const source = readChecked(context, path, problems);
  if (source === undefined) return undefined;
  const parsed = parseJson(source);
  if ('error' in parsed) {
    problems.push({ file: rel(path), field: '(file)', problem: parsed.error, fix: 'fix the JSON syntax (check commas, quotes and brackets)' });
    return undefined;
  }
  noDuplicateKeys(rel(path), source, problems);
  return parsed;
}

/**
 * A JSON file the site cannot do without (site.json, the coverage list), checked against its
 * schema: missing, unreadable or not what the schema says is reported, and its data returned
 * when it is valid. `files` is 1 when the file exists.
 */
export function checkRequiredJsonFile<Schema extends z.ZodType>(context: CheckContext, path: string, schema: Schema, missingFix: string, problems: Problem[]): { files: number; data?: z.infer<Schema> } {
  const file = context.rel(path);
  if (!existsSync(path)) {
    problems.push({ file, field: '(file)', problem: 'the file is missing', fix: missingFix });
    return { files: 0 };
  }
  const parsed = readJsonFile(context, path, problems);
  if (!parsed) return { files: 1 };
  const result = schema.safeParse(parsed.data);
  if (result.success) return { files: 1, data: result.data };
  for (const issue of result.error.issues) problems.push(problemFromIssue(file, issue, parsed.data, schema));
  return { files: 1 };
}

/** A problem for an error nobody foresaw: the file, the reason quoted, and where to report it. */
export function unexpectedProblem(file: string, error: unknown): Problem {
  return {
    file,
    field: '(file)',
    problem: `the check stopped on this file unexpectedly ("${shortReason(error)}")`,
    fix: `please report this to ${REPORT_TO}; meanwhile, look for anything unusual in the file`,
  };
}
