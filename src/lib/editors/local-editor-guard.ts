/**
 * What the local editor backend (`npm run cms`, scripts/cms.ts) answers. It can write files, so a
 * web page the editor happens to have open in another tab must not reach it: not by sending a
 * request to 127.0.0.1 (its Origin is then foreign), and not by DNS rebinding, where the page's
 * own host name is pointed at 127.0.0.1 (its Host is then foreign). And whatever the editor in
 * the browser asks for, it may only read and write content/ (the media folder, content/public/,
 * is inside it): never the site's code, its configuration or anything else on the machine.
 */

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
 * The kinds of file the editor saves: entries (JSON, MDX) and media for content/public/ (the kinds
 * it publishes, src/lib/site/public-files.ts). A name with any other extension, or a hidden one
 * (starting with "."), is refused: content cannot add code, or a file a page could import.
 */
const EDITABLE_FILE = /\.(?:json|mdx|md|vtt|mp4|webm|png|jpe?g|webp|gif|pdf)$/i;

/** Keys of the backend's requests whose values name files or folders. */
const PATH_KEY = /^(?:path|newPath|folder|mediaFolder|paths)$/;

/**
 * Every file or folder a backend request names that is outside content/, or that is written in a
 * way that could leave it (.., backslashes, absolute paths). Empty when the request is safe.
 */
export function pathsOutsideContent(body: unknown): string[] {
  const outside: string[] = [];
  const check = (value: unknown) => {
    if (typeof value !== 'string') return void outside.push(String(value));
    const parts = value.split('/');
    const last = parts.at(-1) ?? '';
    const kind = !last.includes('.') || EDITABLE_FILE.test(last);
    const safe = value.startsWith(EDITABLE_FOLDER) && !/[\\\u0000]/.test(value) && !parts.some((part) => part.startsWith('.')) && kind && value.length > EDITABLE_FOLDER.length;
    if (!safe && value !== EDITABLE_FOLDER.slice(0, -1)) outside.push(value);
  };
  const visit = (node: unknown, key = '') => {
    if (PATH_KEY.test(key)) {
      if (Array.isArray(node)) node.forEach(check);
      else check(node);
      return;
    }
    if (Array.isArray(node)) node.forEach((item) => visit(item));
    else if (node && typeof node === 'object') for (const [name, value] of Object.entries(node)) visit(value, name);
  };
  visit(body);
  return outside;
}
