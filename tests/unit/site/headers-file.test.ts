import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { headersForPath, parseHeadersFile } from '../../../src/lib/site/headers-file.ts';

const file = `# a comment
/*
  X-Frame-Options: DENY
  Cross-Origin-Opener-Policy: same-origin

/admin/*
  ! Cross-Origin-Opener-Policy
  Cross-Origin-Opener-Policy: same-origin-allow-popups

/services/:id/
  Cache-Control: no-cache
/downloads/*
  X-Frame-Options: SAMEORIGIN
`;
const rules = parseHeadersFile(file);

describe('reading a _headers file as static hosts do', () => {
  test('a block that matches every path applies to every path', () => {
    expect(headersForPath(rules, '/')).toEqual({ 'X-Frame-Options': 'DENY', 'Cross-Origin-Opener-Policy': 'same-origin' });
    expect(headersForPath(rules, '/pathways/ehc-plan/')).toEqual(headersForPath(rules, '/'));
  });

  test('a later block that detaches a header replaces it for its own paths only', () => {
    expect(headersForPath(rules, '/admin/')['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(headersForPath(rules, '/admin/decap/decap-cms.js')['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(headersForPath(rules, '/admin/')['X-Frame-Options']).toBe('DENY');
    expect(headersForPath(rules, '/administration/')['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });

  test('a header set again without detaching it is joined with a comma, as Cloudflare Pages sends it', () => {
    expect(headersForPath(rules, '/downloads/guide.pdf')['X-Frame-Options']).toBe('DENY, SAMEORIGIN');
  });

  test('a placeholder matches one path segment', () => {
    expect(headersForPath(rules, '/services/portage/')['Cache-Control']).toBe('no-cache');
    expect(headersForPath(rules, '/services/portage/more/')['Cache-Control']).toBeUndefined();
  });

  test('header names match whatever their case', () => {
    const mixed = parseHeadersFile('/*\n  x-frame-options: DENY\n/a/*\n  ! X-Frame-Options\n  X-Frame-Options: SAMEORIGIN\n/b/*\n  X-FRAME-OPTIONS: SAMEORIGIN\n');
    expect(headersForPath(mixed, '/a/')).toEqual({ 'X-Frame-Options': 'SAMEORIGIN' });
    expect(headersForPath(mixed, '/b/')).toEqual({ 'x-frame-options': 'DENY, SAMEORIGIN' });
  });

  test("the project's own file gives the editor pop-up sign-in and keeps every other page isolated", () => {
    const project = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
    expect(headersForPath(project, '/admin/')['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(headersForPath(project, '/services/')['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(headersForPath(project, '/admin/')['X-Frame-Options']).toBe('DENY');
  });
});

/**
 * The headers docs/hosting.md tells nginx and Apache to send, by the part of the site they apply
 * to ('' for the whole server): what `add_header … always;` and `Header always set` say in its
 * code blocks, inside `location` (nginx), `<Location>` or `<If "%{REQUEST_URI} =~ m#^…#">` (Apache).
 */
function recipeHeaders(language: 'nginx' | 'apache'): Map<string, Record<string, string>> {
  const hosting = readFileSync('docs/hosting.md', 'utf8');
  const sections = new Map<string, Record<string, string>>();
  for (const [, block] of hosting.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))) {
    let section = '';
    for (const line of block!.split('\n')) {
      const opens = /^\s*location\s+(?:=\s+)?(\S+)\s*\{/.exec(line) ?? /^\s*<Location\s+"([^"]+)">/.exec(line) ?? /^\s*<If\s+"%\{REQUEST_URI\}\s+=~\s+m#\^([^#]+)#">/.exec(line);
      if (opens) section = opens[1]!;
      if (/^\s*(?:\}|<\/Location>|<\/If>)\s*$/.test(line)) section = '';
      const header = /^\s*add_header\s+([\w-]+)\s+"([^"]*)"\s+always;/.exec(line) ?? /^\s*Header\s+always\s+set\s+([\w-]+)\s+"([^"]*)"/.exec(line);
      if (header) sections.set(section, { ...sections.get(section), [header[1]!]: header[2]! });
    }
  }
  return sections;
}

describe("the headers docs/hosting.md gives nginx and Apache are the project's _headers", () => {
  const project = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  /** A path in a section: its own address, or a file in its folder. */
  const pathIn = (section: string) => (section === '' ? '/' : section.endsWith('/') ? `${section}index.json` : section);

  test('nginx: every location repeats all of them, with its own changes (an add_header there replaces the server\'s)', () => {
    const nginx = recipeHeaders('nginx');
    expect([...nginx.keys()].sort()).toEqual(['', '/_astro/', '/admin/', '/openreferral/v3/']);
    for (const [section, headers] of nginx) expect(headers, `nginx, ${section || 'server'}`).toEqual(headersForPath(project, pathIn(section)));
  });

  test('Apache: the security headers everywhere, and each section\'s changes on top of them', () => {
    const apache = recipeHeaders('apache');
    const server = apache.get('')!;
    const security = Object.keys(headersForPath(project, '/'));
    const only = (headers: Record<string, string>, names: string[]) => Object.fromEntries(Object.entries(headers).filter(([name]) => names.includes(name)));
    expect(server).toEqual(headersForPath(project, '/'));
    for (const [section, changes] of apache) {
      const expected = headersForPath(project, pathIn(section));
      expect({ ...server, ...changes }, `Apache, ${section || 'server'}`).toEqual(only(expected, [...security, ...Object.keys(changes)]));
    }
  });
});
