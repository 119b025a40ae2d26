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
 * The most nodes one tree may have. Every page of a tree carries the routing of the whole tree
 * (so "Back" and share links work without a server), so pages grow with the tree and the site
 * with its square: 250 nodes make about 250 pages of 60 KB, while 5,000 would need gigabytes.
 * People give up long before 250 questions; a bigger subject is better as several trees.
 */
export const MAX_TREE_NODES = 250;

/**
 * Checks the graph rules; returns every problem found, or an empty list. `suggest` offers the
 * likeliest node id for a mistyped "next" (the content check passes its "did you mean").
 */
export function validateTree(written: Tree, suggest: (word: string, candidates: string[]) => string | undefined = () => undefined): TreeProblem[] {
  const problems: TreeProblem[] = [];
  // The tree as an editor wrote it, before its schema is known to hold: nodes that are not
  // objects and options that are not lists are the schema's to report, and are read as empty here.
  const nodeOf = (node: unknown): TreeNode => {
    if (!node || typeof node !== 'object') return { type: undefined as unknown as TreeNode['type'] };
    const { type, options } = node as { type?: unknown; options?: unknown };
    const list = Array.isArray(options) ? options.filter((o): o is TreeOption => !!o && typeof o === 'object' && typeof (o as TreeOption).next === 'string') : undefined;
    return { type: type as TreeNode['type'], options: list };
  };
  const tree: Tree = { start: written.start, nodes: Object.fromEntries(Object.entries(written.nodes).map(([id, node]) => [id, nodeOf(node)])) };
  const ids = Object.keys(tree.nodes);
  const known = new Set(ids);

  if (ids.length > MAX_TREE_NODES) {
    // The other rules would only add noise (and time) to a tree that cannot be built as it is.
    return [
      {
        field: 'nodes',
        problem: `the tree has ${ids.length.toLocaleString('en-GB')} nodes, more than the ${MAX_TREE_NODES} one tree can have (each page of a tree carries all its questions, so a larger tree makes pages too large to build)`,
        fix: `split it into smaller trees of at most ${MAX_TREE_NODES} questions and results, and link from a result of one to the start of the next`,
      },
    ];
  }

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
    const labels = new Map<string, number>();
    node.options?.forEach((option, index) => {
      // Two answers that read the same cannot be told apart, however different their "next".
      const label = typeof option.label === 'string' ? option.label.trim().toLowerCase() : undefined;
      if (label !== undefined && labels.has(label)) {
        problems.push({
          field: `nodes.${id}.options[${index}].label`,
          problem: `"${option.label.trim()}" is also the label of options[${labels.get(label)}], so people could not tell the two answers apart`,
          fix: 'give each answer its own wording, or merge the two answers into one',
        });
      } else if (label !== undefined) labels.set(label, index);
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
  // The walk keeps its own stack rather than calling itself, so a tree thousands of questions
  // deep is checked like any other instead of overflowing the call stack.
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles = new Set<string>();
  if (known.has(tree.start)) {
    const trail: string[] = [];
    const stack: { id: string; next: number }[] = [{ id: tree.start, next: 0 }];
    state.set(tree.start, 'visiting');
    trail.push(tree.start);
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const options = tree.nodes[frame.id]?.options ?? [];
      if (frame.next >= options.length) {
        state.set(frame.id, 'done');
        stack.pop();
        trail.pop();
        continue;
      }
      const target = options[frame.next++]!.next;
      if (!tree.nodes[target]) continue;
      if (state.get(target) === 'visiting') {
        const loop = [...trail.slice(trail.indexOf(target)), target].join(' → ');
        if (!cycles.has(loop)) {
          cycles.add(loop);
          problems.push({
            field: `nodes.${frame.id}.options`,
            problem: `the answers go round in a loop: ${loop}`,
            fix: 'change one "next" so the journey always moves forward to an outcome',
          });
        }
        continue;
      }
      if (state.get(target) === 'done') continue;
      state.set(target, 'visiting');
      trail.push(target);
      stack.push({ id: target, next: 0 });
    }
  }

  if (known.has(tree.start)) {
    // A node cut off only by a mistyped "next" is not reported as well: fixing the "next" fixes it.
    const reachable = new Set<string>([tree.start]);
    const queue = [tree.start];
    while (queue.length > 0) {
      for (const option of tree.nodes[queue.pop()!]?.options ?? []) {
        const id = known.has(option.next) ? option.next : meant.get(option.next);
        if (id && !reachable.has(id) && tree.nodes[id]) {
          reachable.add(id);
          queue.push(id);
        }
      }
    }
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

/**
 * Every journey from the start to an outcome, as lists of node ids. Assumes a valid tree. The
 * number of journeys can double with every question, so this is for tests of small trees only:
 * pages use countJourneys and the map lists each question once.
 */
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
  // Depth first, in the order of the answers, with a stack of its own (a deep tree must not overflow the call stack).
  const seen = new Set<string>([tree.start]);
  const stack: { id: string; next: number }[] = [{ id: tree.start, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const options = tree.nodes[frame.id]?.options ?? [];
    if (frame.next >= options.length) {
      stack.pop();
      continue;
    }
    const target = options[frame.next++]!.next;
    const list = parents.get(target);
    if (list && !list.includes(frame.id)) list.push(frame.id);
    if (!seen.has(target)) {
      seen.add(target);
      stack.push({ id: target, next: 0 });
    }
  }
  return parents;
}

/**
 * How many different journeys lead from the start to an outcome, counted without listing them
 * (a 30-question tree where both answers lead on has over a billion). Assumes a valid tree.
 */
export function countJourneys(tree: Tree): bigint {
  const count = new Map<string, bigint>();
  const inProgress = new Set<string>();
  // Post-order with an explicit stack: a node's count is the sum of its answers' counts.
  const stack: { id: string; expanded: boolean }[] = [{ id: tree.start, expanded: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (count.has(frame.id)) continue;
    const node = tree.nodes[frame.id];
    if (!node) {
      count.set(frame.id, 0n);
      continue;
    }
    if (node.type === 'outcome') {
      count.set(frame.id, 1n);
      continue;
    }
    const next = (node.options ?? []).map((option) => option.next);
    if (!frame.expanded) {
      if (inProgress.has(frame.id)) continue; // a loop, which validateTree reports: never followed twice
      inProgress.add(frame.id);
      stack.push({ id: frame.id, expanded: true });
      for (const id of next) if (!count.has(id) && !inProgress.has(id)) stack.push({ id, expanded: false });
      continue;
    }
    count.set(frame.id, next.reduce((sum, id) => sum + (count.get(id) ?? 0n), 0n));
  }
  return count.get(tree.start) ?? 0n;
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
