import { describe, expect, test } from 'vitest';
import { areaNameOf, orukIds, toOrukService, toOrukServicePage, type OrukSource } from '../../../src/lib/open-data/oruk.ts';
import { isUuid } from '../../../src/lib/open-data/uuid.ts';
import { orukErrors, orukExamples, profileFieldPaths } from '../../fixtures/oruk-validator.ts';
import { demoServices } from '../../fixtures/demo-services.ts';

const context = { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' };
const ids = orukIds(context.siteUrl);

/** A service that uses every field the mapping reads. */
const source = (): OrukSource => ({
  id: 'sensory-play-sessions',
  data: {
    name: 'Sensory play sessions',
    organisation: { collection: 'organisations', id: 'saltmere-play-and-leisure' },
    summary: 'Play sessions for children with sensory needs.',
    description: 'Small groups with **trained** staff.\n\n- soft play\n- music',
    categories: ['short-breaks-and-activities'],
    needs: ['sensory-and-physical', 'communication-and-interaction'],
    levels: ['universal'],
    ageRange: { min: 2, max: 11 },
    access: { routes: ['self-referral', 'drop-in'], howTo: 'Just turn up, or [book online](https://play.example/book).', eligibility: 'Children who live in Kestrel Vale.' },
    cost: { free: false, details: '£2 a session' },
    contacts: [
      { name: 'Bookings', phone: '01632 960 555', email: 'play@saltmere.example' },
      { website: 'https://play.example' },
    ],
    locations: [
      { name: 'Saltmere Leisure Centre', address: 'Quay Road, Saltmere', postcode: 'kv6 2qr', lat: 52.55, lng: -1.6, accessibility: 'Step-free access.' },
      { name: 'The Barn', address: 'Mill Lane', postcode: 'KV3 1AB' },
    ],
    areaServed: ['Saltmere', 'whole-area'],
    hours: [
      { days: ['sat', 'sun'], opens: '10:00', closes: '12:30' },
      { days: ['wed'], opens: '16:00', closes: '18:00' },
    ],
    keywords: [],
    status: 'active',
    lastReviewed: '2026-05-01',
  },
  organisation: {
    id: 'saltmere-play-and-leisure',
    data: { name: 'Saltmere Play and Leisure', description: 'A *charity* running play schemes.', website: 'https://play.example', email: 'hello@play.example' },
  },
});

const record = () => toOrukService(source(), context);

describe('toOrukService: the service', () => {
  test('has a UUID v5 id derived from our id, the same on every build', () => {
    const service = record();
    expect(isUuid(service.id)).toBe(true);
    expect(service.id).toBe(ids('service', 'sensory-play-sessions'));
    expect(toOrukService(source(), context).id).toBe(service.id);
  });

  test("gives the service's own website in url, and our page address in x_page", () => {
    expect(record().url).toBe('https://play.example');
    expect(record().x_page).toBe('https://localoffer.kestrelvale.example/services/sensory-play-sessions/');
  });

  test('gives the name and a plain-text description without the summary repeated in it, its paragraphs and list items kept apart; the summary travels in x_summary', () => {
    expect(record().name).toBe('Sensory play sessions');
    expect(record().description).toBe('Small groups with trained staff.\n\n- soft play\n- music');
    expect(record().x_summary).toBe('Play sessions for children with sensory needs.');
  });

  test('carries what the profile cannot hold as x_ extensions: our id, the Markdown, keywords, a contact website, the organisation phone', () => {
    const withMore = source();
    withMore.data.keywords = ['SPS'];
    withMore.organisation.data.phone = '01632 960 777';
    const service = toOrukService(withMore, context);
    expect(service.x_id).toBe('sensory-play-sessions');
    expect(service.x_description_markdown).toBe(withMore.data.description);
    expect(service.x_how_to).toBe(withMore.data.access.howTo);
    expect(service.x_keywords).toEqual(['SPS']);
    expect(service.contacts[1]!.x_website).toBe('https://play.example');
    expect(service.organization.x_phone).toBe('01632 960 777');
  });

  test('a service whose ages and cost are not stated says nothing about them, rather than "0 to 25" or "There may be a charge"', () => {
    const unstated = source();
    delete unstated.data.ageRange;
    delete unstated.data.cost;
    const service = toOrukService(unstated, context);
    expect(service.minimum_age).toBeUndefined();
    expect(service.maximum_age).toBeUndefined();
    expect(service.fees).toBeUndefined();
    expect(service.cost_options).toEqual([]);
    expect(orukErrors.service(service)).toEqual([]);
  });

  test('gives the ages as minimum_age and maximum_age', () => {
    expect(record().minimum_age).toBe(2);
    expect(record().maximum_age).toBe(11);
  });

  test('gives eligibility and how to apply as plain text', () => {
    expect(record().eligibility_description).toBe('Children who live in Kestrel Vale.');
    expect(record().application_process).toBe('Just turn up, or book online.');
  });

  test('uses the first contact email as the service email', () => {
    expect(record().email).toBe('play@saltmere.example');
  });

  test('gives last_modified as a date-time from lastReviewed', () => {
    expect(record().last_modified).toBe('2026-05-01T00:00:00Z');
  });

  test.each([
    ['active', 'active', undefined],
    ['temporarily-closed', 'temporarily closed', 'This service is temporarily closed. Contact them to find out more.'],
    ['closed', 'defunct', undefined],
  ] as const)('maps status %s to "%s"', (ours, theirs, alert) => {
    const s = source();
    s.data.status = ours;
    const service = toOrukService(s, context);
    expect(service.status).toBe(theirs);
    expect(service.alert).toBe(alert);
  });
});

describe('toOrukService: the organisation', () => {
  test('is embedded with its own UUID, and organization_id points to it', () => {
    const service = record();
    expect(service.organization).toEqual({
      id: ids('organization', 'saltmere-play-and-leisure'),
      name: 'Saltmere Play and Leisure',
      description: 'A charity running play schemes.',
      email: 'hello@play.example',
      website: 'https://play.example',
      x_id: 'saltmere-play-and-leisure',
      x_description_markdown: 'A *charity* running play schemes.',
    });
    expect(service.organization_id).toBe(service.organization.id);
  });

  test('uses the name as the description when there is none (the profile requires one)', () => {
    const s = source();
    s.organisation.data = { name: 'Saltmere Play and Leisure' };
    expect(toOrukService(s, context).organization.description).toBe('Saltmere Play and Leisure');
  });
});

describe('toOrukService: contacts and phones', () => {
  test('gives one contact per contact, with name, email and phones', () => {
    const service = record();
    const contactId = ids('contact', 'sensory-play-sessions/0');
    expect(service.contacts).toEqual([
      {
        id: contactId,
        service_id: service.id,
        name: 'Bookings',
        email: 'play@saltmere.example',
        phones: [{ id: ids('contact-phone', 'sensory-play-sessions/0'), contact_id: contactId, number: '01632 960 555', type: 'voice' }],
      },
      { id: ids('contact', 'sensory-play-sessions/1'), service_id: service.id, x_website: 'https://play.example' },
    ]);
  });

  test('lists each phone number once on the service', () => {
    const s = source();
    s.data.contacts.push({ name: 'Same line', phone: '01632 960 555' });
    const service = toOrukService(s, context);
    expect(service.phones).toEqual([{ id: ids('service-phone', 'sensory-play-sessions/01632 960 555'), service_id: service.id, number: '01632 960 555', type: 'voice' }]);
  });
});

describe('toOrukService: locations', () => {
  test('gives each place as a physical location with address, postcode and coordinates', () => {
    const [first] = record().service_at_locations;
    const locationId = ids('location', 'Saltmere Leisure Centre|KV6 2QR');
    expect(first).toEqual({
      id: ids('service-at-location', 'sensory-play-sessions/Saltmere Leisure Centre|KV6 2QR'),
      service_id: record().id,
      location_id: locationId,
      location: {
        id: locationId,
        location_type: 'physical',
        name: 'Saltmere Leisure Centre',
        latitude: 52.55,
        longitude: -1.6,
        addresses: [
          {
            id: ids('address', 'Saltmere Leisure Centre|KV6 2QR'),
            location_id: locationId,
            address_1: 'Quay Road',
            city: 'Saltmere',
            state_province: 'Kestrel Vale',
            postal_code: 'KV6 2QR',
            country: 'GB',
            address_type: 'physical',
          },
        ],
        accessibility: [{ id: ids('accessibility', 'Saltmere Leisure Centre|KV6 2QR'), location_id: locationId, description: 'Step-free access.' }],
      },
    });
  });

  test('uses the area as the town when the address has no town, and leaves out what is unknown', () => {
    const location = record().service_at_locations[1]!.location;
    expect(location.addresses[0]).toMatchObject({ address_1: 'Mill Lane', city: 'Kestrel Vale', postal_code: 'KV3 1AB' });
    expect(location).not.toHaveProperty('latitude');
    expect(location).not.toHaveProperty('accessibility');
  });

  test('gives a building shared by two services the same location id', () => {
    const other = source();
    other.id = 'another-service';
    expect(toOrukService(other, context).service_at_locations[0]!.location_id).toBe(record().service_at_locations[0]!.location_id);
    expect(toOrukService(other, context).service_at_locations[0]!.id).not.toBe(record().service_at_locations[0]!.id);
  });

  test('gives no locations for a service delivered at home or online', () => {
    const s = source();
    s.data.locations = [];
    expect(toOrukService(s, context).service_at_locations).toEqual([]);
  });
});

describe('toOrukService: areas, schedules and costs', () => {
  test('names each area served, with "whole-area" as the council area', () => {
    expect(record().service_areas.map((area) => area.name)).toEqual(['Saltmere', 'Kestrel Vale']);
  });

  test('turns opening hours into weekly schedules with iCalendar days', () => {
    const service = record();
    expect(service.schedules).toEqual([
      { id: ids('schedule', 'sensory-play-sessions/0'), service_id: service.id, freq: 'WEEKLY', interval: 1, byday: 'SA,SU', opens_at: '10:00', closes_at: '12:30', description: 'Saturday, Sunday: 10:00 to 12:30' },
      { id: ids('schedule', 'sensory-play-sessions/1'), service_id: service.id, freq: 'WEEKLY', interval: 1, byday: 'WE', opens_at: '16:00', closes_at: '18:00', description: 'Wednesday: 16:00 to 18:00' },
    ]);
  });

  test('gives no schedules when there are no opening hours', () => {
    const s = source();
    delete s.data.hours;
    expect(toOrukService(s, context).schedules).toEqual([]);
  });

  test('gives a charged service a cost option with the details, and fees', () => {
    const service = record();
    expect(service.cost_options).toEqual([{ id: ids('cost-option', 'sensory-play-sessions'), service_id: service.id, option: 'There may be a charge', amount_description: '£2 a session' }]);
    expect(service.fees).toBe('£2 a session');
  });

  test('gives a free service an amount of 0', () => {
    const s = source();
    s.data.cost = { free: true };
    const service = toOrukService(s, context);
    expect(service.cost_options).toEqual([{ id: ids('cost-option', 'sensory-play-sessions'), service_id: service.id, option: 'Free', amount: 0 }]);
    expect(service.fees).toBe('Free');
  });
});

describe('toOrukService: needs, levels, categories and access routes as taxonomy terms', () => {
  test('links one attribute per value, in our vocabularies, with our browse page as term_uri', () => {
    const service = record();
    expect(service.attributes.map((a) => `${a.taxonomy_term.taxonomy} ${a.taxonomy_term.term}`)).toEqual([
      'open-local-offer/needs sensory-and-physical',
      'open-local-offer/needs communication-and-interaction',
      'open-local-offer/levels universal',
      'open-local-offer/categories short-breaks-and-activities',
      'open-local-offer/access-routes self-referral',
      'open-local-offer/access-routes drop-in',
    ]);
    const [need] = service.attributes;
    expect(need).toEqual({
      id: ids('attribute', 'sensory-play-sessions/open-local-offer/needs/sensory-and-physical'),
      link_id: service.id,
      link_type: 'need',
      taxonomy_term_id: need!.taxonomy_term.id,
      taxonomy_term: {
        id: ids('taxonomy-term', 'open-local-offer/needs/sensory-and-physical'),
        name: 'Sensory and/or physical needs',
        description: 'Sensory and/or physical needs: one of the four broad areas of special educational need (SEND Code of Practice 2015, paragraph 6.28).',
        taxonomy: 'open-local-offer/needs',
        taxonomy_id: ids('taxonomy', 'open-local-offer/needs'),
        term: 'sensory-and-physical',
        term_uri: 'https://localoffer.kestrelvale.example/services/need/sensory-and-physical/',
      },
    });
  });

  test('shares one term id between services that use the same term', () => {
    const other = source();
    other.id = 'another-service';
    expect(toOrukService(other, context).attributes[0]!.taxonomy_term.id).toBe(record().attributes[0]!.taxonomy_term.id);
  });

  test('gives access routes no term_uri, because they have no page', () => {
    expect(record().attributes.at(-1)!.taxonomy_term).not.toHaveProperty('term_uri');
  });
});

describe('toOrukServicePage', () => {
  test('is one ORUK Page with every service on it', () => {
    const page = toOrukServicePage([source(), { ...source(), id: 'b' }], context);
    expect(page).toMatchObject({ total_items: 2, total_pages: 1, page_number: 1, size: 2, first_page: true, last_page: true, empty: false });
    expect(page.contents.map((s) => s.x_page)).toEqual([
      'https://localoffer.kestrelvale.example/services/sensory-play-sessions/',
      'https://localoffer.kestrelvale.example/services/b/',
    ]);
  });

  test('says so when there are no services', () => {
    expect(toOrukServicePage([], context)).toMatchObject({ total_items: 0, size: 0, empty: true, contents: [] });
  });

  test('names a service that cannot be mapped', () => {
    const broken = { ...source(), id: 'broken-service', data: { ...source().data, contacts: null as never } };
    expect(() => toOrukServicePage([source(), broken], context)).toThrow(/^the service broken-service could not be mapped: /);
  });
});

describe('areaNameOf', () => {
  test.each([
    ['Kestrel Vale Council', 'Kestrel Vale'],
    ['Eastshire County Council', 'Eastshire'],
    ['Newtown Borough Council', 'Newtown'],
    ['Royal Borough of Somewhere', 'Royal Borough of Somewhere'],
  ])('%s → %s', (name, area) => expect(areaNameOf(name)).toBe(area));
});

describe('the export against the UK profile schemas', () => {
  test('the validator accepts the profile\'s own examples and rejects a broken one', () => {
    expect(orukErrors.page(orukExamples.page)).toEqual([]);
    expect(orukErrors.service(orukExamples.service)).toEqual([]);
    expect(orukErrors.service({ ...orukExamples.service, id: 'portage', status: 'closed' })).toHaveLength(2);
  });

  test('every demo service is a valid full service and a valid list item', () => {
    for (const demo of demoServices()) {
      const service = toOrukService(demo, context);
      expect(orukErrors.service(service), demo.id).toEqual([]);
      expect(orukErrors.listItem(service), demo.id).toEqual([]);
    }
  });

  test('the page of all demo services is a valid ORUK Page', () => {
    const page = toOrukServicePage(demoServices(), context);
    expect(page.total_items).toBeGreaterThan(5);
    expect(orukErrors.page(page)).toEqual([]);
  });

  test('the edge cases (closed, charged, no locations) are valid too', () => {
    const s = source();
    s.data.status = 'temporarily-closed';
    s.data.locations = [];
    delete s.data.hours;
    expect(orukErrors.service(toOrukService(s, context))).toEqual([]);
    expect(orukErrors.service(record())).toEqual([]);
  });

  test("uses the profile's field names, plus only the HSDS 3.0 fields it lacks and local extensions prefixed x_", () => {
    const known = profileFieldPaths();
    const hsdsExtras = new Set(['eligibility_description', 'application_process', 'phones', 'phones[].id', 'phones[].service_id', 'phones[].number', 'phones[].type', 'contacts[].email', 'contacts[].phones', 'contacts[].phones[].id', 'contacts[].phones[].contact_id', 'contacts[].phones[].number', 'contacts[].phones[].type']);
    const used = new Set<string>();
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) return value.forEach((item) => walk(item, `${path}[]`));
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          const childPath = path ? `${path}.${key}` : key;
          used.add(childPath);
          walk(child, childPath);
        }
      }
    };
    for (const demo of demoServices()) walk(toOrukService(demo, context), '');
    walk(record(), '');
    const extension = (path: string) => /(^|\.)x_[a-z_]+$/.test(path);
    expect([...used].filter((path) => !known.has(path) && !hsdsExtras.has(path) && !extension(path))).toEqual([]);
  });
});
