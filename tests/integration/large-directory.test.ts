import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, runInCopy, type RunResult } from '../fixtures/project-copy.ts';
import { needs } from '../../src/lib/vocabulary.ts';

/**
 * A directory too big for one page: built with the limit lowered below the demo's 64 services,
 * /services/ stops listing every service and its filter opens search instead, and the browse
 * pages' "narrow this list down" links go to search with the same choice.
 */
describe('a directory bigger than /services/ lists on one page', () => {
  let root: string;
  let build: RunResult;
  const page = (path: string) => readFileSync(join(root, 'dist', path, 'index.html'), 'utf8');

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-large-'));
    copyProject(resolve('.'), root);
    build = await runInCopy(root, 'astro', ['build'], { LIST_ALL_SERVICES_UP_TO: '10' });
  }, 600_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('the build succeeds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  test('/services/ lists no service cards but keeps A to Z, browse links and a filter that searches', () => {
    const html = page('services');
    expect(html).not.toContain('id="service-list"');
    expect(html).not.toContain('data-facets');
    expect(html).toMatch(/<form[^>]*action="\/search\/"[^>]*method="get"/);
    expect(html).toMatch(/<input type="hidden" name="kind" value="Services"/);
    expect(html).toContain(`<option value="${needs.label("sensory-and-physical")}"`);
    expect(html).toContain('href="/services/a-z/');
    expect(html).toContain('href="/services/need/sensory-and-physical/"');
    expect(html).toContain('64 services');
  });

  test('browse pages narrow down through search with the same choice', () => {
    const html = page('services/need/sensory-and-physical');
    const link = /href="(\/search\/\?[^"]+)"[^>]*>Narrow this list down further/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    expect(link).toBeDefined();
    const params = new URLSearchParams(link!.split('?')[1]);
    expect(params.get('kind')).toBe('Services');
    expect(params.get('need')).toBe(needs.label('sensory-and-physical'));
  });
});
