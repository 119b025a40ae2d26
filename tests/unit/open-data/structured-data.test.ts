import { describe, expect, test } from 'vitest';
import { breadcrumbListJsonLd, serializeJsonLd, serviceJsonLd } from '../../../src/lib/open-data/structured-data.ts';
import type { OrukSource } from '../../../src/lib/open-data/oruk.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale', localAuthority: 'Kestrel Vale Council' };

const source = (): OrukSource => ({
  id: 'short-breaks',
  data: {
    name: 'Short breaks',
    organisation: { collection: 'organisations', id: 'kestrel-vale-council' },
    summary: 'Time off for carers, fun for children.',
    description: 'More.',
    categories: ['short-breaks-and-activities', 'social-care'],
    needs: [],
    levels: ['specialist'],
    ageRange: { min: 5, max: 18 },
    access: { routes: ['self-referral'], howTo: 'Call us.' },
    cost: { free: true },
    contacts: [{ name: 'Short breaks team', phone: '01632 960 300', email: 'breaks@kestrelvale.example' }, { website: 'https://breaks.example' }],
    locations: [{ name: 'Eastwold Hub', address: '1 High Street, Eastwold', postcode: 'kv9 1aa', lat: 52.6, lng: -1.5 }],
    areaServed: ['Eastwold', 'whole-area'],
    hours: [{ days: ['mon', 'fri'], opens: '09:00', closes: '17:00' }],
    keywords: [],
    status: 'active',
    lastReviewed: '2026-01-01',
  },
  organisation: { id: 'kestrel-vale-council', data: { name: 'Kestrel Vale Council', website: 'https://www.kestrelvale.example', phone: '01632 960 100' } },
});

describe('serviceJsonLd', () => {
  test('is a GovernmentService when the council runs it, with the council as a GovernmentOrganization', () => {
    const ld = serviceJsonLd(source(), context);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('GovernmentService');
    expect(ld.provider).toEqual({ '@type': 'GovernmentOrganization', name: 'Kestrel Vale Council', url: 'https://www.kestrelvale.example', telephone: '01632 960 100' });
  });

  test('is a Service with an Organization when someone else runs it', () => {
    const s = source();
    s.organisation = { id: 'forum', data: { name: 'Parent Carer Forum' } };
    const ld = serviceJsonLd(s, context);
    expect(ld['@type']).toBe('Service');
    expect(ld.provider).toEqual({ '@type': 'Organization', name: 'Parent Carer Forum' });
  });

  test('gives the name, summary, page address and types of service', () => {
    expect(serviceJsonLd(source(), context)).toMatchObject({
      '@id': 'https://localoffer.kestrelvale.example/services/short-breaks/#service',
      name: 'Short breaks',
      description: 'Time off for carers, fun for children.',
      url: 'https://localoffer.kestrelvale.example/services/short-breaks/',
      serviceType: ['Short breaks and activities', 'Social care'],
    });
  });

  test('gives the ages as a PeopleAudience with suggestedMinAge and suggestedMaxAge', () => {
    expect(serviceJsonLd(source(), context).audience).toMatchObject({ '@type': 'PeopleAudience', suggestedMinAge: 5, suggestedMaxAge: 18 });
  });

  test('names the areas served, with "whole-area" as the council area', () => {
    expect(serviceJsonLd(source(), context).areaServed).toEqual([
      { '@type': 'Place', name: 'Eastwold' },
      { '@type': 'AdministrativeArea', name: 'Kestrel Vale' },
    ]);
  });

  test('lists phone, email, website and places as available channels', () => {
    const channels = serviceJsonLd(source(), context).availableChannel as Record<string, any>[];
    expect(channels).toHaveLength(3);
    expect(channels[0]).toEqual({
      '@type': 'ServiceChannel',
      name: 'Short breaks team',
      servicePhone: {
        '@type': 'ContactPoint',
        name: 'Short breaks team',
        telephone: '01632 960 300',
        email: 'breaks@kestrelvale.example',
        hoursAvailable: [{ '@type': 'OpeningHoursSpecification', dayOfWeek: ['https://schema.org/Monday', 'https://schema.org/Friday'], opens: '09:00', closes: '17:00' }],
      },
    });
    expect(channels[1]).toEqual({ '@type': 'ServiceChannel', serviceUrl: 'https://breaks.example' });
    expect(channels[2]).toEqual({
      '@type': 'ServiceChannel',
      name: 'Eastwold Hub',
      serviceLocation: {
        '@type': 'Place',
        name: 'Eastwold Hub',
        address: { '@type': 'PostalAddress', streetAddress: '1 High Street', addressLocality: 'Eastwold', postalCode: 'KV9 1AA', addressCountry: 'GB' },
        geo: { '@type': 'GeoCoordinates', latitude: 52.6, longitude: -1.5 },
      },
    });
  });

  test('offers a free service at no cost, and says nothing about price otherwise', () => {
    expect(serviceJsonLd(source(), context).offers).toEqual({ '@type': 'Offer', price: 0, priceCurrency: 'GBP' });
    const s = source();
    s.data.cost = { free: false };
    expect(serviceJsonLd(s, context)).not.toHaveProperty('offers');
  });
});

describe('breadcrumbListJsonLd', () => {
  test('numbers each step from 1, with absolute URLs', () => {
    expect(breadcrumbListJsonLd([{ name: 'Home', href: '/' }, { name: 'Find services', href: '/services/' }, { name: 'Portage', href: '/services/portage/' }], context.siteUrl)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://localoffer.kestrelvale.example/' },
        { '@type': 'ListItem', position: 2, name: 'Find services', item: 'https://localoffer.kestrelvale.example/services/' },
        { '@type': 'ListItem', position: 3, name: 'Portage', item: 'https://localoffer.kestrelvale.example/services/portage/' },
      ],
    });
  });
});

describe('serializeJsonLd', () => {
  test('cannot be broken out of by text in content, and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & -->' };
    const json = serializeJsonLd(data);
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
