import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { areaOfSite, syntheticServices } from '../../../scripts/lib/synthetic-services.ts';
import { makeFixture } from '../fixture-content.ts';

const otter = {
  localities: [
    { name: 'Otterbridge', lat: 51.2, lng: -2.1 },
    { name: 'Reedham Cross', lat: 51.3, lng: -2.2 },
  ],
  contact: { email: 'send@otterdale.example', address: 'Town Hall, Otterbridge OD4 2XY' },
};

describe('the benchmark\'s synthetic services', () => {
  test('are set in the council\'s own area, from its site.json', () => {
    const services = syntheticServices(200, ['org'], areaOfSite(otter));
    const text = JSON.stringify(services);
    expect(text).not.toMatch(/kestrel|\bKV\d/i);
    for (const { data } of services) {
      expect(data.name).toMatch(/ (Otterbridge|Reedham Cross) \d+$/);
      expect(data.contacts[0].email).toMatch(/@otterdale\.example$/);
      for (const location of data.locations) {
        expect(location.postcode).toMatch(/^OD\d \dAB$/);
        const place = otter.localities.find((l) => location.address.endsWith(l.name))!;
        expect(Math.abs(location.lat - place.lat)).toBeLessThan(0.05);
        expect(Math.abs(location.lng - place.lng)).toBeLessThan(0.05);
      }
      for (const served of data.areaServed) expect(['whole-area', 'Otterbridge', 'Reedham Cross']).toContain(served);
    }
  });

  test('fall back to a generic postcode area when the council\'s address has no postcode', () => {
    const area = areaOfSite({ localities: otter.localities, contact: { email: 'a@b.example', address: 'Civic Centre' } });
    expect(area).toMatchObject({ emailDomain: 'b.example', postcodeArea: 'ZZ', localities: otter.localities });
  });

  describe('pass the content check in the demo content', () => {
    const fixture = makeFixture();
    afterAll(() => fixture.remove());
    test('no problems and no warnings', () => {
      const content = join(fixture.root, 'content');
      const organisations = readdirSync(join(content, 'organisations')).map((f) => f.replace(/\.json$/, ''));
      const site = JSON.parse(readFileSync(join(content, 'site.json'), 'utf8'));
      for (const s of syntheticServices(50, organisations, areaOfSite(site))) writeFileSync(join(content, 'services', `${s.id}.json`), JSON.stringify(s.data));
      expect(fixture.check()).toEqual([]);
      expect(fixture.warnings()).toEqual([]);
    });
  });
});
