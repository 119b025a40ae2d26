import { z } from 'astro/zod';
import { audiences } from './vocabulary.ts';
import { isoDate, oneOf, publicPath, summary, text, type RefFactory } from './common.ts';

const age = z
  .number({ error: 'an age in whole years from 0 to 25, as a number without quotes' })
  .int({ error: 'a whole number of years' })
  .min(0, { error: 'an age from 0 to 25' })
  .max(25, { error: 'an age from 0 to 25 (the Local Offer covers birth to 25)' });

const source = z.union(
  [
    z.strictObject({ file: publicPath('the video file') }),
    z.strictObject({
      youtube: z.string().regex(/^[A-Za-z0-9_-]{11}$/, { error: 'an 11-character YouTube video id' }),
    }),
  ],
  { error: 'either { file: "/videos/name.mp4" } or { youtube: "<11-character id>" }' },
);

/** A video: content/videos/<id>.mdx. The body is the full transcript. */
export const videoSchema = ({ ref }: { ref: RefFactory }) =>
  z.strictObject({
    title: text('a title'),
    summary: summary(200),
    audience: z.array(oneOf(audiences.values, 'audiences'), { error: 'a list of audiences' }).min(1, { error: 'at least one audience' }),
    topics: z.array(text('a topic'), { error: 'a list of topics' }).default([]),
    /** Length in seconds. */
    duration: z.number({ error: 'the length in seconds, as a number' }).int().positive({ error: 'a length in seconds above 0' }),
    source,
    /** Path to a WebVTT captions file in public/ — required. */
    captions: publicPath('the captions file').regex(/\.vtt$/, { error: 'a WebVTT captions file ending in .vtt' }),
    poster: publicPath('the poster image').optional(),
    relatedServices: z.array(ref('services'), { error: 'a list of service ids' }).default([]),
    /**
     * Optional: the ages the video is for, when it is not for every age ("Moving to adult health
     * services" is for 14 to 25). A related service's page suggests it only when most of the
     * service's ages are among them.
     */
    ageRange: z
      .strictObject({ min: age, max: age }, { error: 'an age range such as { min: 14, max: 25 }' })
      .refine((r) => r.min <= r.max, { error: '"min" must not be more than "max"', path: ['min'] })
      .optional(),
    lastReviewed: isoDate(),
  });
