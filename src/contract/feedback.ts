import { z } from 'astro/zod';
import { feedbackStatuses } from './vocabulary.ts';
import { isoDate, oneOf, text } from './common.ts';

const link = z.strictObject({
  label: text('the link text'),
  /** A full web address, or a path on this site starting with /. */
  href: z
    .string({ error: 'a web address' })
    .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, { error: 'a web address starting with https:// or a path on this site starting with /' }),
});

/** A "you said, we did" entry: content/feedback/<id>.json */
export const feedbackSchema = () =>
  z.strictObject({
    date: isoDate(),
    /** One of site.json feedbackThemes. */
    theme: text('a theme from site.json "feedbackThemes"'),
    source: text('where the comment came from'),
    youSaid: text('what people said'),
    weDid: text('what was done'),
    status: oneOf(feedbackStatuses.values, 'statuses'),
    links: z.array(link, { error: 'a list of links' }).default([]),
  });
