/**
 * Decap CMS itself, copied from the decap-cms npm package into /admin/decap/ at build time, so
 * the editor loads nothing from another origin. Its lazily loaded chunks and WebAssembly sit
 * beside it. One route per extension, so Astro's dev server sees a file name, not a folder.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { withCacheKey } from '../../../lib/site/cache-key.ts';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const decapPackage = createRequire(join(process.cwd(), 'package.json')).resolve('decap-cms/package.json');
const decapVersion = (JSON.parse(readFileSync(decapPackage, 'utf8')) as { version: string }).version;
const distDir = join(dirname(decapPackage), 'dist');

/** The main bundle and its numbered chunks (not the source maps, nor the "cms.js" copy), and the WebAssembly. */
const SHIPPED = { js: /^(?:\d+\.)?decap-cms\.js$/, wasm: /^[0-9a-f]+\.wasm$/ };
const TYPES = { js: 'text/javascript; charset=utf-8', wasm: 'application/wasm' };

export function decapFiles(extension: 'js' | 'wasm'): { getStaticPaths: GetStaticPaths; GET: APIRoute } {
  return {
    getStaticPaths: () =>
      readdirSync(distDir)
        .filter((file) => SHIPPED[extension].test(file))
        // The file's name and size, and Decap's version (the lockfile, which Astro also checks).
        .map((file) => withCacheKey({ params: { name: file.slice(0, -(extension.length + 1)) } }, statSync(join(distDir, file)).size, decapVersion)),
    GET: ({ params }) =>
      new Response(readFileSync(join(distDir, `${String(params.name)}.${extension}`)), { headers: { 'Content-Type': TYPES[extension] } }),
  };
}
