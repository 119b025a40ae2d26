/** /admin/decap/<name>.js: Decap CMS and its chunks (see _files.ts). */
import { decapFiles } from './_files.ts';

export const { getStaticPaths, GET } = decapFiles('js');
