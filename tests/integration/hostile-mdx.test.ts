import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, runInCopy, untilAnswering } from '../../scripts/lib/project-copy.ts';

/**
 * An editor's MDX file that would run code while the site is built, in one copy of the project:
 * the build must stop with the plain-English finding, the development server (which `npm run cms`
 * previews with) must refuse to render it, and the marker file its code writes must never appear.
 * Both shapes passed the old line-by-line check and ran in a real build.
 */
const PORT = Number(process.env.HOSTILE_MDX_PORT ?? 5110);

describe('an MDX file written to run code', () => {
  let root: string;
  let marker: string;
  const write = () => `process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')`;
  const page = () => `---\ntitle: Opening times\nsummary: When the SEND team is open.\nlastReviewed: 2026-01-10\n---\n\nWe are open on weekdays.\n\n{/* a */ ${write()} /* b */}\n`;
  // A page whose Markdown image names a code file beside the content: the MDX compiler imports an
  // image whose address is not a file of the site, and a build once ran this one.
  const code = () => `${write()};\nexport default '/videos/friends-and-things-to-do.jpg';\n`;
  const diagram = '---\ntitle: How the process works\nsummary: A diagram of how the process works.\nlastReviewed: 2026-01-10\n---\n\nHere is a diagram of the process.\n\n![Diagram of the process](../.diagram.mjs)\n';

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'olo-hostile-mdx-'));
    marker = join(root, 'ran.txt');
    copyProject(resolve('.'), root);
    writeFileSync(join(root, 'content/pages/opening-times.mdx'), page());
    writeFileSync(join(root, 'content/.diagram.mjs'), code());
    writeFileSync(join(root, 'content/pages/how-it-works.mdx'), diagram);
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('stops the build with the file, the line and the fix, and never runs', async () => {
    const build = await runInCopy(root, 'astro', ['build']);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('content/pages/opening-times.mdx: (body, line 9) — found {/* a */ process.getBuiltinModule');
    expect(build.output).toContain('remove the curly brackets');
    expect(build.output).toContain('content/pages/how-it-works.mdx: (body, line 9) — found the image "../.diagram.mjs": not a file of this site');
    expect(build.output).toContain('content/.diagram.mjs: (file type) — is a code file, and content cannot add code to the site');
    expect(existsSync(marker), 'the marker file').toBe(false);
  }, 120_000);

  test('is never rendered by the development server, and never runs', async () => {
    const env = { PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`, HOME: process.env.HOME ?? root, ASTRO_TELEMETRY_DISABLED: '1' };
    const server: ChildProcess = spawn(join(root, 'node_modules/.bin/astro'), ['dev', '--port', String(PORT), '--host', '127.0.0.1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    let terminal = '';
    server.stdout!.on('data', (chunk) => (terminal += chunk));
    server.stderr!.on('data', (chunk) => (terminal += chunk));
    try {
      await untilAnswering(server, `http://127.0.0.1:${PORT}/`, { tries: 120, everyMs: 500, failure: 'the development server did not start within a minute' });
      const response = await fetch(`http://127.0.0.1:${PORT}/opening-times/`);
      const html = await response.text();
      expect(response.status).not.toBe(200);
      expect(html).not.toContain('We are open on weekdays.');
      // A second request, and the page that lists general pages, must not run it either.
      await fetch(`http://127.0.0.1:${PORT}/opening-times/`);
      expect(existsSync(marker), 'the marker file').toBe(false);
      // The editor previewing the page is told why, in the content check's words.
      expect(terminal).toContain('content/pages/opening-times.mdx: (body, line 9) — found {/* a */ process.getBuiltinModule');
      // The image that names a code file is not compiled either.
      await fetch(`http://127.0.0.1:${PORT}/how-it-works/`);
      expect(existsSync(marker), 'the marker file').toBe(false);
      // A layout added to a page while the server runs (a save in the editor, a git pull): the
      // content check ran at start-up, so only the guard in the pipeline stands between the
      // compiler and the module the layout names.
      const about = join(root, 'content/pages/about-the-local-offer.mdx');
      expect((await fetch(`http://127.0.0.1:${PORT}/about-the-local-offer/`)).status).toBe(200);
      const layout = JSON.stringify(`data:text/javascript,${write()};export default function L() { return 'x' }`);
      writeFileSync(about, readFileSync(about, 'utf8').replace(/^---\n/, `---\nlayout: ${layout}\n`));
      await new Promise((done) => setTimeout(done, 4000));
      const after = await fetch(`http://127.0.0.1:${PORT}/about-the-local-offer/`);
      await after.text();
      await fetch(`http://127.0.0.1:${PORT}/about-the-local-offer/`);
      expect(existsSync(marker), 'the marker file').toBe(false);
      expect(terminal).toContain('content/pages/about-the-local-offer.mdx: layout — found a layout named in the frontmatter');
    } finally {
      server.kill();
    }
  }, 120_000);

  test('is refused inside the build itself, even where the content check does not look', async () => {
    // A page in src/pages/ is not content, so only the guard in the pipeline can stop it.
    for (const file of ['content/pages/opening-times.mdx', 'content/pages/how-it-works.mdx', 'content/.diagram.mjs']) rmSync(join(root, file));
    const about = join(root, 'content/pages/about-the-local-offer.mdx');
    writeFileSync(about, readFileSync(about, 'utf8').replace(/^layout: .*\n/m, ''));
    mkdirSync(join(root, 'src/pages/notices'), { recursive: true });
    // The code file moves out of content/, where the content check would stop the build first.
    writeFileSync(join(root, 'src/diagram.mjs'), code());
    writeFileSync(
      join(root, 'src/pages/notices/index.mdx'),
      `import cp from 'node:child_process'; export const p = ${write()}; import Step from '../../src/components/Step.astro'\n\nNotices.\n\n![Diagram](../../diagram.mjs)\n`,
    );
    const build = await runInCopy(root, 'astro', ['build']);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('src/pages/notices/index.mdx: (body, line 1) — found import cp from');
    expect(build.output).toContain('src/pages/notices/index.mdx: (body, line 5) — found the image "../../diagram.mjs": not a file of this site');
    expect(existsSync(marker), 'the marker file').toBe(false);
  }, 180_000);
});
