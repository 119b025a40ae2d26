import { expect, test } from '@playwright/test';

test('pages are served with the security headers a host should send', async ({ request }) => {
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

test('every page also carries a strict Content-Security-Policy of its own', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("'unsafe-inline'");
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
});

test('the test server serves byte ranges, as video players need to seek', async ({ request }) => {
  const whole = await request.get('/favicon.svg');
  const size = (await whole.body()).length;
  const part = await request.get('/favicon.svg', { headers: { Range: 'bytes=10-19' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-range']).toBe(`bytes 10-19/${size}`);
  expect((await part.body()).length).toBe(10);
  expect((await request.get('/favicon.svg', { headers: { Range: `bytes=${size + 5}-` } })).status()).toBe(416);
});
