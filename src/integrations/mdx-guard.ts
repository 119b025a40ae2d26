/**
 * The MDX safety rule (src/lib/editors/mdx-safety.ts) inside the pipeline: every .mdx file is checked
 * before the MDX compiler sees it, in `npm run build`, `npm run dev` and `npm run cms` alike. The
 * content check already reports the same findings, but the build stops on it and the development
 * server only warns; this guard is what makes sure a refused body is never compiled, so nothing
 * an editor writes is ever evaluated, whichever command reads it.
 */
import type { AstroIntegration } from 'astro';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mdxFileHazards } from '../lib/editors/mdx-safety.ts';
import { problemReport } from '../lib/editors/check-report.ts';

/**
 * Astro's error overlay (`npm run dev`, `npm run cms`) turns `[words](address)` anywhere in a
 * message into a link, whatever the address, so the editor's own text quoted in the message could
 * become a `javascript:` link there. A word joiner between `]` and `(` (invisible in the terminal
 * and the overlay) keeps it text.
 */
export function inertLinks(message: string): string {
  return message.replace(/\]\(/g, ']\u2060(');
}

/** The error for a refused file: the content check's own wording, file, line, what was found and the fix. */
export function mdxGuardError(source: string, path: string): Error | undefined {
  const file = path.split(sep).join('/');
  const folder = /^content\/([^/]+)\//.exec(file)?.[1];
  const hazards = mdxFileHazards(source, folder);
  if (hazards.length === 0) return undefined;
  const message = inertLinks(
    problemReport(
      hazards.map((h) => ({ file, field: h.field ?? `(body, line ${h.line})`, problem: `found ${h.found}`, fix: h.fix })),
      1,
    ),
  );
  const error = new Error(message);
  // A stack trace would point at this file, not the editor's: the message is the whole story.
  error.stack = message;
  error.name = 'ContentError';
  return error;
}

/** The Vite plugin: runs before the MDX compiler's own transform, and throws instead of compiling. */
export function mdxGuardPlugin(root: string) {
  return {
    name: 'open-local-offer:mdx-guard',
    enforce: 'pre' as const,
    transform: {
      order: 'pre' as const,
      filter: { id: /\.mdx(?:\?.*)?$/ },
      handler(code: string, id: string) {
        const path = id.split('?')[0]!;
        if (path.includes(`${sep}node_modules${sep}`)) return null;
        const error = mdxGuardError(code, relative(root, path));
        if (error) throw error;
        return null;
      },
    },
  };
}

export function mdxGuard(): AstroIntegration {
  return {
    name: 'open-local-offer:mdx-guard',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        updateConfig({ vite: { plugins: [mdxGuardPlugin(fileURLToPath(config.root))] } });
      },
    },
  };
}
