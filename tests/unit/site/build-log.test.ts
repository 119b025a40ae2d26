import type { AstroLoggerMessage } from 'astro';
import { expect, test } from 'vitest';
import { countingKeptPages, keptPagesIn, keptPagesLine, renderedPagesIn } from '../../../src/lib/site/build-log.ts';

// Astro's messages for pages, as 7.4's build writes them (astro/dist/core/build/generate.js):
// "├─ /path" without a line end, then at once " (cached)" or " (restored)" for a kept page, or
// its render time when it has been rendered. Astro colours them.
const green = (text: string) => `\x1b[32m${text}\x1b[39m`;
const dim = (text: string) => `\x1b[2m${text}\x1b[22m`;
const start = (path: string): AstroLoggerMessage => ({ label: null as never, level: 'info', message: `  ${green('├─')} ${dim(path)}`, newLine: false });
const kept = (how: 'cached' | 'restored'): AstroLoggerMessage => ({ label: 'SKIP_FORMAT', level: 'info', message: ` ${green(`(${how})`)}`, newLine: true });
const time = (ms: number): AstroLoggerMessage => ({ label: 'SKIP_FORMAT', level: 'info', message: ` ${dim(`(+${ms}ms)`)} `, newLine: true });
const message = (label: string | null, text: string, level: AstroLoggerMessage['level'] = 'info'): AstroLoggerMessage => ({ label: label as never, level, message: text, newLine: true });

function logged(events: AstroLoggerMessage[]): AstroLoggerMessage[] {
  const written: AstroLoggerMessage[] = [];
  const log = countingKeptPages({ write: (event) => written.push(event) });
  for (const event of events) log.write(event);
  return written;
}

test('kept pages are counted on one line before the next message; rendered pages and everything else pass as Astro wrote them', () => {
  const done = message(null, green('✓ Completed in 1.35s.\n'));
  const written = logged([
    message('build', 'Rearranging server assets...'),
    start('/404.html'),
    start('/services/a/index.html'),
    kept('cached'),
    start('/glossary/index.html'),
    time(12),
    time(30),
    start('/services/b/index.html'),
    kept('restored'),
    start('/services/c/index.html'),
    kept('cached'),
    done,
    message('build', 'Complete!'),
  ]);
  expect(written).toEqual([
    message('build', 'Rearranging server assets...'),
    start('/404.html'),
    start('/glossary/index.html'),
    time(12),
    time(30),
    { label: 'SKIP_FORMAT', level: 'info', message: keptPagesLine(3, 1), newLine: true },
    done,
    message('build', 'Complete!'),
  ]);
  // Read back as the benchmark and the never-stale test read a build's output.
  const output = written.map((event) => `${event.message}${event.newLine ? '\n' : ''}`).join('');
  expect(keptPagesIn(output)).toEqual({ pages: 3, fromCache: 1 });
  expect(renderedPagesIn(output)).toEqual(['/404.html', '/glossary/index.html']);
});

test('warnings and errors between pages are never held back or dropped', () => {
  const warning = message('build', 'Could not prune stale incremental cache file x', 'warn');
  const error = message('build', 'Caught error rendering /services/d/: boom', 'error');
  const written = logged([start('/services/a/index.html'), kept('cached'), start('/services/d/index.html'), error, warning]);
  expect(written).toEqual([
    start('/services/d/index.html'),
    { label: 'SKIP_FORMAT', level: 'info', message: keptPagesLine(1, 0), newLine: true },
    error,
    warning,
  ]);
});

test('the count is written when Astro flushes or closes the log, and nothing when no page was kept', () => {
  const written: AstroLoggerMessage[] = [];
  const log = countingKeptPages({ write: (event) => written.push(event) });
  log.write(start('/a/index.html'));
  log.write(kept('cached'));
  log.flush!();
  expect(written.map((event) => event.message)).toEqual([keptPagesLine(1, 0)]);
  log.close!();
  expect(written).toHaveLength(1);
  expect(logged([start('/a/index.html'), time(3), message(null, 'done')]).map((event) => event.message)).toEqual([start('/a/index.html').message, time(3).message, 'done']);
});

test('the counting line reads back, in English with thousands separated', () => {
  expect(keptPagesLine(10_036, 0)).toBe('  └─ 10,036 pages kept from the last build: unchanged, so not rendered again');
  expect(keptPagesLine(1, 1)).toBe("  └─ 1 page kept from the last build: unchanged, so not rendered again (1 of them copied from Astro's cache)");
  expect(keptPagesIn(`x\n\x1b[2m${keptPagesLine(10_036, 2_000)}\x1b[22m\ny`)).toEqual({ pages: 10_036, fromCache: 2_000 });
  expect(keptPagesIn('no pages kept')).toEqual({ pages: 0, fromCache: 0 });
});
