import { z } from 'astro/zod';
import { accessRoutes, categories, levels, needs, serviceStatuses, weekdays } from './vocabulary.ts';
import { email, isoDate, markdown, oneOf, text, ukPhone, webAddress, summary, type RefFactory } from './common.ts';

const age = z
  .number({ error: 'an age in whole years from 0 to 25, as a number without quotes' })
  .int({ error: 'a whole number of years' })
  .min(0, { error: 'an age from 0 to 25' })
  .max(25, { error: 'an age from 0 to 25 (the Local Offer covers birth to 25)' });

const time = z
  .string({ error: 'a time written as HH:MM in the 24-hour clock, such as "09:30"' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'a time written as HH:MM in the 24-hour clock, such as "09:30" or "17:00"' });

/** One way to get in touch: at least one of phone, email or website. */
const contact = z
  .strictObject({
    /** Who or what this contact is, such as "Duty team" (optional). */
    name: text('the name of this contact').optional(),
    phone: ukPhone().optional(),
    email: email().optional(),
    website: webAddress().optional(),
  })
  .refine((c) => c.phone || c.email || c.website, {
    error: 'each contact needs at least one of "phone", "email" or "website"',
  });

const location = z.strictObject({
  /** The building or venue name. */
  name: text('the name of the place'),
  /** Street address without the postcode. */
  address: text('the street address'),
  postcode: z
    .string({ error: 'a UK postcode such as "KV1 2AB"' })
    .trim()
    .regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, { error: 'a UK postcode such as "KV1 2AB"' }),
  lat: z.number({ error: 'a latitude as a number, such as 52.41' }).min(49).max(61).optional(),
  lng: z.number({ error: 'a longitude as a number, such as -1.52' }).min(-9).max(2).optional(),
  /** Step-free access, accessible toilet, parking, hearing loop… in plain words. */
  accessibility: text('a description of how accessible the building is').optional(),
});

const openingHours = z
  .strictObject({
    days: z.array(oneOf(weekdays.values, 'day codes'), { error: 'a list of days such as ["mon", "tue"]' }).min(1, { error: 'at least one day' }),
    opens: time,
    closes: time,
  })
  .refine((h) => h.opens < h.closes, { error: '"opens" must be earlier than "closes"', path: ['closes'] });

/**
 * Where an imported record came from: the feed (a name the council chooses, such as
 * "bristol-directory") and the record's id in it. The importer matches by this first, so a
 * service renamed at the source is updated, not duplicated.
 */
export const sourceRecord = () =>
  z.strictObject(
    {
      feed: text('the name of the feed the record was imported from'),
      id: text("the record's id in that feed"),
    },
    { error: 'where the record was imported from, such as { "feed": "bristol-directory", "id": "1625" }' },
  );

/**
 * What a published service must have beyond its shape. A draft (an imported record not finished
 * yet) may lack these; it is kept in content/ but never published.
 */
export function publishingProblems(service: { categories?: unknown[]; levels?: unknown[]; access?: { routes?: unknown[] }; contacts?: unknown[] }): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  // Only an empty list is reported here: a missing or mistyped one has its own message.
  const empty = (list: unknown) => Array.isArray(list) && list.length === 0;
  if (empty(service.categories)) problems.push({ path: ['categories'], message: 'at least one category' });
  if (empty(service.levels)) problems.push({ path: ['levels'], message: 'at least one level' });
  if (empty(service.access?.routes)) problems.push({ path: ['access', 'routes'], message: 'at least one access route' });
  if (empty(service.contacts)) problems.push({ path: ['contacts'], message: 'at least one contact with a phone, email or website' });
  return problems;
}

/** A service in the directory: content/services/<id>.json */
export const serviceSchema = ({ ref }: { ref: RefFactory }) =>
  z.strictObject({
    /** The name families know it by. */
    name: text('the service name'),
    /** The organisation that runs it (an id from content/organisations/). */
    organisation: ref('organisations'),
    summary: summary(200),
    /** What it offers, in Markdown. Raw HTML is shown as text, never run. */
    description: markdown('a description of the service'),
    categories: z.array(oneOf(categories.values, 'categories'), { error: 'a list of categories' }),
    /** Leave empty when the service is open to all needs. */
    needs: z.array(oneOf(needs.values, 'areas of need'), { error: 'a list of areas of need (can be empty, [])' }).default([]),
    levels: z.array(oneOf(levels.values, 'levels'), { error: 'a list of levels' }),
    /** Leave out when the ages are not stated: the page then says so, rather than "0 to 25". */
    ageRange: z
      .strictObject({ min: age, max: age }, { error: 'an age range such as { "min": 0, "max": 25 }' })
      .refine((r) => r.min <= r.max, { error: '"min" must not be more than "max"', path: ['min'] })
      .optional(),
    access: z.strictObject(
      {
        routes: z.array(oneOf(accessRoutes.values, 'access routes'), { error: 'a list of access routes' }),
        /** How to get the service, step by step, in Markdown. */
        howTo: markdown('how to get the service'),
        /** The threshold or eligibility criteria, when there are any, in Markdown. */
        eligibility: markdown('who can use it (eligibility)').optional(),
      },
      { error: 'an "access" section with "routes" and "howTo"' },
    ),
    /** Leave out when the cost is not stated: the page then says so, rather than "There is a charge". */
    cost: z
      .strictObject(
        {
          free: z.boolean({ error: 'true or false, without quotes' }),
          details: text('details of the cost').optional(),
        },
        { error: 'a "cost" section such as { "free": true }' },
      )
      .optional(),
    contacts: z.array(contact, { error: 'a list of contacts' }),
    /** Leave empty when delivered at home, online or across the whole area. */
    locations: z.array(location, { error: 'a list of locations (can be empty, [])' }).default([]),
    /** Locality names from site.json, or ["whole-area"]. */
    areaServed: z
      .array(text('a locality name'), { error: 'a list of locality names, or ["whole-area"]' })
      // An empty list would mean "nowhere": the service would be on no page of the service finder.
      .min(1, { error: 'at least one locality: use ["whole-area"] for a service open to the whole area' })
      .default(['whole-area']),
    hours: z.array(openingHours, { error: 'a list of opening times' }).optional(),
    /** Extra words people search for: acronyms, local names. */
    keywords: z.array(text('a search word'), { error: 'a list of search words' }).default([]),
    videos: z.array(ref('videos'), { error: 'a list of video ids' }).optional(),
    status: oneOf(serviceStatuses.values, 'statuses').default('active'),
    lastReviewed: isoDate(),
    /** Optional: other services to show as related (ids from content/services/). */
    relatedServices: z.array(ref('services'), { error: 'a list of service ids' }).optional(),
    /**
     * Optional: this service is a draft, not published anywhere (no page, search, list, feed or
     * sitemap). The importer writes what it still needs; empty the list (or remove it) to publish.
     */
    draft: z.array(text('what the draft still needs'), { error: 'a list of what the draft still needs before it can be published' }).optional(),
    /** Optional: where the importer found it (the feed and the record's id there). */
    source: sourceRecord().optional(),
  })
  // Only a published service must have these; a draft is kept while an editor fills them in.
  // They run even when other fields have problems, so an editor sees every problem at once.
  .superRefine((service, context) => {
    if (service.draft?.length) return;
    for (const problem of publishingProblems(service)) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  }, { when: (payload) => isObject(payload.value) && !isDraft(payload.value) });

/** A draft lists what it still needs; an empty list (every need dealt with) is a published service. */
export const isDraft = (service: { draft?: unknown }) => Array.isArray(service.draft) && service.draft.length > 0;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
