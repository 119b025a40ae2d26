/**
 * Whether a PDF in content/public/ could do something when it is opened: run JavaScript (which
 * PDF readers, browsers' own viewers among them, run when a document opens or a field is
 * touched), hold an XFA form (whose scripts Adobe's reader runs) or start another file or program
 * (a Launch action). A council's leaflet needs none of them, and the site publishes nothing an
 * editor wrote that could run as code, so such a PDF is refused by the content check and not
 * served by the development server.
 *
 * A PDF is a list of objects written as text, except that a PDF 1.5 or later file may pack
 * objects into compressed "object streams". So the file is read as a PDF reader reads it (PDF
 * 32000-1, 7.2 and 7.3): strings and comments are skipped, not searched, and every name is read
 * with its #hh character codes (so `/J#61vaScript` is `/JavaScript`). The data of a stream is
 * skipped, except that every object stream (a stream with `/N` and `/First`, whatever its
 * `/Type` says) is inflated and read the same way. Other streams (page drawings, images, fonts)
 * are not read: an action is a dictionary, never inside them, and an image's bytes could spell a
 * name by chance.
 *
 * What cannot be checked is refused as such: an object stream that is not plain Flate (another
 * filter, a chain, a predictor), that does not inflate or inflates to more than 64 MiB (damaged,
 * or a "zip bomb"), any object stream of an encrypted file (its bytes are encrypted, even when
 * they happen to inflate), and a stream that never ends.
 */
import { constants, inflateSync } from 'node:zlib';

/** Names of a PDF that make it run script or start a program, and what each means. */
const ACTIVE_NAMES: Record<string, string> = {
  JavaScript: 'JavaScript',
  JS: 'JavaScript',
  XFA: 'an XFA form (which can hold JavaScript)',
  Launch: 'a "Launch" action (which opens another file or program)',
};

/** The most an object stream may inflate to before the file is refused as unchecked. */
const MAX_OBJECT_STREAM_BYTES = 64 * 1024 * 1024;

/** Arrays and dictionaries nested deeper than this are not a document's: the file is refused as unchecked. */
const MAX_NESTING = 256;
class TooDeep extends Error {}

/** PDF white-space characters (Table 1) and delimiters (Table 2), by character code. */
const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITER = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** A dictionary as read: its keys' values, each the tokens of a name, number, word or array. */
type Value = { name: string } | { word: string } | { array: Value[] } | { dict: Dictionary } | { string: true };
type Dictionary = Map<string, Value>;

interface Reading {
  /** Every name seen outside strings, comments and streams' data. */
  names: Set<string>;
  /** The data of each stream, with its dictionary. */
  streams: { dictionary: Dictionary; data: Buffer }[];
  /** A stream began whose end could not be found. */
  unended: boolean;
}

/** Reads the objects of `bytes` (a whole PDF, or an object stream's inflated contents). */
function read(bytes: Buffer): Reading {
  const text = bytes.toString('latin1');
  const length = text.length;
  const names = new Set<string>();
  const streams: Reading['streams'] = [];
  let unended = false;
  let at = 0;
  /** The last dictionary read at the top level, and whether nothing came after it yet. */
  let lastDictionary: Dictionary | undefined;

  const skipWhite = () => {
    for (;;) {
      while (at < length && WHITE.has(text.charCodeAt(at))) at++;
      if (text[at] !== '%') return;
      while (at < length && text[at] !== '\n' && text[at] !== '\r') at++;
    }
  };
  const skipLiteralString = () => {
    // At "(": strings nest by balanced parentheses; a backslash escapes the next character.
    let depth = 0;
    for (; at < length; at++) {
      const c = text[at];
      if (c === '\\') at++;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        at++;
        return;
      }
    }
  };
  const regular = () => {
    const start = at;
    while (at < length && !WHITE.has(text.charCodeAt(at)) && !DELIMITER.has(text.charCodeAt(at))) at++;
    return text.slice(start, at);
  };

  /** How deep the arrays and dictionaries being read are nested. */
  let depth = 0;
  /** The next value at `at`, or undefined at a closing delimiter or the end. */
  const value = (): Value | undefined => {
    if (depth > MAX_NESTING) throw new TooDeep();
    skipWhite();
    if (at >= length) return undefined;
    const c = text[at];
    if (c === '/') {
      at++;
      const name = regular().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      names.add(name);
      return { name };
    }
    if (c === '(') {
      skipLiteralString();
      return { string: true };
    }
    if (c === '<' && text[at + 1] === '<') {
      at += 2;
      depth++;
      const dict: Dictionary = new Map();
      for (;;) {
        skipWhite();
        if (at >= length) break;
        if (text[at] === '>' && text[at + 1] === '>') {
          at += 2;
          break;
        }
        const key = value();
        if (key === undefined) {
          at++; // A stray closing delimiter: step over it.
          continue;
        }
        if (!('name' in key)) continue;
        const item = value();
        if (item !== undefined) dict.set(key.name, item);
      }
      depth--;
      return { dict };
    }
    if (c === '<') {
      const end = text.indexOf('>', at);
      at = end < 0 ? length : end + 1;
      return { string: true };
    }
    if (c === '[') {
      at++;
      depth++;
      const array: Value[] = [];
      for (;;) {
        skipWhite();
        if (at >= length) break;
        if (text[at] === ']') {
          at++;
          break;
        }
        const item = value();
        if (item === undefined) at++;
        else array.push(item);
      }
      depth--;
      return { array };
    }
    if (c === ')' || c === '>' || c === ']' || c === '{' || c === '}') return undefined;
    return { word: regular() };
  };

  while (at < length) {
    const item = value();
    if (item === undefined) {
      at++;
      lastDictionary = undefined;
      continue;
    }
    if ('word' in item && item.word === 'stream' && lastDictionary) {
      // The data starts after the end of the line (PDF 32000-1, 7.3.8.1; readers also allow spaces first).
      while (text[at] === ' ' || text[at] === '\t') at++;
      if (text[at] === '\r') at++;
      if (text[at] === '\n') at++;
      const declared = lastDictionary.get('Length');
      const direct = declared && 'word' in declared && /^\d+$/.test(declared.word) ? Number(declared.word) : -1;
      let end = direct >= 0 && /^[\0\t\n\f\r ]*endstream/.test(text.slice(at + direct, at + direct + 64)) ? at + direct : text.indexOf('endstream', at);
      if (end < 0) {
        unended = true;
        end = length;
      }
      streams.push({ dictionary: lastDictionary, data: bytes.subarray(at, end) });
      at = Math.min(length, end + 'endstream'.length);
      lastDictionary = undefined;
      continue;
    }
    lastDictionary = 'dict' in item ? item.dict : undefined;
  }
  return { names, streams, unended };
}

/** A name's value in a dictionary, when it is a name. */
const nameOf = (value: Value | undefined) => (value && 'name' in value ? value.name : undefined);

/** The inflated objects of an object stream, or undefined when they cannot be read here. */
function objectsOf(dictionary: Dictionary, data: Buffer): Buffer | undefined {
  const filter = dictionary.get('Filter');
  if (filter === undefined) return data;
  const filters = 'array' in filter ? filter.array.map(nameOf) : [nameOf(filter)];
  if (filters.length !== 1 || filters[0] !== 'FlateDecode' || dictionary.has('DecodeParms')) return undefined;
  try {
    return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_OBJECT_STREAM_BYTES });
  } catch {
    return undefined;
  }
}

/** What a PDF would do when opened that the site does not publish, in plain English, or undefined. */
export function pdfActiveContent(pdf: Buffer): string | undefined {
  try {
    return activeContent(pdf);
  } catch (error) {
    if (error instanceof TooDeep) return UNCHECKABLE;
    throw error;
  }
}

const UNCHECKABLE = 'the PDF is encrypted (protected) or damaged, so the check cannot see whether it has JavaScript in it';

function activeContent(pdf: Buffer): string | undefined {
  const file = read(pdf);
  const names = new Set(file.names);
  let uncheckable = file.unended;
  const objectStreams = file.streams.filter(({ dictionary }) => nameOf(dictionary.get('Type')) === 'ObjStm' || (dictionary.has('N') && dictionary.has('First')));
  for (const { dictionary, data } of objectStreams) {
    const objects = objectsOf(dictionary, data);
    if (!objects) {
      uncheckable = true;
      continue;
    }
    const inner = read(objects);
    for (const name of inner.names) names.add(name);
    if (inner.streams.length > 0 || inner.unended) uncheckable = true;
  }
  // In the order of ACTIVE_NAMES, whatever order the file has them in.
  const what = [...new Set(Object.entries(ACTIVE_NAMES).filter(([name]) => names.has(name)).map(([, kind]) => kind))];
  if (what.length > 0) return `the PDF has ${what.join(' and ')} in it, which a PDF reader or browser may run when the file is opened`;
  // An encrypted file's object streams are encrypted too: what inflating them gives is not the objects.
  if (uncheckable || (names.has('Encrypt') && objectStreams.length > 0)) return UNCHECKABLE;
  return undefined;
}

/** How to make a PDF the site publishes from one it refuses. */
export const PDF_ACTIVE_CONTENT_FIX =
  'save or export it again as an ordinary PDF, without a password or protection (in Word: File, Save As, PDF; or print it to PDF), and put that file here instead';
