import { describe, expect, test } from 'vitest';
import { mdxHazards } from '../../src/lib/mdx-safety.ts';
import { makeFixture } from './fixture-content.ts';

describe('MDX bodies written by editors', () => {
  test('may use Markdown, links and the site\'s own components', () => {
    const body = "import StepByStep from '../../src/components/StepByStep.astro';\n\n## Steps\n\n[Call us](tel:01632960100) or [read more](/pathways/).\n\n<StepByStep steps={[]} />\n\n```html\n<script>shown as code</script>\n```\n";
    expect(mdxHazards(body)).toEqual([]);
  });

  test.each([
    ['a script element', '<script>alert(1)</script>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an event handler', '<img src="/x.png" onerror="alert(1)" />'],
    ['a javascript: link in HTML', '<a href="javascript:alert(1)">x</a>'],
    ['a javascript: link in Markdown', '[x](javascript:alert(1))'],
    ['set:html', '<div set:html={"<b>x</b>"} />'],
    ['an import from elsewhere', "import fs from 'node:fs';"],
    ['an export', 'export const x = 1;'],
  ])('may not contain %s', (_what, line) => {
    expect(mdxHazards(`Text\n\n${line}\n`)).toEqual([expect.objectContaining({ line: 3 })]);
  });

  test('the content check names the file and the line', () => {
    const fixture = makeFixture();
    try {
      fixture.write('content/pages/privacy.mdx', fixture.read('content/pages/privacy.mdx') + '\n<script>alert(1)</script>\n');
      expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/pages\/privacy\.mdx: \(body, line \d+\) — found <script — remove it/));
    } finally {
      fixture.remove();
    }
  });
});
