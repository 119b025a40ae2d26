/**
 * Decap CMS itself, copied from the decap-cms npm package into /admin/decap/ at build time, so
 * the editor loads nothing from another origin. Its lazily loaded chunks sit beside it.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const distDir = join(dirname(createRequire(join(process.cwd(), 'package.json')).resolve('decap-cms/package.json')), 'dist');

/** The main bundle, its numbered chunks and its WebAssembly; not the source maps or the "cms.js" alias. */
const SHIPPED = /^(?:\d+\.)?decap-cms\.js$|\.wasm$/;

export const getStaticPaths: GetStaticPaths = () =>
  readdirSync(distDir)
    .filter((file) => SHIPPED.test(file))
    .map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) => {
  const file = String(params.file);
  const type = file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript; charset=utf-8';
  return new Response(readFileSync(join(distDir, file)), { headers: { 'Content-Type': type } });
};
