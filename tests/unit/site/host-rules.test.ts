import { describe, expect, test } from 'vitest';
import { applyRedirects, parseRedirectsFile } from '../../../scripts/lib/host-rules.ts';

const nothingExists = () => false;
const go = (rules: string, url: string, exists: (path: string) => boolean = nothingExists) => {
  const { pathname, searchParams } = new URL(url, 'http://localhost');
  return applyRedirects(parseRedirectsFile(rules), pathname, searchParams, exists);
};

describe('reading a _redirects file as Netlify does', () => {
  test('a line is from, query conditions, to and status; comments, blank lines and lines it cannot read are skipped', () => {
    expect(parseRedirectsFile('# a comment\n\n/a /b 200\n/c page=:page per_page=10 /d/:page 200!  # note\n/e /f\nnot-a-rule\n/g /h 200 Country=gb\n')).toEqual([
      { from: '/a', query: [], to: '/b', status: 200, force: false },
      { from: '/c', query: [['page', ':page'], ['per_page', '10']], to: '/d/:page', status: 200, force: true },
      { from: '/e', query: [], to: '/f', status: 301, force: false },
    ]);
  });

  test('a placeholder takes one path segment into the target; a splat takes the rest', () => {
    expect(go('/api/:kind/:id /api/:kind/:id.json 200', '/api/services/abc')).toEqual({ to: '/api/services/abc.json', status: 200 });
    expect(go('/api/:kind/:id /api/:kind/:id.json 200', '/api/services/abc/more')).toBeUndefined();
    expect(go('/old/* /new/:splat 301', '/old/a/b')).toEqual({ to: '/new/a/b', status: 301 });
  });

  test('query conditions: a placeholder needs the key with any value, a literal needs that value, other keys are ignored', () => {
    const rules = '/list page=:page per_page=10 /pages/10/:page.json 200\n/list page=:page /pages/50/:page.json 200\n/list /pages/50/1.json 200\n';
    expect(go(rules, '/list?per_page=10&page=4&search=x')).toEqual({ to: '/pages/10/4.json', status: 200 });
    expect(go(rules, '/list?page=4&per_page=11')).toEqual({ to: '/pages/50/4.json', status: 200 });
    expect(go(rules, '/list?search=x')).toEqual({ to: '/pages/50/1.json', status: 200 });
  });

  test('the first rule that matches wins', () => {
    expect(go('/a /first 200\n/a /second 200\n', '/a')).toEqual({ to: '/first', status: 200 });
  });

  test('a trailing slash makes no difference to matching', () => {
    expect(go('/api /api/index.json 200', '/api/')).toEqual({ to: '/api/index.json', status: 200 });
    expect(go('/api/ /api/index.json 200', '/api')).toEqual({ to: '/api/index.json', status: 200 });
  });

  test('a rule never hides a file that exists, unless it is forced with !', () => {
    const exists = (path: string) => path === '/a';
    expect(go('/a /b 200', '/a', exists)).toBeUndefined();
    expect(go('/a /b 200!', '/a', exists)).toEqual({ to: '/b', status: 200 });
  });

  test('a value from the request cannot climb out of its place in the target', () => {
    const rules = '/list page=:page /pages/:page.json 200\n/item/:id /items/:id.json 200\n';
    expect(go(rules, '/list?page=../../secret')).toBeUndefined();
    expect(go(rules, '/list?page=..')).toBeUndefined();
    expect(go(rules, '/list?page=a%5Cb')).toBeUndefined();
    expect(go(rules, '/item/..%2F..%2Fsecret')).toBeUndefined();
    expect(go(rules, '/item/%E0%A4%A')).toBeUndefined();
    expect(go(rules, '/list?page=2%20x')).toEqual({ to: '/pages/2%20x.json', status: 200 });
  });
});
