/**
 * `npm run build`, second step: Pagefind indexes the built site into dist/pagefind/, in small
 * index chunks (scripts/lib/search-index.ts says why). Extra arguments go to Pagefind.
 */
import { spawn } from 'node:child_process';
import { searchIndexArgs, searchIndexEnv } from './lib/search-index.ts';

const child = spawn(process.execPath, searchIndexArgs(process.argv.slice(2)), { env: searchIndexEnv(), stdio: 'inherit' });
child.on('close', (code) => process.exit(code ?? 1));
