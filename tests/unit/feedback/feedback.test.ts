import { describe, expect, test } from 'vitest';
import { actionLabel, archiveHref, summaryDescription, countByThemeAndStatus, entriesCount, feedbackArchives, feedbackYears, groupByMonth, newestFirst, type FeedbackItem } from '../../../src/lib/feedback/feedback.ts';

const THEMES = ['Finding information', 'Health services', 'Travel and transport'];
const item = (id: string, date: string, theme: string, status: FeedbackItem['status']): FeedbackItem => ({ id, date, theme, status });
const items = [
  item('a', '2025-11-03', 'Health services', 'done'),
  item('b', '2026-10-14', 'Finding information', 'planned'),
  item('c', '2026-10-02', 'Health services', 'in-progress'),
  item('d', '2026-01-20', 'Health services', 'done'),
  item('e', '2025-11-28', 'Finding information', 'done'),
];

describe('ordering and grouping by month', () => {
  test('entries are listed newest first', () => {
    expect(newestFirst(items).map((i) => i.id)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });
  test('entries on the same day keep a stable order', () => {
    const same = [item('z', '2026-01-01', 'Health services', 'done'), item('m', '2026-01-01', 'Health services', 'done')];
    expect(newestFirst(same).map((i) => i.id)).toEqual(['m', 'z']);
  });
  test('each month with entries becomes one group, newest month first, with a readable label', () => {
    const groups = groupByMonth(items);
    expect(groups.map((g) => [g.month, g.label, g.items.map((i) => i.id)])).toEqual([
      ['2026-10', 'October 2026', ['b', 'c']],
      ['2026-01', 'January 2026', ['d']],
      ['2025-11', 'November 2025', ['e', 'a']],
    ]);
  });
  test('no entries give no groups', () => {
    expect(groupByMonth([])).toEqual([]);
  });
});

describe('archives by theme, status and year', () => {
  const archives = feedbackArchives(items, THEMES);
  const find = (kind: string, slug: string) => archives.find((a) => a.kind === kind && a.slug === slug);

  test('a theme archive holds only that theme, newest first', () => {
    expect(find('theme', 'health-services')?.items.map((i) => i.id)).toEqual(['c', 'd', 'a']);
  });
  test('every theme in site.json has an archive, even with no entries yet', () => {
    expect(find('theme', 'travel-and-transport')?.items).toEqual([]);
  });
  test('a status archive holds only that status', () => {
    expect(find('status', 'done')?.items.map((i) => i.id)).toEqual(['d', 'e', 'a']);
    expect(find('status', 'in-progress')?.label).toBe('In progress');
  });
  test('a year archive holds only that calendar year', () => {
    expect(find('year', '2025')?.items.map((i) => i.id)).toEqual(['e', 'a']);
    expect(find('year', '2026')?.items.map((i) => i.id)).toEqual(['b', 'c', 'd']);
  });
  test('years are listed newest first', () => {
    expect(feedbackYears(items)).toEqual(['2026', '2025']);
  });
  test('archive addresses follow the agreed URL scheme', () => {
    expect(archiveHref('theme', 'health-services')).toBe('/you-said-we-did/theme/health-services/');
  });
});

describe('counting by theme and status', () => {
  test('counts each theme by status, in site.json order, with totals', () => {
    const summary = countByThemeAndStatus(items, THEMES);
    expect(summary.rows).toEqual([
      { theme: 'Finding information', byStatus: { done: 1, 'in-progress': 0, planned: 1 }, total: 2 },
      { theme: 'Health services', byStatus: { done: 2, 'in-progress': 1, planned: 0 }, total: 3 },
    ]);
    expect(summary.byStatus).toEqual({ done: 3, 'in-progress': 1, planned: 1 });
    expect(summary.total).toBe(5);
  });
  test('the row totals add up to the grand total', () => {
    const summary = countByThemeAndStatus(items, THEMES);
    expect(summary.rows.reduce((sum, row) => sum + row.total, 0)).toBe(summary.total);
  });
  test('no entries give no rows and zero totals', () => {
    expect(countByThemeAndStatus([], THEMES)).toEqual({ rows: [], byStatus: { done: 0, 'in-progress': 0, planned: 0 }, total: 0 });
  });
  test('an entry with an unlisted theme is still counted, not dropped', () => {
    const summary = countByThemeAndStatus([item('x', '2026-01-01', 'Other', 'done')], THEMES);
    expect(summary.rows).toEqual([{ theme: 'Other', byStatus: { done: 1, 'in-progress': 0, planned: 0 }, total: 1 }]);
  });
  test('what was done is headed in the tense that fits its status', () => {
    expect(actionLabel('done')).toBe('We did');
    expect(actionLabel('in-progress')).toBe('What we are doing');
    expect(actionLabel('planned')).toBe('What we will do');
  });
  test('counts are written in words', () => {
    expect(entriesCount(1)).toBe('1 entry');
    expect(entriesCount(0)).toBe('0 entries');
  });
});

describe('the summary chart text alternative', () => {
  test('gives the same numbers as the chart, theme by theme', () => {
    expect(summaryDescription(countByThemeAndStatus(items, THEMES))).toBe(
      '5 entries in all (3 done, 1 in progress, 1 planned). Finding information: 2 entries (1 done, 1 planned). Health services: 3 entries (2 done, 1 in progress).',
    );
  });
  test('says when there is nothing to show', () => {
    expect(summaryDescription(countByThemeAndStatus([], THEMES))).toBe('There are no entries yet.');
  });
});
