import { z } from 'astro/zod';
import { text } from './common.ts';

/** A path on this site, such as "/services/category/health/". */
const sitePath = z
  .string({ error: 'a path on this site starting and ending with /' })
  .regex(/^\/([a-z0-9-]+\/)*(#[a-z0-9-]+)?$/, { error: 'a path on this site starting and ending with /, such as "/services/category/health/"' });

/**
 * What the law says a Local Offer must cover, and the pages that cover it:
 * content/statutory-coverage.json.
 */
export const coverageSchema = () =>
  z.strictObject({
    items: z
      .array(
        z.strictObject({
          /** What the Local Offer must cover, in plain English. */
          requirement: text('what the Local Offer must cover'),
          /** Where the duty comes from. */
          source: text('the law or guidance it comes from'),
          /** Pages on this site that meet it. */
          pages: z.array(sitePath, { error: 'a list of page paths' }),
        }),
      )
      .min(1, { error: 'at least one item' }),
  });
