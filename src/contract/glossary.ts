import { z } from 'astro/zod';
import { text } from './common.ts';

/** One term in content/glossary.json. */
export const glossaryTermSchema = () =>
  z.strictObject({
    term: text('the term'),
    abbreviations: z.array(text('an abbreviation'), { error: 'a list of abbreviations (can be empty, [])' }).default([]),
    definition: text('a plain-English definition'),
    /** Other words for the same thing, shown as "Also called". */
    synonyms: z.array(text('another word for it'), { error: 'a list of other words (can be empty, [])' }).default([]),
    /**
     * Old names for something that has replaced them, such as "statement of special educational
     * needs" for an EHC plan: shown as "Used to be called", never as the same thing, and searchable.
     */
    usedToBeCalled: z.array(text('an old name for it'), { error: 'a list of old names (can be empty, [])' }).default([]),
    /**
     * Words people search with that do not mean the same thing (a related service, a wider or an
     * older idea): they find this entry in search, and the glossary shows them as search words only.
     */
    searchWords: z.array(text('a word people search with'), { error: 'a list of search words (can be empty, [])' }).default([]),
  });
