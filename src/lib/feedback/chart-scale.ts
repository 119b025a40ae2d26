/**
 * The arithmetic behind the build-time SVG charts: value axes with round-number ticks, month
 * positions along a time axis, and the geometry of line and stacked bar charts. Pure numbers
 * in, numbers and path strings out; components only draw them.
 */

export interface Axis {
  min: number;
  max: number;
  /** Round numbers from min to max inclusive, for gridlines and labels. */
  ticks: number[];
}

/** 1, 2, 2.5 or 5 times a power of ten: the step that gives about `count` ticks. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Rounds away floating-point noise such as 0.30000000000000004. */
const tidy = (value: number) => Number.parseFloat(value.toPrecision(12));

export interface AxisOptions {
  /** Start the axis at zero (honest for counts and percentages); default true. */
  includeZero?: boolean;
  /** Never go above this (100 for percentages). */
  ceiling?: number;
  /** About how many intervals between ticks; default 5. */
  tickCount?: number;
}

/**
 * A value axis covering every value with round-number ticks. No values, or all values the
 * same, still give a usable axis (0 to 1, or around the one value) so a chart never divides by zero.
 */
export function valueAxis(values: readonly number[], options: AxisOptions = {}): Axis {
  const { includeZero = true, ceiling, tickCount = 5 } = options;
  const finite = values.filter(Number.isFinite);
  let low = finite.length ? Math.min(...finite) : 0;
  let high = finite.length ? Math.max(...finite) : 1;
  if (includeZero) {
    low = Math.min(0, low);
    high = Math.max(0, high);
  }
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) / 2;
    low = includeZero && low >= 0 ? 0 : low - pad;
    high += pad;
  }
  const step = niceStep(high - low, tickCount);
  let min = tidy(Math.floor(low / step) * step);
  let max = tidy(Math.ceil(high / step) * step);
  if (ceiling !== undefined && max > ceiling && high <= ceiling) max = ceiling;
  if (min === max) max = tidy(min + step);
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 1e6; tick = tidy(tick + step)) ticks.push(tick);
  if (ticks.at(-1) !== max) ticks.push(max);
  return { min, max, ticks };
}

/** Maps a value in [domainMin, domainMax] onto [rangeStart, rangeEnd]; the middle if the domain is a point. */
export function linearScale(domainMin: number, domainMax: number, rangeStart: number, rangeEnd: number): (value: number) => number {
  if (domainMax === domainMin) return () => (rangeStart + rangeEnd) / 2;
  const ratio = (rangeEnd - rangeStart) / (domainMax - domainMin);
  return (value) => rangeStart + (value - domainMin) * ratio;
}

/** "2026-04" → months since year 0, so periods are spaced by real time (gaps stay visible). */
export function monthNumber(period: string): number {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return year * 12 + (month - 1);
}

/** Rounds to 2 decimal places so SVG attributes stay short. */
export const round2 = (value: number) => Math.round(value * 100) / 100;

export interface Box {
  width: number;
  height: number;
  /** Space around the plot area for axis labels. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export interface LinePoint {
  period: string;
  value: number;
  comparison?: { label: string; value: number };
}

export interface PlottedPoint {
  period: string;
  value: number;
  x: number;
  y: number;
}

export interface LineChartGeometry {
  plot: { left: number; right: number; top: number; bottom: number };
  axis: Axis;
  /** Horizontal gridlines with their value. */
  yTicks: { value: number; y: number }[];
  /** Period labels, thinned so they do not overlap (first and last always kept). */
  xTicks: { period: string; x: number }[];
  points: PlottedPoint[];
  /** SVG path data for the main line ("" when there are no points). */
  line: string;
  /** The comparison line (such as a national average), where the data has one. */
  comparison?: { label: string; points: PlottedPoint[]; line: string };
  /**
   * The first and last points, which get their value written beside them: above the point,
   * or below it when the comparison line runs just above and the label would sit on it.
   */
  endLabels: { point: PlottedPoint; position: 'above' | 'below' }[];
}

/** How close (in SVG units) the comparison line may run above a point before its label moves below. */
const LABEL_CLEARANCE = 32;

/** SVG path through points: "M x y L x y …". One point gives just "M x y". */
export function pathData(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round2(p.x)} ${round2(p.y)}`).join(' ');
}

/**
 * Everything needed to draw a line chart of a time series. Points are ordered by period;
 * the comparison line uses the comparison of each point that has one, labelled by the
 * latest comparison's label.
 */
export function lineChartGeometry(series: readonly LinePoint[], box: Box, options: AxisOptions & { maxXLabels?: number } = {}): LineChartGeometry {
  const sorted = [...series].sort((a, b) => monthNumber(a.period) - monthNumber(b.period));
  const plot = { left: box.margin.left, right: box.width - box.margin.right, top: box.margin.top, bottom: box.height - box.margin.bottom };
  const compared = sorted.filter((p) => p.comparison);
  const axis = valueAxis([...sorted.map((p) => p.value), ...compared.map((p) => p.comparison!.value)], options);
  const yScale = linearScale(axis.min, axis.max, plot.bottom, plot.top);
  const months = sorted.map((p) => monthNumber(p.period));
  const first = months[0] ?? 0;
  const last = months.at(-1) ?? 0;
  const xScale = linearScale(first, last, plot.left, plot.right);
  const at = (period: string, value: number): PlottedPoint => ({ period, value, x: round2(xScale(monthNumber(period))), y: round2(yScale(value)) });

  const points = sorted.map((p) => at(p.period, p.value));
  const maxLabels = Math.max(2, options.maxXLabels ?? 6);
  const every = Math.ceil(points.length / maxLabels);
  const xTicks = points
    .filter((_, i) => i === 0 || i === points.length - 1 || (i % every === 0 && points.length - 1 - i >= every))
    .map((p) => ({ period: p.period, x: p.x }));

  const geometry: LineChartGeometry = {
    plot,
    axis,
    yTicks: axis.ticks.map((value) => ({ value, y: round2(yScale(value)) })),
    xTicks,
    points,
    line: pathData(points),
    endLabels: [],
  };
  if (compared.length) {
    const comparisonPoints = compared.map((p) => at(p.period, p.comparison!.value));
    geometry.comparison = { label: compared.at(-1)!.comparison!.label, points: comparisonPoints, line: pathData(comparisonPoints) };
  }
  const ends = points.length > 1 ? [points[0]!, points.at(-1)!] : points;
  geometry.endLabels = ends.map((point) => {
    const comparison = geometry.comparison?.points.find((c) => c.period === point.period);
    const crowded = comparison !== undefined && comparison.y <= point.y && point.y - comparison.y < LABEL_CLEARANCE;
    return { point, position: crowded ? 'below' : 'above' };
  });
  return geometry;
}

export interface BarSegment<K extends string> {
  key: K;
  value: number;
  x: number;
  width: number;
}

export interface StackedBar<K extends string> {
  label: string;
  total: number;
  segments: BarSegment<K>[];
}

/**
 * Horizontal stacked bars on a shared scale: each row's segments laid end to end from `left`,
 * the longest total filling `width`. Zero-value segments are left out; all-zero data gives
 * empty bars rather than NaN.
 */
export function stackedBars<K extends string>(rows: readonly { label: string; values: Record<K, number> }[], keys: readonly K[], left: number, width: number): StackedBar<K>[] {
  const totals = rows.map((row) => keys.reduce((sum, key) => sum + Math.max(0, row.values[key] ?? 0), 0));
  const largest = Math.max(0, ...totals);
  const scale = largest > 0 ? width / largest : 0;
  return rows.map((row, index) => {
    let x = left;
    const segments: BarSegment<K>[] = [];
    for (const key of keys) {
      const value = Math.max(0, row.values[key] ?? 0);
      if (value === 0) continue;
      const segmentWidth = round2(value * scale);
      segments.push({ key, value, x: round2(x), width: segmentWidth });
      x += value * scale;
    }
    return { label: row.label, total: totals[index]!, segments };
  });
}
