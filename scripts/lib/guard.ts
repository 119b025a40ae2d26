/**
 * Loaded before a command (`node --import ./scripts/lib/guard.ts scripts/<command>.ts`, as the
 * npm scripts in package.json do): whatever the command throws, or leaves unhandled, ends it with
 * what to do or one sentence naming the file being read and where to report it, never a stack
 * trace (add --debug for the trace). See src/lib/editors/command-errors.ts.
 */
import './compile-cache.ts';
import { basename } from 'node:path';
import { catchUnexpected } from '../../src/lib/editors/command-errors.ts';

/** Scripts that are a step of another command, named as the editor typed it. */
const STEP_OF: Record<string, string> = { 'search-index': 'build' };
const script = basename(process.argv[1] ?? 'command', '.ts');
catchUnexpected(`npm run ${STEP_OF[script] ?? script}`);
