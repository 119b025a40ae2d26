import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, npmScriptArgs, runInCopy, type RunResult } from '../../scripts/lib/project-copy.ts';

/**
 * Every real directory feed in ../shared/real-feeds/ (read from there, never copied into the
 * project), imported with --write into one copy of the project, one after the other; then the
 * content check and one build for all of them.
 */
const REAL_FEEDS = resolve('../shared/real-feeds');
const feeds = readdirSync(REAL_FEEDS).filter((f) => f.endsWith('.json')).sort();

/** The records of a feed file, whatever its shape, and how many have a name. */
function recordsOf(file: string): { total: number; named: number } {
  const json = JSON.parse(readFileSync(join(REAL_FEEDS, file), 'utf8'));
  const items: unknown[] = Array.isArray(json) ? json : Array.isArray(json.contents) ? json.contents : Array.isArray(json.content) ? json.content : [json];
  const named = items.filter((item: any) => typeof (item?.content ?? item)?.name === 'string' && (item?.content ?? item).name.replace(/<[^>]*>/g, '').trim() !== '').length;
  return { total: items.length, named };
}

const SUMMARY = /^(\d+) records: (\d+) created, (\d+) updated, (\d+) skipped \(already exist\), (\d+) drafts, (\d+) rejected; (\d+) new organisations\./m;

function* filesIn(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesIn(path);
    else yield path;
  }
}

describe('importing every real directory feed', () => {
  let root: string;
  const imports = new Map<string, RunResult & { seconds: number; counts: number[] }>();
  let servicesBefore: Set<string>;
  let check: RunResult;
  let build: RunResult;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'olo-real-feeds-'));
    copyProject(resolve('.'), root);
    servicesBefore = new Set(readdirSync(join(root, 'content/services')));
    for (const feed of feeds) {
      const started = performance.now();
      const result = await runInCopy(root, 'node', ['scripts/import.ts', join(REAL_FEEDS, feed), '--write']);
      const counts = (SUMMARY.exec(result.output) ?? []).slice(1).map(Number);
      imports.set(feed, { ...result, seconds: (performance.now() - started) / 1000, counts });
    }
    check = await runInCopy(root, 'node', npmScriptArgs('check'));
    build = await runInCopy(root, 'node', ['--max-semi-space-size=128', 'node_modules/astro/bin/astro.mjs', 'build']);
    // For the closing note: records in, published, drafts, rejected and the time each feed took.
    console.log(
      ['feed | records | published | drafts | rejected | skipped | seconds', ...feeds.map((f) => {
        const [total, created, updated, skipped, drafts, rejected] = imports.get(f)!.counts;
        return `${f} | ${total} | ${created! + updated!} | ${drafts} | ${rejected} | ${skipped} | ${imports.get(f)!.seconds.toFixed(1)}`;
      })].join('\n'),
    );
  }, 900_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const service = (sourceFeed: string, id: string) => {
    for (const file of readdirSync(join(root, 'content/services'))) {
      const data = JSON.parse(readFileSync(join(root, 'content/services', file), 'utf8'));
      if (data.source?.feed === sourceFeed && data.source?.id === id) return { id: file.replace(/\.json$/, ''), data };
    }
    throw new Error(`no service imported from ${sourceFeed} with id ${id}`);
  };

  for (const feed of feeds) {
    test(`${feed}: every record with a name is written (published or draft), or was already written from an earlier feed of the same directory`, () => {
      const result = imports.get(feed)!;
      const { total, named } = recordsOf(feed);
      const [records, created, updated, skipped, drafts, rejected] = result.counts;
      expect(records, result.output.slice(-2000)).toBe(total);
      expect(created! + updated! + drafts! + skipped!).toBe(named);
      expect(rejected).toBe(total - named);
      // Skipped only because an earlier feed of the same directory brought the same service: never a demo file.
      for (const line of result.output.split('\n').filter((l) => l.startsWith('= '))) expect(servicesBefore.has(`${/: ([a-z0-9-]+) already exists/.exec(line)![1]}.json`), line).toBe(false);
    });
  }

  test('after every --write, npm run check passes and the build succeeds', () => {
    for (const [feed, result] of imports) expect(result.output, feed).not.toContain('After the import, npm run check finds');
    expect(check.status, check.output.slice(-3000)).toBe(0);
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  test('no built page shows a tag or an HTML entity as text', () => {
    const found: string[] = [];
    for (const file of filesIn(join(root, 'dist'))) {
      if (!file.endsWith('.html')) continue;
      const html = readFileSync(file, 'utf8');
      // An escaped tag (&lt;p&gt;) or an escaped entity (&amp;nbsp;) is what a reader would see as typed.
      const match = /&lt;\/?[a-z][a-z0-9]*(?:\s[^&]*)?&gt;|&amp;(?:[a-z]+|#\d+|#x[0-9a-f]+);/i.exec(html);
      if (match) found.push(`${file.slice(root.length)}: ${match[0]}`);
    }
    expect(found).toEqual([]);
  });

  test('drafts are published nowhere: no page, no open data record', () => {
    const drafts = readdirSync(join(root, 'content/services')).filter((file) => JSON.parse(readFileSync(join(root, 'content/services', file), 'utf8')).draft?.length);
    expect(drafts.length).toBeGreaterThan(0);
    const listed = new Set((JSON.parse(readFileSync(join(root, 'dist/openreferral/v3/services.json'), 'utf8')).contents as { x_id: string }[]).map((s) => s.x_id));
    const sitemap = readdirSync(join(root, 'dist')).filter((f) => f.startsWith('sitemap')).map((f) => readFileSync(join(root, 'dist', f), 'utf8')).join('');
    for (const file of drafts) {
      const id = file.replace(/\.json$/, '');
      expect(statSync(join(root, 'dist/services', id), { throwIfNoEntry: false }), id).toBeUndefined();
      expect(listed.has(id), id).toBe(false);
      expect(sitemap).not.toContain(`/services/${id}/`);
    }
  });

  test('named fields of chosen records arrive exactly: ages, phones, hours, address lines, cost description', () => {
    const brownies = service('buckinghamshire-outpost-services', '1').data;
    expect(brownies.ageRange).toEqual({ min: 5, max: 11 });
    expect(brownies.hours).toEqual([{ days: ['mon'], opens: '10:00', closes: '17:00' }]);
    expect(brownies.locations).toEqual([{ name: "St Joseph's Catholic Infant School", address: 'Hazell Avenue, Aylesbury', postcode: 'HP21 7JF', lat: 51.811001, lng: -0.790659 }]);

    const counselling = service('dfe-test-service-with-html-and-javascript', 'ac148810-d857-441c-9679-408f346de14b').data;
    expect(counselling.ageRange).toEqual({ min: 12, max: 25 });
    expect(counselling.contacts[0]).toMatchObject({ name: 'Ann Persona', phone: '+44 1234 234567', email: 'email@example.com' });
    expect(counselling.hours).toEqual([{ days: ['thu', 'fri'], opens: '10:00', closes: '18:00' }]);
    expect(counselling.cost.free).toBe(false);
    expect(counselling.cost.details).toContain('The current rate is £50 per hour.');
    expect(counselling.description).toBe(
      '**Counselling** Services provided by trained professionals. Suitable for people with mental health conditions such as anxiety, depression, or eating disorders as well as people experiencing difficult life events and circumstances.',
    );

    const celestine = service('bristol-v1-services', '79392a8c-6961-4f31-8ff3-38a8d202c30c').data;
    expect(celestine.contacts).toEqual([{ email: 'psechousing@southglos.gov.uk' }]);
    expect(celestine.lastReviewed).toBe('2023-02-20');
    expect(celestine.organisation).toBe('south-gloucestershire-council');
    // -1 ages in the feed: not stated, never "0 to 25".
    const independent = service('bristol-v1-services', '2a3483ea-8966-4f50-9dc3-7bafa1e5c623');
    expect(independent.data.ageRange).toBeUndefined();
  });

  test('a published imported service with no ages or cost stated says so on its page, never "0 to 25" or "There is a charge"', () => {
    const files = readdirSync(join(root, 'content/services')).map((file) => ({ id: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(join(root, 'content/services', file), 'utf8')) }));
    const unstated = files.find(({ data }) => data.source && !data.draft && !data.ageRange && !data.cost)!;
    expect(unstated, 'a published imported service with neither ages nor cost').toBeDefined();
    const page = readFileSync(join(root, 'dist/services', unstated.id, 'index.html'), 'utf8');
    expect(page).toContain('Ages not stated: ask the service');
    expect(page).toContain('Cost not stated: ask the service');
    expect(page).not.toMatch(/All ages, 0 to 25|There is a charge/);
  });

  test('no imported summary has a Markdown escape in it', () => {
    const summaries = readdirSync(join(root, 'content/services'))
      .map((file) => JSON.parse(readFileSync(join(root, 'content/services', file), 'utf8')))
      .filter((data) => data.source)
      .map((data) => String(data.summary));
    expect(summaries.filter((text) => text.includes('\\'))).toEqual([]);
  });

  // Last, as it imports feeds again (changing nothing, if it passes). Only the feeds none of whose
  // records an earlier feed of the same directory brought: the others (Bristol's v3 files, under
  // names of their own) would rightly update what the v1 list wrote.
  test('importing a feed again with --update changes no file and adds none, even where the feed gives two records one id', async () => {
    const snapshot = () => new Map([...filesIn(join(root, 'content'))].map((file) => [file.slice(root.length), readFileSync(file, 'utf8')]));
    const before = snapshot();
    const again = feeds.filter((feed) => imports.get(feed)!.counts[3] === 0);
    expect(again).toContain('bristol-v1-services.json');
    for (const feed of again) {
      const result = await runInCopy(root, 'node', ['scripts/import.ts', join(REAL_FEEDS, feed), '--write', '--update']);
      expect(result.status, result.output.slice(-2000)).toBe(imports.get(feed)!.status);
    }
    const after = snapshot();
    expect([...after.keys()].filter((file) => !before.has(file))).toEqual([]);
    expect([...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file)).toEqual([]);
  }, 300_000);
});
