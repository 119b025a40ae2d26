import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, untilAnswering } from '../../scripts/lib/project-copy.ts';

/** A port nothing is listening on. */
const freePort = () =>
  new Promise<number>((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });

/**
 * The development server (`npm run dev`, and `npm run cms` for editors) puts each page's styles
 * inline so it can change them live. The built site's security policy allows no inline style, so
 * the development server's pages carry it with inline styles allowed, and scripts as strict.
 */
describe('the development server', () => {
  let root: string;
  let server: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-dev-'));
    copyProject(resolve('.'), root);
    // Files the content check refuses, which the development server only warns about.
    mkdirSync(join(root, 'content/public/files'), { recursive: true });
    writeFileSync(join(root, 'content/public/files/diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>document.title = "ran"</script></svg>');
    writeFileSync(join(root, 'content/notes.html'), '<script>document.title = "ran"</script>');
    writeFileSync(join(root, 'content/notes.js'), 'document.title = "ran"');
    writeFileSync(join(root, 'content/public/files/leaflet.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    writeFileSync(join(root, 'content/public/files/plain.pdf'), '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    // Not the test runner's own environment (NODE_ENV=test and its variables): a person's shell.
    const env = { PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, HOME: process.env.HOME ?? root, ASTRO_TELEMETRY_DISABLED: '1' };
    server = spawn(join(root, 'node_modules/.bin/astro'), ['dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', env });
    await untilAnswering(server, `${origin}/`, { tries: 120, everyMs: 500, failure: 'the development server did not start within a minute' });
  }, 90_000);

  afterAll(() => {
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  test('serves pages with their styles inline, under a policy that allows them and no inline script', async () => {
    for (const path of ['/', '/services/portage-home-visiting/', '/admin/']) {
      const html = await (await fetch(`${origin}${path}`)).text();
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(policy, path).toMatch(/(?:^|; )style-src 'self' 'unsafe-inline';/);
      expect(policy, path).toMatch(/(?:^|; )default-src 'self';/);
      expect(policy, path).toMatch(/(?:^|; )script-src 'self' /);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      if (path !== '/admin/') {
        expect(html, path).toMatch(/<style[^>]*>/);
        // Every script the development server writes into a page is a file, which 'self' allows.
        expect(html.match(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>/g) ?? [], path).toEqual([]);
      }
    }
  });

  test('never serves a file of content/ as it is, where its script would run on the site\'s address', async () => {
    // Vite answers a project's files at their own paths, and any file it may read at /@fs/<path>.
    for (const path of ['/content/public/files/diagram.svg', `/@fs${root}/content/public/files/diagram.svg`, `/@fs${root}/content/notes.html`, '/content/notes.js', `/@fs${root}/content/notes.js`, '/content/site.json?import']) {
      for (const accept of ['text/html,application/xhtml+xml,*/*;q=0.8', '*/*']) {
        const response = await fetch(`${origin}${path}`, { headers: { Accept: accept } });
        const body = await response.text();
        expect(response.status, `${path} (${accept})`).toBe(404);
        expect(body, `${path} (${accept})`).not.toContain('document.title');
      }
    }
    // The site still reads its content, and publishes content/public/ at its own addresses.
    expect((await fetch(`${origin}/services/portage-home-visiting/`)).status).toBe(200);
    expect((await fetch(`${origin}/videos/friends-and-things-to-do.jpg`)).status).toBe(200);
    // A PDF is published, unless it would run JavaScript when opened (src/lib/site/pdf-actions.ts).
    expect((await fetch(`${origin}/files/plain.pdf`)).status).toBe(200);
    const scripted = await fetch(`${origin}/files/leaflet.pdf`);
    expect(scripted.status).toBe(404);
    expect(await scripted.text()).not.toContain('app.alert');
  });
});
