import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Folders of node_modules a build writes to: Astro's content cache and Vite's. */
const BUILD_CACHES = new Set(['.astro', '.vite', '.vite-temp']);

/**
 * A throw-away copy of the project for a test build: the given files and folders, and the
 * project's social-image cache (so only images whose content changed are drawn). node_modules is
 * linked package by package rather than as one folder, so each copy has its own
 * node_modules/.astro: Vitest runs test files in parallel, and two builds sharing Astro's content
 * cache would read each other's content.
 */
export function copyProject(prefix: string, items: string[]): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const item of items) cpSync(item, join(root, item), { recursive: true });
  mkdirSync(join(root, 'node_modules'));
  for (const entry of readdirSync('node_modules')) {
    if (!BUILD_CACHES.has(entry)) symlinkSync(resolve('node_modules', entry), join(root, 'node_modules', entry));
  }
  if (existsSync('.cache/og')) cpSync('.cache/og', join(root, '.cache/og'), { recursive: true });
  return root;
}
