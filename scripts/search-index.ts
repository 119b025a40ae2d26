/**
 * Pagefind indexes a built site into its pagefind/ folder, in small index chunks and with spaces
 * between blocks (scripts/lib/search-index.ts says why), as `npm run build` does after the pages
 * (scripts/build.ts). The benchmark runs it on its own, to time it. `--site <folder>` indexes
 * another built site (dist/ by default).
 */
import { indexSite } from './lib/search-index.ts';

const args = process.argv.slice(2);
const at = args.indexOf('--site');
const site = at >= 0 && args[at + 1] ? args[at + 1]! : 'dist';
try {
  await indexSite(site);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
