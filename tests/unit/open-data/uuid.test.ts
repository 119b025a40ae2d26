import { describe, expect, test } from 'vitest';
import { orukIds } from '../../../src/lib/open-data/oruk.ts';
import { isUuid, URL_NAMESPACE, uuidV5 } from '../../../src/lib/open-data/uuid.ts';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidV5', () => {
  test('matches the published value for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  test('gives the same UUID for the same name every time, and a different one for another name', () => {
    expect(uuidV5('service:portage', DNS_NAMESPACE)).toBe(uuidV5('service:portage', DNS_NAMESPACE));
    expect(uuidV5('service:portage', DNS_NAMESPACE)).not.toBe(uuidV5('service:portage-2', DNS_NAMESPACE));
  });

  test('marks the result as version 5, RFC variant', () => {
    const id = uuidV5('anything', DNS_NAMESPACE);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect('89ab').toContain(id[19]);
  });

  test('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(/not a UUID/);
  });

  test('gives a name with a lone surrogate (possible in hand-edited JSON) an id instead of failing', () => {
    expect(uuidV5('lone\uD800surrogate', DNS_NAMESPACE)).toBe(uuidV5('lone\uFFFDsurrogate', DNS_NAMESPACE));
  });
});

describe('Open Referral ids published before', () => {
  // Worked out by the hand-written SHA-1 code these ids were first published with. Feeds that
  // took in a record keep it by its id: any change here gives every record a new one.
  const id = orukIds('https://localoffer.kestrelvale.example');
  test("stay the same for the site's namespace, a service, an organisation and a taxonomy term", () => {
    expect(uuidV5('https://localoffer.kestrelvale.example/openreferral/', URL_NAMESPACE)).toBe('fc489a4b-fe7c-5168-a3c7-23d55cf93ef3');
    expect(id('service', 'blue-badge')).toBe('d2b5a3ed-1153-56a5-b42e-4e706c70b109');
    expect(id('organization', 'kestrel-vale-council')).toBe('3153e3ff-3592-510a-8a78-d0778adc9315');
    expect(id('taxonomy-term', 'needs/autism')).toBe('5bec1ef4-fa16-589f-b4d5-7eced1068b66');
  });
  test('stay the same for names with spaces, commas and letters outside ASCII', () => {
    expect(id('service-phone', 'blue-badge/01632 960 123')).toBe('c6e5401f-677c-5236-aca8-bd1f459b7e69');
    expect(id('location', 'Saltmere Library, 4 Quay Road, Saltmere')).toBe('f3711929-5b1d-561e-acef-87253fbdc84e');
    expect(id('service', 'café-ünïcode')).toBe('ccbe741b-3c50-53ad-9ca2-05cae0ceb61e');
    expect(id('service', 'lone\uD800surrogate')).toBe('18ca9c14-b094-5cdf-ad81-7d689e0c114c');
  });
});
