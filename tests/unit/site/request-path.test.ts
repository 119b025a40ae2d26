import { describe, expect, test } from 'vitest';
import { requestPath, slashRedirect } from '../../../src/lib/site/request-path.ts';

describe('the path a static server uses for a request', () => {
  test('is decoded once, with its query kept apart', () => {
    expect(requestPath('/files/short%20breaks.pdf?v=2')).toEqual({ path: '/files/short breaks.pdf', search: '?v=2' });
    expect(requestPath('/%61dmin/')).toEqual({ path: '/admin/', search: '' });
  });

  test.each(['/%', '/%E0%A4%A', '/%C0%AF', 'http://evil.example/', '*', '', '//evil.example/', '/%2Fevil.example', '/.//sub', '/a/../b', '/%2e%2e/x', '/\\evil.example', '/a%5Cb', '/a%00'])('%j is refused', (target) => {
    expect(requestPath(target)).toHaveProperty('refused');
  });

  test('a redirect to the folder never leaves the site', () => {
    expect(slashRedirect({ path: '/sub', search: '?next=//evil.example' })).toBe('/sub/?next=//evil.example');
    expect(slashRedirect({ path: '/short breaks', search: '' })).toBe('/short%20breaks/');
    expect(slashRedirect({ path: '/a?b#c', search: '' })).toBe('/a%3Fb%23c/');
  });
});
