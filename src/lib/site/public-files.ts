/**
 * Which files content/public/ may publish. They are served as they are, on the site's own
 * origin, where /admin/ keeps the editor's sign-in: an SVG, HTML or XML file there could run
 * script as the site, and a host's own configuration file (.htaccess, _redirects, web.config)
 * would change how the whole site is served. So only the kinds the site needs are published
 * (video, captions, images that cannot carry script, PDF), and each file must really be what
 * its name says, so a script renamed to .png is not published either.
 */
import { closeSync, existsSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Problem } from '../editors/index.ts';
import { HOST_FILE_LIMIT_BYTES, megabytes } from './output-size.ts';
import { WINDOWS_DEVICE_NAME } from '../../contract/common.ts';
import { PDF_ACTIVE_CONTENT_FIX, pdfActiveContent } from './pdf-actions.ts';

/** Each allowed extension, what it is, and how its first bytes start. */
const KINDS: Record<string, { what: string; starts: (head: Buffer) => boolean }> = {
  '.mp4': { what: 'an MP4 video', starts: (h) => h.subarray(4, 8).toString('latin1') === 'ftyp' },
  '.webm': { what: 'a WebM video', starts: (h) => h.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  '.vtt': { what: 'a WebVTT captions file', starts: (h) => /^(?:\uFEFF)?WEBVTT/.test(h.toString('utf8')) },
  '.png': { what: 'a PNG image', starts: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  '.jpg': { what: 'a JPEG image', starts: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  '.jpeg': { what: 'a JPEG image', starts: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  '.webp': { what: 'a WebP image', starts: (h) => h.subarray(0, 4).toString('latin1') === 'RIFF' && h.subarray(8, 12).toString('latin1') === 'WEBP' },
  '.gif': { what: 'a GIF image', starts: (h) => /^GIF8[79]a/.test(h.subarray(0, 6).toString('latin1')) },
  '.pdf': { what: 'a PDF document', starts: (h) => h.subarray(0, 5).toString('latin1') === '%PDF-' },
};

export const PUBLISHABLE_EXTENSIONS = Object.keys(KINDS);

const ALLOWED_LIST = 'MP4 or WebM video, WebVTT captions (.vtt), PNG, JPEG, WebP or GIF images, and PDF documents';

/** The fix for a kind of file that is not published, by extension. */
function fixFor(extension: string): string {
  if (extension === '.svg') return 'export it as PNG or JPEG (an SVG file can carry script)';
  if (/^\.(?:html?|xhtml|xml|xsl|shtml|php|aspx?)$/.test(extension)) return 'put the text in a page (content/pages/) instead, or save it as a PDF';
  if (/^\.(?:m?js|cjs|ts|css|wasm|json)$/.test(extension)) return 'remove it: content cannot add code or styles to the site (ask a developer)';
  return `remove it, or convert it: content/public/ publishes only ${ALLOWED_LIST}`;
}

/** The fix for a name that a web address or Windows cannot take. */
const PLAIN_NAME = 'rename it (or its folder) with letters, numbers, spaces and hyphens only';

/** Why a file in content/public/ (path relative to it, with "/") may not be published, or undefined. */
export function unpublishableReason(path: string, head?: Buffer): { field?: string; problem: string; fix: string } | undefined {
  const name = path.split('/').pop() ?? path;
  if (path.split('/').some((part) => part.startsWith('.') || part.startsWith('_'))) {
    return { problem: 'a name starting with "." or "_" is a host\'s configuration file or hidden, and is not published', fix: 'rename it without the leading "." or "_"' };
  }
  // In a web address "#" and "?" end the path and "%" starts an escape, so a link written with the
  // file's name would not find it; "\" separates folders on Windows.
  const unsafe = /[#?%\\]/.exec(path);
  if (unsafe) {
    return { field: '(file name)', problem: `the name has "${unsafe[0]}", which means something else in a web address, so a link to the file would not find it`, fix: PLAIN_NAME };
  }
  // Windows refuses these in a file name: a colleague there could not check the project out.
  const notOnWindows = /[<>:"|*]/.exec(path);
  if (notOnWindows) {
    return { field: '(file name)', problem: `the name has "${notOnWindows[0]}", which Windows does not allow in a file name, so the site's files could not be copied to a Windows computer`, fix: PLAIN_NAME };
  }
  // Nor names it keeps for devices (whatever the extension), nor one ending in a dot or a space.
  const reserved = path.split('/').find((part) => WINDOWS_DEVICE_NAME.test(part) || /[. ]$/.test(part));
  if (reserved !== undefined) {
    return { field: '(file name)', problem: `Windows cannot have a file or folder named "${reserved}", so the site's files could not be copied to a Windows computer`, fix: 'rename it (or its folder): a name such as "con", "nul" or "com1", or one ending in a dot or a space, is kept by Windows' };
  }
  const extension = extname(name).toLowerCase();
  const kind = KINDS[extension];
  if (!kind) return { problem: `${extension ? `"${extension}" files are` : 'a file without an extension is'} not published from content/public/`, fix: fixFor(extension) };
  if (head && !kind.starts(head)) return { problem: `the file is named ${extension} but is not ${kind.what}`, fix: `save it again as ${kind.what}, or give it the extension of what it really is` };
  return undefined;
}

/**
 * Why a file of content/public/ is not published, or undefined: its name and kind
 * (unpublishableReason, with `head` its first bytes when known), then what is inside it. `path`
 * is its path in content/public/ with "/", `file` where it is on disk. The content check, the
 * build's publishing and the development server all ask this.
 */
export function unpublishableFile(path: string, file: string, head?: Buffer): { field?: string; problem: string; fix: string } | undefined {
  return unpublishableReason(path, head) ?? unpublishableContents(file);
}

/**
 * Why the file at `file` (a file of content/public/ whose name and first bytes are publishable)
 * may still not be published, from what is inside it: a PDF that would run JavaScript or start a
 * program when opened (pdf-actions.ts). Undefined for any other file.
 */
function unpublishableContents(file: string): { field: string; problem: string; fix: string } | undefined {
  if (extname(file).toLowerCase() !== '.pdf') return undefined;
  // The development server asks on every request for the file (a PDF viewer asks for it in parts).
  const { mtimeMs, size } = statSync(file);
  const known = pdfProblems.get(file);
  const problem = known && known.mtimeMs === mtimeMs && known.size === size ? known.problem : pdfActiveContent(readFileSync(file));
  pdfProblems.set(file, { mtimeMs, size, problem });
  return problem ? { field: '(file contents)', problem, fix: PDF_ACTIVE_CONTENT_FIX } : undefined;
}

/** What unpublishableContents found in each PDF, while the file is unchanged. */
const pdfProblems = new Map<string, { mtimeMs: number; size: number; problem: string | undefined }>();

/** The first bytes of a file, enough to tell its kind. */
export function fileHead(file: string): Buffer {
  const handle = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const read = readSync(handle, head, 0, 16, 0);
    return head.subarray(0, read);
  } finally {
    closeSync(handle);
  }
}

function filesIn(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) return filesIn(join(dir, entry.name), `${path}/`);
    return entry.isFile() || entry.isSymbolicLink() ? [path] : [];
  });
}

/**
 * Every file in content/public/ that will not be published, as problems for the content check;
 * and, into `warnings`, each one too big for some hosts (src/lib/site/output-size.ts), which the
 * build would only say after building.
 */
export function publicFileKindProblems(contentPublic: string, rel: (path: string) => string, warnings: Problem[] = []): Problem[] {
  const problems: Problem[] = [];
  for (const path of filesIn(contentPublic)) {
    const file = join(contentPublic, path);
    let head: Buffer | undefined;
    let bytes = 0;
    try {
      // A link could publish a file from anywhere on the machine that builds the site.
      const stat = lstatSync(file);
      head = stat.isFile() ? fileHead(file) : undefined;
      bytes = stat.size;
    } catch {
      head = undefined;
    }
    const reason =
      head === undefined ? { problem: 'it is a link to another file, or cannot be read', fix: 'put the file itself in content/public/, not a link to it' } : unpublishableFile(path, file, head);
    if (reason) problems.push({ file: rel(file), field: reason.field ?? '(file type)', problem: reason.problem, fix: reason.fix });
    else if (bytes > HOST_FILE_LIMIT_BYTES) {
      warnings.push({
        file: rel(file),
        field: '(file size)',
        problem: `the file is ${megabytes(bytes)}, and some hosts refuse a file bigger than ${megabytes(HOST_FILE_LIMIT_BYTES)} (Cloudflare Pages does)`,
        fix: 'make it smaller (a video can be shorter, or saved at a lower quality), or publish on a host without that limit (docs/hosting.md, "File sizes")',
      });
    }
  }
  return problems;
}
