/**
 * What other features use from the navigator: the content check checks every decision tree with
 * the same rules the navigator pages rely on. Other features import from here, never from a
 * file inside (tests/unit/architecture.test.ts).
 */
export { validateTree, type Tree } from './navigator-graph.ts';
