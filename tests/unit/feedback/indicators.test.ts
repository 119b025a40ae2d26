import { describe, expect, test } from 'vitest';
import { formatTick, formatValue, indicatorCsv, trendSummary } from '../../../src/lib/feedback/indicators.ts';

const ehc = {
  unit: 'percent' as const,
  higherIsBetter: true,
  series: [
    { period: '2026-10', value: 61, comparison: { label: 'England average', value: 46 } },
    { period: '2026-01', value: 41, comparison: { label: 'England average', value: 46 } },
  ],
};

describe('indicator figures', () => {
  test('are written with their unit', () => {
    expect(formatValue(61, 'percent')).toBe('61%');
    expect(formatValue(61.25, 'percent')).toBe('61.3%');
    expect(formatValue(1234, 'count')).toBe('1,234');
    expect(formatValue(1, 'weeks')).toBe('1 week');
    expect(formatValue(18.5, 'weeks')).toBe('18.5 weeks');
  });
  test('axis labels are short', () => {
    expect(formatTick(60, 'percent')).toBe('60%');
    expect(formatTick(20, 'weeks')).toBe('20');
  });
});

describe('the trend summary', () => {
  test('says which way the figure moved, from when to when, and how it compares', () => {
    expect(trendSummary(ehc)).toBe('Up from 41% in January 2026 to 61% in October 2026. Above the England average of 46%. A higher figure is better.');
  });
  test('describes a fall and a figure below the comparison', () => {
    const falling = { unit: 'count' as const, higherIsBetter: false, series: [{ period: '2025-11', value: 52 }, { period: '2026-10', value: 38, comparison: { label: 'Our target', value: 40 } }] };
    expect(trendSummary(falling)).toBe('Down from 52 in November 2025 to 38 in October 2026. Below our target of 40. A lower figure is better.');
  });
  test('says when nothing changed', () => {
    expect(trendSummary({ unit: 'weeks', higherIsBetter: false, series: [{ period: '2026-01', value: 20 }, { period: '2026-02', value: 20 }] })).toMatch(/^No change: 20 weeks in January 2026 and 20 weeks in February 2026\./);
  });
  test('a single figure is described on its own', () => {
    expect(trendSummary({ unit: 'percent', higherIsBetter: true, series: [{ period: '2026-10', value: 72 }] })).toBe('72% in October 2026, the only figure so far. A higher figure is better.');
  });
  test('no figures say so', () => {
    expect(trendSummary({ unit: 'percent', higherIsBetter: true, series: [] })).toBe('No figures have been published yet.');
  });

  test('says nothing about which way is better when the indicator does not say', () => {
    const requests = { unit: 'count' as const, series: [{ period: '2025-11', value: 38 }, { period: '2026-10', value: 52 }] };
    expect(trendSummary(requests)).toBe('Up from 38 in November 2025 to 52 in October 2026.');
  });
});

describe('the CSV download', () => {
  test('has one row per period in time order, with the comparison', () => {
    expect(indicatorCsv(ehc)).toBe(
      'period,value (percent),comparison,comparison value (percent)\r\n2026-01,41,England average,46\r\n2026-10,61,England average,46\r\n',
    );
  });
  test('leaves the comparison empty where there is none', () => {
    expect(indicatorCsv({ unit: 'count', series: [{ period: '2026-01', value: 40 }] })).toBe('period,value (count),comparison,comparison value (count)\r\n2026-01,40,,\r\n');
  });
});
