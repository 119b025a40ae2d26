import { describe, expect, test } from 'vitest';
import { findPhoneNumbers, linkPhoneNumbersInText, ukTelHref } from '../../../src/lib/text/phone-numbers.ts';
import { renderMarkdown } from '../../../src/lib/text/markdown.ts';
import { phoneLinksPlugin } from '../../../src/lib/text/phone-links-plugin.ts';
import { mdxToJs } from 'satteri';

const numbers = (text: string) => findPhoneNumbers(text).map((m) => [m.text, m.href]);

describe('UK phone numbers in running text', () => {
  test.each([
    ['Call 01632 960 999 today', '01632 960 999', 'tel:01632960999'],
    ['Phone 01632 960999.', '01632 960999', 'tel:01632960999'],
    ['London: 020 7946 0000', '020 7946 0000', 'tel:02079460000'],
    ['Freephone 0800 123 4567', '0800 123 4567', 'tel:08001234567'],
    ['Mobile 07700 900123', '07700 900123', 'tel:07700900123'],
    ['From abroad +44 (0)1632 960 100', '+44 (0)1632 960 100', 'tel:01632960100'],
    ['From abroad +44 1632 960100', '+44 1632 960100', 'tel:01632960100'],
    ['(01632) 960 100', '(01632) 960 100', 'tel:01632960100'],
    ['01632-960-100', '01632-960-100', 'tel:01632960100'],
    ['If someone is in danger, call 999.', '999', 'tel:999'],
    ['call NHS 111 and choose', '111', 'tel:111'],
  ])('finds the number in %j', (text, written, href) => {
    expect(numbers(text)).toEqual([[written, href]]);
  });

  test.each([
    ['ages 0 to 25'],
    ['published 2026-01-20'],
    ['KV1 1AA'],
    ['costs £01632 960'],
    ['reference 0163296010012345'],
    ['aged 0-5 and 6-11'],
    ['999 problems'],
    ['room 111'],
    ['012 345'],
  ])('leaves %j alone: it is not a phone number', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  test('finds two numbers in one sentence, in order', () => {
    expect(numbers('Day 01632 960 999, night 01632 960 998.')).toEqual([
      ['01632 960 999', 'tel:01632960999'],
      ['01632 960 998', 'tel:01632960998'],
    ]);
  });

  test('a tel: link is only made for UK ranges', () => {
    expect(ukTelHref('00 33 1 23 45 67 89')).toBeUndefined();
    expect(ukTelHref('04632 960 100')).toBeUndefined();
    expect(ukTelHref('01632 960 100')).toBe('tel:01632960100');
  });
});

describe('Phone numbers become tappable links wherever text is rendered', () => {
  test('Markdown from content fields links a number, even in bold', () => {
    const html = renderMarkdown("Call the Children's Front Door on **01632 960 999**.");
    expect(html).toContain('<strong><a href="tel:01632960999">01632 960 999</a></strong>');
  });
  test('Markdown leaves numbers already in a link, a web address or code as they are', () => {
    const html = renderMarkdown('[ring us](tel:01632960100) https://example.org/01632960100 `01632 960 111`');
    expect(html.match(/<a /g)).toHaveLength(2);
    expect(html).toContain('<code>01632 960 111</code>');
  });
  test('plain text from site settings is escaped and its number linked', () => {
    expect(linkPhoneNumbersInText('<b>01632 960 100</b>')).toBe('&lt;b&gt;<a href="tel:01632960100" class="phone-link">01632 960 100</a>&lt;/b&gt;');
  });
  test('MDX pages link numbers in text but not inside links or code', () => {
    const { code } = mdxToJs('Call 01632 960 100 (9am to 5pm).\n\n[01632 960 200](/x/) and `01632 960 300`', { hastPlugins: [phoneLinksPlugin] });
    expect(code).toMatch(/href: "tel:01632960100"[^]*"01632 960 100"/);
    expect(code).not.toContain('tel:01632960200');
    expect(code).not.toContain('tel:01632960300');
  });
});
