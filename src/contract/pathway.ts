import { z } from 'astro/zod';
import { levels, phases } from './vocabulary.ts';
import { isoDate, oneOf, summary, text, type RefFactory } from './common.ts';

/** A graduated-response pathway: content/pathways/<id>.mdx (frontmatter) */
export const pathwaySchema = ({ ref }: { ref: RefFactory }) =>
  z.strictObject({
    title: text('a title'),
    summary: summary(300),
    /** The phase it applies to, or "all". */
    phase: oneOf([...phases.values, 'all'], 'phases'),
    /** Other phases it also covers, such as "secondary" for a pathway that spans all of school. */
    morePhases: z.array(oneOf(phases.values, 'phases'), { error: 'a list of phases' }).default([]),
    level: oneOf(levels.values, 'levels'),
    /** Position in lists: lower numbers come first. */
    order: z.number({ error: 'a number, without quotes, such as 10' }),
    /** Who makes the decision, in plain words. */
    whoDecides: text('who decides'),
    /** Who pays, e.g. "The school, from its own budget". */
    whoFunds: text('who pays'),
    relatedServices: z.array(ref('services'), { error: 'a list of service ids' }).default([]),
    lastReviewed: isoDate(),
  });
