/**
 * The steps of `npm run build` (scripts/build.ts), named once for the build, the benchmark and
 * the tests that build as an editor does.
 */

/** Astro's command-line script, from the project folder. */
export const ASTRO_BIN = 'node_modules/astro/bin/astro.mjs';

/**
 * Node's options for Astro's build. A larger young generation: at 5,000 services the build makes
 * many short-lived objects, and with Node's default it spends seconds more collecting them
 * (docs/performance.md).
 */
export const ASTRO_NODE_OPTIONS = ['--max-semi-space-size=128'];

/** Node's arguments for `astro build` in the project folder. */
export function astroBuildArgs(extra: string[] = []): string[] {
  return [...ASTRO_NODE_OPTIONS, ASTRO_BIN, 'build', ...extra];
}
