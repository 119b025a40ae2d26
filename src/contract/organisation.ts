import { z } from 'astro/zod';
import { email, markdown, text, ukPhone, webAddress } from './common.ts';
import { sourceRecord } from './service.ts';

/** An organisation that runs services: content/organisations/<id>.json */
export const organisationSchema = () =>
  z.strictObject({
    name: text('the organisation name'),
    description: markdown('a description of the organisation').optional(),
    website: webAddress().optional(),
    email: email().optional(),
    phone: ukPhone().optional(),
    /** Optional: where the importer found it (the feed and the organisation's id there). */
    source: sourceRecord().optional(),
  });
