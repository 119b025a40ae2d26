/**
 * Loaded before the editors' commands (`node --import`: by `npm run check`, and through
 * scripts/lib/guard.ts by `npm run build`, `import` and `cms`): Node keeps the code it compiles for
 * the project's and its packages' modules on disk, in its module compile cache, and the next
 * command reuses it instead of compiling again. `npm run check` then starts about 0.1 s sooner, and
 * a rebuild after one edit at 5,000 services takes about 7% less time (docs/performance.md,
 * sixteenth round). The cache is in the system's temporary folder unless NODE_COMPILE_CACHE names
 * another folder; it is set here for Astro, which `npm run build` starts as a process of its own,
 * and for worker threads. Only code is compiled and cached: content is data, never code. Node
 * checks each cached file against the module's source, and ignores a cache it cannot use.
 */
import module from 'node:module';

const enabled = module.enableCompileCache?.();
if (enabled?.directory) process.env.NODE_COMPILE_CACHE ??= enabled.directory;
