/**
 * Our services as Open Referral UK (HSDS 3.0 UK profile) records, so national and neighbouring
 * directories can read the Local Offer. Field names and shapes follow the UK profile's compiled
 * schemas (tests/fixtures/oruk-uk-profile/). Every id is a name-based UUID, so it never changes
 * between builds; our own page address is kept in `url`.
 *
 * Where the UK profile's schema has no field for something families need (phone numbers,
 * eligibility, how to apply) we use the HSDS 3.0 field of the same meaning (`phones`,
 * `eligibility_description`, `application_process`); the schema allows extra fields.
 *
 * What neither can hold travels as local extensions prefixed `x_` (which the profile allows, and
 * consumers ignore): our id, the summary, the Markdown of the description and how-to, keywords,
 * a contact's website, an organisation's phone. Our importer reads them back, so exporting and
 * importing gives back the same services.
 */
import type { z } from 'astro/zod';
import type { organisationSchema } from '../../contract/organisation.ts';
import type { serviceSchema } from '../../contract/service.ts';
import { markdownToParagraphs } from '../text/markdown.ts';
import { uuidV5, URL_NAMESPACE } from './uuid.ts';
import { accessRoutes, categories, levels, needs, weekdays, type Weekday } from '../../contract/vocabulary.ts';

export type ServiceData = z.output<ReturnType<typeof serviceSchema>>;
export type OrganisationData = z.output<ReturnType<typeof organisationSchema>>;

/** One service with the organisation that runs it, as the mapping needs them. */
export interface OrukSource {
  /** Our id: the file name, such as "speech-and-language-therapy". */
  id: string;
  data: ServiceData;
  organisation: { id: string; data: OrganisationData };
}

/** What the mapping needs to know about the site. */
export interface OrukContext {
  /** The public address of the site, such as "https://localoffer.kestrelvale.example". */
  siteUrl: string;
  /** The local authority's area, such as "Kestrel Vale": used for "whole-area" and addresses. */
  areaName: string;
}

/** The area a council covers, from its name: "Kestrel Vale Council" → "Kestrel Vale". */
export function areaNameOf(localAuthority: string): string {
  return localAuthority.replace(/\s+(?:(?:County|Borough|City|District|Metropolitan Borough) )?Council$/i, '').trim() || localAuthority;
}

/** What the open data needs from content/site.json. */
export function openDataContext(site: { siteUrl: string; localAuthority: string }) {
  return { siteUrl: site.siteUrl, areaName: areaNameOf(site.localAuthority), localAuthority: site.localAuthority };
}

export const orukStatus = {
  active: 'active',
  'temporarily-closed': 'temporarily closed',
  closed: 'defunct',
} as const satisfies Record<ServiceData['status'], string>;

/** iCalendar day codes (RFC 5545 BYDAY), as ORUK schedules use them. */
const ICAL_DAYS: Record<Weekday, string> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

interface Taxonomy {
  /** The `taxonomy` name consumers see. */
  name: string;
  /** The `link_type` of the attribute that links a service to a term. */
  linkType: string;
  label: (value: string) => string;
  describe: (label: string) => string;
  /** Our browse page for a term, when there is one. */
  page?: (value: string) => string;
}

const TAXONOMIES = {
  needs: {
    name: 'open-local-offer/needs',
    linkType: 'need',
    label: (v) => needs.label(v as never),
    describe: (label) => `${label}: one of the four broad areas of special educational need (SEND Code of Practice 2015, paragraph 6.28).`,
    page: (v) => `/services/need/${v}/`,
  },
  levels: {
    name: 'open-local-offer/levels',
    linkType: 'level',
    label: (v) => levels.label(v as never),
    describe: (label) => `${label}: where the service sits in the graduated response to special educational needs.`,
    page: (v) => `/services/level/${v}/`,
  },
  categories: {
    name: 'open-local-offer/categories',
    linkType: 'category',
    label: (v) => categories.label(v as never),
    describe: (label) => `${label}: the type of service.`,
    page: (v) => `/services/category/${v}/`,
  },
  accessRoutes: {
    name: 'open-local-offer/access-routes',
    linkType: 'access_route',
    label: (v) => accessRoutes.label(v as never),
    describe: (label) => `${label}: how families get this service.`,
  },
} satisfies Record<string, Taxonomy>;

/** Leaves out fields whose value is undefined, so the JSON has no empty keys. */
function defined<T extends Record<string, unknown>>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

/** Splits "12 Quay Road, Saltmere" into the street and the town (the area's name when there is no town). */
export function splitAddress(address: string, areaName: string): { address_1: string; city: string } {
  const parts = address.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return { address_1: address.trim(), city: areaName };
  return { address_1: parts.slice(0, -1).join(', '), city: parts[parts.length - 1]! };
}

/** Each site's namespace, worked out once. */
const namespaces = new Map<string, string>();

/** Builds the id maker for one site: ids are UUID v5 names within a namespace of the site's address. */
export function orukIds(siteUrl: string) {
  let namespace = namespaces.get(siteUrl);
  if (!namespace) {
    namespace = uuidV5(new URL('/openreferral/', siteUrl).toString(), URL_NAMESPACE);
    namespaces.set(siteUrl, namespace);
  }
  // Taxonomy terms and organisations come up again and again across services: work each out once.
  return (kind: string, key: string) => {
    if (!SHARED_KINDS.has(kind)) return uuidV5(`${kind}:${key}`, namespace);
    const name = `${namespace} ${kind}:${key}`;
    let id = sharedIds.get(name);
    if (!id) {
      id = uuidV5(`${kind}:${key}`, namespace);
      sharedIds.set(name, id);
    }
    return id;
  };
}
const SHARED_KINDS = new Set(['organization', 'taxonomy', 'taxonomy-term']);
const sharedIds = new Map<string, string>();

/** One service as a full ORUK service record (what `/services/{id}` returns). */
export function toOrukService(source: OrukSource, context: OrukContext) {
  const { data, organisation } = source;
  const id = orukIds(context.siteUrl);
  const serviceId = id('service', source.id);
  const absolute = (path: string) => new URL(path, context.siteUrl).toString();

  const organization = defined({
    id: id('organization', organisation.id),
    name: organisation.data.name,
    description: organisation.data.description ? markdownToParagraphs(organisation.data.description) : organisation.data.name,
    email: organisation.data.email,
    website: organisation.data.website,
    x_id: organisation.id,
    x_description_markdown: organisation.data.description,
    x_phone: organisation.data.phone,
  });

  const contacts = data.contacts.map((contact, index) => {
    const contactId = id('contact', `${source.id}/${index}`);
    return defined({
      id: contactId,
      service_id: serviceId,
      name: contact.name,
      email: contact.email,
      x_website: contact.website,
      phones: contact.phone ? [{ id: id('contact-phone', `${source.id}/${index}`), contact_id: contactId, number: contact.phone, type: 'voice' }] : undefined,
    });
  });

  const phoneNumbers = [...new Set(data.contacts.flatMap((contact) => (contact.phone ? [contact.phone] : [])))];
  const phones = phoneNumbers.map((number) => ({ id: id('service-phone', `${source.id}/${number}`), service_id: serviceId, number, type: 'voice' }));

  const schedules = (data.hours ?? []).map((hours, index) =>
    ({
      id: id('schedule', `${source.id}/${index}`),
      service_id: serviceId,
      freq: 'WEEKLY' as const,
      interval: 1,
      byday: hours.days.map((day) => ICAL_DAYS[day]).join(','),
      opens_at: hours.opens,
      closes_at: hours.closes,
      description: `${hours.days.map((day) => weekdays.label(day)).join(', ')}: ${hours.opens} to ${hours.closes}`,
    }),
  );

  const serviceAreas = data.areaServed.map((area) => {
    const name = area === 'whole-area' ? context.areaName : area;
    return { id: id('service-area', `${source.id}/${name}`), service_id: serviceId, name };
  });

  const serviceAtLocations = data.locations.map((place) => {
    // A building shared by several services keeps one location id.
    const locationKey = `${place.name}|${place.postcode.toUpperCase()}`;
    const locationId = id('location', locationKey);
    return {
      id: id('service-at-location', `${source.id}/${locationKey}`),
      service_id: serviceId,
      location_id: locationId,
      location: defined({
        id: locationId,
        location_type: 'physical' as const,
        name: place.name,
        latitude: place.lat,
        longitude: place.lng,
        addresses: [
          {
            id: id('address', locationKey),
            location_id: locationId,
            ...splitAddress(place.address, context.areaName),
            state_province: context.areaName,
            postal_code: place.postcode.toUpperCase(),
            country: 'GB',
            address_type: 'physical' as const,
          },
        ],
        // The address as written, when splitting it into street and town changed it.
        x_address: ((parts) => (parts.city === context.areaName && !place.address.includes(',') ? undefined : [parts.address_1, parts.city].join(', ') === place.address ? undefined : place.address))(splitAddress(place.address, context.areaName)),
        accessibility: place.accessibility ? [{ id: id('accessibility', locationKey), location_id: locationId, description: place.accessibility }] : undefined,
      }),
    };
  });

  // No cost stated: no cost option, rather than a guess.
  const costOptions = data.cost
    ? [
        defined({
          id: id('cost-option', source.id),
          service_id: serviceId,
          option: data.cost.free ? 'Free' : 'There may be a charge',
          amount: data.cost.free ? 0 : undefined,
          amount_description: data.cost.details,
        }),
      ]
    : [];

  const attribute = (taxonomy: Taxonomy, value: string) => {
    const termId = id('taxonomy-term', `${taxonomy.name}/${value}`);
    const label = taxonomy.label(value);
    return {
      id: id('attribute', `${source.id}/${taxonomy.name}/${value}`),
      link_id: serviceId,
      link_type: taxonomy.linkType,
      taxonomy_term_id: termId,
      taxonomy_term: defined({
        id: termId,
        name: label,
        description: taxonomy.describe(label),
        taxonomy: taxonomy.name,
        taxonomy_id: id('taxonomy', taxonomy.name),
        term: value,
        term_uri: taxonomy.page ? absolute(taxonomy.page(value)) : undefined,
      }),
    };
  };
  const attributes = [
    ...data.needs.map((value) => attribute(TAXONOMIES.needs, value)),
    ...data.levels.map((value) => attribute(TAXONOMIES.levels, value)),
    ...data.categories.map((value) => attribute(TAXONOMIES.categories, value)),
    ...data.access.routes.map((value) => attribute(TAXONOMIES.accessRoutes, value)),
  ];

  return defined({
    id: serviceId,
    organization_id: organization.id,
    name: data.name,
    description: markdownToParagraphs(data.description),
    // The service's own website; our page about it is x_page.
    url: data.contacts.find((contact) => contact.website)?.website,
    email: data.contacts.find((contact) => contact.email)?.email,
    status: orukStatus[data.status],
    fees: data.cost ? (data.cost.details ?? (data.cost.free ? 'Free' : 'There may be a charge')) : undefined,
    minimum_age: data.ageRange?.min,
    maximum_age: data.ageRange?.max,
    assured_date: data.lastReviewed,
    alert: data.status === 'temporarily-closed' ? 'This service is temporarily closed. Contact them to find out more.' : undefined,
    last_modified: `${data.lastReviewed}T00:00:00Z`,
    eligibility_description: data.access.eligibility ? markdownToParagraphs(data.access.eligibility) : undefined,
    application_process: markdownToParagraphs(data.access.howTo),
    phones,
    schedules,
    service_areas: serviceAreas,
    service_at_locations: serviceAtLocations,
    organization,
    cost_options: costOptions,
    contacts,
    attributes,
    x_id: source.id,
    x_page: absolute(`/services/${source.id}/`),
    x_summary: data.summary,
    x_description_markdown: data.description,
    x_how_to: data.access.howTo,
    x_eligibility: data.access.eligibility,
    x_keywords: data.keywords.length ? data.keywords : undefined,
  });
}

export type OrukService = ReturnType<typeof toOrukService>;

/**
 * The `/services` answer: one ORUK Page holding every service. A static site cannot page on
 * request, so everything is on page 1 of 1; each item is the full record, which is also a valid
 * list item. A service that cannot be mapped is named in the error.
 */
export function toOrukServicePage(sources: OrukSource[], context: OrukContext) {
  return orukServicePage(
    sources.map((source) => {
      try {
        return toOrukService(source, context);
      } catch (error) {
        throw new Error(`the service ${source.id} could not be mapped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }),
  );
}

/** The `/services` answer for records already made (the build makes each record once). */
export function orukServicePage(contents: OrukService[]) {
  return {
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}
