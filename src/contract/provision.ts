import { z } from 'astro/zod';
import { needs, phases, provisionLevels } from './vocabulary.ts';
import { isoDate, oneOf, summary, text, type RefFactory } from './common.ts';

/** Ordinarily available provision: content/provision/<id>.json */
export const provisionSchema = ({ ref }: { ref: RefFactory }) =>
  z.strictObject({
    need: oneOf(needs.values, 'areas of need'),
    phases: z.array(oneOf(phases.values, 'phases'), { error: 'a list of phases' }).min(1, { error: 'at least one phase' }),
    level: oneOf(provisionLevels.values, 'levels'),
    title: text('a title'),
    summary: summary(300),
    /** Concrete things a setting does. */
    strategies: z.array(text('a strategy'), { error: 'a list of strategies' }).min(1, { error: 'at least one strategy' }),
    reasonableAdjustments: z.array(text('a reasonable adjustment'), { error: 'a list of reasonable adjustments' }).default([]),
    /** What parents can expect, in plain English. */
    parentsCanExpect: text('what parents can expect'),
    relatedServices: z.array(ref('services'), { error: 'a list of service ids' }).default([]),
    lastReviewed: isoDate(),
  });
