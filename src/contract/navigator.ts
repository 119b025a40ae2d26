import { z } from 'astro/zod';
import { categories, levels, needs } from './vocabulary.ts';
import { ID_PATTERN, markdown, oneOf, summary, text } from './common.ts';

const nodeId = z.string({ error: 'a node id' }).regex(ID_PATTERN, { error: 'a node id in lower-case words joined by hyphens' });

const option = z.strictObject({
  label: text('the answer people choose'),
  /** The id of the node this answer leads to. */
  next: nodeId,
});

const question = z.strictObject({
  type: z.literal('question'),
  question: text('the question'),
  hint: text('hint text').optional(),
  options: z.array(option, { error: 'a list of options' }).min(2, { error: 'at least 2 options (a question needs a choice)' }),
});

const outcome = z.strictObject({
  type: z.literal('outcome'),
  title: text('the outcome title'),
  /** What support applies, who decides and what to do next, in Markdown. */
  body: markdown('the outcome text'),
  /** Who makes the decision about this support, in plain words (shown above the body). */
  whoDecides: text('who decides').optional(),
  /** Pathway ids to link to. */
  pathways: z.array(z.string()).default([]),
  /** A pre-filtered list of services. */
  services: z
    .strictObject({
      needs: z.array(oneOf(needs.values, 'areas of need')).default([]),
      levels: z.array(oneOf(levels.values, 'levels')).default([]),
      /** Service categories to link to, such as "health" for a health route. */
      categories: z.array(oneOf(categories.values, 'categories')).default([]),
    })
    .optional(),
  /** Whether to link to ordinarily available provision. */
  provision: z.boolean().default(false),
  /** Marks urgent-help outcomes so they stand out. */
  urgent: z.boolean().optional(),
});

export const navigatorNodeSchema = z.discriminatedUnion('type', [question, outcome], {
  error: 'a node with "type": "question" or "type": "outcome"',
});

export type NavigatorNode = z.infer<typeof navigatorNodeSchema>;

/** A decision tree: content/navigator/<tree-id>.json. Graph rules are in src/lib/navigator/navigator-graph.ts. */
export const navigatorSchema = () =>
  z.strictObject({
    title: text('a title'),
    summary: summary(300),
    /** The id of the first node. */
    start: nodeId,
    nodes: z.record(nodeId, navigatorNodeSchema, { error: 'an object of nodes keyed by node id' }),
  });
