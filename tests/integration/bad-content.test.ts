import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, npmBuildArgs, npmScriptArgs, runInCopy } from '../../scripts/lib/project-copy.ts';
import { applyCase, type CorpusCase } from '../fixtures/bad-content/make.ts';

/**
 * The corpus of bad content (tests/fixtures/bad-content/<case>/case.json): every input that once
 * crashed, hung or fooled `npm run check`, with the message an editor must read. Each case runs
 * the check (or the command it names) once, in a copy of the project of its own: the check as
 * `npm run check` runs it (CHECK).
 */
const corpusDir = resolve('tests/fixtures/bad-content');
const cases: CorpusCase[] = readdirSync(corpusDir)
  .filter((name) => existsSync(join(corpusDir, name, 'case.json')))
  .map((name) => ({ name, ...(JSON.parse(readFileSync(join(corpusDir, name, 'case.json'), 'utf8')) as Omit<CorpusCase, 'name'>) }));

/** A line of a Node stack trace, or the name of an error class at the start of a line. */
const STACK_TRACE = /^\s+at .+(?::\d+:\d+\)?|\(native\)|\(<anonymous>\))$|node:internal|^\s*(?:Range|Type|Syntax|Reference)?Error:/m;
/**
 * Answers come within this long, or the command is stopped and the case fails: a hang is a failure.
 * (The check answers in about a second; the cases run one at a time, so a busy machine is not
 * mistaken for a hang.)
 */
const ANSWER_WITHIN_MS = 30_000;
/** Node's arguments for `npm run check`, from package.json. */
const CHECK = npmScriptArgs('check');

interface Answer {
  status: number;
  output: string;
  timedOut: boolean;
}

function run(root: string, args: string[]): Promise<Answer> {
  return new Promise((done) => {
    execFile(join(root, 'node_modules/.bin/node'), args, { cwd: root, timeout: ANSWER_WITHIN_MS, killSignal: 'SIGKILL', env: { ...process.env, CI: 'true' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const killed = !!error && (error as { killed?: boolean }).killed === true;
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}`, timedOut: killed });
    });
  });
}

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function projectWith(...items: CorpusCase[]): string {
  const root = mkdtempSync(join(tmpdir(), 'olo-bad-content-'));
  roots.push(root);
  copyProject(resolve('.'), root, { imageCache: false });
  for (const item of items) applyCase(root, corpusDir, item);
  return root;
}

describe('the corpus of bad content', () => {
  test('has a case for every input the issue names, and more', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(cases.filter((c) => c.accepted).length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(cases.filter((c) => !c.accepted))('$input', (item) => {
  test('is refused with the message, naming the file, without a stack trace or a hang', { timeout: 120_000 }, async () => {
    const root = projectWith(item);
    const answer = await run(root, item.command ?? CHECK);
    expect(answer.timedOut, `no answer within ${ANSWER_WITHIN_MS / 1000} s`).toBe(false);
    expect(answer.status, answer.output).not.toBe(0);
    if (item.file) expect(answer.output).toContain(item.file);
    expect(answer.output).toContain(item.message);
    expect(answer.output).not.toMatch(STACK_TRACE);
  });
});

describe.each(cases.filter((c) => c.accepted))('$input', (item) => {
  test('is accepted by the check, with any warning naming the file', { timeout: 120_000 }, async () => {
    const root = projectWith(item);
    const answer = await run(root, item.command ?? CHECK);
    expect(answer.timedOut, `no answer within ${ANSWER_WITHIN_MS / 1000} s`).toBe(false);
    expect(answer.status, answer.output).toBe(0);
    if (item.file) expect(answer.output).toContain(item.file);
    expect(answer.output).toContain(item.message);
    expect(answer.output).not.toMatch(STACK_TRACE);
  });
});

/** What the check accepts, the build must build: one build of every accepted case together. */
describe('building the content the check accepts in the corpus', () => {
  const accepted = cases.filter((c) => c.accepted);
  let root: string;
  let build: Answer = { status: 1, output: '', timedOut: false };

  beforeAll(async () => {
    root = projectWith(...accepted);
    const check = await run(root, CHECK);
    expect(check.status, check.output).toBe(0);
    // `npm run build` (package.json), with the project's own Node.
    build = { ...(await runInCopy(root, 'node', npmBuildArgs())), timedOut: false };
  }, 900_000);

  test('succeeds', () => {
    expect(build.status, build.output.slice(-4000)).toBe(0);
    expect(existsSync(join(root, 'dist/pagefind'))).toBe(true);
  });

  test('warns, at the end, of the video too big for some hosts, with its size and where to read more', () => {
    expect(build.output).toContain(
      [
        'This file is bigger than 25.0 MB, which some hosts refuse (Cloudflare Pages does):',
        '  dist/videos/your-rights-at-16.mp4: 26.0 MB',
        'The site works; choose a host without a per-file limit, or see "File sizes" in docs/hosting.md.',
      ].join('\n'),
    );
    // Once, by npm run build (scripts/build.ts), from the sizes it keeps: not by Astro as well.
    expect(build.output.match(/which some hosts refuse/g)).toHaveLength(1);
  });

  test('built again with nothing changed, is the same site, put back from the last build without building', async () => {
    const files = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => [join(e.parentPath, e.name).slice(dir.length), createHash('sha256').update(readFileSync(join(e.parentPath, e.name))).digest('hex')]));
    const before = files(join(root, 'dist'));
    const again = await runInCopy(root, 'node', npmBuildArgs());
    expect(again.status, again.output).toBe(0);
    expect(again.output).toMatch(/^Nothing the site is built from has changed since the last build/);
    expect(again.output).not.toContain('[build]');
    expect(again.output).toContain('  dist/videos/your-rights-at-16.mp4: 26.0 MB');
    expect(files(join(root, 'dist'))).toEqual(before);
  });

  test('the 30-question ladder tree\'s map counts its billion journeys on a page of ordinary size', () => {
    const map = join(root, 'dist/navigator/ladder/map/index.html');
    expect(readFileSync(map, 'utf8')).toContain('1,073,741,824 different journeys');
    expect(statSync(map).size).toBeLessThan(200_000);
  });
});
