import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { videoTopics } from '../../../src/contract/vocabulary.ts';

/** The editing guide's examples are copied by editors, so what they show must pass the check. */
const guide = readFileSync('docs/editing.md', 'utf8');

test("the editing guide's video example and list of topics use only the topics the check accepts", () => {
  const example = /## Videos[\s\S]*?```mdx\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
  const topics = /^topics: \[(.*)\]$/m.exec(example)?.[1]?.split(',').map((topic) => topic.trim()) ?? [];
  expect(topics.length).toBeGreaterThan(0);
  for (const topic of topics) expect(videoTopics.is(topic), topic).toBe(true);
  for (const topic of videoTopics.values) expect(guide).toContain(`\`${topic}\``);
});
