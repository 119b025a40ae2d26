/**
 * How the build indexes the site for search (scripts/search-index.ts, and the benchmark the same
 * way): Pagefind, through its Node API, over every page in dist/, with three changes from
 * `pagefind --site dist`.
 *
 * Spaces between blocks: the built HTML has no whitespace between tags, and Pagefind joins the
 * text of neighbouring elements, so excerpts read "CAMHS.We didWe added…". Each page is given to
 * Pagefind with a space before every block-level tag (the served page is not changed).
 *
 * Only what Pagefind reads: a page is given without the header, navigation and footer outside its
 * <main data-pagefind-body> (forSearch), when nothing there is marked for Pagefind.
 *
 * Smaller index chunks: a search downloads only the chunks holding its words, so at 5,000
 * services a first search drops from about 185 KB to under 140 KB and a later one from about
 * 44 KB to about 22 KB (docs/performance.md). Pagefind reads the chunk size from an environment
 * variable it marks unstable; if a future version ignores it, search still works and only
 * downloads more.
 */
import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Postings (word locations) per index chunk; Pagefind's default is 20,000. */
export const SEARCH_INDEX_CHUNK_SIZE = 2500;

/** The environment Pagefind runs in: the caller's, with the chunk size unless it sets its own. */
export function searchIndexEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SEARCH_INDEX_CHUNK_SIZE), ...env };
}

/** The script that indexes a built site (run with Node in the project folder). */
export const searchIndexScript = join(dirname(fileURLToPath(import.meta.url)), '..', 'search-index.ts');

/** Node's arguments for indexing dist/ of the project in the working folder. */
export function searchIndexArgs(extra: string[] = []): string[] {
  return [searchIndexScript, '--site', 'dist', ...extra];
}

/** Elements whose text is a block of its own: the words either side of them are not one word. */
const BLOCK_TAG = /<(\/?)(address|article|aside|blockquote|br|caption|dd|details|div|dl|dt|figcaption|figure|footer|h[1-6]|header|hr|li|main|nav|ol|p|section|summary|table|td|th|tr|ul)(?=[\s>/])/gi;

/** The page as Pagefind should read it: a space before each block-level tag. */
export function spaceBlocks(html: string): string {
  return html.replace(BLOCK_TAG, ' <$1$2');
}

/** What starts every attribute Pagefind reads (data-pagefind-body, -filter, -meta, -ignore…). */
const PAGEFIND_MARK = 'data-pagefind';

/**
 * A page as Pagefind needs it for search: on a page whose <main> has data-pagefind-body, Pagefind
 * reads the head (language, metadata) and what is inside the body element only, so the page is
 * given without the rest of <body>, the header, navigation and footer (about 40% of a service
 * page: Pagefind reads each page on one thread, so this is time off every build). Only when
 * nothing left out carries a data-pagefind- attribute (the <body> tag included); otherwise, and
 * on a page without <main>, the page is given whole. The index is the same either way: the unit
 * test indexes pages both ways and compares every file.
 */
export function forSearch(html: string): string {
  const headEnd = html.indexOf('</head>');
  const bodyStart = headEnd < 0 ? -1 : html.indexOf('<body', headEnd);
  const mainStart = bodyStart < 0 ? -1 : html.indexOf('<main', bodyStart);
  const mainEnd = html.lastIndexOf('</main>');
  if (mainStart < 0 || mainEnd < mainStart) return html;
  const end = mainEnd + '</main>'.length;
  // The first mark from <body> on must be inside <main>, and none after it.
  const marked = html.indexOf(PAGEFIND_MARK, bodyStart);
  if ((marked >= 0 && marked < mainStart) || html.includes(PAGEFIND_MARK, end)) return html;
  return `${html.slice(0, bodyStart)}<body>${html.slice(mainStart, end)}</body></html>`;
}

/**
 * Every .html file under `site`. A folder that goes while it is walked is not part of the site:
 * npm run build starts the index while Astro deletes its own working folders from dist/
 * (dist/.prerender/, which holds no page), so one may be listed and gone before it is read. The
 * site's own folder must be there. Read synchronously: Pagefind works in a process of its own
 * meanwhile, and this thread's share of the two cores is better spent giving it pages than on
 * a promise for every folder and file (about 1 s at 5,000 services). `list` lists a folder (a
 * test makes a folder go while the site is listed).
 */
export function htmlFiles(site: string, list: (folder: string) => Dirent[] = (folder) => readdirSync(folder, { withFileTypes: true })): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = list(folder);
    } catch (error) {
      if (folder !== site && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name.endsWith('.html')) found.push(join(folder, entry.name));
      else if (entry.isDirectory()) walk(join(folder, entry.name));
    }
  };
  walk(site);
  return found;
}

/**
 * The attribute the layout puts on <main> of every page that belongs in search. Once any page has
 * it, Pagefind indexes only the pages that do, so the others (the step-by-step finder, listing
 * pages, the editors' maps: about half the pages of a large directory) are not given to it at
 * all: the index is the same, and a 5,000-service build spends that much less time in Pagefind.
 * If no page has it, every page is given, as Pagefind would then index them all.
 */
const SEARCH_BODY = 'data-pagefind-body';

/** The folder of the built site that holds the search index. */
export const SEARCH_INDEX_FOLDER = 'pagefind';

export interface IndexOptions {
  /**
   * Called once every page has been given to Pagefind, while Pagefind writes the index in its own
   * process: this thread has nothing else to do then (scripts/build.ts keeps the build meanwhile).
   * The index is written when both have finished.
   */
  whileWriting?: () => void | Promise<void>;
  /** Give Pagefind each page whole, not `forSearch` (the unit test compares the two). */
  wholePages?: boolean;
}

/** Indexes the built site in `site` into `site`/pagefind/; returns the number of pages given to Pagefind. */
export async function indexSite(site: string, { whileWriting, wholePages = false }: IndexOptions = {}): Promise<number> {
  // The chunk size is read by Pagefind's service when it starts, from this process's environment.
  Object.assign(process.env, searchIndexEnv());
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Search index: Pagefind could not start: ${errors.join('; ')}`);
  const files = htmlFiles(site).filter((file) => !relative(site, file).startsWith(`${SEARCH_INDEX_FOLDER}${sep}`));
  let given = 0;
  const give = async (file: string, html: string) => {
    const added = await index.addHTMLFile({ sourcePath: relative(site, file).split(sep).join('/'), content: spaceBlocks(wholePages ? html : forSearch(html)) });
    if (added.errors.length) throw new Error(`Search index: ${relative(site, file)}: ${added.errors.join('; ')}`);
    given++;
  };
  // A few pages at a time: Pagefind parses them while the next are read.
  let next = 0;
  const leftOut: string[] = [];
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const html = readFileSync(file, 'utf8');
      if (html.includes(SEARCH_BODY)) await give(file, html);
      else leftOut.push(file);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  if (given === 0) for (const file of leftOut) await give(file, readFileSync(file, 'utf8'));
  // The request is written to Pagefind's input before writeFiles returns; Pagefind then writes
  // the index while whileWriting runs here.
  const writing = index.writeFiles({ outputPath: join(site, SEARCH_INDEX_FOLDER) });
  const [written] = await Promise.all([writing, whileWriting?.()]);
  if (written.errors.length) throw new Error(`Search index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return given;
}
