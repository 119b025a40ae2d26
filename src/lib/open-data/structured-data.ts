/**
 * schema.org JSON-LD for search engines: a Service (or GovernmentService, when the council runs
 * it) on each service page, and a BreadcrumbList on every page. Pure functions; the page writes
 * the result into a `<script type="application/ld+json">` data block, which browsers never run.
 */
import { splitAddress, type OrukContext, type OrukSource } from './oruk.ts';
import { categories, weekdays } from '../../contract/vocabulary.ts';

type JsonLd = Record<string, unknown>;

export interface StructuredDataContext extends OrukContext {
  /** The council's name: services it runs are GovernmentServices. */
  localAuthority: string;
}

/** One step in a breadcrumb trail: what people read and where it goes (site-relative or absolute). */
export interface TrailItem {
  name: string;
  href: string;
}

const SCHEMA = 'https://schema.org';

function defined<T extends JsonLd>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as T;
}

/** The trail from Home to the current page, each step with an absolute URL. */
export function breadcrumbListJsonLd(trail: TrailItem[], siteUrl: string): JsonLd {
  return {
    '@context': SCHEMA,
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.name,
      item: new URL(step.href, siteUrl).toString(),
    })),
  };
}

/** A service, its provider, where it is available, who it is for and how to get in touch. */
export function serviceJsonLd(source: OrukSource, context: StructuredDataContext): JsonLd {
  const { data, organisation } = source;
  const url = new URL(`/services/${source.id}/`, context.siteUrl).toString();
  const runByCouncil = organisation.data.name === context.localAuthority;

  const hoursAvailable = (data.hours ?? []).map((hours) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: hours.days.map((day) => `${SCHEMA}/${weekdays.label(day)}`),
    opens: hours.opens,
    closes: hours.closes,
  }));

  const contactChannels = data.contacts.map((contact) =>
    defined({
      '@type': 'ServiceChannel',
      name: contact.name,
      serviceUrl: contact.website,
      servicePhone:
        contact.phone || contact.email
          ? defined({ '@type': 'ContactPoint', name: contact.name, telephone: contact.phone, email: contact.email, hoursAvailable })
          : undefined,
    }),
  );

  const placeChannels = data.locations.map((place) => {
    const { address_1, city } = splitAddress(place.address, context.areaName);
    return {
      '@type': 'ServiceChannel',
      name: place.name,
      serviceLocation: defined({
        '@type': 'Place',
        name: place.name,
        address: { '@type': 'PostalAddress', streetAddress: address_1, addressLocality: city, postalCode: place.postcode.toUpperCase(), addressCountry: 'GB' },
        geo: place.lat !== undefined && place.lng !== undefined ? { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lng } : undefined,
        accessibilitySummary: place.accessibility,
      }),
    };
  });

  return defined({
    '@context': SCHEMA,
    '@type': runByCouncil ? 'GovernmentService' : 'Service',
    '@id': `${url}#service`,
    name: data.name,
    description: data.summary,
    url,
    serviceType: data.categories.map((category) => categories.label(category)),
    provider: defined({
      '@type': runByCouncil ? 'GovernmentOrganization' : 'Organization',
      name: organisation.data.name,
      url: organisation.data.website,
      email: organisation.data.email,
      telephone: organisation.data.phone,
    }),
    areaServed: data.areaServed.map((area) =>
      area === 'whole-area' ? { '@type': 'AdministrativeArea', name: context.areaName } : { '@type': 'Place', name: area },
    ),
    audience: {
      '@type': 'PeopleAudience',
      audienceType: 'Children and young people with special educational needs and disabilities, and their families',
      suggestedMinAge: data.ageRange?.min,
      suggestedMaxAge: data.ageRange?.max,
    },
    availableChannel: [...contactChannels, ...placeChannels],
    offers: data.cost?.free ? { '@type': 'Offer', price: 0, priceCurrency: 'GBP' } : undefined,
  });
}

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&` are written as
 * Unicode escapes, so no text from content can close the block or open a comment.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
