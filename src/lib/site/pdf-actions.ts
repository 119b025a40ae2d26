/**
 * Whether a PDF in content/public/ could do something when it is opened: run JavaScript (which
 * PDF readers, browsers' own viewers among them, run when a document opens or a field is
 * touched) or start another file or program (a Launch action). A council's leaflet needs
 * neither, and the site publishes nothing an editor wrote that could run as code, so such a PDF
 * is refused by the content check and not served by the development server.
 *
 * A PDF is a list of objects. Their dictionaries are written as text, except that a PDF 1.5 or
 * later file may pack them into compressed "object streams". So this reads every name outside
 * the streams (such as `/JS`, or `/J#53`, the same name written with a character code), and
 * every name inside each object stream once inflated. Other streams (page drawings, images,
 * fonts) are not read: an action is a dictionary, never inside them, and an image's bytes could
 * spell a name by chance. An object stream that cannot be inflated (damaged), or any object
 * stream of an encrypted file, cannot be checked, and is refused as such. An encrypted file without
 * object streams can be: the names of its dictionaries are not encrypted, only strings and streams.
 */
import { inflateSync, constants } from 'node:zlib';

/** Names of a PDF that make it run script or start a program, and what each means. */
const ACTIVE_NAMES: Record<string, string> = {
  JavaScript: 'JavaScript',
  JS: 'JavaScript',
  Launch: 'a "Launch" action (which opens another file or program)',
};

/** A PDF name: "/" then regular characters (PDF 32000-1, 7.2.2 and 7.3.5). */
const NAME = /\/([^\s/()<>[\]{}%]*)/g;

/** Every name in `text`, with its #hh character codes read (so /J#61vaScript is /JavaScript). */
function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const [, raw] of text.matchAll(NAME)) names.add(raw!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
  return names;
}

/** The keyword that starts a stream's data, after its dictionary's ">>" (not "endstream"). */
const STREAM_START = /(?<=>>[\0\t\n\f\r ]*)stream(?:\r\n|\n|\r)/g;

/** What a PDF would do when opened that the site does not publish, in plain English, or undefined. */
export function pdfActiveContent(pdf: Buffer): string | undefined {
  // latin1 keeps one character per byte, so positions in the text are positions in the file.
  const text = pdf.toString('latin1');
  const found = new Set<string>();
  let undecodable = false;
  let encrypted = false;
  let objectStreams = 0;
  const look = (part: string) => {
    for (const name of namesIn(part)) {
      if (name in ACTIVE_NAMES) found.add(ACTIVE_NAMES[name]!);
      else if (name === 'Encrypt') encrypted = true;
    }
  };
  let at = 0;
  for (;;) {
    STREAM_START.lastIndex = at;
    const start = STREAM_START.exec(text);
    if (!start) {
      look(text.slice(at));
      break;
    }
    look(text.slice(at, start.index));
    const dataStart = start.index + start[0].length;
    const endstream = text.indexOf('endstream', dataStart);
    const dataEnd = endstream < 0 ? text.length : endstream;
    // The stream's dictionary: from its object's "obj" keyword to "stream".
    const dictionary = namesIn(text.slice(Math.max(at, text.lastIndexOf('obj', start.index)), start.index));
    if (dictionary.has('ObjStm')) {
      objectStreams++;
      const data = pdf.subarray(dataStart, dataEnd);
      if (!dictionary.has('Filter')) look(data.toString('latin1'));
      else if (!dictionary.has('FlateDecode')) undecodable = true;
      else {
        try {
          look(inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1'));
        } catch {
          undecodable = true;
        }
      }
    }
    at = endstream < 0 ? text.length : endstream + 'endstream'.length;
  }
  // In the order of ACTIVE_NAMES, whatever order the file has them in.
  const what = [...new Set(Object.values(ACTIVE_NAMES))].filter((kind) => found.has(kind));
  if (what.length > 0) return `the PDF has ${what.join(' and ')} in it, which a PDF reader or browser may run when the file is opened`;
  // An encrypted file's object streams are encrypted too: what inflating them gives is not the
  // objects, even when it happens not to fail.
  if (undecodable || (encrypted && objectStreams > 0)) return 'the PDF is encrypted (protected) or damaged, so the check cannot see whether it has JavaScript in it';
  return undefined;
}

/** How to make a PDF the site publishes from one it refuses. */
export const PDF_ACTIVE_CONTENT_FIX =
  'save or export it again as an ordinary PDF, without a password or protection (in Word: File, Save As, PDF; or print it to PDF), and put that file here instead';
