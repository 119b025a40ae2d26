import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { toOrukServicePage } from '../../../src/lib/open-data/oruk.ts';
import { readFeed } from '../../../src/lib/editors/import/feed.ts';
import { readContext } from '../../../src/lib/editors/import/context.ts';
import { planImport } from '../../../src/lib/editors/import/plan.ts';
import { idRef, organisationSchema, serviceSchema } from '../../../src/contract/index.ts';
import { demoServices } from '../../fixtures/demo-services.ts';
import { orukErrors } from '../../fixtures/oruk-validator.ts';

const site = JSON.parse(readFileSync('content/site.json', 'utf8'));
const localities: string[] = site.localities.map((l: { name: string }) => l.name);

/** Our own Open Referral export, imported into an empty content folder, gives back the same services, field by field. */
describe('importing our own Open Referral UK export gives back the same services', () => {
  const sources = demoServices();
  const page = toOrukServicePage(sources, { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' });
  const feed = readFeed(JSON.stringify(page), readContext({ feed: 'kestrel-vale', localities, areaName: 'Kestrel Vale', today: '2026-12-31' }));
  const plan = planImport(feed.candidates, { services: new Map(), organisations: new Map(), localities }, { update: false, today: '2026-12-31' });
  const schema = serviceSchema({ ref: idRef });
  /** What the site reads from a service file, without the fields the export does not carry (videos and related services point at other content). */
  const comparable = (data: Record<string, unknown>) => {
    const { videos: _v, relatedServices: _r, source: _s, draft: _d, organisation, ...rest } = schema.parse(data) as Record<string, any>;
    return { ...rest, organisation: organisation.id };
  };

  test('the export is valid against the UK profile', () => {
    expect(orukErrors.page(page)).toEqual([]);
  });

  test('every service comes back published, under its own id, none a draft or rejected', () => {
    expect(feed.fileProblems).toEqual([]);
    expect(plan.reject).toEqual([]);
    expect(plan.drafts.map((d) => `${d.id}: ${d.draft?.join('; ')}`)).toEqual([]);
    expect(plan.create.map((c) => c.id).sort()).toEqual(sources.map((s) => s.id).sort());
  });

  test('every organisation comes back with its contact details', () => {
    const originals = new Map(sources.map((s) => [s.organisation.id, organisationSchema().parse(JSON.parse(readFileSync(`content/organisations/${s.organisation.id}.json`, 'utf8')))]));
    const imported = new Map(plan.newOrganisations.map((o) => [o.id, (({ source: _s, ...rest }) => rest)(o.data as Record<string, unknown>)]));
    expect(Object.fromEntries(imported)).toEqual(Object.fromEntries(originals));
  });

  for (const source of sources) {
    test(`${source.id} keeps every field`, () => {
      const original = comparable(JSON.parse(readFileSync(`content/services/${source.id}.json`, 'utf8')));
      const imported = comparable(plan.create.find((c) => c.id === source.id)!.data);
      expect(imported).toEqual(original);
    });
  }
});
