import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readOrukFeed } from '../../src/lib/import/oruk.ts';

const example = readFileSync(new URL('../fixtures/oruk-uk-profile/example-service_full.json', import.meta.url), 'utf8');

describe('reading an Open Referral UK feed', () => {
  const { candidates, fileProblems } = readOrukFeed(example, ['MyCity']);
  const [candidate] = candidates;

  test('reads one full service', () => {
    expect(fileProblems).toEqual([]);
    expect(candidates).toHaveLength(1);
  });

  test('maps name, organisation, ages, status, contacts and dates', () => {
    const s = candidate!.service as Record<string, any>;
    expect(s.name).toBe('Community Counselling');
    expect(s.summary).toBe('Counselling Services provided by trained professionals.');
    expect(candidate!.organisation.name).toBeTruthy();
    expect(s.ageRange).toEqual({ min: 12, max: 25 });
    expect(s.status).toBe('active');
    expect(s.contacts[0]).toEqual({ email: 'email@example.com', website: 'http://example.com/counselling' });
    expect(s.lastReviewed).toBe('2005-01-01');
  });

  test('turns schedules into opening hours', () => {
    expect((candidate!.service as any).hours).toEqual([{ days: ['thu', 'fri'], opens: '10:00', closes: '18:00' }]);
  });

  test('maps locations with address and postcode', () => {
    expect((candidate!.service as any).locations[0]).toMatchObject({ name: 'MyCity Civic Center', address: '1-30 Main Street, MyCity', postcode: 'ABC 1234' });
  });

  test('reports fields it could not map instead of dropping them silently', () => {
    expect(candidate!.unmapped).toEqual(expect.arrayContaining(['accreditations', 'alert', 'funding', 'languages']));
    expect(candidate!.unmapped.some((u) => u.startsWith('maximum_age 100'))).toBe(true);
  });

  test('refuses a file that is not a feed, saying what was expected', () => {
    expect(readOrukFeed('{"hello": 1}').fileProblems[0]).toContain('has no services');
    expect(readOrukFeed('not json').fileProblems[0]).toContain('is not valid JSON');
  });
});
