import { describe, expect, test } from 'vitest';
import { lineChartGeometry, linearScale, monthNumber, niceStep, pathData, stackedBars, valueAxis, type Box } from '../../../src/lib/feedback/chart-scale.ts';

const BOX: Box = { width: 600, height: 300, margin: { top: 20, right: 100, bottom: 40, left: 50 } };

describe('value axes', () => {
  test('steps are round numbers', () => {
    expect(niceStep(61, 5)).toBe(20);
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(12, 5)).toBe(2.5);
    expect(niceStep(0.7, 5)).toBe(0.2);
  });
  test('an axis starts at zero and covers every value with round ticks', () => {
    expect(valueAxis([41, 61, 46])).toEqual({ min: 0, max: 80, ticks: [0, 20, 40, 60, 80] });
  });
  test('a percentage axis is capped at 100', () => {
    const axis = valueAxis([85, 96], { ceiling: 100 });
    expect(axis.max).toBe(100);
    expect(axis.ticks.at(-1)).toBe(100);
  });
  test('an axis may leave out zero', () => {
    const axis = valueAxis([120, 160], { includeZero: false });
    expect(axis.min).toBeGreaterThan(0);
    expect(axis.min).toBeLessThanOrEqual(120);
    expect(axis.max).toBeGreaterThanOrEqual(160);
  });
  test('no values still give a usable axis', () => {
    expect(valueAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });
  test('a single value gives an axis from zero that includes it', () => {
    const axis = valueAxis([37]);
    expect(axis.min).toBe(0);
    expect(axis.max).toBe(40);
    expect(valueAxis([37], { includeZero: false }).min).toBeLessThan(37);
  });
  test('all-zero values give an axis from 0 to 1', () => {
    expect(valueAxis([0, 0]).max).toBe(1);
  });
  test('ticks have no floating-point noise', () => {
    for (const tick of valueAxis([0.1, 0.7]).ticks) expect(String(tick)).toMatch(/^\d+(\.\d)?$/);
  });
});

describe('scales', () => {
  test('map a domain onto a range, flipping for SVG y', () => {
    const y = linearScale(0, 100, 280, 20);
    expect(y(0)).toBe(280);
    expect(y(100)).toBe(20);
    expect(y(50)).toBe(150);
  });
  test('a single-point domain maps to the middle of the range', () => {
    expect(linearScale(5, 5, 0, 100)(5)).toBe(50);
  });
  test('months are counted in real time', () => {
    expect(monthNumber('2026-01') - monthNumber('2025-12')).toBe(1);
    expect(monthNumber('2026-10') - monthNumber('2026-01')).toBe(9);
  });
});

describe('line chart geometry', () => {
  const series = [
    { period: '2026-07', value: 55, comparison: { label: 'England average', value: 46 } },
    { period: '2026-01', value: 41, comparison: { label: 'England average', value: 46 } },
    { period: '2026-04', value: 48, comparison: { label: 'England average', value: 46 } },
  ];
  const chart = lineChartGeometry(series, BOX);

  test('points are in time order, spread across the plot area', () => {
    expect(chart.points.map((p) => p.period)).toEqual(['2026-01', '2026-04', '2026-07']);
    expect(chart.points[0]!.x).toBe(50);
    expect(chart.points[2]!.x).toBe(500);
    expect(chart.points[1]!.x).toBe(275);
  });
  test('a higher value is drawn higher up', () => {
    expect(chart.points[2]!.y).toBeLessThan(chart.points[0]!.y);
  });
  test('the axis covers both the values and the comparison', () => {
    expect(chart.axis.min).toBe(0);
    expect(chart.axis.max).toBeGreaterThanOrEqual(55);
    expect(chart.yTicks[0]).toEqual({ value: 0, y: 260 });
  });
  test('the comparison is a separate line with its label', () => {
    expect(chart.comparison?.label).toBe('England average');
    expect(chart.comparison?.points.map((p) => p.value)).toEqual([46, 46, 46]);
    expect(chart.comparison?.line).toMatch(/^M50 [\d.]+ L275 [\d.]+ L500 [\d.]+$/);
  });
  test('gaps between periods are kept (quarters are wider apart than months)', () => {
    const uneven = lineChartGeometry([{ period: '2026-01', value: 1 }, { period: '2026-02', value: 1 }, { period: '2026-12', value: 1 }], BOX);
    expect(uneven.points[1]!.x - uneven.points[0]!.x).toBeLessThan(uneven.points[2]!.x - uneven.points[1]!.x);
  });
  test('an empty series draws nothing but still has an axis', () => {
    const empty = lineChartGeometry([], BOX);
    expect(empty.points).toEqual([]);
    expect(empty.line).toBe('');
    expect(empty.comparison).toBeUndefined();
    expect(empty.yTicks.length).toBeGreaterThan(1);
    expect(empty.xTicks).toEqual([]);
  });
  test('a single point sits in the middle and the line is just that point', () => {
    const single = lineChartGeometry([{ period: '2026-10', value: 61 }], BOX);
    expect(single.points).toHaveLength(1);
    expect(single.points[0]!.x).toBe(275);
    expect(single.line).toBe(`M275 ${single.points[0]!.y}`);
    expect(Number.isFinite(single.points[0]!.y)).toBe(true);
    expect(single.xTicks).toEqual([{ period: '2026-10', x: 275 }]);
  });
  test('month labels are thinned on long series but keep the first and last', () => {
    const year = Array.from({ length: 12 }, (_, i) => ({ period: `2026-${String(i + 1).padStart(2, '0')}`, value: i }));
    const ticks = lineChartGeometry(year, BOX, { maxXLabels: 6 }).xTicks.map((t) => t.period);
    expect(ticks).toEqual(['2026-01', '2026-03', '2026-05', '2026-07', '2026-09', '2026-12']);
    const fewer = lineChartGeometry(year, BOX, { maxXLabels: 5 }).xTicks.map((t) => t.period);
    expect(fewer).toEqual(['2026-01', '2026-04', '2026-07', '2026-12']);
  });
  test('the first and last values are labelled, moved below a point when the comparison line runs just above it', () => {
    const labels = chart.endLabels.map((l) => [l.point.period, l.position]);
    expect(labels).toEqual([['2026-01', 'below'], ['2026-07', 'above']]);
  });
  test('a single point gets one label', () => {
    expect(lineChartGeometry([{ period: '2026-10', value: 61 }], BOX).endLabels).toHaveLength(1);
    expect(lineChartGeometry([], BOX).endLabels).toEqual([]);
  });
  test('path data is compact', () => {
    expect(pathData([{ x: 1.234, y: 2 }, { x: 3, y: 4.567 }])).toBe('M1.23 2 L3 4.57');
  });
});

describe('stacked bars', () => {
  const rows = [
    { label: 'Health', values: { done: 2, planned: 1 } },
    { label: 'Transport', values: { done: 0, planned: 1 } },
  ];
  const bars = stackedBars(rows, ['done', 'planned'], 10, 300);

  test('the longest bar fills the width and segments sit end to end', () => {
    expect(bars[0]!.total).toBe(3);
    expect(bars[0]!.segments).toEqual([
      { key: 'done', value: 2, x: 10, width: 200 },
      { key: 'planned', value: 1, x: 210, width: 100 },
    ]);
  });
  test('zero-value segments are left out', () => {
    expect(bars[1]!.segments).toEqual([{ key: 'planned', value: 1, x: 10, width: 100 }]);
  });
  test('all-zero data gives empty bars, not NaN', () => {
    const zero = stackedBars([{ label: 'None', values: { done: 0 } }], ['done'], 0, 100);
    expect(zero).toEqual([{ label: 'None', total: 0, segments: [] }]);
  });
  test('no rows give no bars', () => {
    expect(stackedBars([], ['done'], 0, 100)).toEqual([]);
  });
});
