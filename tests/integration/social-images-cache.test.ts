import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject } from '../../scripts/lib/project-copy.ts';
import { socialImageFonts, socialImageJobs } from '../../src/integrations/social-images.ts';
import { fontsHash, socialImageKey } from '../../src/lib/social-images/social-image.ts';
import type { Site } from '../../src/lib/site/site.ts';
import { siteSchema } from '../../src/contract/site.ts';

/**
 * Social images are cached by a hash of what they show. In a copy of the project: a second
 * build with nothing changed draws none, and changing one service's summary redraws only that
 * service's image.
 */
interface BuildResult {
  status: number | null;
  output: string;
  rendered: number;
  fromCache: number;
  /** Pages opened after the build to read their meta tags, and pages whose tags were known from the last build's record. */
  read: number;
  known: number;
}

function build(root: string): BuildResult {
  const result = spawnSync(resolve('node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const output = `${result.stdout}${result.stderr}`;
  const counter = output.match(/og images: (\d+) rendered, (\d+) from cache/);
  const pages = output.match(/og images: .*; (\d+) pages? read for their meta tags, (\d+) known from the last build/);
  return { status: result.status, output, rendered: Number(counter?.[1] ?? NaN), fromCache: Number(counter?.[2] ?? NaN), read: Number(pages?.[1] ?? NaN), known: Number(pages?.[2] ?? NaN) };
}

describe('social images on a rebuild', () => {
  let root: string;
  const builds: BuildResult[] = [];
  const images: { portage: Buffer; mediation: Buffer }[] = [];
  const snapshot = () => ({
    portage: readFileSync(join(root, 'dist/og/services/portage-home-visiting.png')),
    mediation: readFileSync(join(root, 'dist/og/services/send-mediation.png')),
  });

  beforeAll(() => {
    // The copy starts from the project's own image cache when there is one: the first build is then quick.
    root = mkdtempSync(join(tmpdir(), 'olo-og-'));
    copyProject(resolve('.'), root);

    builds.push(build(root));
    images.push(snapshot());
    builds.push(build(root));
    images.push(snapshot());
    const file = join(root, 'content/services/portage-home-visiting.json');
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.summary = 'Changed for the cache test: home visits that help young children learn through play.';
    writeFileSync(file, JSON.stringify(data, null, 2));
    builds.push(build(root));
    images.push(snapshot());
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('every build succeeds and prints the image counter', () => {
    for (const result of builds) {
      expect(result.status, result.output).toBe(0);
      expect(result.rendered + result.fromCache, result.output).toBeGreaterThan(20);
    }
  });

  test('a second build with nothing changed renders no image', () => {
    expect(builds[1]!.rendered).toBe(0);
    expect(builds[1]!.fromCache).toBe(builds[0]!.rendered + builds[0]!.fromCache);
    expect(images[1]!.portage.equals(images[0]!.portage)).toBe(true);
  });

  test('changing one service redraws only that service\'s image', () => {
    expect(builds[2]!.rendered).toBe(1);
    expect(builds[2]!.fromCache).toBe(builds[1]!.fromCache - 1);
    expect(images[2]!.portage.equals(images[1]!.portage)).toBe(false);
    expect(images[2]!.mediation.equals(images[1]!.mediation)).toBe(true);
  });

  test('a rebuild does not open the pages it copied unchanged: what their meta tags say is known from the build before', () => {
    // The second build copies most pages from Astro's cache and reads each once; the third copies
    // the same files again, so it reads none of them. It still reads the few pages rendered on
    // every build that hand over no image as they are rendered (today /admin/, which has none, and
    // 404.html).
    expect(builds[1]!.read, builds[1]!.output).toBeGreaterThan(200);
    expect(builds[2]!.known, builds[2]!.output).toBeGreaterThan(200);
    expect(builds[2]!.read, builds[2]!.output).toBeLessThan(10);
  });

  test('every page\'s image shows what its own meta tags say (pages hand their image over while rendered; the build trusts them)', () => {
    const site: Site = siteSchema().parse(JSON.parse(readFileSync(join(root, 'content/site.json'), 'utf8')));
    const fonts = fontsHash(socialImageFonts(root));
    // Read from the HTML alone, as a link preview would read it.
    const jobs = socialImageJobs(join(root, 'dist'), site, site.siteUrl);
    expect(jobs.length).toBeGreaterThan(200);
    for (const job of jobs) {
      // Each image in dist/ is a link to the cache file named by a hash of what it shows.
      const shown = statSync(join(root, 'dist', job.output)).ino;
      expect(shown, job.output).toBe(statSync(join(root, '.cache/og', `${socialImageKey(job.input, fonts)}.png`)).ino);
    }
  });
});
