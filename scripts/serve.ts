/**
 * Serves the built site (dist/) on localhost, as a static host would: directory indexes,
 * the 404 page, and the headers in _headers (public/_headers), block by block as hosts read
 * it. Used by the Playwright tests and by anyone who wants to look at a build without Astro.
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { headersForPath, parseHeadersFile } from '../src/lib/headers-file.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const root = resolve(option('dir', 'dist'));
const port = Number(option('port', '4321'));
const host = option('host', '127.0.0.1');

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

// The headers in _headers, path by path as Netlify and Cloudflare Pages send them (docs/hosting.md).
const headerFile = join(root, '_headers');
const headerRules = existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, 'utf8')) : [];

function resolveFile(urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${host}`);
  const securityHeaders = headersForPath(headerRules, url.pathname);
  const directory = join(root, url.pathname);
  if (!url.pathname.endsWith('/') && existsSync(directory) && statSync(directory).isDirectory()) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}`, ...securityHeaders });
    response.end();
    return;
  }
  const file = resolveFile(url.pathname);
  const status = file ? 200 : 404;
  const served = file ?? join(root, '404.html');
  const headers = { 'Content-Type': types[extname(served)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes', ...securityHeaders };
  // Byte ranges, as real static hosts serve them: video players need them to seek.
  const size = statSync(served).size;
  const range = file ? /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '') : null;
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) {
      response.writeHead(416, { 'Content-Range': `bytes */${size}`, ...securityHeaders });
      response.end();
      return;
    }
    response.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) });
    if (request.method === 'HEAD') response.end();
    else createReadStream(served, { start, end }).pipe(response);
    return;
  }
  response.writeHead(status, { ...headers, 'Content-Length': String(size) });
  if (request.method === 'HEAD') response.end();
  else createReadStream(served).pipe(response);
});

server.listen(port, host, () => {
  process.stdout.write(`Serving ${root} at http://${host}:${port}/\n`);
});
