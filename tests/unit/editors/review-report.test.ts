import { describe, expect, test } from 'vitest';
import { reviewReport, type ReviewableEntry } from '../../../src/lib/editors/review-report.ts';
import { draftsReport } from '../../../src/lib/editors/review-drafts.ts';

const entry = (id: string, lastReviewed: string, organisation = 'Kestrel Vale Council'): ReviewableEntry => ({
  collection: 'services',
  id,
  file: `content/services/${id}.json`,
  title: id,
  organisation,
  lastReviewed,
});

describe('the review report', () => {
  const on = '2026-11-22';
  const entries = [
    entry('reviewed-last-month', '2026-10-22'),
    entry('overdue-by-a-day', '2025-11-21'),
    entry('due-today', '2025-11-22'),
    entry('due-in-30-days', '2025-12-22', 'Brackenbridge College'),
    entry('due-in-31-days', '2025-12-23'),
    entry('long-overdue', '2024-01-01', 'Brackenbridge College'),
  ];
  const groups = reviewReport(entries, 12, on);
  const flagged = [...groups.values()].flat();

  test('flags exactly the overdue entries and those due within 30 days', () => {
    expect(flagged.map((r) => `${r.id}: ${r.state}`).sort()).toEqual([
      'due-in-30-days: due soon',
      'due-today: due soon',
      'long-overdue: overdue',
      'overdue-by-a-day: overdue',
    ]);
  });

  test('groups rows by organisation, A to Z, most overdue first', () => {
    expect([...groups.keys()]).toEqual(['Brackenbridge College', 'Kestrel Vale Council']);
    expect(groups.get('Brackenbridge College')!.map((r) => r.id)).toEqual(['long-overdue', 'due-in-30-days']);
  });

  test('gives the date each entry is due', () => {
    expect(flagged.find((r) => r.id === 'overdue-by-a-day')!.dueOn).toBe('2026-11-21');
  });
});

describe('the drafts in the review report', () => {
  const service = (id: string, data: Record<string, unknown>, organisation = 'Kestrel Vale Council') => ({ id, file: `content/services/${id}.json`, data: { name: id, categories: ['health'], levels: ['universal'], access: { routes: ['self-referral'] }, contacts: [{ phone: '01632 960 100' }], ...data }, organisation });
  const groups = draftsReport([
    service('published', {}),
    service('no-category-yet', { draft: ['categories — needs at least one category'], categories: [] }, 'Brackenbridge College'),
    service('route-removed-since', { draft: ['lastReviewed — the source gives no date'], access: { routes: [] } }),
    service('emptied-draft', { draft: [] }),
  ]);

  test('lists only drafts, by organisation, with what each needs', () => {
    expect([...groups.keys()]).toEqual(['Brackenbridge College', 'Kestrel Vale Council']);
    expect(groups.get('Brackenbridge College')!.map((r) => [r.id, r.needs])).toEqual([['no-category-yet', ['categories — needs at least one category']]]);
  });

  test('adds what a published service needs and the draft still lacks, as it is now', () => {
    expect(groups.get('Kestrel Vale Council')!.map((r) => [r.id, r.needs])).toEqual([['route-removed-since', ['lastReviewed — the source gives no date', 'access.routes — needs at least one access route']]]);
  });
});
