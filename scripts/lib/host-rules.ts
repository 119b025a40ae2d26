/**
 * Reads a `_redirects` file the way Netlify does, so `npm run serve` (and with it the tests)
 * answers the Open Referral UK API's addresses as a host would (src/lib/open-data/oruk-endpoints.ts writes
 * the rules; docs/hosting.md explains them).
 *
 * A line is `from [key=value …] to [status][!]`. In `from`, `:name` matches one path segment and
 * `*` the rest of the path; in a query condition, `key=:name` needs the key with any value and
 * `key=value` that exact value. Every condition must hold; other query keys are ignored. `to` may
 * use the names `from` and the conditions caught (and `:splat`). Rules apply in order and the
 * first that matches wins; a rule without `!` never hides a file that exists. A trailing slash
 * makes no difference to matching, as on Netlify. Lines this reader does not understand (country
 * or role conditions, for example) are skipped, as Cloudflare Pages skips what it cannot read.
 */
export interface RedirectRule {
  from: string;
  query: [key: string, value: string][];
  to: string;
  status: number;
  force: boolean;
}

export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const parts = line.replace(/#.*$/, '').trim().split(/\s+/).filter(Boolean);
    if (parts.length < 2 || !parts[0]!.startsWith('/')) continue;
    const [from, ...rest] = parts as [string, ...string[]];
    const query: [string, string][] = [];
    while (rest.length && /^[^/][^=]*=/.test(rest[0]!) && !/^https?:/.test(rest[0]!)) {
      const [key, ...value] = rest.shift()!.split('=');
      query.push([key!, value.join('=')]);
    }
    const to = rest.shift();
    const status = /^(\d{3})(!?)$/.exec(rest.shift() ?? '301');
    if (!to || !status || rest.length) continue;
    rules.push({ from, query, to, status: Number(status[1]), force: status[2] === '!' });
  }
  return rules;
}

const trimSlash = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path);

/** A value caught from the request goes into a path: it may not climb out of its segment. */
const safeSegment = (value: string) => value !== '' && value !== '.' && value !== '..' && !/[/\\\0]/.test(value);

function matchPath(pattern: string, path: string): Map<string, string> | undefined {
  const want = trimSlash(pattern).split('/');
  const have = trimSlash(path).split('/');
  const caught = new Map<string, string>();
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    if (part === '*' && i === want.length - 1) {
      caught.set('splat', have.slice(i).join('/'));
      return caught;
    }
    const segment = have[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        return undefined;
      }
      if (!safeSegment(decoded)) return undefined;
      caught.set(part.slice(1), segment);
    } else if (part !== segment) return undefined;
  }
  return want.length === have.length ? caught : undefined;
}

/**
 * Where a request goes: the rewritten or redirected address and its status, or undefined when no
 * rule applies. `fileExists` says whether the host has a file for a path (shadowing).
 */
export function applyRedirects(rules: RedirectRule[], path: string, search: URLSearchParams, fileExists: (path: string) => boolean): { to: string; status: number } | undefined {
  for (const rule of rules) {
    const caught = matchPath(rule.from, path);
    if (!caught) continue;
    const conditionsHold = rule.query.every(([key, value]) => {
      const given = search.get(key);
      if (given === null) return false;
      if (!value.startsWith(':')) return given === value;
      if (!safeSegment(given)) return false;
      caught.set(value.slice(1), encodeURIComponent(given));
      return true;
    });
    if (!conditionsHold) continue;
    if (!rule.force && fileExists(path)) return undefined;
    const to = rule.to.replace(/:([A-Za-z_]\w*)/g, (whole, name: string) => caught.get(name) ?? whole);
    return { to, status: rule.status };
  }
  return undefined;
}
