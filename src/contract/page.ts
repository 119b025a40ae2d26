import { z } from 'astro/zod';
import { isoDate, summary, text } from './common.ts';

/** A general page: content/pages/<id>.mdx, published at /<id>/. */
export const pageSchema = () =>
  z.strictObject({
    title: text('a title'),
    summary: summary(300),
    lastReviewed: isoDate(),
    /** Optional grouping, such as "about" or "help". */
    section: text('a section name').optional(),
  });
