/**
 * The Content-Security-Policy every built page carries in a `<meta>` tag (SecurityPolicy.astro,
 * in BaseLayout; the editor at /admin/ has a looser one). The host's header adds what a `<meta>`
 * policy cannot (frame-ancestors: public/_headers, docs/hosting.md). The development server's
 * pages (`npm run dev`, and `npm run cms` for editors) carry the same policy with inline styles
 * allowed (developmentPolicy): the server puts each page's styles inline so it can change them
 * live, and its own scripts are files, so an inline script is still blocked there too.
 *
 * The policy trusts only the site's own files ('self'). The site inlines no script and no style
 * (astro.config.mjs makes every script a file; `inlineStylesheets: 'never'`), so it needs no
 * hashes, and a script or style that an editor's text slipped into a page is blocked. Astro's own
 * policy (`security.csp`) was set aside for this: it hashed every stylesheet and script link of
 * every page, one WebCrypto call at a time, about 1.5 s of a 5,000-service build for hashes of
 * files that 'self' already allows (docs/performance.md, tenth round).
 */

/** A directive: its name, then its sources, such as ["connect-src", "'self'"]. */
export type Directive = [name: string, ...sources: string[]];

export const BASE_POLICY: readonly Directive[] = [
  ['default-src', "'self'"],
  ['base-uri', "'self'"],
  ['object-src', "'none'"],
  ['form-action', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['media-src', "'self'"],
  ['connect-src', "'self'"],
  // No frames anywhere. Not written as frame-src 'none': a YouTube video's page adds frame-src
  // for youtube-nocookie.com alone, which browsers then use for frames instead of child-src.
  ['child-src', "'none'"],
  // Search runs on the page (Pagefind's worker is switched off), so nothing starts a worker.
  ['worker-src', "'none'"],
  ['manifest-src', "'self'"],
  // Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
];

/**
 * The policy as a `<meta>` tag's content: the base policy with `changes` applied. A change whose
 * directive the base has replaces it where it stands; any other is added before script-src.
 */
export function contentSecurityPolicy(changes: readonly Directive[] = []): string {
  for (const [name, ...sources] of changes) {
    if (!/^[a-z-]+$/.test(name) || sources.length === 0 || sources.some((source) => !/^[^\s;,"<>]+$/.test(source))) {
      throw new Error(`contentSecurityPolicy: "${[name, ...sources].join(' ')}" is not a directive with sources`);
    }
  }
  const byName = new Map(changes.map(([name, ...sources]) => [name, sources]));
  const kept = BASE_POLICY.map(([name, ...sources]): Directive => [name, ...(byName.get(name) ?? sources)]);
  const added = changes.filter(([name]) => !BASE_POLICY.some(([base]) => base === name));
  const scriptAt = kept.findIndex(([name]) => name === 'script-src');
  return [...kept.slice(0, scriptAt), ...added, ...kept.slice(scriptAt)].map((directive) => `${directive.join(' ')};`).join(' ');
}

/**
 * The policy of a page served by the development server: as built, with `'unsafe-inline'` added to
 * style-src, as the server puts each page's styles inline (a `<style>` element per component) and
 * changes them live. Scripts are as strict as on the built site.
 */
export function developmentPolicy(changes: readonly Directive[] = []): string {
  const [, ...styles] = changes.find(([name]) => name === 'style-src') ?? BASE_POLICY.find(([name]) => name === 'style-src')!;
  return contentSecurityPolicy([...changes.filter(([name]) => name !== 'style-src'), ['style-src', ...new Set([...styles, "'unsafe-inline'"])]]);
}
