import { describe, expect, test } from 'vitest';
import { planImport, normaliseName, type Candidate, type Existing } from '../../../src/lib/editors/import/plan.ts';
import { readServicesCsv } from '../../../src/lib/editors/import/csv.ts';

const TODAY = '2026-06-01';

/** A record that can be published as it is. */
const candidate = (over: Partial<Candidate> & { service?: Record<string, unknown> } = {}): Candidate => ({
  ref: over.ref ?? 'service 1',
  problems: [],
  unmapped: [],
  organisation: { name: 'Kestrel Vale Council' },
  ...over,
  service: {
    name: 'Portage home visiting',
    summary: 'Home visits for young children.',
    description: 'A home teaching service.',
    categories: ['education'],
    levels: ['specialist'],
    access: { routes: ['professional-referral'], howTo: 'Ask your health visitor.' },
    contacts: [{ phone: '01632 960 140' }],
    lastReviewed: '2026-03-01',
    ...over.service,
  },
});

const existingPortage = () => ({
  name: 'Portage home visiting',
  organisation: 'kestrel-vale-council',
  summary: 'Home visits for young children.',
  description: 'A home teaching service.',
  categories: ['education'],
  needs: [],
  levels: ['specialist'],
  access: { routes: ['professional-referral'], howTo: 'Ask your health visitor.' },
  contacts: [
    { name: 'Portage team', phone: '01632 960 140' },
    { name: 'Out of hours', phone: '01632 960 141', email: 'portage@kestrelvale.example' },
  ],
  locations: [],
  areaServed: ['whole-area'],
  keywords: ['portage'],
  videos: ['portage-explained'],
  status: 'active',
  lastReviewed: '2025-01-01',
  source: { feed: 'council-directory', id: '42' },
});

const existing = (services: Record<string, Record<string, unknown>> = {}): Existing => ({
  services: new Map(Object.entries(services)),
  organisations: new Map([['kestrel-vale-council', 'Kestrel Vale Council'], ['saltmere-play-and-leisure', 'Saltmere Play and Leisure']]),
  localities: ['Kestrelford', 'Saltmere'],
});

describe('identity, not names', () => {
  test('two different services with the same name are both imported, with distinct ids', () => {
    const plan = planImport(
      [candidate({ ref: 'service 1', source: { feed: 'f', id: '1' } }), candidate({ ref: 'service 2', source: { feed: 'f', id: '2' }, service: { contacts: [{ phone: '01632 960 999' }] } })],
      existing(),
      { update: false, today: TODAY },
    );
    expect(plan.create.map((s) => s.id)).toEqual(['portage-home-visiting', 'portage-home-visiting-2']);
    expect(plan.create.map((s) => s.data.source)).toEqual([{ feed: 'f', id: '1' }, { feed: 'f', id: '2' }]);
  });

  test('a service is matched by its source id, even when renamed at the source', () => {
    const plan = planImport([candidate({ source: { feed: 'council-directory', id: '42' }, service: { name: 'Portage (home learning)' } })], existing({ 'portage-home-visiting': existingPortage() }), { update: false, today: TODAY });
    expect(plan.skip.map((s) => s.id)).toEqual(['portage-home-visiting']);
    expect(plan.create).toEqual([]);
  });

  test('an organisation named like an existing one with other capitals and punctuation is the same organisation', () => {
    expect(normaliseName('Saltmere Play & Leisure Ltd.')).toBe(normaliseName('saltmere play and leisure'));
    const plan = planImport([candidate({ organisation: { name: 'SALTMERE PLAY & LEISURE.' } })], existing(), { update: false, today: TODAY });
    expect(plan.newOrganisations).toEqual([]);
    expect(plan.create[0]!.data.organisation).toBe('saltmere-play-and-leisure');
  });

  test('an existing service file is never changed without --update', () => {
    const plan = planImport([candidate({ source: { feed: 'council-directory', id: '42' }, service: { summary: 'Changed.' } })], existing({ 'portage-home-visiting': existingPortage() }), { update: false, today: TODAY });
    expect(plan.skip).toHaveLength(1);
    expect([...plan.create, ...plan.update, ...plan.drafts]).toEqual([]);
  });

  test('--update changes only the fields the source holds, and keeps every extra contact', () => {
    const plan = planImport(
      [candidate({ source: { feed: 'council-directory', id: '42' }, service: { summary: 'A new summary.', contacts: [{ name: 'Portage team', phone: '01632 960 150' }] } })],
      existing({ 'portage-home-visiting': existingPortage() }),
      { update: true, today: TODAY },
    );
    const data = plan.update[0]!.data;
    expect(data.summary).toBe('A new summary.');
    expect(data.contacts).toEqual([
      { name: 'Portage team', phone: '01632 960 150' },
      { name: 'Out of hours', phone: '01632 960 141', email: 'portage@kestrelvale.example' },
    ]);
    expect(data.videos).toEqual(['portage-explained']);
    expect(data.keywords).toEqual(['portage']);
  });
});

describe("another directory's ids", () => {
  const handWritten = () => { const { source: _source, ...rest } = existingPortage(); return rest; };

  test("a feed's id that names a service of this site's own is not that service: --update gives the record an id of its own and says so", () => {
    const plan = planImport([candidate({ id: 'portage-home-visiting', source: { feed: 'neighbouring-council', id: 'h4' }, service: { name: 'Totally different name', description: 'Hijacked.' } })], existing({ 'portage-home-visiting': handWritten() }), { update: true, today: TODAY });
    expect(plan.update).toEqual([]);
    const written = [...plan.create, ...plan.drafts];
    expect(written.map((s) => s.id)).toEqual(['totally-different-name']);
    expect(written[0]!.problems.join()).toContain('id "portage-home-visiting" is already a service of this site that did not come from this feed');
  });

  test("a feed's id still names a service that came from the same feed", () => {
    const plan = planImport([candidate({ id: 'portage-home-visiting', source: { feed: 'council-directory', id: '99' }, service: { summary: 'A new summary.' } })], existing({ 'portage-home-visiting': existingPortage() }), { update: true, today: TODAY });
    expect(plan.update.map((s) => s.id)).toEqual(['portage-home-visiting']);
  });

  test("a spreadsheet without a feed (this site's own export) names this site's services by id, as before", () => {
    const plan = planImport([candidate({ id: 'portage-home-visiting', service: { summary: 'A new summary.' } })], existing({ 'portage-home-visiting': handWritten() }), { update: true, today: TODAY });
    expect(plan.update.map((s) => s.id)).toEqual(['portage-home-visiting']);
  });
});

describe('safe paths', () => {
  test('an id made from a very long name is cut at a word to 80 characters, so the file can be written', () => {
    const plan = planImport([candidate({ service: { name: `${'Speech and language therapy '.repeat(4000)}` } })], existing(), { update: false, today: TODAY });
    const [written] = [...plan.create, ...plan.drafts];
    expect(written!.id.length).toBeLessThanOrEqual(80);
    expect(written!.id).toMatch(/^speech-and-language-therapy-speech-and-language-therapy-[a-z-]*[a-z]$/);
  });

  test('an id asked for that is too long is not used, and an id is never a name Windows keeps for a device', () => {
    const long = planImport([candidate({ id: 'a'.repeat(300), service: { name: 'Portage' } })], existing(), { update: false, today: TODAY });
    expect([...long.create, ...long.drafts].map((s) => s.id)).toEqual(['portage']);
    const con = planImport([candidate({ service: { name: 'Con' } }), candidate({ ref: 'service 2', id: 'nul', service: { name: 'Nul points' } })], existing(), { update: false, today: TODAY });
    expect([...con.create, ...con.drafts].map((s) => s.id)).toEqual(['con-2', 'nul-2']);
  });

  test('an id of ../../package is never used as a file name: the id is made from the name instead', () => {
    const { candidates } = readServicesCsv('id,name,organisation\n../../package,Evil service,Kestrel Vale Council\n');
    const plan = planImport(candidates, existing(), { update: false, today: TODAY });
    const written = [...plan.create, ...plan.drafts];
    expect(written.map((s) => s.id)).toEqual(['evil-service']);
    expect(written[0]!.problems.join()).toContain('id "../../package" is not a valid id');
  });
});

describe('nothing refused that a council would keep', () => {
  test('a record without category, level, route or contact is written as a draft that says what it needs', () => {
    const plan = planImport([candidate({ service: { categories: [], levels: [], access: { routes: [], howTo: 'Call.' }, contacts: [] } })], existing(), { update: false, today: TODAY });
    expect(plan.drafts).toHaveLength(1);
    expect(plan.drafts[0]!.data.draft).toEqual([
      'categories — needs at least one category',
      'levels — needs at least one level',
      'access.routes — needs at least one access route',
      'contacts — needs at least one contact with a phone, email or website',
    ]);
  });

  test('a value that does not fit is left out and named in what the draft needs, and the rest is kept', () => {
    const plan = planImport([candidate({ service: { contacts: [{ email: 'not-an-email', phone: '01632 960 140' }], locations: [{ name: 'Hall', address: '1 Road' }] } })], existing(), { update: false, today: TODAY });
    const draft = plan.drafts[0]!;
    expect(draft.data.contacts).toEqual([{ phone: '01632 960 140' }]);
    expect(draft.data.locations).toEqual([]);
    expect(draft.draft!.join('\n')).toMatch(/contacts\[0\]\.email — found "not-an-email"/);
    expect(draft.draft!.join('\n')).toMatch(/locations\[0\]\.postcode — this required field is missing, so locations\[0\] was left out: \{"name":"Hall","address":"1 Road"\}/);
  });

  test('a record with no organisation is a draft under "Organisation not stated"; only a record with no name is rejected', () => {
    const plan = planImport([candidate({ organisation: { name: '' } }), candidate({ ref: 'service 2', service: { name: '' } })], existing(), { update: false, today: TODAY });
    expect(plan.drafts[0]!.data.organisation).toBe('organisation-not-stated');
    expect(plan.newOrganisations.map((o) => o.id)).toEqual(['organisation-not-stated']);
    expect(plan.reject).toEqual([{ ref: 'service 2', id: undefined, reasons: ['it has no name: give the service its name in the source, then import it again'] }]);
  });

  test('a record with no review date is a draft with the import date, saying so', () => {
    const plan = planImport([candidate({ service: { lastReviewed: undefined } })], existing(), { update: false, today: TODAY });
    expect(plan.drafts[0]!.data.lastReviewed).toBe(TODAY);
    expect(plan.drafts[0]!.draft![0]).toMatch(/^lastReviewed — the source gives no date/);
  });
});

test('--update of a draft keeps what it still needs, so an update never publishes it behind an editor\'s back', () => {
  const draft = { ...existingPortage(), locations: [], draft: ['locations[0].postcode — found "ABC 1234" — use a UK postcode (the imported value was left out)'] };
  const plan = planImport(
    [candidate({ source: { feed: 'council-directory', id: '42' }, service: { locations: [{ name: 'Hall', address: '1 Road', postcode: 'ABC 1234' }] } })],
    existing({ 'portage-home-visiting': draft }),
    { update: true, today: TODAY },
  );
  expect(plan.update).toEqual([]);
  expect(plan.drafts[0]!.draft).toContain(draft.draft[0]);
});

describe('importing the same feed again changes nothing', () => {
  /** What the files would be after --write: the plan applied to what was there. */
  const written = (plan: ReturnType<typeof planImport>, before: Existing): Existing => {
    const services = new Map(before.services);
    for (const s of [...plan.create, ...plan.update, ...plan.drafts]) services.set(s.id, s.data);
    const organisations = new Map(before.organisations);
    for (const o of [...plan.newOrganisations, ...plan.updatedOrganisations]) organisations.set(o.id, { name: String(o.data.name), source: o.data.source as never, data: o.data });
    return { ...before, services, organisations };
  };
  const changes = (plan: ReturnType<typeof planImport>) => [...plan.create, ...plan.update, ...plan.drafts].map((s) => s.id);

  test('a feed that gives one id to two services: each keeps its own file, a second run changes nothing, and the dry run says so', () => {
    const records = () => [
      candidate({ ref: 'service 374', source: { feed: 'f', id: 'same' }, service: { name: 'Fishponds yoga', description: 'Yoga in Fishponds.' } }),
      candidate({ ref: 'service 811', source: { feed: 'f', id: 'same' }, service: { name: 'Yoga for relaxation', description: 'Relaxing yoga.' } }),
    ];
    const first = planImport(records(), existing(), { update: false, today: TODAY });
    expect(first.create.map((s) => s.id)).toEqual(['fishponds-yoga', 'yoga-for-relaxation']);
    expect(first.create[0]!.problems.join()).toContain('the feed gives its id "same" to 2 records (also service 811), so they are told apart by their names');
    const after = written(first, existing());
    const second = planImport(records(), after, { update: true, today: TODAY });
    expect(second.update.map((s) => [s.id, s.data.name])).toEqual([['fishponds-yoga', 'Fishponds yoga'], ['yoga-for-relaxation', 'Yoga for relaxation']]);
    expect(second.update.map((s) => s.data)).toEqual(first.create.map((s) => s.data));
    expect(second.create).toEqual([]);
  });

  test('a feed that holds one organisation twice (two ids, one name): the first is created, and a second run does not move it to the other', () => {
    const records = () => [
      candidate({ ref: 'service 1', source: { feed: 'f', id: '1' }, organisation: { name: 'National Autism Charity', sourceId: 'org-a', website: 'https://www.autism.example' } }),
      candidate({ ref: 'service 2', source: { feed: 'f', id: '2' }, organisation: { name: 'National Autism Charity', sourceId: 'org-b', website: 'https://www.autism.example/', description: 'Another copy' }, service: { name: 'Parent workshops' } }),
    ];
    const first = planImport(records(), existing(), { update: false, today: TODAY });
    expect(first.newOrganisations.map((o) => [o.id, o.data.source])).toEqual([['national-autism-charity', { feed: 'f', id: 'org-a' }]]);
    const after = written(first, existing());
    for (let run = 0; run < 2; run++) {
      const again = planImport(records(), after, { update: true, today: TODAY });
      expect(again.updatedOrganisations).toEqual([]);
      expect(again.newOrganisations).toEqual([]);
    }
  });

  test('an organisation of the site without a source takes the first record of that name, not the last', () => {
    const records = [
      candidate({ ref: 'service 1', source: { feed: 'f', id: '1' }, organisation: { name: 'Kestrel Vale Council', sourceId: 'a', website: 'https://first.example' } }),
      candidate({ ref: 'service 2', source: { feed: 'f', id: '2' }, organisation: { name: 'Kestrel Vale Council', sourceId: 'b', website: 'https://second.example' }, service: { name: 'Another service' } }),
    ];
    const before = existing();
    before.organisations.set('kestrel-vale-council', { name: 'Kestrel Vale Council', data: { name: 'Kestrel Vale Council' } });
    const plan = planImport(records, before, { update: true, today: TODAY });
    expect(plan.updatedOrganisations.map((o) => [o.id, o.data.website, o.data.source])).toEqual([['kestrel-vale-council', 'https://first.example', { feed: 'f', id: 'a' }]]);
  });

  test('--update keeps the locations of a service when the source says nothing about places', () => {
    const withPlace = { ...existingPortage(), locations: [{ name: 'Patchway office', address: '1 High Street, Patchway', postcode: 'BS34 5LP' }] };
    const plan = planImport([candidate({ source: { feed: 'council-directory', id: '42' }, service: { locations: [] }, filled: ['locations'] })], existing({ 'portage-home-visiting': withPlace }), { update: true, today: TODAY });
    expect(plan.update[0]!.data.locations).toEqual(withPlace.locations);
  });

  test('--update never takes a review date back: a later date of the service is kept, and said', () => {
    const checked = { ...existingPortage(), lastReviewed: '2026-05-01' };
    const plan = planImport([candidate({ source: { feed: 'council-directory', id: '42' }, service: { lastReviewed: '2025-09-02' } })], existing({ 'portage-home-visiting': checked }), { update: true, today: TODAY });
    expect(plan.update[0]!.data.lastReviewed).toBe('2026-05-01');
    expect(plan.update[0]!.problems.join()).toContain("the service's own date 2026-05-01 is later than the source's 2025-09-02, so it was kept");
    const newer = planImport([candidate({ source: { feed: 'council-directory', id: '42' }, service: { lastReviewed: '2026-05-20' } })], existing({ 'portage-home-visiting': checked }), { update: true, today: TODAY });
    expect(newer.update[0]!.data.lastReviewed).toBe('2026-05-20');
  });

  test('nothing changes on a second run of the same records', () => {
    const records = () => [candidate({ source: { feed: 'f', id: '1' } }), candidate({ ref: 'service 2', source: { feed: 'f', id: '2' }, service: { name: 'Stay and play' } })];
    const first = planImport(records(), existing(), { update: false, today: TODAY });
    const second = planImport(records(), written(first, existing()), { update: true, today: TODAY });
    expect(second.update.map((s) => s.data)).toEqual(first.create.map((s) => s.data));
    expect(changes(second)).toEqual(changes(first));
  });
});
