import { z } from 'astro/zod';
import { text } from './common.ts';

/** One term in content/glossary.json. */
export const glossaryTermSchema = () =>
  z.strictObject({
    term: text('the term'),
    abbreviations: z.array(text('an abbreviation'), { error: 'a list of abbreviations (can be empty, [])' }).default([]),
    definition: text('a plain-English definition'),
    synonyms: z.array(text('another word for it'), { error: 'a list of other words (can be empty, [])' }).default([]),
  });
