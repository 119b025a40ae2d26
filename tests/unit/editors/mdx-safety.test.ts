import { describe, expect, test } from 'vitest';
import { mdxHazards } from '../../../src/lib/editors/mdx-safety.ts';
import { makeFixture } from '../fixture-content.ts';

describe('MDX bodies written by editors', () => {
  test('may use Markdown, links and the site\'s own components', () => {
    const body = "import StepByStep from '../../src/components/StepByStep.astro';\n\n## Steps\n\n[Call us](tel:01632960100) or [read more](/pathways/).\n\n<StepByStep label=\"Steps\" />\n\n```html\n<script>shown as code</script>\n```\n";
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

  test.each([
    ['code in curly brackets, which would run during the build', '{process.env.HOME}', /remove the curly brackets/],
    ['code in curly brackets within a sentence', 'Your folder is {process.cwd()} today.', /remove the curly brackets/],
    ['an event handler on the next line of a tag', '<a href="/"\nonclick="alert(1)">x</a>', /event handler/],
    ['attributes spread from code', '<a {...{ onclick: "alert(1)" }}>x</a>', /name="value"/],
    ['code as an attribute value', '<StepByStep label={process.env.SECRET} />', /plain value/],
  ])('may not contain %s, even where a line-by-line look misses it', (_what, text, fix) => {
    const hazards = mdxHazards(`Text\n\n${text}\n`);
    expect(hazards).toEqual([expect.objectContaining({ line: 3, fix: expect.stringMatching(fix) })]);
  });

  test('may use comments and plain values in curly brackets', () => {
    expect(mdxHazards('Text {/* a note for editors */} here.\n\n<Step title="Ask" level={3} />\n\n<abbr title={"Education, Health and Care"}>EHC</abbr>\n', { provided: ['Step'] })).toEqual([]);
  });

  test.each([
    ['a step without a title', '<Step>x</Step>', /^<Step> without title$/, /give it a title in quotes, such as <Step title="Ask for an assessment">/],
    ['a step with its title under another name', '<Step name="Plan">x</Step>', /^name on <Step>$/, /<Step> takes title, timescale, level, such as <Step title="Ask for an assessment">/],
    ['a step whose title is a number', '<Step title={2}>x</Step>', /^title=\{2\} on <Step>$/, /write the title as words in quotes/],
    ['a step whose title has no letters or numbers', '<Step title="★ ★">x</Step>', /^title="★ ★" on <Step>$/, /with letters a to z or numbers in it/],
    ['a misspelt attribute', '<Step title="Plan" timescal="6 weeks">x</Step>', /^timescal on <Step>$/, /did you mean timescale\? <Step> takes title, timescale, level/],
    ['a level the page has no heading for', '<Step title="Plan" level={7}>x</Step>', /^level=\{7\} on <Step>$/, /the level is 2 or 3/],
  ])('%s is refused with the line and the fix, not a crash in the build', (_what, text, found, fix) => {
    expect(mdxHazards(`Intro.\n\n${text}\n`, { provided: ['Step'] })).toEqual([{ line: 3, found: expect.stringMatching(found), fix: expect.stringMatching(fix) }]);
  });

  test.each([
    ['a "<" before a number', 'Children aged <5 get help.', /write "under" or "less than"/],
    ['an email address in angle brackets', 'Email <send@kestrelvale.example> today.', /in MDX a "<" starts a tag/],
    ['curly brackets around text', 'It costs {£6,000} a year.', /curly brackets hold code/],
    ['an HTML comment', '<!-- check with the SEND team -->', /\{\/\* like this \*\/\}/],
    ['a tag that is never closed', '<StepByStep label="Steps">\n\nText', /add <\/StepByStep>/],
  ])('%s is reported in plain English with its line, instead of stopping the build', (_what, text, fix) => {
    const hazards = mdxHazards(`Intro.\n\n${text}\n`);
    expect(hazards).toEqual([expect.objectContaining({ line: 3, fix: expect.stringMatching(fix) })]);
    expect(hazards[0]!.found.length).toBeGreaterThan(0);
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

  test('the content check reports a line MDX cannot read, with the file line, before the build meets it', () => {
    const fixture = makeFixture();
    try {
      const source = fixture.read('content/pathways/sen-support.mdx') + '\nChildren aged <5 get help from their setting.\n';
      fixture.write('content/pathways/sen-support.mdx', source);
      const line = source.split('\n').indexOf('Children aged <5 get help from their setting.') + 1;
      expect(fixture.check()).toContainEqual(`content/pathways/sen-support.mdx: (body, line ${line}) — found Children aged <5 get help from their setting. — in MDX a "<" starts a tag: write "under" or "less than" instead, use [text](https://…) for a link, or put a backslash before it (\\<)`);
    } finally {
      fixture.remove();
    }
  });
});
