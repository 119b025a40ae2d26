import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.ts';

/**
 * A copy of the project that a test or the benchmark can change and build without touching the
 * real one: what the build reads is copied, node_modules is linked, and (unless the copy must
 * build cold) the social-image cache (.cache/og) is copied so the build draws only the images of
 * pages that were added or changed.
 *
 * node_modules is linked package by package, leaving out the folders builds write to (older
 * Astro and Vite caches): test files run in parallel, and builds sharing a cache read each
 * other's content.
 */
const BUILD_CACHES = new Set(['.astro', '.vite', '.vite-temp']);
const BUILD_INPUTS = ['src', 'public', 'content', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Copies the project at `from` into `root`. `keep` names inputs already in `root` (such as
 * content/); `imageCache: false` leaves the social-image cache behind, for a cold build.
 */
export function copyProject(from: string, root: string, { keep = [] as string[], imageCache = true } = {}): void {
  for (const item of BUILD_INPUTS) if (!keep.includes(item)) cpSync(join(from, item), join(root, item), { recursive: true });
  if (!existsSync(join(root, 'node_modules'))) {
    mkdirSync(join(root, 'node_modules'));
    for (const entry of readdirSync(join(from, 'node_modules'))) {
      if (!BUILD_CACHES.has(entry)) symlinkSync(join(from, 'node_modules', entry), join(root, 'node_modules', entry));
    }
  }
  if (imageCache && existsSync(join(from, '.cache/og'))) cpSync(join(from, '.cache/og'), join(root, '.cache/og'), { recursive: true });
}

export interface RunResult {
  status: number;
  output: string;
}

/**
 * The environment of a command as a person runs it. Vitest sets NODE_ENV=test, DEV=1, PROD= and
 * MODE=test in its workers; a build that inherits them is a development build
 * (import.meta.env.DEV): no security policy, and the Open Referral routes render instead of the
 * export's worker. Left undefined, Node does not pass them on.
 */
export const productionEnv = Object.fromEntries(['NODE_ENV', 'DEV', 'PROD', 'MODE', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'].map((name) => [name, undefined])) as unknown as Record<string, string>;

/** Runs one of the copy's own tools (`node scripts/check.ts`, `astro build`) in the copy, as `npm run` would. */
export function runInCopy(root: string, tool: 'node' | 'astro', args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((done) => {
    execFile(join(root, 'node_modules/.bin', tool), args, { cwd: root, env: { ...process.env, ...productionEnv, CI: 'true', ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

/**
 * Node's arguments for an npm script that is one "node …" command, read from package.json, so a
 * test runs a copy's `npm run build` or `npm run check` exactly as an editor does.
 */
export function npmScriptArgs(name: string, project = '.'): string[] {
  const script = String((JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[name]);
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node' || script.includes('&&')) throw new Error(`package.json's ${name} script should be one "node …" command (found "${script}")`);
  return words.slice(1);
}

/** Node's arguments for `npm run build` (npmScriptArgs). */
export const npmBuildArgs = (project = '.'): string[] => npmScriptArgs('build', project);

/**
 * Waits until `url` answers with a success, polling every `everyMs` for up to `tries` times; if it
 * never does, stops the server and throws `failure`.
 */
export async function untilAnswering(server: ChildProcess, url: string, { tries, everyMs, failure }: { tries: number; everyMs: number; failure: string }): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  server.kill();
  throw new Error(failure);
}

/** Serves a built copy's dist/ (or `dir`) with scripts/serve.ts on `port`, once it answers. */
export async function serveBuilt(root: string, port: number, dir = join(root, 'dist')): Promise<ChildProcess> {
  const server = spawn(join(root, 'node_modules/.bin/node'), [join(root, 'scripts/serve.ts'), '--dir', dir, '--port', String(port)], { cwd: root, stdio: 'ignore' });
  await untilAnswering(server, `http://127.0.0.1:${port}/`, { tries: 100, everyMs: 100, failure: `the test server on port ${port} did not start` });
  return server;
}

/** Chromium as the tests use it (scripts/lib/chromium.ts), with background traffic off. */
export async function launchChromium() {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
