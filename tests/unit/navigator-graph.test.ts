import { describe, expect, test } from 'vitest';
import { treePaths, validateTree, type Tree } from '../../src/lib/navigator-graph.ts';

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
