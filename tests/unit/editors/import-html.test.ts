import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { firstSentence, htmlToMarkdown, htmlToText, markdownToPlain } from '../../../src/lib/editors/import/html.ts';
import { renderMarkdown } from '../../../src/lib/text/markdown.ts';

const REAL_FEEDS = resolve('../shared/real-feeds');

describe('descriptions in HTML become Markdown', () => {
  test('paragraphs, lists and safe links are kept, and entities become the characters they stand for', () => {
    const markdown = htmlToMarkdown('<p>Fish &amp; chips&nbsp;on Friday</p><ul><li>one</li><li>two</li></ul><p><a href="https://example.org/">Our site</a></p>');
    expect(markdown).toBe('Fish & chips on Friday\n\n- one\n- two\n\n[Our site](https://example.org/)');
  });

  test('scripts, event attributes, images and javascript: links are dropped, keeping the link text', () => {
    const markdown = htmlToMarkdown('<p onclick="steal()">Hello <script>alert(1)</script><img src="data:image/png;base64,AAAA" onerror="alert(2)"><a href="javascript:alert(3)">Click me</a></p>');
    expect(markdown).toBe('Hello Click me');
    const html = renderMarkdown(markdown);
    expect(html).not.toMatch(/script|onerror|onclick|javascript|<img/i);
  });

  test('headings start below the page heading (the service name)', () => {
    expect(htmlToMarkdown('<h1>About us</h1><p>Text</p><h2>More</h2>')).toBe('## About us\n\nText\n\n### More');
  });

  test('plain text is kept as written', () => {
    expect(htmlToMarkdown('Ages 5 to 11.\r\n\r\nCall us.')).toBe('Ages 5 to 11.\n\nCall us.');
  });

  test('the DfE test record with HTML and a javascript: link shows no tag, entity or script as text', () => {
    const record = JSON.parse(readFileSync(resolve(REAL_FEEDS, 'dfe-test-service-with-html-and-javascript.json'), 'utf8'));
    const fees = htmlToMarkdown(record.fees);
    expect(fees).toBe('Click mefees_description');
    const description = renderMarkdown(htmlToMarkdown(record.description));
    expect(description).toContain('<strong>Counselling</strong> Services');
    expect(description).not.toMatch(/&lt;|&amp;(?:amp|nbsp);|javascript:/);
  });
});

describe('plain text from HTML, for names and summaries', () => {
  test('tags are removed and entities decoded', () => {
    expect(htmlToText('<p>Fish &amp; chips</p><p>on&nbsp;Friday</p>')).toBe('Fish & chips on Friday');
  });

  test('a summary is the first sentence of the plain text, never a tag or an escape', () => {
    const markdown = htmlToMarkdown('<h1>About Us</h1><p>We help <b>young</b> people &amp; families. More text.</p>');
    const plain = markdownToPlain(markdown);
    expect(firstSentence(plain)).toBe('About Us We help young people & families.');
  });
});
