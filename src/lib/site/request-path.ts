/**
 * The one path a static server uses for a request, both to pick the headers in _headers and to
 * find the file, so the two can never disagree: decoded once, checked, and refused (400) when it
 * could mean two things. Used by scripts/serve.ts.
 *
 * Refused: a target that is not a path (absolute-form "http://host/x", "*"), a "%" escape that
 * does not decode to UTF-8 ("/%", "/%E0%A4%A"), a NUL or backslash in either form (Windows and
 * some URL parsers read "\" as "/"), "." or ".." segments, and a path that starts with "//" once
 * decoded ("/%2Fevil.example"), which a redirect would turn into a link to another website.
 */
export type RequestPath = { path: string; search: string } | { refused: string };

export function requestPath(target: string | undefined): RequestPath {
  const raw = target ?? '';
  if (!raw.startsWith('/')) return { refused: 'the request target is not a path on this site' };
  const queryAt = raw.indexOf('?');
  const rawPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const search = queryAt === -1 ? '' : raw.slice(queryAt);
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { refused: 'the path has a % that is not a valid escape' };
  }
  if (/[\u0000-\u001f\u007f\\]/.test(path)) return { refused: 'the path has a control character or a backslash' };
  if (path.startsWith('//')) return { refused: 'the path starts with //' };
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return { refused: 'the path has a . or .. segment' };
  return { path, search };
}

/**
 * The Location for the redirect from `/folder` to `/folder/`: the path encoded again, so it is
 * always a path on this site and never "//host" (which browsers follow to another website).
 */
export function slashRedirect({ path, search }: { path: string; search: string }): string {
  const location = `${encodeURI(path).replace(/\?/g, '%3F').replace(/#/g, '%23')}/${search}`;
  return location.replace(/^\/+/, '/');
}
