/**
 * The rules for files and folders in content/ (docs/editing.md, "Rules for files"), so that no
 * file vanishes from the site without a word, and none can make the check or the build hang:
 * - each collection folder holds its entries directly: a file in a sub-folder, or a folder named
 *   like a file, is reported, never skipped in silence;
 * - content/ holds no symbolic links (shortcuts): the site publishes real files only;
 * - a content file is at most MAX_FILE_BYTES, is UTF-8 text, and JSON is nested at most
 *   MAX_JSON_DEPTH levels deep;
 * - anything at the top of content/ that the site does not read is named in a warning.
 */
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from './problems.ts';

/** The largest content file the check reads: 1 MB, about 30 times the largest demo file. */
export const MAX_FILE_BYTES = 1_000_000;
/** How deep { and [ may be nested in a JSON file: the deepest demo file needs 6. */
export const MAX_JSON_DEPTH = 32;
/** How many YAML aliases (*name) frontmatter may use: each copies another value, and nested ones multiply. */
export const MAX_YAML_ALIASES = 10;

type Finding = Pick<Problem, 'field' | 'problem' | 'fix'>;

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1000).toLocaleString('en-GB')} KB`;

/**
 * The text of a content file, or what stops it being read: too large, or not UTF-8 (which would
 * otherwise be published as "��"). The line of the first bad byte is named.
 */
export function readContentFile(path: string): { text: string } | { problem: Finding } {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    return { problem: { field: '(file name)', problem: 'is a folder, but the site needs a file of this name here', fix: 'move what is in the folder elsewhere, delete the folder and put the file itself here' } };
  }
  const size = stats.size;
  if (size > MAX_FILE_BYTES) {
    return {
      problem: {
        field: '(file)',
        problem: `the file is ${kilobytes(size)}, larger than the ${kilobytes(MAX_FILE_BYTES)} a content file can be`,
        fix: 'split it into smaller files, or remove what does not belong in it (a pasted image or document, for example)',
      },
    };
  }
  const bytes = readFileSync(path);
  const line = firstBadUtf8Line(bytes);
  if (line !== undefined) {
    return {
      problem: {
        field: `(file, line ${line})`,
        problem: 'line ' + line + ' has characters that are not UTF-8 text, which the site would show as "��"',
        fix: 'save the file as "UTF-8" in your editor (in Notepad: File, Save as, Encoding), then check the accented letters and symbols on that line',
      },
    };
  }
  return { text: bytes.toString('utf8') };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The line (from 1) holding the first byte that is not valid UTF-8, or undefined if all is valid. */
export function firstBadUtf8Line(bytes: Uint8Array): number | undefined {
  try {
    strictUtf8.decode(bytes);
    return undefined;
  } catch {
    // A newline byte never occurs inside a multi-byte character, so lines can be tried one by one.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          strictUtf8.decode(bytes.subarray(start, i));
        } catch {
          return line;
        }
        line++;
        start = i + 1;
      }
    }
    return 1;
  }
}

/**
 * Where JSON text is nested more than `limit` levels deep, as a line number, or undefined. Read
 * without recursion, before anything else walks the data (which would overflow the call stack).
 */
export function jsonTooDeep(source: string, limit = MAX_JSON_DEPTH): number | undefined {
  let depth = 0;
  let line = 1;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (++depth > limit) return line;
    } else if (char === '}' || char === ']') depth--;
  }
  return undefined;
}

/** A collection folder that is something else (a file), named as the editor sees it. */
export function notAFolder(dir: string, shown: string, noun: string, extension: string): Problem | undefined {
  if (lstatSync(dir).isDirectory()) return undefined;
  return {
    file: shown,
    field: '(file name)',
    problem: `is a file, but the site needs a folder here, holding one ${extension} file per ${noun}`,
    fix: `rename or move this file, then create the folder ${shown}/ (if the file is one ${noun}, put it inside that folder with a name ending ${extension})`,
  };
}

/**
 * What is wrong with an entry of a collection folder that is not a plain file: a folder (whose
 * files the site would never read) or a symbolic link (reported once, by symbolicLinks).
 */
export function notAFile(path: string, name: string, shown: string, folderShown: string, extension: string): Problem | 'link' | undefined {
  const stats = lstatSync(path);
  if (stats.isSymbolicLink()) return 'link';
  if (!stats.isDirectory()) return undefined;
  if (name.toLowerCase().endsWith(extension)) {
    return {
      file: `${shown}/`,
      field: '(file name)',
      problem: `is a folder, though its name ends ${extension} like a file's, so the site does not read it`,
      fix: `if it holds a ${extension} file, move that file into ${folderShown}/ and delete the folder`,
    };
  }
  const inside = filesBelow(path);
  if (inside.length === 0) return undefined; // an empty folder hides nothing
  const listed = inside.slice(0, 3).join(', ') + (inside.length > 3 ? ` and ${inside.length - 3} more` : '');
  return {
    file: `${shown}/`,
    field: '(folder)',
    problem: `the site reads only the files directly in ${folderShown}/, so the ${inside.length === 1 ? 'file' : `${inside.length} files`} in this folder (${listed}) would not be published`,
    fix: `move ${inside.length === 1 ? 'it' : 'them'} up into ${folderShown}/, then delete the folder`,
  };
}

function filesBelow(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Everything in content/, at any depth (none if it cannot be read): the check walks it once for the rules below. */
export function everythingIn(contentDir: string): Dirent[] {
  try {
    return readdirSync(contentDir, { recursive: true, withFileTypes: true }) as Dirent[];
  } catch {
    return [];
  }
}

/**
 * Every symbolic link (shortcut) in content/. The build does not follow them (and must not: a link
 * could publish any file on the computer), so each would vanish from the site without a word.
 */
export function symbolicLinks(contentDir: string, rel: (path: string) => string, entries = everythingIn(contentDir)): Problem[] {
  return entries
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      let target = 'somewhere else';
      try {
        target = statSync(path).isDirectory() ? 'a folder elsewhere' : 'a file elsewhere';
      } catch {
        target = 'a file that does not exist';
      }
      return {
        file: rel(path),
        field: '(file)',
        problem: `is a shortcut (symbolic link) to ${target}, and the site publishes only real files, so it would not be published`,
        fix: 'delete the shortcut and put a copy of the file itself here',
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Extensions of code: nothing content needs, and what a page could try to make the build run. */
export const CODE_FILE = /\.(?:[cm]?[jt]sx?|astro|svelte|vue|wasm|node)$/i;

/**
 * Every code file in content/ outside content/public/ (which refuses them itself), hidden ones
 * too, except in a .git folder. Content cannot add code: a file here is at best forgotten, and
 * at worst waiting for a page to import it (the MDX rule refuses every way we know).
 */
export function codeFiles(contentDir: string, rel: (path: string) => string, publicFolder: string, entries = everythingIn(contentDir)): Problem[] {
  const publicDir = join(contentDir, publicFolder);
  const inside = (path: string, folder: string) => path === folder || path.startsWith(`${folder}${sep}`);
  return entries
    .filter((entry) => !entry.isDirectory() && CODE_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !inside(path, publicDir) && !relative(contentDir, path).split(sep).includes('.git'))
    .sort()
    .map((path) => ({
      file: rel(path),
      field: '(file type)',
      problem: 'is a code file, and content cannot add code to the site',
      fix: 'delete it (ask a developer if the site needs new code)',
    }));
}

/** Files at the top of content/ that the tools read, though the site does not publish them. */
export const TOOL_FILES = [
  // npm run import's mapping of other directories' codes to ours (docs/import.md).
  'import-mapping.json',
];

/** Names at the top of content/ that the site does not read: reported as warnings, so nothing there vanishes unseen. */
export function unreadTopLevel(contentDir: string, known: readonly string[], rel: (path: string) => string): Problem[] {
  let names: string[];
  try {
    names = readdirSync(contentDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith('.') && !known.includes(name) && !TOOL_FILES.includes(name))
    .sort()
    .map((name) => {
      const folder = (() => {
        try {
          return lstatSync(join(contentDir, name)).isDirectory();
        } catch {
          return false;
        }
      })();
      return {
        file: `${rel(join(contentDir, name))}${folder ? '/' : ''}`,
        field: folder ? '(folder)' : '(file)',
        problem: `the site does not read this ${folder ? 'folder' : 'file'}, so nothing in it is published`,
        fix: `if it is meant for the site, move it into the right place: one of ${known.map((k) => (k.includes('.') ? k : `${k}/`)).join(', ')}; if it is a note for editors, leave it`,
      };
    });
}
