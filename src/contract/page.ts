import { z } from 'astro/zod';
import { isoDate, summary, text } from './common.ts';

/** A general page: content/pages/<id>.mdx, published at /<id>/. */
export const pageSchema = () =>
  z.strictObject({
    title: text('a title'),
    summary: summary(300),
    lastReviewed: isoDate(),
    /**
     * Optional grouping, such as "about" or "help". "provision" lists the page with the
     * ordinarily available provision (/provision/), whatever its capital letters.
     */
    section: text('a section name').optional(),
  });

/** The section that lists a page with the ordinarily available provision. */
export const PROVISION_SECTION = 'provision';

/** Whether a page's section is `section`, as an editor may write it ("Provision", " provision"). */
export const inSection = (page: { section?: string }, section: string) => page.section?.trim().toLowerCase() === section;
