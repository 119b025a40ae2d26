/**
 * What the local editor backend (`npm run cms`, scripts/cms.ts) answers. It can write files, so a
 * web page the editor happens to have open in another tab must not reach it: not by sending a
 * request to 127.0.0.1 (its Origin is then foreign), and not by DNS rebinding, where the page's
 * own host name is pointed at 127.0.0.1 (its Host is then foreign). And whatever the editor in
 * the browser asks for, it may only read and write content/ (the media folder, content/public/,
 * is inside it): never the site's code, its configuration or anything else on the machine.
 */
import { lstatSync } from 'node:fs';
import { extname, join } from 'node:path';
import { folderCollections, PUBLIC_FOLDER } from '../../contract/collections.ts';
import { CMS_COLLECTIONS } from './cms-config.ts';
import { PUBLISHABLE_EXTENSIONS, unpublishableReason } from '../site/public-files.ts';

/** Why a request comes from somewhere other than this machine's editor page, or undefined. */
export function foreignRequest(headers: { host?: string; origin?: string }, port: number): string | undefined {
  const local = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  if (!headers.host || !local.includes(headers.host.toLowerCase())) return `the request was addressed to "${headers.host ?? ''}", not to this editor (http://127.0.0.1:${port}/)`;
  if (headers.origin !== undefined && !local.map((h) => `http://${h}`).includes(headers.origin.toLowerCase())) return `the request came from a page at "${headers.origin}", not from this editor`;
  return undefined;
}

/** The folder, relative to the project, that the editor may read and write. */
export const EDITABLE_FOLDER = 'content/';

/**
 * The kinds of file the editor reads: entries (JSON, MDX, Markdown) and the kinds content/public/
 * publishes (src/lib/site/public-files.ts). A name with any other extension, or a hidden one
 * (starting with "."), is refused: content cannot add code, or a file a page could import.
 */
const EDITABLE_EXTENSIONS = new Set(['.json', '.mdx', '.md', ...PUBLISHABLE_EXTENSIONS]);
const editableKind = (name: string) => EDITABLE_EXTENSIONS.has(extname(name).toLowerCase());

/** Keys of the backend's requests whose values name files or folders, and those that name files only. */
const PATH_KEY = /^(?:path|newPath|folder|mediaFolder|paths)$/;
const FILE_KEY = /^(?:path|newPath|paths)$/;

/** Every value a backend request gives for a file or folder, with the key it is under. */
function namedPaths(body: unknown): { value: unknown; key: string }[] {
  const found: { value: unknown; key: string }[] = [];
  const visit = (node: unknown, key = '') => {
    if (PATH_KEY.test(key)) {
      for (const value of Array.isArray(node) ? node : [node]) found.push({ value, key });
      return;
    }
    if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (node && typeof node === 'object') for (const [name, value] of Object.entries(node)) visit(value, name);
  };
  visit(body);
  return found;
}

/** The backend's actions that write or delete: each file they name must be one the editor edits. */
const WRITE_ACTIONS = new Set(['persistEntry', 'persistMedia', 'deleteFile', 'deleteFiles', 'publishUnpublishedEntry', 'deleteUnpublishedEntry', 'updateUnpublishedEntryStatus']);

/**
 * A file the editor may write or delete: an entry of a collection it edits, named as the content
 * check requires (lower-case letters, numbers and hyphens), or a file content/public/ publishes.
 * Not a package.json, a file without an extension or a host's configuration file in content/.
 */
export function editableFile(path: string): boolean {
  const entry = /^content\/([a-z0-9-]+)\/[a-z0-9][a-z0-9-]*\.(json|mdx)$/.exec(path);
  if (entry) return folderCollections.some((c) => (CMS_COLLECTIONS as readonly string[]).includes(c.name) && c.folder === entry[1] && c.extension === `.${entry[2]}`);
  const media = `${EDITABLE_FOLDER}${PUBLIC_FOLDER}/`;
  return path.startsWith(media) && path.length > media.length && unpublishableReason(path.slice(media.length)) === undefined;
}

/**
 * Every file or folder a backend request names that is outside content/, or that is written in a
 * way that could leave it (.., backslashes, absolute paths, a slash at the end that the backend
 * drops), or that is not a kind of file the editor reads; and, for a request that writes, every
 * file that is not one it edits (editableFile). Empty when the request is safe.
 */
export function pathsOutsideContent(body: unknown): string[] {
  const outside: string[] = [];
  const writes = WRITE_ACTIONS.has(String((body as { action?: unknown } | null)?.action ?? ''));
  for (const { value, key } of namedPaths(body)) {
    if (typeof value !== 'string') {
      outside.push(String(value));
      continue;
    }
    const parts = value.split('/');
    const last = parts.at(-1) ?? '';
    const kind = !last.includes('.') || editableKind(last);
    const plain = !/[\\\u0000]/.test(value) && !parts.some((part) => part.startsWith('.') || part === '') && kind;
    const safe = value.startsWith(EDITABLE_FOLDER) && plain && value.length > EDITABLE_FOLDER.length && (!writes || !FILE_KEY.test(key) || editableFile(value));
    if (!safe && value !== EDITABLE_FOLDER.slice(0, -1)) outside.push(value);
  }
  return outside;
}

/**
 * The files or folders a request names that lie through a symbolic link inside content/ (content/
 * itself may be a link): the backend would follow it and write wherever it leads, such as src/.
 */
export function pathsThroughLinks(body: unknown, root: string): string[] {
  const throughLink = (value: string) => {
    const parts = value.split('/').filter(Boolean);
    for (let i = 2; i <= parts.length; i++) if (lstatSync(join(root, ...parts.slice(0, i)), { throwIfNoEntry: false })?.isSymbolicLink()) return true;
    return false;
  };
  return namedPaths(body)
    .map(({ value }) => value)
    .filter((value): value is string => typeof value === 'string' && throughLink(value));
}
