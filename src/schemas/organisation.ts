import { z } from 'astro/zod';
import { email, markdown, text, ukPhone, webAddress } from './common.ts';

/** An organisation that runs services: content/organisations/<id>.json */
export const organisationSchema = () =>
  z.strictObject({
    name: text('the organisation name'),
    description: markdown('a description of the organisation').optional(),
    website: webAddress().optional(),
    email: email().optional(),
    phone: ukPhone().optional(),
  });
