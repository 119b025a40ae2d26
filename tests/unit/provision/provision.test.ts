import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import {
  CHECKLIST_CSV_HEADER,
  checklistCsvFileName,
  checklistCsv,
  checklistItems,
  filterProvision,
  groupByLevel,
  groupByNeed,
  groupByPhase,
  matchesProvision,
  needInText,
  phaseInText,
  provisionFilterFromQuery,
  provisionFilterQuery,
  provisionListPath,
  provisionPairs,
  sortProvision,
  type ProvisionItem,
} from '../../../src/lib/provision/provision.ts';
import { needs, phases, provisionLevels } from '../../../src/contract/vocabulary.ts';
import { makeFixture, type Fixture } from '../fixture-content.ts';

const item = (id: string, over: Partial<ProvisionItem> = {}): ProvisionItem => ({
  id,
  need: 'communication-and-interaction',
  phases: ['primary'],
  level: 'universal',
  title: id,
  strategies: [`${id} strategy`],
  reasonableAdjustments: [],
  ...over,
});

const items: ProvisionItem[] = [
  item('ci-primary-support', { level: 'sen-support' }),
  item('ci-primary', {}),
  item('ci-secondary', { phases: ['secondary'] }),
  item('cl-primary-and-secondary', { need: 'cognition-and-learning', phases: ['secondary', 'primary'], reasonableAdjustments: ['Extra time'] }),
  item('semh-early', { need: 'social-emotional-and-mental-health', phases: ['early-years'] }),
];
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('filtering provision by area of need and phase', () => {
  test('with nothing chosen, every entry matches', () => {
    expect(filterProvision(items, {})).toHaveLength(items.length);
  });
  test('an area of need keeps only entries for that need', () => {
    expect(ids(filterProvision(items, { need: 'communication-and-interaction' }))).toEqual(['ci-primary', 'ci-primary-support', 'ci-secondary']);
  });
  test('a phase keeps entries that cover that phase, even among several', () => {
    expect(ids(filterProvision(items, { phase: 'secondary' }))).toEqual(['ci-secondary', 'cl-primary-and-secondary']);
  });
  test('both together keep only entries that match both', () => {
    expect(ids(filterProvision(items, { need: 'cognition-and-learning', phase: 'primary' }))).toEqual(['cl-primary-and-secondary']);
    expect(filterProvision(items, { need: 'sensory-and-physical', phase: 'primary' })).toEqual([]);
    expect(matchesProvision(items[4]!, { need: 'social-emotional-and-mental-health', phase: 'post-16' })).toBe(false);
  });
  test('entries read in order: need, then phase, then quality-first teaching before SEN support', () => {
    expect(ids(sortProvision(items))).toEqual(['ci-primary', 'ci-primary-support', 'ci-secondary', 'cl-primary-and-secondary', 'semh-early']);
  });
});

describe('grouping for pages', () => {
  test('by level, in the order of the graduated response, leaving out empty levels', () => {
    const groups = groupByLevel(items.filter((i) => i.need === 'communication-and-interaction'));
    expect(groups.map((g) => g.key)).toEqual(['universal', 'sen-support']);
    expect(groups[0]!.label).toBe(provisionLevels.label('universal'));
    expect(groupByLevel([items[2]!]).map((g) => g.key)).toEqual(['universal']);
  });
  test('by need, in the Code of Practice order', () => {
    expect(groupByNeed(items).map((g) => g.key)).toEqual(['communication-and-interaction', 'cognition-and-learning', 'social-emotional-and-mental-health']);
  });
  test('by phase, where an entry for two phases appears under both', () => {
    const groups = groupByPhase(items);
    expect(groups.map((g) => g.key)).toEqual(['early-years', 'primary', 'secondary']);
    expect(ids(groups[1]!.items)).toContain('cl-primary-and-secondary');
    expect(ids(groups[2]!.items)).toContain('cl-primary-and-secondary');
  });
});

describe('the filter state in the address', () => {
  test('reads need and phase from the query string', () => {
    expect(provisionFilterFromQuery('?need=cognition-and-learning&phase=post-16')).toEqual({ need: 'cognition-and-learning', phase: 'post-16' });
  });
  test('ignores values that are not in the vocabulary', () => {
    expect(provisionFilterFromQuery('?need=<script>&phase=primary&other=1')).toEqual({ phase: 'primary' });
    expect(provisionFilterFromQuery('')).toEqual({});
  });
  test('writes a query that reads back the same, or nothing when nothing is chosen', () => {
    const filter = { need: 'sensory-and-physical', phase: 'early-years' } as const;
    expect(provisionFilterFromQuery(provisionFilterQuery(filter))).toEqual(filter);
    expect(provisionFilterQuery({})).toBe('');
  });
  test('every choice has a static page, so it works without JavaScript', () => {
    expect(provisionListPath({})).toBe('/provision/');
    expect(provisionListPath({ need: 'cognition-and-learning' })).toBe('/provision/need/cognition-and-learning/');
    expect(provisionListPath({ phase: 'primary' })).toBe('/provision/phase/primary/');
    expect(provisionListPath({ need: 'cognition-and-learning', phase: 'primary' })).toBe('/provision/need/cognition-and-learning/primary/');
  });
  test('there is one pair for every area of need and phase', () => {
    expect(provisionPairs()).toHaveLength(needs.values.length * phases.values.length);
  });
});

describe('words for running text', () => {
  test('needs and phases read naturally mid-sentence', () => {
    expect(`${needInText('sensory-and-physical')} needs`).toBe('sensory and/or physical needs');
    expect(`${needInText('communication-and-interaction')} needs`).toBe('communication and interaction needs');
    expect(phaseInText('post-16')).toBe('post-16 (16 to 25)');
    expect(phaseInText('early-years')).toBe('early years (0 to 5)');
  });
});

describe('the SENCO checklist', () => {
  const pair = filterProvision(items, { need: 'cognition-and-learning', phase: 'primary' });

  test('lists strategies, then reasonable adjustments, entry by entry and level by level', () => {
    const lines = checklistItems(filterProvision(items, { need: 'communication-and-interaction', phase: 'primary' }));
    expect(lines.map((l) => `${l.level}:${l.kind}:${l.text}`)).toEqual(['universal:strategy:ci-primary strategy', 'sen-support:strategy:ci-primary-support strategy']);
    expect(checklistItems(pair).map((l) => l.kind)).toEqual(['strategy', 'adjustment']);
  });

  test('as CSV: a header, then one row per checklist line with the entry\'s page address', () => {
    const csv = checklistCsv(items, 'cognition-and-learning', 'primary', 'https://offer.example');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CHECKLIST_CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      ['Cognition and learning', 'Primary (5 to 11)', 'Quality-first teaching (universal)', 'cl-primary-and-secondary', 'Strategy', 'cl-primary-and-secondary strategy', 'https://offer.example/provision/cl-primary-and-secondary/', '', ''],
      ['Cognition and learning', 'Primary (5 to 11)', 'Quality-first teaching (universal)', 'cl-primary-and-secondary', 'Reasonable adjustment', 'Extra time', 'https://offer.example/provision/cl-primary-and-secondary/', '', ''],
    ]);
  });

  test('as CSV: starts with a byte order mark for Excel, and awkward text reads back exactly', () => {
    const awkward = 'Say "well done", then pause –\nit’s fine';
    const csv = checklistCsv([item('tricky', { strategies: [awkward, '=SUM(A1)'] })], 'communication-and-interaction', 'primary', 'https://offer.example');
    expect(csv.startsWith('\uFEFFArea of need,')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows.slice(1).map((r) => r[5])).toEqual([awkward, "'=SUM(A1)"]);
  });

  test('as CSV for a pair with no entries: just the header', () => {
    const rows = parse(checklistCsv(items, 'sensory-and-physical', 'post-16', 'https://offer.example'), { bom: true }) as string[][];
    expect(rows).toEqual([[...CHECKLIST_CSV_HEADER]]);
  });
});

describe('the demo provision content', () => {
  const entries = readdirSync('content/provision').map((file) => JSON.parse(readFileSync(`content/provision/${file}`, 'utf8')) as ProvisionItem);

  test('has at least 32 entries', () => {
    expect(entries.length).toBeGreaterThanOrEqual(32);
  });

  test('covers every area of need and phase at both quality-first teaching and SEN support', () => {
    const missing = provisionPairs().flatMap(({ need, phase }) =>
      provisionLevels.values.filter((level) => !entries.some((e) => e.need === need && e.phases.includes(phase) && e.level === level)).map((level) => `${need}/${phase}/${level}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the content checker', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.remove());

  test('refuses a provision entry whose id is a browse path', () => {
    fixture = makeFixture();
    fixture.write('content/provision/need.json', fixture.read('content/provision/communication-and-interaction-primary-universal.json'));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/provision\/need\.json: \(file name\) — \/provision\/need\/ is already used by the site/));
  });

  test('names the field when a related service does not exist', () => {
    fixture = makeFixture();
    fixture.editJson('content/provision/communication-and-interaction-primary-universal.json', (d) => (d.relatedServices = ['speech-therapy']));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/communication-and-interaction-primary-universal\.json: relatedServices\[0\] — "speech-therapy" does not match any file in content\/services\//));
  });
});

test('a downloaded checklist is named by its need and phase, not always "checklist.csv"', () => {
  expect(checklistCsvFileName('communication-and-interaction', 'secondary')).toBe('provision-checklist-communication-and-interaction-secondary.csv');
  expect(checklistCsvFileName('sensory-and-physical', 'early-years')).not.toBe(checklistCsvFileName('sensory-and-physical', 'primary'));
});
