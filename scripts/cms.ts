/**
 * `npm run cms`: edit content in the browser on your own machine. Starts the site (Astro's dev
 * server, or with --preview the built dist/) and Decap's local backend (decap-server), and serves
 * both from one address: the site as usual, and decap-server at /api/v1, which is where /admin/
 * looks for it. Open http://127.0.0.1:4321/admin/ and save: files change in content/ here.
 *
 * Options: --port 4321 (the address you open), --preview (serve dist/; run `npm run build`
 * first), --root <folder> (where content/ is read and written; the project by default),
 * --backend-port and --site-port (internal ports; the next two after --port by default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1]! : fallback;
};
const projectRoot = fileURLToPath(new URL('../', import.meta.url));
const host = '127.0.0.1';
const port = Number(option('port', '4321'));
const backendPort = Number(option('backend-port', String(port + 1)));
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
// collections in /admin/config.yml name folders such as content/services.
start([require.resolve('decap-server/dist/index.js')], {
  PORT: String(backendPort),
  BIND_HOST: host,
  MODE: 'fs',
  GIT_REPO_DIRECTORY: contentRoot,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
});
start(
  preview
    ? [fileURLToPath(new URL('serve.ts', import.meta.url)), '--port', String(sitePort), '--host', host]
    : [join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs'), 'dev', '--port', String(sitePort), '--host', host],
);

function forward(incoming: IncomingMessage, outgoing: ServerResponse, targetPort: number): void {
  const upstream = request({ host, port: targetPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (response) => {
    outgoing.writeHead(response.statusCode ?? 502, response.headers);
    response.pipe(outgoing);
  });
  upstream.on('error', () => {
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
    outgoing.end('The site or the local backend is still starting: reload in a moment.\n');
  });
  incoming.pipe(upstream);
}

const server = createServer((incoming, outgoing) => {
  const path = incoming.url ?? '/';
  forward(incoming, outgoing, path === '/api/v1' || path.startsWith('/api/v1/') || path.startsWith('/api/v1?') ? backendPort : sitePort);
});
// Astro's dev server reloads pages over a WebSocket: pass upgrades straight through.
server.on('upgrade', (incoming: IncomingMessage, socket, head) => {
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
