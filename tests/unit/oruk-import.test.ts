import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readOrukFeed } from '../../src/lib/import/oruk.ts';
import { planImport } from '../../src/lib/import/plan.ts';

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

  test('reports contacts, phone numbers, schedule details and cost dates it does not import', () => {
    const feed = JSON.parse(example);
    feed.contacts = [
      { name: 'Ann Persona', title: 'Reception Manager' },
      { name: 'Bo Helper', email: 'bo@example.com', phones: [{ number: '01632 960001' }, { number: '01632 960002' }] },
    ];
    feed.phones = [{ number: '01632 960100' }, { number: '01632 960101' }];
    feed.schedules = [{ byday: 'MO', opens_at: '09:00', closes_at: '17:00', notes: 'not available on public holidays', valid_to: '2030-01-01' }, { description: 'Second Tuesday of the month' }];
    feed.cost_options = [{ option: 'Session', amount: 35, valid_to: '2022-12-31' }];
    const [service] = readOrukFeed(JSON.stringify(feed)).candidates;
    const unmapped = service!.unmapped.join('\n');
    expect(unmapped).toContain('contact "Ann Persona, Reception Manager" has no phone number or email address, so it is not listed');
    expect(unmapped).toContain('contact "Bo Helper": only the first phone number is used; not imported: 01632 960002');
    expect(unmapped).toContain('phones: only the first is used; not imported: 01632 960101');
    expect(unmapped).toContain('schedules[0]: not imported: notes "not available on public holidays", valid_to "2030-01-01"');
    expect(unmapped).toContain('schedules[1]: only weekly opening hours (byday, opens_at and closes_at) are imported; this one is not');
    expect(unmapped).toContain('cost_options[0]: valid_to 2022-12-31 not imported: check the charge is still current');
  });

  test('an entry that is not a service record is reported, not a crash', () => {
    const feed = { contents: [JSON.parse(example), null, 'Community Counselling'] };
    const { candidates } = readOrukFeed(JSON.stringify(feed));
    expect(candidates).toHaveLength(3);
    expect(candidates[0]!.problems).toEqual([]);
    expect(candidates[1]!.problems).toEqual(['(entry) — found null, not a service record — remove it from the feed, or replace it with the service\'s full record']);
    expect(candidates[2]!.problems[0]).toMatch(/^\(entry\) — found string "Community Counselling", not a service record/);
    // Rejected with that reason alone, not also every field a service needs.
    const plan = planImport(candidates, { services: new Map(), organisations: new Map(), localities: [] }, { update: false });
    expect(plan.reject.find((r) => r.ref === 'service 2')?.reasons).toEqual([candidates[1]!.problems[0]]);
  });

  test('refuses a file that is not a feed, saying what was expected', () => {
    expect(readOrukFeed('{"hello": 1}').fileProblems[0]).toContain('has no services');
    expect(readOrukFeed('not json').fileProblems[0]).toContain('is not valid JSON');
  });
});
