import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ANY_CONTENT } from './helpers.ts';

test('pages are served with the security headers a host should send', ANY_CONTENT, async ({ request }) => {
  for (const path of ['/', '/services/', '/no-such-page/']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    expect(headers['set-cookie'], path).toBeUndefined();
  }
});

test('every page also carries a strict Content-Security-Policy of its own', ANY_CONTENT, async ({ request }) => {
  const html = await (await request.get('/')).text();
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
  // Search runs on the page, so no page may start a worker.
  expect(csp).toContain("worker-src 'none'");
});

test('the test server serves byte ranges, as video players need to seek', ANY_CONTENT, async ({ request }) => {
  const whole = await request.get('/favicon.svg');
  const size = (await whole.body()).length;
  const part = await request.get('/favicon.svg', { headers: { Range: 'bytes=10-19' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 10-19/${size}`);
  expect((await part.body()).length).toBe(10);
  expect((await request.get('/favicon.svg', { headers: { Range: `bytes=${size + 5}-` } })).status()).toBe(416);
});

test('only the content editor lets the windows it opens keep their link to it', async ({ request }) => {
  // GitHub and GitLab sign-in happen in a pop-up that reports back to /admin/ (docs/cms.md).
  for (const path of ['/admin/', '/admin/config.json']) {
    const headers = (await request.get(path)).headers();
    expect(headers['cross-origin-opener-policy'], path).toBe('same-origin-allow-popups');
    // Nothing else is loosened there but the script policy its own page sets (Decap compiles its
    // config checks with eval): the editor still cannot be framed.
    expect(headers['content-security-policy'], path).toBe("frame-ancestors 'none'; base-uri 'self'; object-src 'none'; script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'");
    expect(headers['x-frame-options'], path).toBe('DENY');
  }
  for (const path of ['/', '/services/', '/services/portage-home-visiting/', '/search/', '/no-such-page/', '/admin']) {
    expect((await request.get(path, { maxRedirects: 0 })).headers()['cross-origin-opener-policy'], path).toBe('same-origin');
  }
});

test('a sign-in pop-up opened from /admin/ can report back to it, and one opened from any other page cannot', async ({ page, context }) => {
  await context.route('https://sign-in.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Sign in</title>' }));
  for (const [path, linked] of [['/admin/', true], ['/services/', false]] as const) {
    // The policy comes with the page's response: no need to wait for Decap to start.
    await page.goto(path, { waitUntil: 'commit' });
    const opened = context.waitForEvent('page');
    await page.evaluate(() => void window.open('https://sign-in.example/callback', 'sign-in'));
    const popup = await opened;
    await popup.waitForLoadState();
    expect(await popup.evaluate(() => window.opener !== null), path).toBe(linked);
    await popup.close();
  }
});

test('the looser Content-Security-Policy that Decap needs is on /admin/ alone', async ({ request }) => {
  const policy = async (path: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(await (await request.get(path)).text())?.[1] ?? '';
  const admin = await policy('/admin/');
  expect(admin).toContain("'unsafe-eval'");
  expect(admin).toContain("'unsafe-inline'");
  for (const path of ['/', '/services/', '/services/portage-home-visiting/', '/search/', '/glossary/', '/no-such-page/']) {
    const csp = await policy(path);
    expect(csp, path).toContain("default-src 'self'");
    expect(csp, path).not.toContain("'unsafe-eval'");
    expect(csp, path).not.toContain("'unsafe-inline'");
    expect(csp, path).not.toContain('blob: data:');
    expect(csp, path).toMatch(/connect-src 'self';/);
  }
});

test('only files named by a digest of their content are kept by browsers for a year', ANY_CONTENT, async ({ request }) => {
  // public/_headers lets browsers keep everything in /_astro/ without asking again: safe only
  // while the build names each of those files by its content, so a changed file is a new address.
  for (const name of readdirSync('dist/_astro')) expect(name, `dist/_astro/${name} should carry a digest in its name`).toMatch(/\.[A-Za-z0-9_-]{8}\.[a-z0-9]+$/);
  const html = await (await request.get('/')).text();
  const stylesheet = /<link rel="stylesheet" href="(\/_astro\/[^"]+)"/.exec(html)?.[1];
  expect(stylesheet, 'the home page should use a stylesheet from /_astro/').toBeTruthy();
  expect((await request.get(stylesheet!)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // A page must never be shown stale after a new build: the browser checks first.
  const home = await request.get('/');
  expect(home.headers()['cache-control']).toContain('must-revalidate');
  expect((await request.get('/', { headers: { 'If-None-Match': home.headers().etag! } })).status()).toBe(304);
});
