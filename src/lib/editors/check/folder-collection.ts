/**
 * One folder of entries (content/services/, content/pathways/, …): each file's name, its
 * JSON or MDX frontmatter, its MDX body (src/lib/editors/mdx-safety.ts) and its schema. Each
 * file is checked on its own, so one that stops the check unexpectedly does not hide the others.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { idRef } from '../../../contract/index.ts';
import { PUBLIC_FOLDER, type FolderCollection } from '../../../contract/collections.ts';
import { ID_PATTERN, WINDOWS_DEVICE_NAME } from '../../../contract/common.ts';
import { problemFromIssue, type Problem } from '../problems.ts';
import { slugify } from '../../text/slug.ts';
import { mdxHazards, PROVIDED_COMPONENTS } from '../mdx-safety.ts';
import { debugWanted } from '../command-errors.ts';
import { MAX_YAML_ALIASES, notAFile, notAFolder } from '../content-layout.ts';
import { ANY_ID, type CheckContext, type LoadedEntry, type StepResult } from './context.ts';
import { noDuplicateKeys, parseJson, readChecked, splitFrontmatter, unexpectedProblem, yamlError } from './read.ts';

/** Files that are published as they are, never content entries. */
const MEDIA_EXTENSION = /^\.(?:mp4|webm|vtt|jpe?g|png|webp|gif|svg|pdf)$/i;

/**
 * The entries of one folder collection, as written (with problems too, for the cross-checks), and
 * the ids of files that could not be read: other files may still name them, and saying those
 * references point nowhere would only add false errors to the real one.
 */
/** Why a file's frontmatter cannot be found, in the words that fit what is there. */
export function frontmatterMissing(source: string): { problem: string; fix: string } {
  const text = source.replace(/^\uFEFF/, '');
  if (/\r(?!\n)/.test(text) && !text.includes('\n')) return { problem: 'the lines of the file end with a carriage return only (as very old Mac programs save), so its --- lines cannot be found', fix: 'save the file again with ordinary line endings (in most editors, "LF" or "CRLF" in the status bar)' };
  const first = text.split(/\r?\n/, 1)[0]!;
  if (/^---[ \t]+$/.test(first)) return { problem: 'the first line has spaces after ---', fix: 'delete the spaces after --- on the first line, and on the closing --- line' };
  return { problem: 'the file does not start with frontmatter between two --- lines', fix: 'put the fields between a line "---" at the very top and another "---" line' };
}

export function checkFolderCollection(context: CheckContext, collection: FolderCollection): StepResult & { entries: LoadedEntry[]; unread: Set<string> } {
  const { contentDir, publicDir, rel } = context;
  const problems: Problem[] = [];
  let files = 0;
  const dir = join(contentDir, collection.folder);
  const list: LoadedEntry[] = [];
  const unread = new Set<string>();
  if (!existsSync(dir)) return { problems, files, entries: list, unread };
  const notFolder = notAFolder(dir, rel(dir), collection.noun, collection.extension);
  if (notFolder) {
    problems.push(notFolder);
    unread.add(ANY_ID);
    return { problems, files, entries: list, unread };
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
    if (WINDOWS_DEVICE_NAME.test(id)) {
      problems.push({
        file,
        field: '(file name)',
        problem: `Windows cannot have a file named "${id}${extension}", so the site's files could not be copied to a Windows computer`,
        fix: `rename it, for example ${id}-service${extension}: a name such as "con", "nul" or "com1" is kept by Windows`,
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
    const source = readChecked(context, path, problems);
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
      noDuplicateKeys(file, source, problems);
    } else {
      const split = splitFrontmatter(source);
      if (!split) {
        problems.push({ file, field: '(frontmatter)', ...frontmatterMissing(source) });
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
      // Comments ({/* … */}) and invisible characters show nothing: a body of only those is empty.
      const shown = body.replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '').replace(/[\p{White_Space}\p{Cf}]/gu, '');
      if (collection.bodyRequired && !shown) {
        problems.push({ file, field: '(body)', problem: body.trim() ? 'there is nothing to read after the frontmatter: only comments or invisible characters' : 'there is nothing after the frontmatter', fix: `write ${collection.bodyRequired} below the second --- line` });
      }
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ file, field: '(file)', problem: `found ${Array.isArray(data) ? 'a list' : 'no fields'}`, fix: collection.extension === '.json' ? `write one ${collection.noun} as a group of fields in curly brackets: { "field": value, … }` : `write the ${collection.noun}'s fields between the two --- lines at the top, one "field: value" on each line` });
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
  return { problems, files, entries: list, unread };
}
