import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../unit/fixture-content.ts';

const MIXED = resolve('tests/fixtures/import/mixed.csv');

function runImport(fixture: Fixture, ...args: string[]) {
  const result = spawnSync(resolve('node_modules/.bin/node'), ['scripts/import.ts', ...args, '--content', join(fixture.root, 'content')], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('importing services from a spreadsheet', () => {
  let fixture: Fixture;
  let before: string[];
  beforeEach(() => {
    fixture = makeFixture();
    before = readdirSync(join(fixture.root, 'content/services')).sort();
  });
  afterEach(() => fixture.remove());

  test('a dry run reports every row and writes nothing', () => {
    const { output } = runImport(fixture, MIXED);
    expect(output).toContain('+ row 2: zoes-sensory-garden would be created');
    expect(output).toContain('+ row 5: cafe-club-brackenbridge would be created');
    // Nothing a council would keep is refused: a row with a value that does not fit is a draft that says what it needs.
    expect(output).toMatch(/◐ row 4: bad-email-service would be written as a draft \(not published\); it needs:\n\s+- contacts\[0\]\.email — found "not-an-email"/);
    expect(output).toMatch(/◐ row 6: wrong-ages would be written as a draft \(not published\); it needs:\n\s+- ageRange\.min — found 12/);
    expect(output).toMatch(/◐ row 7: unknown-category would be written as a draft \(not published\); it needs:\n\s+- categories\[0\] — found "Gardening" — use one of these categories/);
    expect(output).toContain('= row 8: portage-home-visiting already exists and was left alone (add --update to change it)');
    expect(output).toContain('6 records: 2 would be created, 0 would be updated, 1 skipped (already exist), 3 drafts, 0 rejected; 0 new organisations.');
    expect(output).toContain('Nothing was written');
    expect(readdirSync(join(fixture.root, 'content/services')).sort()).toEqual(before);
  });

  test('--write writes the good rows and the drafts, keeps quoted commas and non-ASCII names, and the result passes the checks', () => {
    const { status } = runImport(fixture, MIXED, '--write');
    expect(status).toBe(0);
    const after = readdirSync(join(fixture.root, 'content/services')).sort();
    expect(after.filter((f) => !before.includes(f))).toEqual(['bad-email-service.json', 'cafe-club-brackenbridge.json', 'unknown-category.json', 'wrong-ages.json', 'zoes-sensory-garden.json']);
    const wrongAges = JSON.parse(fixture.read('content/services/wrong-ages.json'));
    expect(wrongAges.ageRange).toBeUndefined();
    expect(wrongAges.draft[0]).toMatch(/^ageRange\.min — found 12/);
    const garden = JSON.parse(fixture.read('content/services/zoes-sensory-garden.json'));
    expect(garden.name).toBe("Zoë's Sensory Garden");
    expect(garden.summary).toBe('A quiet, accessible garden for families, with raised beds, a sensory trail, and shade.');
    expect(garden.organisation).toBe('kestrel-vale-council');
    const cafe = JSON.parse(fixture.read('content/services/cafe-club-brackenbridge.json'));
    expect(cafe.name).toBe('Café club, Brackenbridge');
    expect(cafe.categories).toEqual(['preparing-for-adulthood', 'short-breaks-and-activities']);
    expect(cafe.cost).toEqual({ free: false, details: '£2 for a drink and a snack' });
    expect(JSON.parse(fixture.read('content/services/portage-home-visiting.json')).summary).not.toBe('A new summary.');
    expect(fixture.check()).toEqual([]);
  });

  test('rows with text the content check would refuse are written so the check still passes: cut, cleaned or dated today, and the draft keeps what was cut', () => {
    const csv = join(fixture.root, 'hard.csv');
    const long = (words: number) => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');
    const rows = [
      ['name', 'organisation', 'summary', 'description', 'location_name', 'address', 'postcode', 'last_reviewed'],
      [`Long name ${long(40)}`, 'Kestrel Vale Council', 'One.', 'Desc.', '', '', '', '2026-01-01'],
      ['Long place', 'Kestrel Vale Council', 'One.', 'Desc.', `Hall ${long(45)}`, '1 High Street', 'KV1 1AA', '2026-01-01'],
      ['Future date', 'Kestrel Vale Council', 'One.', 'Desc.', '', '', '', '2099-01-01'],
      ['Reversed \u202etxt.exe', 'Kestrel Vale Council', 'One.', 'Desc.', '', '', '', '2026-01-01'],
      ['Huge description', 'Kestrel Vale Council', 'One.', `Text. ${'x'.repeat(125_000)}`, '', '', '', '2026-01-01'],
      ['Long summary', 'Kestrel Vale Council', `${long(60)}.`, 'Desc.', '', '', '', '2026-01-01'],
    ];
    writeFileSync(csv, rows.map((row) => row.map((cell) => `"${cell}"`).join(',')).join('\n'));
    const { status, output } = runImport(fixture, csv, '--write');
    expect(output).not.toContain('After the import, npm run check finds');
    expect(status, output.slice(-2000)).toBe(0);
    expect(fixture.check()).toEqual([]);
    const read = (id: string) => JSON.parse(fixture.read(`content/services/${id}.json`));
    const summary = read('long-summary');
    expect(summary.summary.length).toBeLessThanOrEqual(200);
    expect(summary.draft.join()).toContain(`it was: "${long(60)}."`);
    expect(read('future-date').lastReviewed).toBe(new Date().toISOString().slice(0, 10));
    expect(read('reversed-txt-exe').name).toBe('Reversed txt.exe');
  });

  test('--update overwrites an existing service and keeps fields the spreadsheet cannot hold', () => {
    runImport(fixture, MIXED, '--write', '--update');
    const portage = JSON.parse(fixture.read('content/services/portage-home-visiting.json'));
    expect(portage.summary).toBe('A new summary.');
    expect(portage.keywords).toContain('home visiting');
    expect(fixture.check()).toEqual([]);
  });

  test('a new organisation is created when the name matches none', () => {
    runImport(fixture, resolve('docs/sample-services.csv'), '--write');
    expect(existsSync(join(fixture.root, 'content/organisations/fernley-green-family-hub.json'))).toBe(true);
    expect(JSON.parse(fixture.read('content/services/sensory-play-sessions.json')).lastReviewed).toBe('2026-10-01');
    expect(fixture.check()).toEqual([]);
  });

  test('a file that is neither a feed nor a spreadsheet gets one sentence saying what the importer reads', () => {
    fixture.write('page.html', '<html><body>Our services</body></html>\n');
    const { status, output } = runImport(fixture, join(fixture.root, 'page.html'));
    expect(status).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/page\.html: is none of the feeds the importer reads: expected an Open Referral UK \/services page .* or a CSV file with a "name" column/)]);
  });

  test('a file without a name column is refused, saying so', () => {
    fixture.write('bad.csv', 'title,org\nA,B\n');
    const { status, output } = runImport(fixture, join(fixture.root, 'bad.csv'));
    expect(status).toBe(1);
    expect(output).toContain('row 1 must name the columns; missing: name');
  });
});
