import { expect, test } from 'vitest';
import { BASE_POLICY, contentSecurityPolicy, developmentPolicy } from '../../../src/lib/site/csp.ts';

test('the site-wide policy trusts only the site itself, allows no frames, workers or plug-ins, and needs no hashes', () => {
  const policy = contentSecurityPolicy();
  expect(policy).toBe(
    "default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; img-src 'self'; font-src 'self'; " +
      "media-src 'self'; connect-src 'self'; child-src 'none'; worker-src 'none'; manifest-src 'self'; " +
      "script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
  );
  expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|sha256-|https?:/);
});

test('a page replaces a directive where it stands, and adds a new one before the script and style sources', () => {
  const policy = contentSecurityPolicy([
    ['frame-src', 'https://www.youtube-nocookie.com'],
    ['connect-src', "'self'", 'https://api.github.com'],
  ]);
  expect(policy).toContain("connect-src 'self' https://api.github.com; child-src 'none';");
  expect(policy).toContain("manifest-src 'self'; frame-src https://www.youtube-nocookie.com; script-src 'self' 'wasm-unsafe-eval';");
  expect(policy.match(/connect-src/g)).toHaveLength(1);
  // The base is left as it was for the next page.
  expect(BASE_POLICY.find(([name]) => name === 'connect-src')).toEqual(['connect-src', "'self'"]);
  expect(contentSecurityPolicy()).not.toContain('frame-src');
});

test('a change that could break out of the policy or the tag is refused, not written', () => {
  for (const change of [
    ['script-src', "'self'; img-src *"],
    ['img-src', 'https://a.example" onload="x'],
    ['img-src'],
    ['Frame Src', 'https://a.example'],
  ] as [string, ...string[]][]) {
    expect(() => contentSecurityPolicy([change]), change.join(' ')).toThrow(/not a directive with sources/);
  }
});

test("the development server's policy is the built one with inline styles allowed, whatever the page changes, and scripts as strict", () => {
  expect(developmentPolicy()).toBe(contentSecurityPolicy().replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"));
  const frames: [string, ...string[]] = ['frame-src', 'https://www.youtube-nocookie.com'];
  expect(developmentPolicy([frames])).toBe(contentSecurityPolicy([frames]).replace("style-src 'self';", "style-src 'self' 'unsafe-inline';"));
  // A page that already allows inline styles (the editor) keeps its own sources, once each.
  expect(developmentPolicy([['style-src', "'self'", "'unsafe-inline'"]])).toContain("style-src 'self' 'unsafe-inline';");
  expect(developmentPolicy([['style-src', "'self'", "'unsafe-inline'"]]).match(/unsafe-inline/g)).toHaveLength(1);
  expect(developmentPolicy()).not.toMatch(/script-src[^;]*'unsafe-inline'/);
});
