/**
 * Field types shared by every collection. Each carries the message an editor reads when a
 * value does not fit, so errors say what is expected in plain English.
 */
import { z } from 'astro/zod';
import { unsafeUrl } from './url-safety.ts';

/** Collections that other entries can point to by id. */
export type CollectionName =
  | 'services'
  | 'organisations'
  | 'pathways'
  | 'navigator'
  | 'provision'
  | 'videos'
  | 'feedback'
  | 'pages'
  | 'glossary'
  | 'indicators';

/**
 * How a schema points at another entry. Inside Astro this is `reference()`; in the content
 * checker (plain Node) it is the entry id as a string, checked against the files on disk.
 */
export type RefFactory = (collection: CollectionName) => z.ZodType<EntryReference>;

/** What a reference holds once parsed: the same shape as Astro's `reference()`. */
export interface EntryReference {
  collection: string;
  id: string;
}

/**
 * A reference outside Astro: the entry id as written, turned into the same shape as
 * `reference()` gives. Whether the entry exists is checked against the files on disk.
 */
export const idRef: RefFactory = (collection) =>
  z
    .string({ error: `the id of an entry in content/${collection}/ (its file name without .json or .mdx)` })
    .transform((id) => ({ collection, id }));

/** Entry ids are file names: lower-case words joined by hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A name Windows keeps for a device, whatever follows a dot: no file or folder can have it there. */
export const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$/i;

export const text = (what = 'some text') =>
  z.string({ error: `${what}, in quotes` }).trim().min(1, { error: `${what} — it cannot be empty` });

/** Markdown is stored as text and rendered with raw HTML escaped. */
export const markdown = (what = 'text (Markdown is allowed)') => text(what);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** YAML frontmatter reads an unquoted date as a Date object: this gives it back as YYYY-MM-DD; anything else as it is. */
export const isoDateOf = (value: unknown): unknown => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);

/**
 * A calendar date written YYYY-MM-DD. YAML frontmatter turns such dates into Date objects,
 * so both forms are accepted and the result is always the YYYY-MM-DD string.
 */
export const isoDate = () =>
  z.preprocess(
    isoDateOf,
    z
      .string({ error: 'a date written as YYYY-MM-DD, for example "2026-03-31"' })
      .regex(ISO_DATE, {
        error: (issue) => {
          // A British date, day first: say how to write that very date.
          const british = typeof issue.input === 'string' ? /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(issue.input) : null;
          const rewritten = british ? `${british[3]}-${british[2]!.padStart(2, '0')}-${british[1]!.padStart(2, '0')}` : undefined;
          return rewritten && isRealDate(rewritten) ? `a date written as YYYY-MM-DD: "${issue.input}" is written "${rewritten}"` : 'a date written as YYYY-MM-DD, for example "2026-03-31"';
        },
      })
      // Only a date in the right form can be checked for being real; a wrong form has its own message.
      .refine((value) => !ISO_DATE.test(value) || isRealDate(value), { error: 'use a real calendar date (check the day and month)' }),
  );

export const email = () =>
  z.email({ error: 'an email address such as "send@example.gov.uk"' });

/** Web addresses must start with https:// or http:// — no javascript:, data: or file: links. */
export const webAddress = () =>
  z.url({
    protocol: /^https?$/,
    hostname: z.regexes.domain,
    error: 'a full web address starting with https://, for example "https://www.example.org/page"',
  }).refine((address) => !unsafeUrl(address), {
    // https://council.gov.uk@evil.example/ goes to evil.example (src/contract/url-safety.ts).
    error: 'a web address with nothing before the website\'s name (no "name@"), for example "https://www.example.org/page"',
  });

/** A UK phone number: 10 or 11 digits starting with 0, or +44; spaces and hyphens allowed. */
export const ukPhone = () =>
  z
    .string({ error: 'a UK phone number, in quotes, such as "01632 960 123"' })
    .trim()
    .regex(/^(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}$/, {
      error: 'a UK phone number such as "01632 960 123" or "+44 1632 960 123"',
    });

/** A site-relative path to a file in public/, such as "/videos/welcome.vtt". */
export const publicPath = (what: string) =>
  z
    .string({ error: `${what}: a path starting with / to a file in public/` })
    .regex(/^\/(?!\/)[A-Za-z0-9._\-/]+$/, { error: `${what}: a path starting with / to a file in public/, such as "/videos/welcome.vtt"` });

/** A closed list of values, with an error that lists every allowed value. */
export const oneOf = <T extends string>(values: readonly [T, ...T[]], what: string) =>
  z.enum(values as [T, ...T[]], { error: `one of these ${what}: ${values.join(', ')}` });

/** A short plain-text summary used on cards, in search results and in social images. */
export const summary = (max = 200) =>
  text('a one-sentence summary').max(max, { error: `a summary of ${max} characters or fewer` });
