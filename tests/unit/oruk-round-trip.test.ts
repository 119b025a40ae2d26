import { describe, expect, test } from 'vitest';
import { toOrukServicePage } from '../../src/lib/oruk.ts';
import { readOrukFeed } from '../../src/lib/import/oruk.ts';
import { planImport } from '../../src/lib/import/plan.ts';
import { demoServices } from '../fixtures/demo-services.ts';

/** Our own Open Referral export, imported back, gives the same services. */
describe('the Open Referral UK import round-trips our own export', () => {
  const sources = demoServices();
  const page = toOrukServicePage(sources, { siteUrl: 'https://localoffer.kestrelvale.example', areaName: 'Kestrel Vale' });
  const { candidates, fileProblems } = readOrukFeed(JSON.stringify(page), ['Kestrelford', 'Brackenbridge', 'Saltmere', 'Hollowdene', 'Fernley Green', 'Eastwold']);
  const organisations = new Map(sources.map((s) => [s.organisation.id, s.organisation.data.name]));
  const plan = planImport(candidates, { services: new Map(), organisations, localities: ['Kestrelford', 'Brackenbridge', 'Saltmere', 'Hollowdene', 'Fernley Green', 'Eastwold'] }, { update: false });

  test('every service is read and none is rejected', () => {
    expect(fileProblems).toEqual([]);
    expect(plan.reject).toEqual([]);
    expect(plan.create.map((c) => c.id).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(plan.newOrganisations).toEqual([]);
  });

  for (const source of sources) {
    test(`${source.id} keeps its facts`, () => {
      const imported = plan.create.find((c) => c.id === source.id)!.data as any;
      const original = source.data;
      expect(imported.name).toBe(original.name);
      expect(imported.organisation).toBe(original.organisation.id);
      expect(imported.categories.sort()).toEqual([...original.categories].sort());
      expect(imported.needs.sort()).toEqual([...original.needs].sort());
      expect(imported.levels.sort()).toEqual([...original.levels].sort());
      expect(imported.ageRange).toEqual(original.ageRange);
      expect(imported.access.routes.sort()).toEqual([...original.access.routes].sort());
      expect(imported.cost.free).toBe(original.cost.free);
      expect(imported.status).toBe(original.status);
      expect(imported.lastReviewed).toBe(original.lastReviewed);
      expect(imported.locations.map((l: any) => l.postcode)).toEqual(original.locations.map((l) => l.postcode));
      expect(imported.hours ?? []).toEqual(original.hours ?? []);
      const phones = (list: any[]) => list.map((c) => c.phone).filter(Boolean).sort();
      const emails = (list: any[]) => list.map((c) => c.email).filter(Boolean).sort();
      expect(phones(imported.contacts)).toEqual(phones(original.contacts));
      expect(emails(imported.contacts)).toEqual(emails(original.contacts));
    });
  }
});
