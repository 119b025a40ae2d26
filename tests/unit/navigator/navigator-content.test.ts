import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { makeFixture, type Fixture } from '../fixture-content.ts';
import { treePaths, type Tree } from '../../../src/lib/navigator/navigator-graph.ts';
import { serviceLinks } from '../../../src/lib/navigator/navigator-outcome.ts';

const TREE = 'content/navigator/which-support-applies.json';
const EHC_TREE = 'content/navigator/ask-for-an-ehc-needs-assessment.json';

type ContentTree = Tree & { nodes: Record<string, { type: string; urgent?: boolean; pathways?: string[] }> };
const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ContentTree;

describe('the demo decision trees', () => {
  const tree = load(TREE);
  const count = (t: ContentTree, type: string) => Object.values(t.nodes).filter((n) => n.type === type).length;

  test('"Which support applies?" has at least 12 questions and 10 results, including urgent help', () => {
    expect(count(tree, 'question')).toBeGreaterThanOrEqual(12);
    expect(count(tree, 'outcome')).toBeGreaterThanOrEqual(10);
    expect(Object.values(tree.nodes).some((n) => n.urgent)).toBe(true);
    expect(tree.nodes['health-route']?.type).toBe('outcome');
  });

  test('every journey through every tree ends at a result', () => {
    for (const file of readdirSync('content/navigator')) {
      const t = load(`content/navigator/${file}`);
      const paths = treePaths(t);
      expect(paths.length, file).toBeGreaterThan(1);
      for (const path of paths) expect(t.nodes[path.at(-1)!]?.type, `${file}: ${path.join(' → ')}`).toBe('outcome');
    }
  });

  test('the EHC needs assessment tree asks the two parts of the legal test', () => {
    const ehc = load(EHC_TREE) as unknown as { nodes: Record<string, { question?: string }> };
    const questions = Object.values(ehc.nodes).map((n) => n.question ?? '').join('\n');
    expect(questions).toMatch(/have, or might they have, special educational needs/);
    // Section 36(8)(b), asked without a money test ("from its own resources" read like one).
    expect(questions).toMatch(/more or different help than the nursery, school or college can usually give\?/);
    expect(questions).not.toMatch(/own resources/);
  });
});

describe('a broken decision tree names the tree, the node and the field', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = makeFixture();
  });
  afterEach(() => fixture.remove());

  const cases: { rule: string; breakIt: (f: Fixture) => void; expected: RegExp }[] = [
    { rule: 'a result links to a pathway that does not exist', breakIt: (f) => f.editJson(TREE, (d) => (d.nodes['sen-support-outcome'].pathways = ['sen-suport'])), expected: /which-support-applies\.json: nodes\.sen-support-outcome\.pathways\[0\] — "sen-suport" does not match any file in content\/pathways\/ — did you mean "sen-support"\?/ },
    { rule: 'a result filters services by an unknown level', breakIt: (f) => f.editJson(TREE, (d) => (d.nodes['sen-support-outcome'].services.levels = ['send-support'])), expected: /which-support-applies\.json: nodes\.sen-support-outcome\.services\.levels\[0\] — found "send-support" — use one of these levels/ },
    { rule: 'a result filters services by an unknown category', breakIt: (f) => f.editJson(TREE, (d) => (d.nodes['health-route'].services.categories = ['healthcare'])), expected: /which-support-applies\.json: nodes\.health-route\.services\.categories\[0\] — found "healthcare" — use one of these categories/ },
    { rule: 'a node is called "map"', breakIt: (f) => f.editJson(EHC_TREE, (d) => { d.nodes.map = d.nodes['ask-now']; d.nodes['help-so-far'].options[0].next = 'map'; delete d.nodes['ask-now']; }), expected: /ask-for-an-ehc-needs-assessment\.json: nodes\.map — "map" cannot be a node id/ },
    { rule: 'a question has no question text', breakIt: (f) => f.editJson(EHC_TREE, (d) => delete d.nodes['age-band'].question), expected: /ask-for-an-ehc-needs-assessment\.json: nodes\.age-band\.question — this required field is missing/ },
    { rule: 'an answer leads to a missing node in the second tree', breakIt: (f) => f.editJson(EHC_TREE, (d) => (d.nodes['help-so-far'].options[2].next = 'ask-later')), expected: /ask-for-an-ehc-needs-assessment\.json: nodes\.help-so-far\.options\[2\]\.next — "ask-later" is not a node in this tree/ },
    { rule: 'a pathway lists a service that does not exist', breakIt: (f) => f.write('content/pathways/ehc-plan.mdx', f.read('content/pathways/ehc-plan.mdx').replace('  - send-mediation\n', '  - send-mediaton\n')), expected: /content\/pathways\/ehc-plan\.mdx: relatedServices\[1\] — "send-mediaton" does not match any file in content\/services\/ — did you mean "send-mediation"\?/ },
    { rule: 'a pathway has an unknown phase in morePhases', breakIt: (f) => f.write('content/pathways/sen-support.mdx', f.read('content/pathways/sen-support.mdx').replace('  - secondary\n', '  - secondry\n')), expected: /content\/pathways\/sen-support\.mdx: morePhases\[0\] — found "secondry" — use one of these phases/ },
    { rule: 'a pathway uses the calculator\'s address', breakIt: (f) => f.write('content/pathways/ehc-timeline.mdx', f.read('content/pathways/ehc-plan.mdx')), expected: /content\/pathways\/ehc-timeline\.mdx: \(file name\) — \/pathways\/ehc-timeline\/ is already used by the site/ },
  ];

  for (const { rule, breakIt, expected } of cases) {
    test(`when ${rule}`, () => {
      breakIt(fixture);
      const lines = fixture.check();
      expect(lines.some((line) => expected.test(line)), `expected a line matching ${expected}, got:\n${lines.join('\n')}`).toBe(true);
    });
  }
});

describe('serviceLinks', () => {
  test('links to the static service lists for each level, need and category', () => {
    expect(serviceLinks({ levels: ['sen-support'], needs: ['cognition-and-learning'], categories: ['health'] })).toEqual([
      { href: '/services/level/sen-support/', label: 'Services: SEN support' },
      { href: '/services/need/cognition-and-learning/', label: 'Services for cognition and learning' },
      { href: '/services/category/health/', label: 'Health services' },
    ]);
    expect(serviceLinks(undefined)).toEqual([]);
  });
});
