import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { firstSentence, htmlToMarkdown, htmlToText, markdownToPlain } from '../../../src/lib/editors/import/html.ts';
import { renderMarkdown } from '../../../src/lib/text/markdown.ts';
import { describe as describeSource } from '../../../src/lib/editors/import/context.ts';

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

describe('a description that passes the accessibility checks of the page it is shown on', () => {
  test('a link with no words gets its address as words; a heading with none is left out', () => {
    const markdown = htmlToMarkdown('<p>Email <a href="mailto:info@charity.example"><img src="x.png"></a> or call <a href="tel:+441179300301"></a>.</p><h2> </h2><h2><img src="logo.png"></h2><p>More.</p>');
    const html = renderMarkdown(markdown);
    expect(html).toContain('<a href="mailto:info@charity.example">info@charity.example</a>');
    expect(html).toContain('<a href="tel:+441179300301">+441179300301</a>');
    expect(markdown).not.toMatch(/^#+\s*$/m);
  });
  test('headings go down one level at a time, however the feed skipped', () => {
    expect(htmlToMarkdown('<h2>About</h2><p>a</p><h4>Who</h4><p>b</p><h6>When</h6><p>c</p><h3>Where</h3>').match(/^#+/gm)).toEqual(['##', '###', '####', '###']);
  });
  test('a link address with a typing slip ("http:// https://…") keeps the real address; one that is no address is left as words', () => {
    expect(htmlToMarkdown('<p><a href="http:// https://www.survivorpathway.example/">Survivor Pathway</a></p>')).toBe('[Survivor Pathway](https://www.survivorpathway.example/)');
    expect(htmlToMarkdown('<p><a href="http://exa mple">Broken</a></p>')).toBe('Broken');
  });
});

describe('plain text from HTML, for names and summaries', () => {
  test('tags are removed and entities decoded', () => {
    expect(htmlToText('<p>Fish &amp; chips</p><p>on&nbsp;Friday</p>')).toBe('Fish & chips on Friday');
  });

  test('a summary is the first sentence of the first paragraph, never a heading, a tag or an escape', () => {
    expect(describeSource('<h1>About Us</h1><p>We help <b>young</b> people &amp; families. More text.</p>').summary).toBe('We help young people & families.');
    expect(markdownToPlain(htmlToMarkdown('<p>We help <b>young</b> people &amp; families.</p>'))).toBe('We help young people & families.');
  });

  test('a line break in a feed\'s description is a space in the summary, not a backslash, and two end the paragraph', () => {
    expect(describeSource('<p>Many services in one.<br>There are 18 of them.</p>').summary).toBe('Many services in one.');
    expect(describeSource('<p>Drop in to our SEND support session<br><br>These relaxed sessions help. More.</p>').summary).toBe('Drop in to our SEND support session');
    expect(describeSource('<p>One line<br>and the next.</p>').summary).toBe('One line and the next.');
  });

  test('stars and underscores written in a feed\'s text stay as written in the summary', () => {
    expect(describeSource('<p>Line with *stars* and _underscores_ here.</p>').summary).toBe('Line with *stars* and _underscores_ here.');
    expect(markdownToPlain('Line with \\*stars\\* and **bold** text.')).toBe('Line with *stars* and bold text.');
  });

  test('a summary from Markdown or plain text skips a heading too', () => {
    expect(describeSource('## Who we are\n\nWe run **stay and play** groups. Every week.').summary).toBe('We run stay and play groups.');
    expect(describeSource('Plain text, one sentence. Then more.').summary).toBe('Plain text, one sentence.');
  });
});
