/**
 * What other features use from the editors' tools: the shape of a problem an editor reads, for
 * rules that live with the feature they protect. Other features import from here, never from a
 * file inside (tests/unit/architecture.test.ts).
 */
export type { Problem } from './problems.ts';
