/**
 * Sends one file over HTTP as a static host would: its content type; byte ranges, which video
 * players need to seek; and an ETag and Last-Modified, so a browser that already has the file
 * asks only whether it changed and gets "304 Not Modified" back. Used by the test server
 * (scripts/serve.ts) and by the development server for the files in content/public/
 * (src/integrations/content-files.ts).
 */
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** The Content-Type a static host sends for a file name. */
export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** The byte range a Range header asks for, 'unsatisfiable', or undefined to send the whole file. */
export function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  const range = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (!range || (!range[1] && !range[2])) return undefined;
  const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
  const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}

/**
 * Whether a request's If-None-Match (or, without one, If-Modified-Since) says the browser already
 * has this version of the file, as HTTP's conditional requests (RFC 9110, section 13) define.
 */
export function notModified(request: IncomingMessage, etag: string, modified: Date): boolean {
  const match = request.headers['if-none-match'];
  if (match !== undefined) return match.trim() === '*' || match.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/**
 * Sends `file` with `status` and `headers` (such as security headers). A Range header and a
 * conditional request are honoured only for a 200: a 404 page is always sent whole. Without a
 * Cache-Control in `headers`, the browser is told to check before it reuses its copy (as Netlify
 * does), so a page is never shown stale after a new build.
 */
export function sendFile(request: IncomingMessage, response: ServerResponse, file: string, status = 200, headers: Record<string, string> = {}): void {
  const { size, mtime } = statSync(file);
  const validators = status === 200 ? { ETag: `W/"${size.toString(16)}-${Math.floor(mtime.getTime()).toString(16)}"`, 'Last-Modified': mtime.toUTCString() } : {};
  const caching = Object.keys(headers).some((name) => name.toLowerCase() === 'cache-control') ? {} : { 'Cache-Control': 'public, max-age=0, must-revalidate' };
  const common = { 'Content-Type': contentTypeOf(file), 'Accept-Ranges': 'bytes', ...caching, ...validators, ...headers };
  if (validators.ETag && (request.method === 'GET' || request.method === 'HEAD') && notModified(request, validators.ETag, mtime)) {
    response.writeHead(304, { ...caching, ...validators, ...headers });
    response.end();
    return;
  }
  const range = status === 200 ? byteRange(request.headers.range, size) : undefined;
  if (range === 'unsatisfiable') {
    response.writeHead(416, { 'Content-Range': `bytes */${size}`, ...headers });
    response.end();
    return;
  }
  if (range) {
    response.writeHead(206, { ...common, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) });
  } else {
    response.writeHead(status, { ...common, 'Content-Length': String(size) });
  }
  if (request.method === 'HEAD') response.end();
  else createReadStream(file, range ?? {}).pipe(response);
}
