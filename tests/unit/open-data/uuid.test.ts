import { describe, expect, test } from 'vitest';
import { isUuid, uuidV5 } from '../../../src/lib/open-data/uuid.ts';

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
});
