import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { untilAnswering } from '../../scripts/lib/project-copy.ts';

/**
 * `npm run serve` (scripts/serve.ts) against requests a browser would never send but an attacker
 * can: it must answer each with 400 or 404, keep serving, pick the headers and the file by the
 * same path, and never redirect to another website. A small site stands in for dist/, with the
 * project's own _headers, so no build is needed.
 */
const PORT = Number(process.env.SERVE_REQUESTS_PORT ?? 5120);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Sends one request exactly as written (fetch would tidy the path first) and returns the status line and headers. */
function raw(target: string, extra: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string> }> {
  const lines = Object.entries(extra).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return new Promise((done, fail) => {
    const socket = connect(PORT, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\n${lines}Connection: close\r\n\r\n`));
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('end', () => {
      const [head = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      done({ status: Number(statusLine.split(' ')[1]), headers });
    });
    socket.on('error', fail);
  });
}

describe('npm run serve, sent malformed and hostile requests', () => {
  let dir: string;
  let server: ChildProcess;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'olo-serve-'));
    for (const folder of ['admin', 'sub', 'openreferral/v3', '_astro']) mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Home</title>');
    writeFileSync(join(dir, '404.html'), '<!doctype html><title>Not found</title>');
    writeFileSync(join(dir, 'admin/index.html'), '<!doctype html><title>Editor</title>');
    writeFileSync(join(dir, 'sub/index.html'), '<!doctype html><title>Sub</title>');
    writeFileSync(join(dir, 'openreferral/v3/services.json'), '{"content":[]}');
    writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\n');
    writeFileSync(join(dir, 'poster.png'), PNG);
    writeFileSync(join(dir, '_astro/BaseLayout.DSgL1o3b.css'), 'body { margin: 0 }');
    copyFileSync('public/_headers', join(dir, '_headers'));
    server = spawn(resolve('node_modules/.bin/node'), [resolve('scripts/serve.ts'), '--dir', dir, '--port', String(PORT)], { stdio: 'ignore' });
    await untilAnswering(server, `http://127.0.0.1:${PORT}/`, { tries: 100, everyMs: 100, failure: `the test server on port ${PORT} did not start` });
  }, 30_000);

  afterAll(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const hostile = [
    '/%',
    '/%E0%A4%A',
    '/%C0%AF',
    '/%ZZ',
    '/sub%',
    'http://evil.example/',
    'https://127.0.0.1/sub',
    '*',
    '//evil.example/',
    '/%2Fevil.example',
    '/%2F%2Fevil.example/sub',
    '/.//sub',
    '/.//evil.example',
    '/\\evil.example/sub',
    '/sub%5C..%5C..%5Cetc',
    '/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/sub/%00',
    '/index.html%00.png',
  ];

  test.each(hostile)('%s is answered with 400 or 404, never a redirect elsewhere', async (target) => {
    const response = await raw(target);
    expect([400, 404]).toContain(response.status);
    expect(response.headers.location ?? '', 'no redirect to another website').not.toMatch(/^\/\/|^\/\\|^[a-z]+:/i);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test('after all of them the server still answers / with 200', async () => {
    for (const target of hostile) await raw(target);
    expect((await raw('/')).status).toBe(200);
  });

  test('a folder without its slash is redirected to itself on this site', async () => {
    const response = await raw('/sub?next=//evil.example');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/sub/?next=//evil.example');
  });

  test('an escaped path gets the headers of the file it is served, not of how it was written', async () => {
    // /%61dmin/ is /admin/: the editor's page must come with the editor's headers, whichever way it is asked for.
    const plain = await raw('/admin/');
    const escaped = await raw('/%61dmin/');
    expect(escaped.status).toBe(200);
    expect(escaped.headers['cross-origin-opener-policy']).toBe(plain.headers['cross-origin-opener-policy']);
    expect(escaped.headers['content-security-policy']).toBe(plain.headers['content-security-policy']);
  });

  test.each([
    ['a JSON file', '/openreferral/v3/services.json', 'application/json'],
    ['a text file', '/robots.txt', 'text/plain'],
    ['an image', '/poster.png', 'image/png'],
    ['a page', '/', 'text/html'],
    ['the 404 page', '/no-such-page/', 'text/html'],
  ])('%s is sent with a script policy and nosniff', async (_what, path, type) => {
    const response = await raw(path);
    expect(response.headers['content-type']).toContain(type);
    expect(response.headers['content-security-policy']).toMatch(/script-src 'self'|default-src 'none'/);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  test('a browser that has a file already is told it has not changed, and never shown a stale page', async () => {
    const first = await raw('/');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await raw('/', { 'If-None-Match': first.headers.etag! });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy']);
    expect((await raw('/', { 'If-Modified-Since': first.headers['last-modified']! })).status).toBe(304);
    // Another version's tag, or a time before the file changed, gets the file again.
    expect((await raw('/', { 'If-None-Match': 'W/"1-1"' })).status).toBe(200);
    expect((await raw('/', { 'If-Modified-Since': 'Thu, 01 Jan 2015 00:00:00 GMT' })).status).toBe(200);
    // A missing page is a 404 whatever the browser holds.
    expect((await raw('/no-such-page/', { 'If-None-Match': '*' })).status).toBe(404);
  });

  test('the build\'s files named by their content are kept for a year; pages and other files are checked first', async () => {
    expect((await raw('/_astro/BaseLayout.DSgL1o3b.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const path of ['/', '/robots.txt', '/poster.png', '/openreferral/v3/services.json']) {
      expect((await raw(path)).headers['cache-control'], path).toBe('public, max-age=0, must-revalidate');
    }
  });
});

test('npm start serves the build as npm run serve does, with the headers in _headers', () => {
  // Astro's own preview sent none of them: no Content-Security-Policy on the JSON, images and
  // PDFs, and no frame-ancestors, nosniff or X-Frame-Options on any page.
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  expect(scripts.start).toBe(`npm run build && ${scripts.serve}`);
});
