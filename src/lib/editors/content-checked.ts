/**
 * Where the content check's integration (src/integrations/content-check.ts) leaves the check it
 * started, for the content loaders to wait for: both run in Astro's process, but the loaders are
 * loaded through Vite, so they share the global object and not the module.
 */
export const CONTENT_CHECK = Symbol.for('open-local-offer.content-check');
export type ContentCheckGate = { [CONTENT_CHECK]?: Promise<void> };

/** Resolves once the content check has reported (at once where no check was started, as in unit tests). */
export function contentChecked(): Promise<void> {
  return (globalThis as ContentCheckGate)[CONTENT_CHECK] ?? Promise.resolve();
}
