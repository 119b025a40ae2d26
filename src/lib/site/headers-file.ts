/**
 * Reads a `_headers` file (public/_headers) the way static hosts do, so scripts/serve.ts, and
 * with it the tests, send what Netlify and Cloudflare Pages send (docs/hosting.md).
 *
 * A block is a line starting with `/` (the path pattern) followed by `Name: value` lines, usually
 * indented (hosts read the lines trimmed, as this does). Every block whose pattern matches a
 * path applies, in file order. `*` matches anything (including nothing and further slashes),
 * `:name` one path segment. When two matching blocks set the same header,
 * Cloudflare joins the values with a comma, so a later block that means to replace a header
 * first detaches it with `! Name` (Netlify ignores that line and lets the later block win, so the
 * file means the same on both).
 */
export interface HeaderRule {
  pattern: string;
  set: [name: string, value: string][];
  unset: string[];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('/')) {
      rules.push({ pattern: trimmed, set: [], unset: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) continue;
    const detach = /^! ([A-Za-z0-9-]+)$/.exec(trimmed);
    const header = /^([A-Za-z0-9-]+):\s*(.+)$/.exec(trimmed);
    if (detach) rule.unset.push(detach[1]!);
    else if (header) rule.set.push([header[1]!, header[2]!.trim()]);
  }
  return rules;
}

function patternMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers sent for a URL path, under the names the file spells them with. */
export function headersForPath(rules: HeaderRule[], path: string): Record<string, string> {
  const headers = new Map<string, [name: string, value: string]>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, path)) continue;
    for (const name of rule.unset) headers.delete(name.toLowerCase());
    for (const [name, value] of rule.set) {
      const previous = headers.get(name.toLowerCase());
      headers.set(name.toLowerCase(), [previous?.[0] ?? name, previous ? `${previous[1]}, ${value}` : value]);
    }
  }
  return Object.fromEntries(headers.values());
}
