/**
 * Serves the built site (dist/) on localhost, as a static host would: directory indexes,
 * the 404 page, and the headers in _headers (public/_headers), block by block as hosts read
 * it. Used by the Playwright tests and by anyone who wants to look at a build without Astro.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, resolve, sep } from 'node:path';
import { headersForPath, parseHeadersFile } from '../src/lib/site/headers-file.ts';
import { sendFile } from '../src/lib/site/static-file.ts';
import { requestPath, slashRedirect } from '../src/lib/site/request-path.ts';
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

/** The file for a decoded path (src/lib/site/request-path.ts), never outside root. */
function resolveFile(path: string): string | undefined {
  const clean = normalize(path).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, clean);
  if (file !== root && !file.startsWith(root + sep)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function handle(request: IncomingMessage, response: ServerResponse): void {
  // One decoded path picks both the headers and the file; a path that could mean two things is refused.
  const target = requestPath(request.url);
  if ('refused' in target) return refuse(response, 400, target.refused);
  const url = { pathname: target.path, search: target.search };
  const securityHeaders = headersForPath(headerRules, url.pathname);
  const rule = applyRedirects(redirectRules, url.pathname, new URLSearchParams(url.search), (path) => resolveFile(path) !== undefined);
  if (rule && rule.status >= 300 && rule.status < 400) {
    response.writeHead(rule.status, { Location: rule.to, ...securityHeaders });
    response.end();
    return;
  }
  if (rule) {
    // The rule's target is an address (encoded); resolveFile takes the decoded path, as for a request.
    const rewritten = requestPath(rule.to);
    const file = 'refused' in rewritten ? undefined : resolveFile(rewritten.path);
    sendFile(request, response, file ?? join(root, '404.html'), file ? rule.status : 404, securityHeaders);
    return;
  }
  const directory = resolve(root, `.${url.pathname}`);
  if (!url.pathname.endsWith('/') && directory.startsWith(root + sep) && existsSync(directory) && statSync(directory).isDirectory()) {
    response.writeHead(301, { Location: slashRedirect(target), ...securityHeaders });
    response.end();
    return;
  }
  const file = resolveFile(url.pathname);
  sendFile(request, response, file ?? join(root, '404.html'), file ? 200 : 404, securityHeaders);
}

// No request, however malformed, stops the server: it answers 400, 404 or 500 instead. (A request
// Node itself cannot parse gets Node's own 400.)
const server = createServer((request, response) => {
  try {
    handle(request, response);
  } catch {
    refuse(response, 500, 'the server could not read that file');
  }
});

/** A plain answer with the headers every path gets. */
function refuse(response: ServerResponse, status: number, why: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, { ...headersForPath(headerRules, '/'), 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${status === 400 ? 'Bad request' : 'Error'}: ${why}.\n`);
}

// A file that disappears while it is being sent ends that response, not the server.
process.on('uncaughtException', (error) => {
  process.stderr.write(`serve: ${error instanceof Error ? error.message : String(error)}\n`);
});

// A port already in use stops the server with a message, rather than leaving it waiting.
server.on('error', (error) => {
  process.stderr.write(`serve: ${error.message}\n`);
  process.exit(1);
});
server.listen(port, host, () => {
  process.stdout.write(`Serving ${root} at http://${host}:${port}/\n`);
});
