/** /admin/decap/<name>.wasm: the WebAssembly Decap CMS loads (see _files.ts). */
import { decapFiles } from './_files.ts';

export const { getStaticPaths, GET } = decapFiles('wasm');
