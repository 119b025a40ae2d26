import { describe, expect, test } from 'vitest';
import { answersUpTo, countJourneys, formatAnswers, MAX_TREE_NODES, parentsOf, parseAnswers, replayAnswers, treePaths, validateTree, type Tree } from '../../../src/lib/navigator/navigator-graph.ts';

const outcome = { type: 'outcome' as const };
const question = (...next: string[]) => ({ type: 'question' as const, options: next.map((n) => ({ label: n, next: n })) });

const good: Tree = { start: 'a', nodes: { a: question('b', 'x'), b: question('x', 'y'), x: outcome, y: outcome } };

describe('validateTree', () => {
  test('accepts a tree where every path ends at an outcome', () => {
    expect(validateTree(good)).toEqual([]);
  });
  test('rejects a start that is not a node', () => {
    expect(validateTree({ ...good, start: 'zz' }).map((p) => p.field)).toContain('start');
  });
  test('rejects an answer that leads nowhere', () => {
    const tree: Tree = { start: 'a', nodes: { a: question('x', 'missing'), x: outcome } };
    expect(validateTree(tree)).toEqual([expect.objectContaining({ field: 'nodes.a.options[1].next' })]);
  });
  test('rejects a node nobody can reach', () => {
    const tree: Tree = { ...good, nodes: { ...good.nodes, lonely: outcome } };
    expect(validateTree(tree)).toEqual([expect.objectContaining({ field: 'nodes.lonely' })]);
  });
  test('rejects a loop, naming the nodes in it', () => {
    const tree: Tree = { start: 'a', nodes: { a: question('b', 'x'), b: question('a', 'x'), x: outcome } };
    const problems = validateTree(tree);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toContain('a → b → a');
  });
  test('rejects a question with fewer than 2 options', () => {
    const tree: Tree = { start: 'a', nodes: { a: question('x'), x: outcome } };
    expect(validateTree(tree).map((p) => p.field)).toContain('nodes.a.options');
  });
  test('rejects an outcome with options', () => {
    const tree: Tree = { start: 'a', nodes: { a: question('x', 'y'), x: { type: 'outcome', options: [{ label: 'y', next: 'y' }] }, y: outcome } };
    expect(validateTree(tree).map((p) => p.field)).toContain('nodes.x.options');
  });
});

describe('treePaths', () => {
  test('lists every journey from the start to an outcome', () => {
    expect(treePaths(good)).toEqual([
      ['a', 'b', 'x'],
      ['a', 'b', 'y'],
      ['a', 'x'],
    ]);
  });
});

describe('reserved node ids', () => {
  test('rejects a node called "map", which would clash with the editors\' map page', () => {
    const tree: Tree = { start: 'a', nodes: { a: question('map', 'x'), map: outcome, x: outcome } };
    expect(validateTree(tree)).toEqual([expect.objectContaining({ field: 'nodes.map', problem: expect.stringContaining('/navigator/<tree>/map/') })]);
  });
});

describe('parentsOf', () => {
  test('lists the questions that lead to each node, in walking order', () => {
    const parents = parentsOf(good);
    expect(parents.get('a')).toEqual([]);
    expect(parents.get('b')).toEqual(['a']);
    expect(parents.get('x')).toEqual(['b', 'a']);
    expect(parents.get('y')).toEqual(['b']);
  });
});

describe('answers kept in the browser', () => {
  test('replay from the start to the node they lead to', () => {
    expect(replayAnswers(good, [0, 1])).toEqual([
      { node: 'a', option: 0, next: 'b' },
      { node: 'b', option: 1, next: 'y' },
    ]);
  });
  test('are rejected when an answer does not exist or goes past an outcome', () => {
    expect(replayAnswers(good, [5])).toBeUndefined();
    expect(replayAnswers(good, [1, 0])).toBeUndefined();
  });
  test('are cut back when someone returns to an earlier question', () => {
    expect(answersUpTo(good, [0, 1], 'b')).toEqual([0]);
    expect(answersUpTo(good, [0, 1], 'a')).toEqual([]);
  });
  test('lead to the page they end on, and to nowhere else', () => {
    expect(answersUpTo(good, [0, 1], 'y')).toEqual([0, 1]);
    expect(answersUpTo(good, [0, 1], 'x')).toBeUndefined();
  });
  test('read and write as a short text for share links', () => {
    expect(parseAnswers('1.0.12')).toEqual([1, 0, 12]);
    expect(parseAnswers('')).toEqual([]);
    expect(parseAnswers(null)).toBeUndefined();
    expect(parseAnswers('1..2')).toBeUndefined();
    expect(parseAnswers('<script>')).toBeUndefined();
    expect(formatAnswers([1, 0, 12])).toBe('1.0.12');
  });
});

describe('large and deep trees', () => {
  /** A "ladder": n questions where both answers lead to the next question. */
  const ladder = (n: number): Tree => {
    const nodes: Tree['nodes'] = {};
    for (let i = 0; i < n; i++) nodes[`q${i}`] = { type: 'question', options: [{ label: 'Yes', next: `q${i + 1}` }, { label: 'No', next: `q${i + 1}` }] };
    nodes[`q${n}`] = outcome;
    return { start: 'q0', nodes };
  };
  /** A chain n questions deep, each with a way out. */
  const chain = (n: number): Tree => {
    const nodes: Tree['nodes'] = { out: outcome };
    for (let i = 0; i < n; i++) nodes[`q${i}`] = { type: 'question', options: [{ label: 'Yes', next: i + 1 < n ? `q${i + 1}` : 'out' }, { label: 'No', next: 'out' }] };
    return { start: 'q0', nodes };
  };

  test('a 30-question ladder is a valid tree, and its billion journeys are counted without listing them', () => {
    expect(validateTree(ladder(30))).toEqual([]);
    expect(countJourneys(ladder(30))).toBe(2n ** 30n);
  });
  test('journeys are counted through shared questions', () => {
    expect(countJourneys(good)).toBe(3n);
  });
  test('a tree with more nodes than a tree can have is refused, with the limit named', () => {
    const problems = validateTree(chain(MAX_TREE_NODES + 10));
    expect(problems).toEqual([expect.objectContaining({ field: 'nodes', problem: expect.stringContaining(`more than the ${MAX_TREE_NODES} one tree can have`) })]);
  });
  test('a tree 5,000 questions deep is walked without overflowing the call stack', () => {
    const deep = chain(5000);
    expect(() => parentsOf(deep)).not.toThrow();
    expect(parentsOf(deep).get('q4999')).toEqual(['q4998']);
    expect(countJourneys(deep)).toBe(5001n);
  });
  test('a loop deep in a long tree is still found', () => {
    const deep = chain(MAX_TREE_NODES - 5);
    deep.nodes['q200'] = { type: 'question', options: [{ label: 'Yes', next: 'q201' }, { label: 'No', next: 'q100' }] };
    expect(validateTree(deep).map((p) => p.problem)).toEqual([expect.stringContaining('the answers go round in a loop: q100 → ')]);
  });
});

describe('answers in one question', () => {
  test('two answers with the same label are an error, naming the second', () => {
    const tree: Tree = { start: 'a', nodes: { a: { type: 'question', options: [{ label: 'Yes', next: 'x' }, { label: 'yes ', next: 'y' }] }, x: outcome, y: outcome } };
    expect(validateTree(tree)).toEqual([expect.objectContaining({ field: 'nodes.a.options[1].label', problem: expect.stringContaining('"yes" is also the label of options[0]') })]);
  });
  test('nodes that are not objects, or options that are not a list, are left to the schema rather than crashing', () => {
    const tree = { start: 'a', nodes: { a: { type: 'question', options: 'x' }, b: null, x: outcome } } as unknown as Tree;
    expect(() => validateTree(tree)).not.toThrow();
  });
});
