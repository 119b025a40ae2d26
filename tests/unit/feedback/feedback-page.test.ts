import { describe, expect, test } from 'vitest';
import { formUrlFor, pageBeingReported } from '../../../src/lib/feedback/feedback-page.ts';

const ORIGINS = ['https://localoffer.kestrelvale.example', 'http://127.0.0.1:4373'];
const q = (page: string) => `?page=${encodeURIComponent(page)}`;

describe('the page the feedback is about', () => {
  test('is read from the full address the "Was this page helpful?" prompt sends', () => {
    expect(pageBeingReported(q('https://localoffer.kestrelvale.example/services/portage-home-visiting/'), ORIGINS)).toBe('/services/portage-home-visiting/');
  });
  test('keeps a query, such as a search', () => {
    expect(pageBeingReported(q('https://localoffer.kestrelvale.example/search/?q=SALT'), ORIGINS)).toBe('/search/?q=SALT');
  });
  test('accepts the address the site is being viewed on, and bare paths', () => {
    expect(pageBeingReported(q('http://127.0.0.1:4373/glossary/'), ORIGINS)).toBe('/glossary/');
    expect(pageBeingReported(q('/provision/'), ORIGINS)).toBe('/provision/');
  });
  test('ignores pages on other sites and other kinds of address', () => {
    expect(pageBeingReported(q('https://evil.example/phish/'), ORIGINS)).toBeUndefined();
    expect(pageBeingReported(q('//evil.example/x/'), ORIGINS)).toBeUndefined();
    expect(pageBeingReported(q('javascript:alert(1)'), ORIGINS)).toBeUndefined();
  });
  test('is absent when there is no page parameter', () => {
    expect(pageBeingReported('', ORIGINS)).toBeUndefined();
    expect(pageBeingReported('?page=', ORIGINS)).toBeUndefined();
  });
  test('is passed on to the online form', () => {
    expect(formUrlFor('https://www.kestrelvale.example/local-offer-feedback', 'https://localoffer.kestrelvale.example/glossary/')).toBe(
      'https://www.kestrelvale.example/local-offer-feedback?page=https%3A%2F%2Flocaloffer.kestrelvale.example%2Fglossary%2F',
    );
  });
});
