/**
 * `npm run test:links`: checks every internal link and resource on the built site (dist/).
 * Run after `npm run build`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brokenLinks, idsIn, type BuiltSite } from '../src/lib/site/link-check.ts';
import { htmlFiles } from './lib/search-index.ts';

const root = process.argv[2] ?? 'dist';
const site = JSON.parse(readFileSync('content/site.json', 'utf8')) as { siteUrl: string };
const origin = new URL(site.siteUrl).origin;


const fileFor = (path: string) => {
  const file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) return join(file, 'index.html');
  return file;
};
const idCache = new Map<string, Set<string> | undefined>();
const built: BuiltSite = {
  exists: (path) => existsSync(fileFor(path)),
  idsOn: (path) => {
    const file = fileFor(path);
    if (!idCache.has(file)) idCache.set(file, file.endsWith('.html') && existsSync(file) ? idsIn(readFileSync(file, 'utf8')) : undefined);
    return idCache.get(file);
  },
};

let pages = 0;
const broken = [];
for (const file of htmlFiles(root)) {
  pages++;
  const rel = `/${relative(root, file).split(sep).join('/')}`;
  const page = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  broken.push(...brokenLinks(page, readFileSync(file, 'utf8'), built, origin));
}

if (broken.length) {
  for (const b of broken) console.error(`✗ ${b.page}: ${b.link} — ${b.reason}`);
  console.error(`\n${broken.length} broken internal links on ${pages} pages.`);
  process.exitCode = 1;
} else {
  console.log(`✓ All internal links and resources resolve (${pages} pages checked).`);
}
