/**
 * Serves the built site (dist/) on localhost, as a static host would: directory indexes,
 * the 404 page, and the headers in _headers (public/_headers), block by block as hosts read
 * it. Used by the Playwright tests and by anyone who wants to look at a build without Astro.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { headersForPath, parseHeadersFile } from '../src/lib/headers-file.ts';
import { sendFile } from '../src/lib/static-file.ts';
import { applyRedirects, parseRedirectsFile } from './lib/host-rules.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const root = resolve(option('dir', 'dist'));
const port = Number(option('port', '4321'));
const host = option('host', '127.0.0.1');

// The headers in _headers, path by path as Netlify and Cloudflare Pages send them (docs/hosting.md).
const headerFile = join(root, '_headers');
const headerRules = existsSync(headerFile) ? parseHeadersFile(readFileSync(headerFile, 'utf8')) : [];

// The rewrites in _redirects (the Open Referral UK API's addresses), as Netlify reads them.
const redirectFile = join(root, '_redirects');
const redirectRules = existsSync(redirectFile) ? parseRedirectsFile(readFileSync(redirectFile, 'utf8')) : [];

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
  const rule = applyRedirects(redirectRules, url.pathname, url.searchParams, (path) => resolveFile(path) !== undefined);
  if (rule && rule.status >= 300 && rule.status < 400) {
    response.writeHead(rule.status, { Location: rule.to, ...securityHeaders });
    response.end();
    return;
  }
  if (rule) {
    const target = resolveFile(new URL(rule.to, url).pathname);
    sendFile(request, response, target ?? join(root, '404.html'), target ? rule.status : 404, securityHeaders);
    return;
  }
  const directory = join(root, url.pathname);
  if (!url.pathname.endsWith('/') && existsSync(directory) && statSync(directory).isDirectory()) {
    response.writeHead(301, { Location: `${url.pathname}/${url.search}`, ...securityHeaders });
    response.end();
    return;
  }
  const file = resolveFile(url.pathname);
  sendFile(request, response, file ?? join(root, '404.html'), file ? 200 : 404, securityHeaders);
});

server.listen(port, host, () => {
  process.stdout.write(`Serving ${root} at http://${host}:${port}/\n`);
});
