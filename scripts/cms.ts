/**
 * `npm run cms`: edit content in the browser on your own machine. Starts the site (Astro's dev
 * server, or with --preview the built dist/) and serves it together with Decap's local backend
 * (decap-server's file-system mode, run inside this process) from one address: the site as
 * usual, and the backend at /api/v1, which is where /admin/ looks for it. Open
 * http://127.0.0.1:4321/admin/ and save: files change in content/ here.
 *
 * The backend writes files, so it answers only its own page (src/lib/editors/local-editor-guard.ts): it
 * listens on 127.0.0.1 alone, refuses any request whose Host or Origin is not this address (a
 * web page in another tab, or DNS rebinding), and reads and writes nothing outside content/. It
 * runs in this process, behind those checks, rather than on a port of its own that a page could
 * reach directly.
 *
 * Options: --port 4321 (the address you open), --preview (serve dist/; run `npm run build`
 * first), --root <folder> (where content/ is read and written; the project by default),
 * --site-port (internal port of the site; two after --port by default). --backend-port is
 * accepted for older scripts and ignored.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { foreignRequest, pathsOutsideContent, pathsThroughLinks } from '../src/lib/editors/local-editor-guard.ts';
import { adminPolicy, backendFromEnv } from '../src/lib/editors/cms-config.ts';
import { contentSecurityPolicy } from '../src/lib/site/csp.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const host = '127.0.0.1';
const port = Number(option('port', '4321'));
const sitePort = Number(option('site-port', String(port + 2)));
const preview = args.includes('--preview');
const contentRoot = resolve(option('root', projectRoot));

const require = createRequire(import.meta.url);
const children: ChildProcess[] = [];
function start(command: string[], env: Record<string, string> = {}): void {
  const child = spawn(process.execPath, command, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`${command.join(' ')} stopped (exit code ${code}); stopping the editor.\n`);
      stop(1);
    }
  });
  children.push(child);
}

// decap-server's file-system mode reads and writes the files under GIT_REPO_DIRECTORY; the
// collections in /admin/config.yml name folders such as content/services. Its express app
// answers /api/v1 here, after the checks below.
process.env.GIT_REPO_DIRECTORY = contentRoot;
const express = createRequire(require.resolve('decap-server/package.json'))('express') as () => ((req: IncomingMessage, res: ServerResponse) => void) & { set: (name: string, value: unknown) => void };
const backend = express();
backend.set('x-powered-by', false);
await (require('decap-server/dist/middlewares.js') as { registerLocalFs: (app: unknown, options: { logLevel: string }) => Promise<void> }).registerLocalFs(backend, {
  logLevel: process.env.LOG_LEVEL ?? 'warn',
});

start(
  preview
    ? [fileURLToPath(new URL('serve.ts', import.meta.url)), '--port', String(sitePort), '--host', host]
    : [join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs'), 'dev', '--port', String(sitePort), '--host', host],
);

/** The editor page's policy, as the built page carries it (the same for every request). */
const editorPolicy = contentSecurityPolicy(adminPolicy(backendFromEnv(process.env)));

function forward(incoming: IncomingMessage, outgoing: ServerResponse, targetPort: number): void {
  const upstream = request({ host, port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (response) => {
    // The editor's page can write to content/: it has its policy here too, as a header, where the
    // development server serves it (its <meta> policy there allows inline styles on every page,
    // csp.ts developmentPolicy). The built page carries its own.
    const editorPage = !preview && /^\/admin(?:\/|\/index\.html)?(?:[?#]|$)/.test(incoming.url ?? '') && /^text\/html\b/i.test(String(response.headers['content-type'] ?? ''));
    outgoing.writeHead(response.statusCode ?? 502, editorPage ? { ...response.headers, 'content-security-policy': editorPolicy } : response.headers);
    response.pipe(outgoing);
  });
  upstream.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    outgoing.end('The site or the local backend is still starting: reload in a moment.\n');
  });
  incoming.pipe(upstream);
}

/** A plain-text refusal. */
function refuse(outgoing: ServerResponse, status: number, why: string): void {
  outgoing.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  outgoing.end(`Refused: ${why}.\n`);
}

/** The backend's request: JSON, at most 50 MB (decap-server's own limit), naming files inside content/ only. */
function toBackend(incoming: IncomingMessage, outgoing: ServerResponse): void {
  if (incoming.method !== 'POST') return refuse(outgoing, 405, 'the editor backend takes POST requests only');
  if (!/^application\/json\b/i.test(incoming.headers['content-type'] ?? '')) return refuse(outgoing, 415, 'the editor backend takes JSON only');
  const chunks: Buffer[] = [];
  let size = 0;
  incoming.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > 50 * 1024 * 1024) incoming.destroy();
    else chunks.push(chunk);
  });
  incoming.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return refuse(outgoing, 400, 'the request is not valid JSON');
    }
    const outside = pathsOutsideContent(body);
    if (outside.length > 0) return refuse(outgoing, 403, `the editor may only read and write files in content/ (entries, and videos, captions, images and PDFs, none of them hidden), not ${outside.map((p) => JSON.stringify(p)).join(', ')}`);
    // A shortcut inside content/ would take the backend wherever it leads, such as src/.
    const linked = pathsThroughLinks(body, contentRoot);
    if (linked.length > 0) return refuse(outgoing, 403, `the editor does not follow shortcuts (symbolic links) in content/, which lead outside it: ${linked.map((p) => JSON.stringify(p)).join(', ')}. Delete the shortcut, and put the files themselves there`);
    // body-parser leaves a request it is told has been read alone.
    Object.assign(incoming, { body, _body: true });
    backend(incoming, outgoing);
  });
}

const server = createServer((incoming, outgoing) => {
  const foreign = foreignRequest({ host: incoming.headers.host, origin: incoming.headers.origin }, port);
  if (foreign) return refuse(outgoing, 403, foreign);
  const path = incoming.url ?? '/';
  if (path === '/api/v1' || path.startsWith('/api/v1/') || path.startsWith('/api/v1?')) return toBackend(incoming, outgoing);
  forward(incoming, outgoing, sitePort);
});
// Astro's dev server reloads pages over a WebSocket: pass upgrades straight through.
server.on('upgrade', (incoming: IncomingMessage, socket, head) => {
  if (foreignRequest({ host: incoming.headers.host, origin: incoming.headers.origin }, port)) return void socket.destroy();
  const upstream = connect(sitePort, host, () => {
    const headers = Object.entries(incoming.headers).map(([name, value]) => `${name}: ${value}`).join('\r\n');
    upstream.write(`${incoming.method} ${incoming.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
    upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
});
server.listen(port, host, () => {
  process.stdout.write(
    `Content editor: http://${host}:${port}/admin/ (saves to ${contentRoot}/content/)\n` +
      `Site${preview ? ' (built, dist/)' : ''}: http://${host}:${port}/\n`,
  );
});

let stopping = false;
function stop(code = 0): void {
  if (stopping) return;
  stopping = true;
  server.close();
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
}
process.on('SIGINT', () => stop());
// However this process ends, it takes decap-server and the site with it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});
process.on('SIGTERM', () => stop());
