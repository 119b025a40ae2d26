/**
 * The rules every decision tree must follow (content-model.md), checked as a graph so that the
 * static pages always form a complete journey: the start exists, every answer leads to a node
 * of the same tree, every node can be reached, there are no loops, and every path ends at an
 * outcome.
 */

export interface TreeOption {
  label: string;
  next: string;
}

export interface TreeNode {
  type: 'question' | 'outcome';
  options?: TreeOption[];
}

export interface Tree {
  start: string;
  nodes: Record<string, TreeNode>;
}

export interface TreeProblem {
  /** Field path inside the tree file, such as "nodes.age.options[1].next". */
  field: string;
  problem: string;
  fix: string;
}

/** Checks the graph rules; returns every problem found, or an empty list. */
export function validateTree(tree: Tree): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const ids = Object.keys(tree.nodes);
  const known = new Set(ids);

  if (!known.has(tree.start)) {
    problems.push({
      field: 'start',
      problem: `"${tree.start}" is not a node in this tree`,
      fix: `set "start" to the id of the first question, one of: ${ids.join(', ')}`,
    });
  }

  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.type === 'question' && (node.options?.length ?? 0) < 2) {
      problems.push({ field: `nodes.${id}.options`, problem: 'a question has fewer than 2 options', fix: 'give the question at least 2 options, or make it an outcome' });
    }
    node.options?.forEach((option, index) => {
      if (!known.has(option.next)) {
        problems.push({
          field: `nodes.${id}.options[${index}].next`,
          problem: `"${option.next}" is not a node in this tree`,
          fix: `point "next" at an existing node id, or add a node called "${option.next}"`,
        });
      }
    });
  }

  // Depth-first walk from the start: colours find loops, and what is never visited is unreachable.
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles = new Set<string>();
  const walk = (id: string, trail: string[]): void => {
    const node = tree.nodes[id];
    if (!node) return;
    if (state.get(id) === 'visiting') {
      const loop = [...trail.slice(trail.indexOf(id)), id].join(' → ');
      if (!cycles.has(loop)) {
        cycles.add(loop);
        problems.push({
          field: `nodes.${trail.at(-1)}.options`,
          problem: `the answers go round in a loop: ${loop}`,
          fix: 'change one "next" so the journey always moves forward to an outcome',
        });
      }
      return;
    }
    if (state.get(id) === 'done') return;
    state.set(id, 'visiting');
    for (const option of node.options ?? []) walk(option.next, [...trail, id]);
    state.set(id, 'done');
  };
  if (known.has(tree.start)) walk(tree.start, []);

  if (known.has(tree.start)) {
    for (const id of ids) {
      if (!state.has(id)) {
        problems.push({
          field: `nodes.${id}`,
          problem: 'no answer leads to this node, so nobody can reach it',
          fix: `add an option whose "next" is "${id}", or delete the node`,
        });
      }
    }
  }

  for (const [id, node] of Object.entries(tree.nodes)) {
    if (node.type === 'outcome' && node.options?.length) {
      problems.push({ field: `nodes.${id}.options`, problem: 'an outcome has options', fix: 'remove the options, or make it a question' });
    }
  }
  return problems;
}

/** Every journey from the start to an outcome, as lists of node ids. Assumes a valid tree. */
export function treePaths(tree: Tree): string[][] {
  const paths: string[][] = [];
  const walk = (id: string, trail: string[]): void => {
    const node = tree.nodes[id];
    if (!node) return;
    const here = [...trail, id];
    if (node.type === 'outcome') {
      paths.push(here);
      return;
    }
    for (const option of node.options ?? []) walk(option.next, here);
  };
  walk(tree.start, []);
  return paths;
}
