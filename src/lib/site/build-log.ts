/**
 * Astro's log as the build prints it (Astro's own Node log, `astro/logger/node`), with one change:
 * the pages an incremental build keeps from the last build are counted on one line, not listed.
 *
 * After one edit at 5,000 services Astro keeps about 10,000 pages and renders about 100. Listed,
 * the kept pages pushed everything else an editor needs (the pages that changed, a warning) out
 * of sight, and writing 20,000 log lines took about 0.3 s of the build (docs/performance.md).
 * Every other message, warnings and errors included, is passed on as Astro wrote it.
 *
 * Set as `logger` in astro.config.mjs (Astro's Logger API), so Astro loads it for every command.
 */
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLog from 'astro/logger/node';

/** A message or a build's output without Astro's colours, which wrap the words this module looks for. */
export const withoutColours = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/** The start of a page's line: Astro writes "├─ /path" and then, in a second message, how it went. */
const isPageStart = (event: AstroLoggerMessage, text: string) => event.label === null && !event.newLine && text.trimStart().startsWith('├─ ');

/** The end of a kept page's line, written straight after its start. */
const isKeptEnd = (event: AstroLoggerMessage, text: string) => event.label === 'SKIP_FORMAT' && /^ \((?:cached|restored)\)$/.test(text);

/** The end of a rendered page's line (its time), which may come after other pages' starts. */
const isRenderedEnd = (event: AstroLoggerMessage, text: string) => event.label === 'SKIP_FORMAT' && /^ \(\+[\d.]+m?s\)/.test(text);

/**
 * The output paths of the pages Astro rendered, read back from a build's output: "├─ /path" for
 * each, and the render time later (other pages' starts can come between when pages render side by side).
 */
export function renderedPagesIn(output: string): string[] {
  return [...withoutColours(output).matchAll(/├─ (\S+?)(?=├─|\s|$)/g)].map((m) => m[1]!.replace(/\d\d:\d\d:\d\d$/, ''));
}

/**
 * The line that counts the kept pages, as the build prints it (read back by the benchmark and the
 * tests): how many, and how many of them Astro copied back from its cache (".cache/astro/dist/")
 * rather than keeping them in dist/ where `npm run build` had put them.
 */
export function keptPagesLine(pages: number, fromCache: number): string {
  const copied = fromCache > 0 ? ` (${fromCache.toLocaleString('en-GB')} of them copied from Astro's cache)` : '';
  return `  └─ ${pages.toLocaleString('en-GB')} ${pages === 1 ? 'page' : 'pages'} kept from the last build: unchanged, so not rendered again${copied}`;
}

/** Reads the counts back from a build's output (0 when no page was kept). */
export function keptPagesIn(output: string): { pages: number; fromCache: number } {
  const found = /└─ ([\d,]+) pages? kept from the last build[^\n(]*(?:\(([\d,]+) of them copied)?/.exec(withoutColours(output));
  const number = (text: string | undefined) => Number((text ?? '0').replaceAll(',', ''));
  return { pages: number(found?.[1]), fromCache: number(found?.[2]) };
}

/** Astro's Node log, as Astro loads a destination: the default export, with the configuration. */
export default function buildLog(config: { level?: AstroLoggerMessage['level'] } = {}): AstroLoggerDestination {
  return countingKeptPages(nodeLog(config));
}

/** Passes every message on to `out`, except each kept page's two, which it counts (see the top of this file). */
export function countingKeptPages(out: AstroLoggerDestination): AstroLoggerDestination {
  /** A page's start, held until the next message says whether the page was kept. */
  let held: AstroLoggerMessage | undefined;
  let kept = 0;
  let fromCache = 0;
  const release = () => {
    if (held) out.write(held);
    held = undefined;
  };
  const count = () => {
    release();
    if (kept > 0) out.write({ label: 'SKIP_FORMAT', level: 'info', message: keptPagesLine(kept, fromCache), newLine: true });
    kept = 0;
    fromCache = 0;
  };
  return {
    write(event) {
      const text = withoutColours(event.message);
      if (held && isKeptEnd(event, text)) {
        held = undefined;
        kept += 1;
        if (text.includes('restored')) fromCache += 1;
        return;
      }
      release();
      if (isPageStart(event, text)) held = event;
      else if (isRenderedEnd(event, text)) out.write(event);
      else {
        // The first message after the pages ("✓ Completed in …"): the count goes before it.
        count();
        out.write(event);
      }
    },
    flush() {
      count();
      return out.flush?.();
    },
    close() {
      count();
      return out.close?.();
    },
  };
}
