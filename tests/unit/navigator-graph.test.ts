import { describe, expect, test } from 'vitest';
import { answersUpTo, formatAnswers, parentsOf, parseAnswers, replayAnswers, treePaths, validateTree, type Tree } from '../../src/lib/navigator-graph.ts';

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
