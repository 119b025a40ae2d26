import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from 'satteri';
import { afterAll, describe, expect, test } from 'vitest';
import { isPlainLiteral, mdxFileHazards, mdxHazards, proseLines } from '../../../src/lib/editors/mdx-safety.ts';
import { hostileMdxBodies } from '../../fixtures/hostile/mdx-bodies.ts';

/**
 * Each body below is an attack an editor's file could carry: code that would run while the site
 * is built (with CI's secrets in reach), or script that would run in a reader's browser. Every one
 * must be refused by the rule, and, when the body goes the way the build takes it (refused first,
 * compiled and rendered only if allowed), the marker file its code writes must never appear.
 */
const dir = mkdtempSync(join(tmpdir(), 'olo-mdx-attacks-'));
const marker = join(dir, 'ran.txt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the build does with a body: the rule first, then compile, evaluate and render. */
async function asTheBuildWould(body: string): Promise<'refused' | 'rendered' | 'failed'> {
  if (mdxHazards(body).length > 0) return 'refused';
  try {
    const jsx = (type: unknown, props: unknown) => (typeof type === 'function' ? type(props) : (props as { children?: unknown })?.children ?? null);
    const module = await evaluate(body, { jsx, jsxs: jsx, Fragment: 'fragment' });
    (module.default as (props: object) => unknown)({ components: {} });
    return 'rendered';
  } catch {
    return 'failed';
  }
}

describe('an MDX body that tries to run code or script', () => {
  const bodies = hostileMdxBodies(marker);

  test('the corpus holds at least 30 attacks', () => {
    expect(bodies.length).toBeGreaterThanOrEqual(30);
  });

  test.each(bodies)('%s: is refused, and the code in it never runs', async (_name, body) => {
    expect(mdxHazards(body), 'the rule refuses it').not.toEqual([]);
    expect(await asTheBuildWould(body)).toBe('refused');
    expect(existsSync(marker), 'the marker file the code would write').toBe(false);
  });

  test('the corpus is real: the same code, unchecked, does run', async () => {
    const body = `{process.getBuiltinModule('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran')}`;
    const jsx = (_type: unknown, props: unknown) => (props as { children?: unknown })?.children ?? null;
    const module = await evaluate(body, { jsx, jsxs: jsx, Fragment: 'fragment' });
    (module.default as (props: object) => unknown)({});
    expect(existsSync(marker)).toBe(true);
    rmSync(marker);
  });
});

describe('an MDX file whose code sits where the frontmatter ends', () => {
  test('is read as the compiler reads it, so code after the closing --- is found, with its file line', () => {
    const source = `---\ntitle: x\n---{process.getBuiltinModule('node:fs').writeFileSync('x', 'ran')}\n\nText.\n`;
    expect(mdxFileHazards(source, 'pages')).toEqual([expect.objectContaining({ line: 3, fix: expect.stringMatching(/remove the curly brackets/) })]);
  });
});

describe('an MDX file that names a layout in its frontmatter', () => {
  test('is refused, on the line of the field: the compiler would import what it names, in development too', () => {
    const source = `---\ntitle: x\nlayout: "data:text/javascript,process.exit(1)"\n---\n\nText.\n`;
    expect(mdxFileHazards(source, 'pages')).toEqual([{ line: 3, field: 'layout', found: 'a layout named in the frontmatter', fix: expect.stringMatching(/the site chooses the layout of every page itself/) }]);
    expect(mdxFileHazards(`---\ntitle: x\n'layout': ../../src/layouts/Base.astro\n---\n`, 'pages')).toEqual([expect.objectContaining({ line: 3, field: 'layout' })]);
  });
});

describe('what editors may still write', () => {
  test.each([
    ['prose, lists, tables, quotes and links', '## Help\n\n- one [two](/pathways/) three\n\n| a | b |\n| - | - |\n| 1 | [x](https://example.org/) |\n\n> Quote with [mail](mailto:send@kestrelvale.example) and [phone](tel:01632960100).\n'],
    ['a comment in curly brackets', 'Text {/* check with the SEND team */} here.\n'],
    ['code blocks that show code as text', '```js\nexport const x = 1;\n{process.exit()}\n```\n\n~~~\n<script>alert(1)</script>\n~~~\n'],
    ['a component imported by its exact path, with plain values', "import Step from '../../src/components/Step.astro'\nimport StepByStep from '../../src/components/StepByStep.astro'\n\n<StepByStep label=\"Steps\">\n<Step title=\"Ask\" level={3}>\nText.\n</Step>\n</StepByStep>\n"],
    ['harmless HTML tags', 'The <abbr title="Special educational needs">SEN</abbr> team<br />and H<sub>2</sub>O and <a href="/contact-us/">contact</a>.\n'],
    ['an escaped curly bracket and less-than sign', 'Costs \\{£6,000\\} for children \\<5.\n'],
    ['an image that is a file of the site', '![A map of the area](/files/map.png)\n\n![A chart](/files/two%20terms.png "Requests by term")\n'],
  ])('%s', (_what, body) => {
    expect(mdxHazards(body)).toEqual([]);
  });

  test('a pathway may use the step-by-step components its page provides, without importing them', () => {
    const body = '<StepByStep label="Steps">\n<Step title="Ask">\nText.\n</Step>\n</StepByStep>\n';
    expect(mdxHazards(body, { provided: ['StepByStep', 'Step'] })).toEqual([]);
    expect(mdxFileHazards(`---\ntitle: x\n---\n${body}`, 'pathways')).toEqual([]);
  });
});

describe('a component the page cannot render', () => {
  test('used without its import is reported with its line and the import to add', () => {
    const hazards = mdxFileHazards('---\ntitle: About\n---\nIntro.\n\n<Step title="Ask">\nText.\n</Step>\n', 'pages');
    expect(hazards).toEqual([{ line: 6, found: '<Step> without its import', fix: "add this line at the top of the body, after the second ---: import Step from '../../src/components/Step.astro'" }]);
  });

  test('imported from a path that does not exist is reported with the likely right import', () => {
    const hazards = mdxHazards("import Stepp from '../../src/components/Stepp.astro'\n\nText.\n");
    expect(hazards).toEqual([expect.objectContaining({ line: 1, fix: expect.stringContaining("did you mean import Step from '../../src/components/Step.astro'?") })]);
  });

  test('that is not one of the content components is named', () => {
    expect(mdxHazards('<ServiceCard title="x" />\n')).toEqual([expect.objectContaining({ fix: expect.stringMatching(/ServiceCard is not one of the site's content components/) })]);
  });
});

describe('plain literals in attributes', () => {
  test.each(['3', '-1.5e3', '"text"', "'text'", 'true', 'null', '["a", 1, [true]]', '{ a: 1, "b": ["c"] }', ' [ ] '])('%s is a plain value', (source) => {
    expect(isPlainLiteral(source)).toBe(true);
  });
  test.each(['x', '`t`', '[x]', '{a}', '{...a}', '"a" + "b"', 'true.constructor', '1..constructor', '(1)', '[1,,2]', '{["a"]: 1}', "'a\nb'", '3 /* c */', 'new Date()', '-x'])('%s is not', (source) => {
    expect(isPlainLiteral(source)).toBe(false);
  });
});

describe('prose lines', () => {
  test('a fence opened with ``` is not closed by ~~~', () => {
    const lines = [...proseLines('```\n~~~\n[x](javascript:alert(1))\n```\nafter\n')].map(([, text]) => text);
    expect(lines).toEqual(['after', '']);
  });
});
