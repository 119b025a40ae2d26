import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NONE_OF_THESE, readFeed } from '../../../src/lib/editors/import/feed.ts';
import { readContext } from '../../../src/lib/editors/import/context.ts';
import { parseMapping } from '../../../src/lib/editors/import/mapping.ts';
import { planImport } from '../../../src/lib/editors/import/plan.ts';

const REAL_FEEDS = resolve('../shared/real-feeds');
const real = (file: string) => readFileSync(resolve(REAL_FEEDS, file), 'utf8');
const example = readFileSync(new URL('../../fixtures/oruk-uk-profile/example-service_full.json', import.meta.url), 'utf8');
const context = readContext({ feed: 'test-feed', localities: ['MyCity'], today: '2026-06-01' });
const read = (json: unknown) => readFeed(typeof json === 'string' ? json : JSON.stringify(json), context);
const service = (json: unknown, index = 0) => read(json).candidates[index]!.service as Record<string, any>;

describe('every real feed shape is read', () => {
  test('an Open Referral UK v3 page, with a note that there are more pages', () => {
    const feed = read(real('bristol-v3-services-page1.json'));
    expect(feed.kind).toBe('Open Referral UK v3 page');
    expect(feed.candidates).toHaveLength(3);
    expect(feed.notes.join()).toContain('page 1 of 292');
  });

  test('one Open Referral UK v3 service', () => {
    const feed = read(real('bristol-v3-service.json'));
    expect(feed.kind).toBe('Open Referral UK v3 service');
    expect(feed.candidates[0]!.service.name).toBe('1625 Independent People');
    expect(feed.candidates[0]!.source).toEqual({ feed: 'test-feed', id: '2a3483ea-8966-4f50-9dc3-7bafa1e5c623' });
  });

  test('an Open Referral UK v1 list, bare or in content envelopes', () => {
    const bare = read(real('bristol-v1-services.json'));
    expect(bare.kind).toBe('Open Referral UK v1 list');
    expect(bare.candidates).toHaveLength(819);
    const enveloped = read(JSON.parse(real('bristol-v1-services.json')).slice(0, 3).map((content: unknown) => ({ content })));
    expect(enveloped.candidates.map((c) => c.service.name)).toEqual(bare.candidates.slice(0, 3).map((c) => c.service.name));
  });

  test('an Outpost page, with organisation, send_needs and min_age/max_age', () => {
    const feed = read(real('buckinghamshire-outpost-services.json'));
    expect(feed.kind).toBe('Outpost page');
    expect(feed.candidates).toHaveLength(20);
    const brownies = feed.candidates[0]!;
    expect(brownies.service).toMatchObject({ name: '12th Aylesbury Brownies', ageRange: { min: 5, max: 11 }, hours: [{ days: ['mon'], opens: '10:00', closes: '17:00' }] });
    expect((brownies.service.locations as any[])[0]).toEqual({ name: "St Joseph's Catholic Infant School", address: 'Hazell Avenue, Aylesbury', postcode: 'HP21 7JF', lat: 51.811001, lng: -0.790659 });
    expect(brownies.unknownTerms).toEqual(expect.arrayContaining(['Things to do', 'Autism', 'Hearing']));
  });

  test('a file that is none of these gets one sentence saying what was expected', () => {
    expect(read({ hello: 1 }).fileProblems).toEqual([NONE_OF_THESE]);
    expect(read('not json').fileProblems[0]).toMatch(/^is not valid JSON \(.*\), so it is none of the feeds the importer reads/);
  });

  test('a feed nested deeper than any directory goes gets one sentence, not a stack overflow', () => {
    const deep = `{"contents":[{"id":"1","name":"Deep","x_deep":${'['.repeat(5000)}${']'.repeat(5000)}}]}`;
    expect(read(deep).fileProblems).toEqual([`has lists or objects inside each other more than 64 deep (from line 1), which no directory's feed does, so it ${NONE_OF_THESE}`]);
  });
});

describe('values are read the way a council would keep them', () => {
  const base = JSON.parse(example);
  test('a website without a scheme gets https://', () => {
    expect(service({ ...base, url: 'www.example.org/counselling' }).contacts).toContainEqual(expect.objectContaining({ website: 'https://www.example.org/counselling' }));
  });

  test('-1 or absent ages mean not stated, not 0 to 25', () => {
    expect(service({ ...base, minimum_age: -1, maximum_age: -1 }).ageRange).toBeUndefined();
    expect(service({ ...base, minimum_age: undefined, maximum_age: undefined }).ageRange).toBeUndefined();
    expect(service({ ...base, minimum_age: 5, maximum_age: -1 }).ageRange).toEqual({ min: 5, max: 25 });
  });

  test('absent cost means not stated, never "There is a charge"', () => {
    expect(service({ ...base, fees: undefined, fees_description: undefined, cost_options: [] }).cost).toBeUndefined();
  });

  test('the cost details of a free service are kept', () => {
    expect(service({ ...base, fees: undefined, fees_description: undefined, cost_options: [{ option: 'Free', amount: 0, amount_description: 'Free for families in the area' }] }).cost).toEqual({ free: true, details: 'Free for families in the area' });
  });

  test('last_modified without a time zone is UK time; with a zone it is turned into the UK date', () => {
    const { assured_date: _, ...noAssured } = base;
    expect(service({ ...noAssured, last_modified: '2025-09-02T23:30:00' }).lastReviewed).toBe('2025-09-02');
    expect(service({ ...noAssured, last_modified: '2025-09-02T23:30:00Z' }).lastReviewed).toBe('2025-09-03');
  });

  test('a phone written with a label keeps the label as its contact\'s name (the real Bristol record)', () => {
    expect(service(real('bristol-v3-service.json')).contacts).toContainEqual({ name: 'Bristol Youth MAPS', phone: '0117 332 7111' });
  });

  test('a summary is the first sentence of the first paragraph, not a heading glued to it (the real Bristol record)', () => {
    const s = service(real('bristol-v3-service.json'));
    expect(s.summary).toMatch(/^1625 Independent People /);
    expect(s.summary).not.toMatch(/\\|About Us/);
  });

  test('tags in a contact\'s name, an address line or accessibility are taken out, as in every plain field', () => {
    const s = service({
      ...base,
      contacts: [{ name: 'Desk <script>alert(1)</script>', phones: [{ number: '01632 960 100' }] }],
      service_at_locations: [{ location: { name: 'Hall', addresses: [{ address_1: '1 High St <img src=x onerror=alert(18)>', city: 'MyCity', postal_code: 'KV1 1AA' }], accessibility: [{ description: '<b>Ramp</b><script>alert(19)</script>' }] } }],
    });
    expect(s.contacts).toContainEqual(expect.objectContaining({ name: 'Desk', phone: '01632 960 100' }));
    expect(s.locations).toEqual([expect.objectContaining({ address: '1 High St, MyCity', accessibility: 'Ramp' })]);
  });

  test('an email address at .invalid is a placeholder: left out, and said', () => {
    const [candidate] = read({ ...base, email: 'Unknown-1777@noemail.invalid', contacts: [] }).candidates;
    expect(JSON.stringify(candidate!.service.contacts)).not.toContain('noemail.invalid');
    expect(candidate!.problems.join()).toContain('"Unknown-1777@noemail.invalid" is a placeholder');
  });

  test('a record without service_at_locations says nothing of places, so an --update keeps the service\'s own; an empty list says there are none', () => {
    const { service_at_locations: _, ...placeless } = base;
    expect(read(placeless).candidates[0]!.filled).toContain('locations');
    expect(read({ ...base, service_at_locations: [] }).candidates[0]!.filled).not.toContain('locations');
  });

  test('an extension after an Outpost phone number is said, not dropped (the real Buckinghamshire record)', () => {
    const feed = read(real('buckinghamshire-outpost-services.json'));
    const aba = feed.candidates.find((c) => /ABA Horizons/.test(String(c.service.name)))!;
    expect(aba.service.contacts).toContainEqual(expect.objectContaining({ phone: '0203 289 6420' }));
    expect(aba.unmapped.join('\n')).toMatch(/"Ext 303" after the number 0203 289 6420 was not imported/);
  });

  test('HTML in names, descriptions and fees never reaches our fields as tags or entities', () => {
    const s = service(real('dfe-test-service-with-html-and-javascript.json'));
    for (const text of [s.name, s.summary, s.description, s.cost?.details].filter(Boolean)) expect(text).not.toMatch(/<[a-z/]|&[a-z#0-9]+;|javascript:/i);
  });
});

describe('nothing is lost silently', () => {
  test('every source field at every depth is either mapped or listed as not imported', () => {
    const [candidate] = read(example).candidates;
    const unmapped = candidate!.unmapped.join('\n');
    for (const field of ['accreditations', 'alert', 'assurer_email', 'funding[0].source', 'languages[0].id', 'contacts[0].name', 'contacts[0].title', 'schedules[0].notes', 'schedules[0].valid_to', 'service_areas[0].extent']) {
      expect(unmapped, field).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')} `, 'm'));
    }
  });

  test('unknown taxonomy terms are listed, and a mapping in content/ fills our codes from the feed\'s own terms and words', () => {
    const outpost = real('buckinghamshire-outpost-services.json');
    const { mapping } = parseMapping(JSON.stringify({ categories: { 'short-breaks-and-activities': { terms: ['Things to do'] } }, needs: { 'sensory-and-physical': { words: ['hearing'] } }, whenNothingMatches: { levels: ['universal'] } }));
    const [brownies] = readFeed(outpost, { ...context, mapping }).candidates;
    expect(brownies!.service).toMatchObject({ categories: ['short-breaks-and-activities'], levels: ['universal'] });
    expect(brownies!.mappingUsed).toContain('categories "short-breaks-and-activities" from term "Things to do"');
    expect(brownies!.unknownTerms).not.toContain('Things to do');
  });

  test('a record with wrong types is reported for that record, never a stack trace', () => {
    const feed = read({ contents: [{ ...JSON.parse(example), contacts: { name: 'not a list' }, service_at_locations: 'nowhere', minimum_age: 'five', organization: ['wrong'] }, null, 'Community Counselling'] });
    expect(feed.candidates).toHaveLength(3);
    expect(feed.candidates[0]!.problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^contacts: expected a list, found an object/), expect.stringMatching(/^service_at_locations: expected a list, found text/), expect.stringMatching(/^minimum_age: expected a number/), expect.stringMatching(/^organization: expected an object, found a list/)]),
    );
    expect(feed.candidates[1]!.problems).toEqual(['found null, not a service record']);
    const plan = planImport(feed.candidates, { services: new Map(), organisations: new Map(), localities: [] }, { update: false, today: '2026-06-01' });
    expect(plan.drafts.map((d) => d.ref)).toEqual(['service 1 (Community Counselling)']);
    expect(plan.reject.map((r) => r.ref)).toEqual(['service 2', 'service 3']);
  });
});
