/**
 * `npm run typecheck`: TypeScript over the whole project, without writing anything.
 *
 * The types of the content collections (.astro/types.d.ts) are written by Astro when it builds
 * or syncs. In a fresh clone nothing has done that yet, and every `astro:content` import would
 * fail, so Astro's sync runs first (a few seconds). Once they exist (after `npm run build`, as in
 * `npm test`), it is not run again: a build's own types are already there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ASTRO_BIN } from './lib/build-steps.ts';

/** Runs a Node script in the project folder; stops with its exit code if it fails. */
function run(script: string, args: string[]): void {
  const { status, error } = spawnSync(process.execPath, [script, ...args], { stdio: 'inherit' });
  if (error) {
    console.error(`✗ ${script} could not be started: ${error.message}`);
    process.exit(1);
  }
  if (status !== 0) process.exit(status ?? 1);
}

if (!existsSync('.astro/types.d.ts')) {
  console.log('Writing the content collections\' types first (astro sync)…');
  run(ASTRO_BIN, ['sync']);
}
run('node_modules/typescript/bin/tsc', ['--noEmit']);
