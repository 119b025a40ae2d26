import { z } from 'astro/zod';
import { email, text, ukPhone, webAddress } from './common.ts';

const colour = z.string({ error: 'a colour such as "#1d4f91"' }).regex(/^#[0-9a-fA-F]{6}$/, { error: 'a six-digit hex colour such as "#1d4f91"' });

/** Everything specific to one local area lives here: content/site.json */
export const siteSchema = () =>
  z.strictObject({
    /** The Local Offer's name, as families know it. */
    name: text('the name of the Local Offer'),
    localAuthority: text('the local authority name'),
    contact: z.strictObject({ phone: ukPhone(), email: email(), address: text('a postal address') }),
    /** Where "Was this page helpful?" and "Give feedback" send people. */
    feedbackUrl: webAddress(),
    localities: z
      .array(
        z.strictObject({
          name: text('the locality name'),
          lat: z.number({ error: 'a latitude as a number' }),
          lng: z.number({ error: 'a longitude as a number' }),
        }),
      )
      .min(1, { error: 'at least one locality' }),
    feedbackThemes: z.array(text('a theme')).min(1, { error: 'at least one theme' }),
    reviewIntervalMonths: z.number({ error: 'a number of months' }).int().min(1).max(36),
    /** The public address of the site, used for canonical links and the sitemap. */
    siteUrl: webAddress(),
    // A closed list: each key becomes a CSS property name in /theme.css, so a key of any other
    // shape could write CSS of its own (a misspelt key is reported with the right spelling).
    theme: z.strictObject({
      /** Brand colour for the header and buttons. */
      primary: colour,
      /** Text colour on the primary colour: must have 4.5:1 contrast. */
      primaryText: colour,
      /** The bar beside the site name on social images: 3:1 against primary. */
      accent: colour.optional(),
      /** Links on the white page: 4.5:1. */
      link: colour.optional(),
      /** Visited links on the white page: 4.5:1. */
      linkVisited: colour.optional(),
    }),
    /** Optional path to a logo in public/. */
    logo: z.string().regex(/^\/[A-Za-z0-9._\-/]+$/).optional(),
  });
