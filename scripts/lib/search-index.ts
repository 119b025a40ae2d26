/**
 * How the build runs Pagefind (scripts/search-index.ts, and the benchmark the same way): the same
 * as `pagefind --site dist --silent`, with smaller index chunks than Pagefind's default.
 *
 * A search downloads only the chunks holding its words, so at 5,000 services a first search
 * drops from about 185 KB to under 140 KB and a later one from about 44 KB to about 22 KB
 * (docs/performance.md). Pagefind reads the chunk size from an environment variable it marks
 * unstable; if a future version ignores it, search still works and only downloads more.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Postings (word locations) per index chunk; Pagefind's default is 20,000. */
export const SEARCH_INDEX_CHUNK_SIZE = 2500;

/** The environment Pagefind runs in: the caller's, with the chunk size unless it sets its own. */
export function searchIndexEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(SEARCH_INDEX_CHUNK_SIZE), ...env };
}

/** Pagefind's command-line entry point, as `npx pagefind` runs it (next to its Node API). */
export const pagefindBin = join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), 'runner/bin.cjs');

/** Node's arguments for indexing dist/ of the project in the working folder. */
export function searchIndexArgs(extra: string[] = []): string[] {
  return [pagefindBin, '--site', 'dist', '--silent', ...extra];
}
