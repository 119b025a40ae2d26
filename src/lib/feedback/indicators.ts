/**
 * "How we're doing": how indicator figures are written, the plain-English summary of the
 * trend that goes with each chart, and the CSV download.
 */
import { toCsv } from '../text/csv.ts';
import { formatMonth } from '../text/dates.ts';
import { monthNumber, type LinePoint } from './chart-scale.ts';
import type { IndicatorUnit } from '../../contract/vocabulary.ts';

/** What this module needs from an indicator (content/indicators/<id>.json). */
export interface IndicatorData {
  title: string;
  unit: IndicatorUnit;
  /** Left out when neither a higher nor a lower figure is better. */
  higherIsBetter?: boolean;
  source: string;
  series: LinePoint[];
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** 61 → "61%" (percent), 1234 → "1,234" (count), 1 → "1 week", 18.5 → "18.5 weeks". */
export function formatValue(value: number, unit: IndicatorUnit): string {
  const number = NUMBER.format(value);
  if (unit === 'percent') return `${number}%`;
  if (unit === 'weeks') return `${number} ${value === 1 ? 'week' : 'weeks'}`;
  return number;
}

/** Short axis label for a value: "60%", "1,200", "20". */
export function formatTick(value: number, unit: IndicatorUnit): string {
  return unit === 'percent' ? `${NUMBER.format(value)}%` : NUMBER.format(value);
}

/** Name of the value axis: what is being measured. */
export function unitLabel(unit: IndicatorUnit): string {
  return unit === 'percent' ? 'Percentage' : unit === 'weeks' ? 'Weeks' : 'Number';
}

/** "England average" → "the England average"; "Our target" → "our target". */
function withArticle(label: string): string {
  return /^(our|the|a|an|their|its)\b/i.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : `the ${label}`;
}

const byPeriod = (series: readonly LinePoint[]) => [...series].sort((a, b) => monthNumber(a.period) - monthNumber(b.period));

/**
 * One or two sentences a person can read instead of the chart, such as
 * "Up from 41% in January 2026 to 61% in October 2026. Above the England average of 46%."
 */
export function trendSummary(indicator: Pick<IndicatorData, 'unit' | 'higherIsBetter' | 'series'>): string {
  const series = byPeriod(indicator.series);
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return 'No figures have been published yet.';
  const f = (value: number) => formatValue(value, indicator.unit);
  const sentences: string[] = [];
  if (series.length === 1) {
    sentences.push(`${f(last.value)} in ${formatMonth(last.period)}, the only figure so far.`);
  } else {
    const span = `${formatMonth(first.period)} to ${f(last.value)} in ${formatMonth(last.period)}`;
    if (last.value > first.value) sentences.push(`Up from ${f(first.value)} in ${span}.`);
    else if (last.value < first.value) sentences.push(`Down from ${f(first.value)} in ${span}.`);
    else sentences.push(`No change: ${f(first.value)} in ${formatMonth(first.period)} and ${f(last.value)} in ${formatMonth(last.period)}.`);
  }
  if (last.comparison) {
    const { label, value } = last.comparison;
    const position = last.value > value ? 'Above' : last.value < value ? 'Below' : 'The same as';
    sentences.push(`${position} ${withArticle(label)} of ${f(value)}.`);
  }
  if (indicator.higherIsBetter !== undefined) sentences.push(indicator.higherIsBetter ? 'A higher figure is better.' : 'A lower figure is better.');
  return sentences.join(' ');
}

/** The CSV download for an indicator: one row per period, with the comparison where there is one. */
export function indicatorCsv(indicator: Pick<IndicatorData, 'unit' | 'series'>): string {
  const series = byPeriod(indicator.series);
  const unit = indicator.unit;
  return toCsv(
    ['period', `value (${unit})`, 'comparison', `comparison value (${unit})`],
    series.map((p) => [p.period, p.value, p.comparison?.label, p.comparison?.value]),
  );
}
