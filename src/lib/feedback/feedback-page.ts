/**
 * The "Was this page helpful?" prompt links to the give feedback page with the address of the
 * page it was on (?page=…). This reads that address back safely: only a page on this site
 * is accepted, so a crafted link cannot make the page show someone else's text or address.
 */

/**
 * The path (with any query) of the page the feedback is about, or undefined when there is no
 * `page` parameter or it is not a page on one of `origins` (the site's own addresses).
 */
export function pageBeingReported(search: string, origins: readonly string[]): string | undefined {
  const value = new URLSearchParams(search).get('page')?.trim();
  if (!value) return undefined;
  let url: URL;
  try {
    // A bare path ("/services/x/") is read against the first origin.
    url = new URL(value, origins[0]);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!origins.some((origin) => new URL(origin).origin === url.origin)) return undefined;
  return `${url.pathname}${url.search}`;
}

/** The online form's address with the page added, so the form knows which page it is about. */
export function formUrlFor(formUrl: string, pageAddress: string): string {
  const url = new URL(formUrl);
  url.searchParams.set('page', pageAddress);
  return url.toString();
}
