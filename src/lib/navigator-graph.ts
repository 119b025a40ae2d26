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

/** Node ids that would clash with other pages of a tree, such as the editors' map. */
export const RESERVED_NODE_IDS = ['map'];

/**
 * Checks the graph rules; returns every problem found, or an empty list. `suggest` offers the
 * likeliest node id for a mistyped "next" (the content check passes its "did you mean").
 */
export function validateTree(tree: Tree, suggest: (word: string, candidates: string[]) => string | undefined = () => undefined): TreeProblem[] {
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

  /** Mistyped "next" values and the node each most likely meant. */
  const meant = new Map<string, string>();
  for (const [id, node] of Object.entries(tree.nodes)) {
    if (RESERVED_NODE_IDS.includes(id)) {
      problems.push({
        field: `nodes.${id}`,
        problem: `"${id}" cannot be a node id: /navigator/<tree>/${id}/ is already used by the site`,
        fix: `rename the node, for example to "${id}-question", and update every "next" that points at it`,
      });
    }
    if (node.type === 'question' && (node.options?.length ?? 0) < 2) {
      problems.push({ field: `nodes.${id}.options`, problem: 'a question has fewer than 2 options', fix: 'give the question at least 2 options, or make it an outcome' });
    }
    node.options?.forEach((option, index) => {
      if (!known.has(option.next)) {
        const guess = suggest(option.next, ids);
        if (guess) meant.set(option.next, guess);
        problems.push({
          field: `nodes.${id}.options[${index}].next`,
          problem: `"${option.next}" is not a node in this tree`,
          fix: guess ? `did you mean "${guess}"? Otherwise add a node called "${option.next}"` : `point "next" at an existing node id, or add a node called "${option.next}"`,
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
    // A node cut off only by a mistyped "next" is not reported as well: fixing the "next" fixes it.
    const reachable = new Set<string>();
    const reach = (id: string | undefined): void => {
      if (!id || reachable.has(id) || !tree.nodes[id]) return;
      reachable.add(id);
      for (const option of tree.nodes[id]!.options ?? []) reach(known.has(option.next) ? option.next : meant.get(option.next));
    };
    reach(tree.start);
    for (const id of ids) {
      if (!reachable.has(id)) {
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

/**
 * For each node, the questions that lead to it, in the order a walk from the start meets them.
 * Pages use the first as the back link when JavaScript is off.
 */
export function parentsOf(tree: Tree): Map<string, string[]> {
  const parents = new Map<string, string[]>(Object.keys(tree.nodes).map((id) => [id, []]));
  const seen = new Set<string>();
  const walk = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const option of tree.nodes[id]?.options ?? []) {
      const list = parents.get(option.next);
      if (list && !list.includes(id)) list.push(id);
      walk(option.next);
    }
  };
  walk(tree.start);
  return parents;
}

/** One answer given on the way through a tree. */
export interface AnswerStep {
  /** The question node. */
  node: string;
  /** The index of the option chosen. */
  option: number;
  /** Where that option leads. */
  next: string;
}

/**
 * Replays a journey given as the option chosen at each question, starting at the tree's start.
 * Answers are stored this way (for example "1.0.2" in a share link) because the route never
 * depends on anything but the current answer. Returns undefined if any answer does not fit.
 */
export function replayAnswers(tree: Tree, answers: readonly number[]): AnswerStep[] | undefined {
  const steps: AnswerStep[] = [];
  let current = tree.start;
  for (const option of answers) {
    const node = tree.nodes[current];
    const chosen = node?.type === 'question' ? node.options?.[option] : undefined;
    if (!chosen || !Number.isInteger(option)) return undefined;
    steps.push({ node: current, option, next: chosen.next });
    current = chosen.next;
  }
  return steps;
}

/**
 * The answers that lead from the start to `nodeId`, taken from an earlier journey: the whole
 * journey if it ends there, the part before `nodeId` if the journey passed through it (the
 * person went back to change an answer), or undefined if it never reached it.
 */
export function answersUpTo(tree: Tree, answers: readonly number[], nodeId: string): number[] | undefined {
  if (nodeId === tree.start) return [];
  const steps = replayAnswers(tree, answers);
  if (!steps) return undefined;
  const index = steps.findIndex((step) => step.node === nodeId);
  if (index >= 0) return answers.slice(0, index);
  return steps.at(-1)?.next === nodeId ? [...answers] : undefined;
}

/** Reads answers written as "1.0.2"; undefined if the text is not in that form. */
export function parseAnswers(text: string | null | undefined): number[] | undefined {
  if (text === null || text === undefined) return undefined;
  if (text === '') return [];
  if (!/^\d{1,2}(?:\.\d{1,2})*$/.test(text)) return undefined;
  return text.split('.').map(Number);
}

export function formatAnswers(answers: readonly number[]): string {
  return answers.join('.');
}
