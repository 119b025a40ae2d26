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
