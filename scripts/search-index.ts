/**
 * `npm run build`, second step: Pagefind indexes the built site into dist/pagefind/, in small
 * index chunks and with spaces between blocks (scripts/lib/search-index.ts says why).
 * `--site <folder>` indexes another built site.
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
