import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { coverageReadabilityWarnings, paragraphsOf, plainText, readabilityIssues, readabilityWarnings, readingEase, sentencesOf, wordsOf } from '../../../src/lib/editors/readability.ts';
import { makeFixture, type Fixture } from '../fixture-content.ts';
import { splitFrontmatter } from '../../../src/lib/editors/check/read.ts';
import { topicGuides } from '../../../src/lib/young-people/young-people.ts';

const LONG = 'If your child is not making the progress you expected at school, even with good teaching that is adapted to their needs, you should ask to meet the school.';
/** A warning's problem up to its quotation, with any reading ease left out. */
const shortProblem = (problem: string) => (problem.split(':')[0] ?? '').replace(/\(reading ease -?\d+, aim for 60 or more\)/, '(…)');
const HARD = 'Comprehensive multidisciplinary assessment necessitates collaborative consideration. Individualised educational interventions require systematic evaluation.';

describe('counting words and sentences', () => {
  test('"£6,000", "don\'t" and "co-ordinator" are one word each; link addresses are not words', () => {
    expect(wordsOf("Schools pay £6,000; don't ask the co-ordinator.")).toEqual(['Schools', 'pay', '£6,000', "don't", 'ask', 'the', 'co-ordinator']);
    expect(plainText('See [the EHC plan](/pathways/ehc-plan/) and **this**.')).toBe('See the EHC plan and this.');
  });

  test('a sentence ends at a full stop before a capital, but not in "e.g." or "No. 2"', () => {
    expect(sentencesOf('Ask the SENCO. Ask for a plan, e.g. a written one. See form No. 2 today.')).toEqual(['Ask the SENCO.', 'Ask for a plan, e.g. a written one.', 'See form No. 2 today.']);
    expect(sentencesOf("Meet your child's. Then talk to the school's SENCO.")).toEqual(["Meet your child's.", "Then talk to the school's SENCO."]);
  });

  test('easy words and short sentences score high, long words and long sentences score low', () => {
    expect(readingEase('The cat sat on the mat. It was a good cat.')).toBeGreaterThan(90);
    expect(readingEase(HARD)).toBeLessThan(20);
  });
});

describe('paragraphs of Markdown and MDX', () => {
  test('each list item is its own paragraph; headings, tags and the "Sources:" line are left out', () => {
    const body = ['## What to do next', '', '- Ask the SENCO.', '- Keep a copy.', '', '<Step title="Plan">', '', 'Agree the support', 'with the school.', '', '</Step>', '', '*Sources: Children and Families Act 2014, section 36(8) and section 20, read with regulation 5 of the SEND Regulations 2014.*'].join('\n');
    expect(paragraphsOf(body)).toEqual([
      { line: 3, text: 'Ask the SENCO.' },
      { line: 4, text: 'Keep a copy.' },
      { line: 8, text: 'Agree the support with the school.' },
    ]);
  });
});

describe('readabilityIssues', () => {
  test('names a sentence over 25 words, with its word count and line', () => {
    expect(readabilityIssues(`Short one.\n\n${LONG}`)).toContainEqual({ kind: 'long-sentence', text: LONG, value: 29, line: 3 });
  });

  test('names a paragraph with a reading ease under 60, with its score', () => {
    const issues = readabilityIssues(HARD);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: 'hard-paragraph', line: 1 });
    expect(issues[0]!.value).toBeLessThan(60);
  });

  test('plain text passes, and a legal citation in the Sources line is not measured', () => {
    expect(readabilityIssues('Ask the school for help. You do not need a diagnosis.\n\n*Sources: Children and Families Act 2014, sections 19, 20, 36(1), 36(8), 42(2) and 83(2); SEND Regulations 2014, regulations 5, 6, 8, 10 and 13.*')).toEqual([]);
  });

  test('a very short paragraph is held to the sentence length only', () => {
    expect(readabilityIssues('Help with mobility.')).toEqual([]);
  });
});

describe('readabilityWarnings', () => {
  test('measures pathways, tree results and glossary definitions, naming the file and the field or line', () => {
    const warnings = readabilityWarnings([
      { collection: 'pathways', file: 'content/pathways/a.mdx', data: { whoDecides: LONG }, body: `Fine.\n\n${LONG}`, bodyStart: 10 },
      { collection: 'navigator', file: 'content/navigator/t.json', data: { nodes: { q: { type: 'question', question: LONG }, r: { type: 'outcome', body: LONG } } } },
      { collection: 'glossary', file: 'content/glossary.json', data: { term: 'Thing', definition: LONG } },
      { collection: 'videos', file: 'content/videos/yp.mdx', data: { audience: ['young-people'] }, body: LONG, bodyStart: 5 },
      { collection: 'services', file: 'content/services/s.json', data: { description: LONG } },
    ]);
    expect(warnings.map((w) => `${w.file}: ${w.field}`)).toEqual([
      'content/pathways/a.mdx: whoDecides',
      'content/pathways/a.mdx: (body, line 13)',
      'content/navigator/t.json: nodes.r.body',
      'content/glossary.json: definition of "Thing"',
    ]);
    expect(warnings[0]!.problem).toBe(`this sentence has 29 words: "${LONG}"`);
    expect(warnings[0]!.fix).toMatch(/split it into sentences of 25 words or fewer, and move any legal citation into the "Sources:" line/);
  });
  test('a general page\'s text is held to both numbers: a hard paragraph is named by its line and its reading ease', () => {
    const warnings = readabilityWarnings([{ collection: 'pages', file: 'content/pages/p.mdx', data: { summary: 'What the council offers.' }, body: `Fine.\n\n${HARD}\n\n${LONG}`, bodyStart: 6 }]);
    expect(warnings.map((w) => `${w.file}: ${w.field}: ${w.problem.split(':')[0]}`)).toEqual([
      'content/pages/p.mdx: (body, line 9): this paragraph is hard to read (reading ease ' + Math.round(readingEase(HARD)) + ', aim for 60 or more)',
      'content/pages/p.mdx: (body, line 11): this sentence has 29 words',
    ]);
    expect(readabilityIssues(HARD)).toContainEqual(expect.objectContaining({ kind: 'hard-paragraph' }));
  });

  test('the summaries that lead pages and decision-tree hints are held to both numbers too; a question itself is not measured', () => {
    const warnings = readabilityWarnings([
      { collection: 'pages', file: 'content/pages/p.mdx', data: { summary: LONG }, body: `Fine.\n\n${LONG}`, bodyStart: 6 },
      { collection: 'pathways', file: 'content/pathways/a.mdx', data: { summary: HARD } },
      { collection: 'navigator', file: 'content/navigator/t.json', data: { summary: LONG, nodes: { q: { type: 'question', question: HARD, hint: HARD } } } },
      { collection: 'videos', file: 'content/videos/v.mdx', data: { summary: LONG }, body: LONG, bodyStart: 5 },
      { collection: 'services', file: 'content/services/s.json', data: { summary: LONG } },
    ]);
    expect(warnings.map((w) => `${w.file}: ${w.field}: ${shortProblem(w.problem)}`)).toEqual([
      'content/pages/p.mdx: summary: this sentence has 29 words',
      'content/pages/p.mdx: (body, line 9): this sentence has 29 words',
      'content/pathways/a.mdx: summary: this paragraph is hard to read (…)',
      'content/navigator/t.json: summary: this sentence has 29 words',
      'content/navigator/t.json: nodes.q.hint: this paragraph is hard to read (…)',
      'content/videos/v.mdx: summary: this sentence has 29 words',
    ]);
  });
});

describe('the council\'s own words in provision, "you said, we did" and indicators, read by parents as well as staff', () => {
  test('are held to both numbers, each item of a list named by its place; titles and sources are not measured, nor services and organisations', () => {
    const warnings = readabilityWarnings([
      { collection: 'provision', file: 'content/provision/p.json', data: { title: HARD, summary: HARD, strategies: ['Fine.', LONG, HARD], reasonableAdjustments: [HARD, 'Quiet space.'], parentsCanExpect: `${HARD} ${LONG}` } },
      { collection: 'feedback', file: 'content/feedback/f.json', data: { source: HARD, youSaid: LONG, weDid: `${HARD} ${LONG}` } },
      { collection: 'indicators', file: 'content/indicators/i.json', data: { title: HARD, description: HARD, source: HARD } },
      { collection: 'services', file: 'content/services/s.json', data: { description: HARD, summary: LONG } },
      { collection: 'organisations', file: 'content/organisations/o.json', data: { description: HARD } },
    ]);
    expect(warnings.map((w) => `${w.file}: ${w.field}: ${shortProblem(w.problem)}`)).toEqual([
      'content/provision/p.json: summary: this paragraph is hard to read (…)',
      'content/provision/p.json: strategies[1]: this sentence has 29 words',
      'content/provision/p.json: strategies[2]: this paragraph is hard to read (…)',
      'content/provision/p.json: reasonableAdjustments[0]: this paragraph is hard to read (…)',
      'content/provision/p.json: parentsCanExpect: this sentence has 29 words',
      'content/provision/p.json: parentsCanExpect: this paragraph is hard to read (…)',
      'content/feedback/f.json: youSaid: this sentence has 29 words',
      'content/feedback/f.json: weDid: this sentence has 29 words',
      'content/feedback/f.json: weDid: this paragraph is hard to read (…)',
      'content/indicators/i.json: description: this paragraph is hard to read (…)',
    ]);
  });
});

describe('the statutory coverage map, written for officers and inspectors in the law\'s terms', () => {
  test('in content/statutory-coverage.json each requirement is held to the sentence length, and the legal source is not measured', () => {
    const items = [
      { requirement: HARD, source: LONG },
      { requirement: LONG, source: 'Children and Families Act 2014, section 30' },
    ];
    const warnings = coverageReadabilityWarnings('content/statutory-coverage.json', items);
    expect(warnings).toEqual([{ file: 'content/statutory-coverage.json', field: 'items[1].requirement', problem: `this sentence has 29 words: "${LONG}"`, fix: expect.stringMatching(/^split it into sentences of 25 words or fewer/) }]);
  });
});

describe('in npm run check', () => {
  let fixture: Fixture;
  beforeEach(() => {
    fixture = makeFixture();
  });
  afterEach(() => fixture.remove());

  test('a long sentence in a pathway is worth a look, and does not stop publishing', () => {
    fixture.write('content/pathways/sen-support.mdx', fixture.read('content/pathways/sen-support.mdx') + `\n${LONG}\n`);
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toContainEqual(expect.stringMatching(/^content\/pathways\/sen-support\.mdx: \(body, line \d+\) — this sentence has 29 words: "If your child is not making/));
  });

  test('a long sentence in a provision entry, a "you said, we did" entry or the statutory coverage map is worth a look', () => {
    fixture.editJson('content/provision/cognition-and-learning-primary-sen-support.json', (d) => d.strategies.push(LONG));
    fixture.editJson('content/feedback/2026-10-ehc-updates.json', (d) => (d.weDid = LONG));
    fixture.editJson('content/statutory-coverage.json', (d) => (d.items[0].requirement = LONG));
    expect(fixture.check()).toEqual([]);
    const warnings = fixture.warnings();
    expect(warnings).toContainEqual(expect.stringMatching(/^content\/provision\/cognition-and-learning-primary-sen-support\.json: strategies\[\d+\] — this sentence has 29 words: "If your child/));
    expect(warnings).toContainEqual(expect.stringMatching(/^content\/feedback\/2026-10-ehc-updates\.json: weDid — this sentence has 29 words/));
    expect(warnings).toContainEqual(expect.stringMatching(/^content\/statutory-coverage\.json: items\[0\]\.requirement — this sentence has 29 words/));
  });

  test('a hard paragraph in a general page is worth a look, and does not stop publishing', () => {
    fixture.write('content/pages/privacy.mdx', fixture.read('content/pages/privacy.mdx') + `\n${HARD}\n`);
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([expect.stringMatching(/^content\/pages\/privacy\.mdx: \(body, line \d+\) — this paragraph is hard to read \(reading ease -?\d+, aim for 60 or more\): "Comprehensive multidisciplinary/)]);
  });

  test('a hard glossary definition is named by its term', () => {
    fixture.editJson('content/glossary.json', (d) => (d[0].definition = HARD));
    expect(fixture.warnings()).toContainEqual(expect.stringMatching(/^content\/glossary\.json: definition of ".+" — this paragraph is hard to read \(reading ease -?\d+, aim for 60 or more\)/));
  });
});

test('every paragraph of the demo\'s general pages reads at 60 or more, and no sentence is over 25 words', () => {
  const pages = readdirSync('content/pages').filter((f) => f.endsWith('.mdx'));
  // As the check measures them: the accessibility statement's text is left out there, not here.
  const issues = readabilityWarnings(pages.map((file) => ({ collection: 'pages', file: `content/pages/${file}`, data: {}, body: splitFrontmatter(readFileSync(`content/pages/${file}`, 'utf8'))!.body })));
  expect(pages.length).toBeGreaterThan(10);
  expect(issues).toEqual([]);
});

test('every strategy, reasonable adjustment and "what parents can expect" in the demo\'s provision reads at 60 or more, and no sentence is over 25 words', () => {
  const files = readdirSync('content/provision').filter((f) => f.endsWith('.json'));
  const issues = readabilityWarnings(files.map((file) => ({ collection: 'provision', file: `content/provision/${file}`, data: JSON.parse(readFileSync(`content/provision/${file}`, 'utf8')) })));
  expect(files.length).toBeGreaterThan(20);
  expect(issues).toEqual([]);
});

test('the demo\'s services and organisations read at 60 or more, with no sentence over 25 words: the check does not measure them (a council may import thousands), but the demo shows what good looks like', () => {
  const issues: string[] = [];
  for (const collection of ['services', 'organisations']) {
    for (const file of readdirSync(`content/${collection}`).filter((f) => f.endsWith('.json'))) {
      const data = JSON.parse(readFileSync(`content/${collection}/${file}`, 'utf8'));
      const fields: Record<string, unknown> = { summary: data.summary, description: data.description, 'access.howTo': data.access?.howTo, 'access.eligibility': data.access?.eligibility, 'cost.details': data.cost?.details };
      for (const [field, text] of Object.entries(fields)) {
        if (typeof text === 'string') issues.push(...readabilityIssues(text).map((issue) => `content/${collection}/${file}: ${field}: ${issue.kind} ${issue.value}: ${issue.text}`));
      }
    }
  }
  expect(issues).toEqual([]);
});

test('the accessibility statement keeps the wording GOV.UK\'s model statement says the law requires, and is not measured, as that wording must not be changed', () => {
  const file = 'content/pages/accessibility.mdx';
  const source = readFileSync(file, 'utf8');
  for (const required of [
    'is committed to making its website accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
    "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you're not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS).",
    'This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard',
    'This statement was prepared on ',
    'It was last reviewed on ',
  ]) expect(source, required).toContain(required);
  const { body } = splitFrontmatter(source)!;
  // The enforcement sentence alone is over 25 words: measured, it would be a warning to change it.
  expect(readabilityIssues(body).length).toBeGreaterThan(0);
  expect(readabilityWarnings([{ collection: 'pages', file, data: {}, body }])).toEqual([]);
  // Any other page with the same text is measured.
  expect(readabilityWarnings([{ collection: 'pages', file: 'content/pages/statement.mdx', data: {}, body }]).length).toBeGreaterThan(0);
});

test('the young people\'s topic pages are within the readability check', () => {
  const issues = Object.entries(topicGuides).flatMap(([topic, guide]) => [guide.summary, ...guide.points].flatMap((text) => readabilityIssues(text).map((i) => `${topic}: ${i.kind} ${i.value}: ${i.text}`)));
  expect(issues).toEqual([]);
});
