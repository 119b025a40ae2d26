import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * The law in the decision trees, on every path. The legal test for an EHC needs assessment is
 * only that the child or young person has or may have special educational needs and may need
 * provision through an EHC plan (Children and Families Act 2014, section 36(8)): no minimum time
 * on SEN support and no step of specialist advice. A parent, or a young person after Year 11,
 * may ask at any time, so every result a family without a plan can reach says so.
 */
interface Option { label: string; next: string }
interface Node { type: 'question' | 'outcome'; question?: string; hint?: string; options?: Option[]; title?: string; body?: string; urgent?: boolean }
interface Tree { start: string; nodes: Record<string, Node> }
interface Journey { answers: { question: string; answer: string }[]; outcome: string }

const trees = readdirSync('content/navigator')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.replace(/\.json$/, ''), tree: JSON.parse(readFileSync(`content/navigator/${f}`, 'utf8')) as Tree }));

function journeys(tree: Tree): Journey[] {
  const out: Journey[] = [];
  const walk = (id: string, answers: Journey['answers']) => {
    const node = tree.nodes[id]!;
    if (node.type === 'outcome') return void out.push({ answers, outcome: id });
    for (const option of node.options!) walk(option.next, [...answers, { question: node.question!, answer: option.label }]);
  };
  walk(tree.start, []);
  return out;
}

const RIGHT_TO_ASK = /A parent, or a young person after (the end of )?Year 11, can ask the council for an EHC needs assessment at any time\./;
/** A link to the questions about asking, or to the pathway that explains how to ask. */
const HOW_TO_ASK = /\]\(\/(navigator\/ask-for-an-ehc-needs-assessment|pathways\/ehc-needs-assessment)\/\)/;

/** Whether the family said there is no EHC plan (or they are not sure) on this journey. */
const withoutPlan = (j: Journey) => j.answers.some((a) => /\(EHC\) plan\?$/.test(a.question) && /^No\b/.test(a.answer));
/** Whether the journey says the child or young person has, or may have, special educational needs. */
const mayHaveSen = (j: Journey) => !j.answers.some((a) => /special educational needs\?$/.test(a.question) && /^No\b/.test(a.answer));

describe('every journey through both decision trees', () => {
  test('the trees have journeys to walk, with and without a plan', () => {
    const all = trees.flatMap(({ tree }) => journeys(tree));
    expect(all.length).toBeGreaterThan(40);
    expect(all.filter(withoutPlan).length).toBeGreaterThan(10);
  });

  for (const { id, tree } of trees) {
    test(`${id}: every result for a child or young person without a plan, who has or may have SEN, states the right to ask now and links to how`, () => {
      // The EHC needs assessment tree is for families without a plan on every path.
      const relevant = journeys(tree).filter((j) => (id === 'ask-for-an-ehc-needs-assessment' || withoutPlan(j)) && mayHaveSen(j) && !tree.nodes[j.outcome]!.urgent);
      expect(relevant.length).toBeGreaterThan(0);
      const missing = new Set<string>();
      for (const j of relevant) {
        const body = tree.nodes[j.outcome]!.body ?? '';
        if (!RIGHT_TO_ASK.test(body) || !HOW_TO_ASK.test(body)) missing.add(`${j.outcome} (after: ${j.answers.map((a) => a.answer).join(' → ')})`);
      }
      expect([...missing]).toEqual([]);
    });

    test(`${id}: no question offers a length of time on SEN support as a condition`, () => {
      const duration = /\b(terms?|months?|weeks?|years?|a while)\b/i;
      const offending = Object.entries(tree.nodes).flatMap(([nodeId, node]) =>
        (node.options ?? []).filter((o) => /\b(support|help)\b/i.test(o.label) && duration.test(o.label)).map((o) => `${nodeId}: "${o.label}"`),
      );
      expect(offending).toEqual([]);
    });
  }

  test('a family can say needs are significant now, from every age, and reach the assessment result without SEN support being tried', () => {
    const { tree } = trees.find((t) => t.id === 'which-support-applies')!;
    const quick = journeys(tree).filter((j) => j.outcome === 'ehc-assessment-outcome' && j.answers.some((a) => /significant now/.test(a.question) && /^Yes/.test(a.answer)));
    const firstAnswers = new Set(quick.map((j) => j.answers[0]!.answer));
    expect(firstAnswers.size).toBe(tree.nodes[tree.start]!.options!.length);
    for (const j of quick) expect(j.answers.some((a) => /already done to help/.test(a.question)), j.answers.map((a) => a.answer).join(' → ')).toBe(false);
  });

  test('a young person still in Year 11 or younger is not told they can ask for themselves', () => {
    const { tree } = trees.find((t) => t.id === 'ask-for-an-ehc-needs-assessment')!;
    const young = journeys(tree).filter((j) => j.answers.some((a) => a.answer === 'I am the young person') && j.answers.some((a) => /Year 11 or younger/.test(a.answer)));
    expect(young.length).toBeGreaterThan(0);
    for (const j of young) expect(tree.nodes[j.outcome]!.body).toMatch(/cannot ask .* yourself until the end of Year 11/);
  });

  test('a parent of a young person past Year 11 is told the request is the young person\'s, unless they lack mental capacity', () => {
    const { tree } = trees.find((t) => t.id === 'ask-for-an-ehc-needs-assessment')!;
    const parents = journeys(tree).filter((j) => /parent or carer/.test(j.answers[0]!.answer) && j.answers.some((a) => /finished Year 11/.test(a.answer)));
    expect(parents.length).toBeGreaterThan(0);
    for (const j of parents) {
      const body = tree.nodes[j.outcome]!.body!;
      expect(body).toMatch(/moves from the parent to the young person/);
      expect(body).toMatch(/mental capacity/);
    }
  });

  test('no result says "16 to 25" for who can ask: a young person can ask until their 25th birthday', () => {
    for (const { id, tree } of trees) {
      for (const [nodeId, node] of Object.entries(tree.nodes)) {
        const text = [node.body, node.question, node.hint, ...(node.options ?? []).map((o) => o.label)].join('\n');
        expect(text, `${id}/${nodeId}`).not.toMatch(/aged 16 to 25|up to age 25\b/);
      }
    }
  });
});
