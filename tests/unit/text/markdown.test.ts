import { describe, expect, test } from 'vitest';
import { markdownToParagraphs, markdownToText, renderMarkdown } from '../../../src/lib/text/markdown.ts';

describe('Markdown from content fields', () => {
  test('escapes raw HTML so it shows as text and never runs', () => {
    const html = renderMarkdown('Hello <script>alert(1)</script> <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  test('drops javascript: and data: links', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and [data](data:text/html,hi)');
    expect(html).not.toMatch(/href="(javascript|data):/);
  });
  test('keeps ordinary links, lists and emphasis', () => {
    const html = renderMarkdown('- **Call** [us](tel:01632960100)\n- [Website](https://example.org)');
    expect(html).toContain('<strong>Call</strong>');
    expect(html).toContain('href="tel:01632960100"');
    expect(html).toContain('rel="noopener noreferrer"');
  });
  test('turns Markdown into plain text for summaries', () => {
    expect(markdownToText('**Bold** and [a link](https://example.org) & more')).toBe('Bold and a link & more');
  });
  test('turns Markdown into plain text that keeps its paragraphs, headings and list items, for open data', () => {
    const source = '## Who it is for\n\nFamilies in **Saltmere** & nearby.\nSecond line.\n\n- Stay and play\n- Advice on [benefits](https://example.org)\n\nCall 01632 960 100.';
    expect(markdownToParagraphs(source)).toBe('Who it is for\n\nFamilies in Saltmere & nearby. Second line.\n\n- Stay and play\n- Advice on benefits\n\nCall 01632 960 100.');
    // A tag written in Markdown is text, and stays text: the field holds text, not HTML.
    expect(markdownToParagraphs('Written as <b>a tag</b> & more')).toBe('Written as <b>a tag</b> & more');
  });
});
