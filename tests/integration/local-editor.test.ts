import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { foreignRequest, pathsOutsideContent, pathsThroughLinks } from '../../src/lib/editors/local-editor-guard.ts';

/**
 * The local editor backend (`npm run cms`) writes files. A web page open in another tab can send
 * requests to 127.0.0.1, and by DNS rebinding can even make its own host name point there: the
 * backend must answer only requests addressed to it from its own page, and must never read or
 * write outside content/. Run against a copy of content/ (--root), with the built-site preview.
 */
const PORT = Number(process.env.LOCAL_EDITOR_PORT ?? 5130);

interface Answer {
  status: number;
  body: string;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function send(path: string, { method = 'GET', headers = {}, body, port = PORT }: { method?: string; headers?: Record<string, string>; body?: unknown; port?: number }): Promise<Answer & { policy?: string }> {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...(payload ? { 'content-type': 'application/json' } : {}), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => done({ status: response.statusCode ?? 0, body: text, policy: response.headers['content-security-policy'] as string | undefined }));
      },
    );
    outgoing.on('error', fail);
    outgoing.end(payload);
  });
}

const backend = (body: unknown, headers: Record<string, string> = {}) => send('/api/v1', { method: 'POST', headers, body });

/**
 * `npm run cms` on a copy of content/, answering at `port`: with the built-site preview, or the
 * development server. Resolves once it answers; stops with what the command said if it never does.
 */
async function startEditor(port: number, { preview }: { preview: boolean }): Promise<{ root: string; cms: ChildProcess }> {
  const root = mkdtempSync(join(tmpdir(), 'olo-local-editor-'));
  cpSync('content', join(root, 'content'), { recursive: true });
  cpSync('package.json', join(root, 'package.json'));
  const cms = spawn(resolve('node_modules/.bin/node'), [resolve('scripts/cms.ts'), ...(preview ? ['--preview'] : []), '--port', String(port), '--site-port', String(port + 2), '--root', root], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // As an editor runs it, in a plain environment: with the test runner's own variables the
    // development server answered /admin/ with 404.
    env: { PATH: process.env.PATH, HOME: process.env.HOME ?? root, ASTRO_TELEMETRY_DISABLED: '1', LOG_LEVEL: 'error' },
  });
  let said = '';
  cms.stdout!.on('data', (chunk) => (said += chunk));
  cms.stderr!.on('data', (chunk) => (said += chunk));
  for (let i = 0; i < 300; i++) {
    try {
      // The backend, or, with the development server, the editor's page it serves.
      const answer = preview ? await send('/api/v1', { method: 'POST', body: { action: 'info', params: {} }, port }) : await send('/admin/', { port });
      if (answer.status === 200) return { root, cms };
      said += `[${answer.status}] `;
    } catch (error) {
      said += `[${(error as Error).message}] `;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  cms.kill();
  throw new Error(`npm run cms did not start:\n${said}`);
}

describe('the local editor backend', () => {
  let root: string;
  let cms: ChildProcess;

  beforeAll(async () => {
    ({ root, cms } = await startEditor(PORT, { preview: true }));
  }, 90_000);

  afterAll(() => {
    cms?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  const entry = (path: string) => ({ action: 'persistEntry', params: { branch: 'main', entry: { slug: 'x', path, raw: 'written by an attacker\n' }, assets: [], options: { commitMessage: 'x', useWorkflow: false, status: 'draft' } } });

  test('answers its own page: it reads and saves a file in content/', async () => {
    const saved = await backend(entry('content/pages/from-the-editor.mdx'), { origin: `http://127.0.0.1:${PORT}` });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(root, 'content/pages/from-the-editor.mdx'), 'utf8')).toBe('written by an attacker\n');
    const read = await backend({ action: 'getEntry', params: { branch: 'main', path: 'content/site.json' } });
    expect(read.status).toBe(200);
    expect(JSON.parse(read.body).data).toContain('"siteUrl"');
  });

  test('refuses a request from a web page on another site', async () => {
    const answer = await backend(entry('content/pages/from-another-site.mdx'), { origin: 'https://evil.example' });
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('came from a page at "https://evil.example"');
    expect(existsSync(join(root, 'content/pages/from-another-site.mdx'))).toBe(false);
  });

  test('refuses a request addressed to another host name (DNS rebinding), for the backend and the site alike', async () => {
    const rebound = { host: `evil.example:${PORT}`, origin: `http://evil.example:${PORT}` };
    const answer = await backend(entry('content/pages/rebound.mdx'), rebound);
    expect(answer.status).toBe(403);
    expect(existsSync(join(root, 'content/pages/rebound.mdx'))).toBe(false);
    expect((await backend({ action: 'getEntry', params: { branch: 'main', path: 'content/site.json' } }, { host: `evil.example:${PORT}` })).status).toBe(403);
    expect((await send('/admin/', { headers: { host: `evil.example:${PORT}` } })).status).toBe(403);
  });

  test.each([
    ['the site\'s configuration', 'astro.config.mjs'],
    ['the site\'s code', 'src/pages/index.astro'],
    ['a file beside the project', '../outside.txt'],
    ['a path that climbs out of content/', 'content/../package.json'],
    ['an absolute path', '/tmp/olo-local-editor-absolute.txt'],
  ])('never writes %s', async (_what, path) => {
    const answer = await backend(entry(path));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('may only read and write files in content/');
    expect(existsSync(resolve(root, path))).toBe(path === 'src/pages/index.astro' ? false : path === 'content/../package.json');
    if (path === 'content/../package.json') expect(readFileSync(join(root, 'package.json'), 'utf8')).not.toContain('attacker');
  });

  test.each([
    ['getEntry', { path: 'package.json' }],
    ['getMediaFile', { path: '../../etc/hostname' }],
    ['entriesByFolder', { folder: 'src', extension: 'ts', depth: 5 }],
    ['getMedia', { mediaFolder: '.' }],
    ['deleteFile', { path: 'package.json' }],
    ['persistMedia', { asset: { path: 'public/_headers', content: 'eA==', encoding: 'base64' } }],
  ])('never reads, lists or changes anything outside content/ (%s)', async (action, params) => {
    const answer = await backend({ action, params: { branch: 'main', ...params } });
    expect(answer.status).toBe(403);
    expect(existsSync(join(root, 'package.json'))).toBe(true);
  });

  test.each([
    ['a code file, named with a slash at the end that the backend drops', 'content/diagram.mjs/', 'content/diagram.mjs'],
    ['a package file in content/', 'content/package.json', 'content/package.json'],
    ['a file without an extension in a collection', 'content/services/evil', 'content/services/evil'],
    ["a host's configuration file among the videos", 'content/public/videos/_headers', 'content/public/videos/_headers'],
    ['an SVG among the videos', 'content/public/videos/poster.svg', 'content/public/videos/poster.svg'],
  ])('never writes %s', async (_what, path, lands) => {
    const answer = await backend(entry(path), { origin: `http://127.0.0.1:${PORT}` });
    expect(answer.status).toBe(403);
    expect(existsSync(join(root, lands))).toBe(false);
  });

  test('never writes through a shortcut (symbolic link) in content/ to somewhere else', async () => {
    // A collection's folder that is a shortcut to the site's code: the path itself is one the editor writes.
    mkdirSync(join(root, 'src-elsewhere'), { recursive: true });
    renameSync(join(root, 'content/pages'), join(root, 'pages-moved'));
    symlinkSync('../src-elsewhere', join(root, 'content/pages'));
    try {
      const answer = await backend(entry('content/pages/x.mdx'), { origin: `http://127.0.0.1:${PORT}` });
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('does not follow shortcuts');
      expect(existsSync(join(root, 'src-elsewhere/x.mdx'))).toBe(false);
    } finally {
      rmSync(join(root, 'content/pages'));
      renameSync(join(root, 'pages-moved'), join(root, 'content/pages'));
    }
  });

  test('takes JSON by POST only', async () => {
    expect((await send('/api/v1', { method: 'GET' })).status).toBe(405);
    expect((await send('/api/v1', { method: 'POST', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });
});

describe('the rule the editor backend applies', () => {
  test('its own address, with or without an Origin, is local', () => {
    expect(foreignRequest({ host: '127.0.0.1:4321' }, 4321)).toBeUndefined();
    expect(foreignRequest({ host: 'localhost:4321', origin: 'http://localhost:4321' }, 4321)).toBeUndefined();
    expect(foreignRequest({ host: '127.0.0.1:4321', origin: 'http://127.0.0.1:4322' }, 4321)).toMatch(/came from a page/);
    expect(foreignRequest({ host: '127.0.0.1.evil.example:4321' }, 4321)).toMatch(/addressed to/);
    expect(foreignRequest({}, 4321)).toMatch(/addressed to/);
  });

  test('paths in content/ pass and any other does not', () => {
    expect(pathsOutsideContent({ params: { entry: { path: 'content/services/a.json', newPath: 'content/services/b.json' }, assets: [{ path: 'content/public/videos/a.jpg' }] } })).toEqual([]);
    expect(pathsOutsideContent({ params: { paths: ['content/a.json', 'src/x.ts'], dataFiles: [{ path: 'content\\..\\x' }] } })).toEqual(['src/x.ts', 'content\\..\\x']);
  });

  test('what it writes: an entry of a collection the editor edits, named as the check requires, or a file content/public/ publishes', () => {
    const write = (path: string) => pathsOutsideContent({ action: 'persistEntry', params: { dataFiles: [{ path }] } });
    for (const path of ['content/services/a-b.json', 'content/pages/x.mdx', 'content/feedback/2026-10-ehc.json', 'content/public/videos/a.mp4', 'content/public/videos/a.vtt', 'content/public/files/leaflet.pdf']) expect(write(path), path).toEqual([]);
    for (const path of ['content/package.json', 'content/services/evil', 'content/services/A.json', 'content/pathways/x.json', 'content/site.json', 'content/x.mjs/', 'content//services/a.json', 'content/public/videos/_headers', 'content/public/videos/a.svg', 'content/public/videos/a#b.mp4']) expect(write(path), path).toEqual([path]);
    // Reading is wider: the editor lists and opens what is there.
    expect(pathsOutsideContent({ action: 'getEntry', params: { path: 'content/site.json' } })).toEqual([]);
  });

  test('a path through a shortcut inside content/ is found; content/ itself may be one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'olo-editor-links-'));
    try {
      mkdirSync(join(dir, 'real-content/services'), { recursive: true });
      mkdirSync(join(dir, 'src'));
      symlinkSync('real-content', join(dir, 'content'));
      symlinkSync('../src', join(dir, 'real-content/linky'));
      const body = { params: { dataFiles: [{ path: 'content/linky/pages/evil.md' }, { path: 'content/services/a.json' }] } };
      expect(pathsThroughLinks(body, dir)).toEqual(['content/linky/pages/evil.md']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('in content/, only the kinds of file content is made of: no code, and nothing hidden', () => {
    // A page could import a code file in content/ (an image written as ![x](../diagram.mjs) once did).
    const named = ['content/diagram.mjs', 'content/.diagram.mjs', 'content/pages/x.ts', 'content/.hidden/a.json', 'content/public/files/.htaccess', 'content/public/videos/a.JS'];
    expect(pathsOutsideContent({ params: { dataFiles: named.map((path) => ({ path })) } })).toEqual(named);
    const allowed = ['content/pages/a.mdx', 'content/glossary.json', 'content/public/videos/a.vtt', 'content/public/videos/a.mp4', 'content/public/files/a.pdf', 'content/public/files/a.JPEG', 'content/public/videos'];
    expect(pathsOutsideContent({ params: { dataFiles: allowed.map((path) => ({ path })) } })).toEqual([]);
  });
});

describe('the editor page under npm run cms with the development server', () => {
  const port = PORT + 10;
  let root: string;
  let cms: ChildProcess;

  beforeAll(async () => {
    ({ root, cms } = await startEditor(port, { preview: false }));
  }, 90_000);

  afterAll(() => {
    cms?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('has its security policy, as the built page does: the development server leaves every page\'s out', async () => {
    const policy = (await send('/admin/', { port })).policy ?? '';
    expect(policy).toMatch(/script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval';/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toMatch(/default-src 'self'/);
  });
});
