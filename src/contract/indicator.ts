import { z } from 'astro/zod';
import { indicatorUnits } from './vocabulary.ts';
import { oneOf, text } from './common.ts';

const point = z.strictObject({
  period: z.string({ error: 'a month written as YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'a month written as YYYY-MM, such as "2026-04"' }),
  value: z.number({ error: 'a number, without quotes' }),
  comparison: z.strictObject({ label: text('what the comparison is'), value: z.number({ error: 'a number' }) }).optional(),
});

/** A "how we're doing" indicator: content/indicators/<id>.json */
export const indicatorSchema = () =>
  z.strictObject({
    title: text('a title'),
    description: text('a description'),
    unit: oneOf(indicatorUnits.values, 'units'),
    /**
     * Whether a higher figure is better. Leave it out when neither is: fewer requests for an EHC
     * needs assessment is not better in itself, as anyone may ask at any time.
     */
    higherIsBetter: z.boolean({ error: 'true or false, without quotes' }).optional(),
    source: text('where the figures come from'),
    series: z
      .array(point, { error: 'a list of { period, value } points' })
      .min(1, { error: 'at least one figure' })
      // Two figures for one month would draw a vertical jump in the chart.
      .superRefine((series, context) => {
        const seen = new Map<string, number>();
        series.forEach((p, index) => {
          const earlier = seen.get(p.period);
          if (earlier !== undefined) context.addIssue({ code: 'custom', path: [index, 'period'], message: `give each month once: "${p.period}" is already at series[${earlier}]` });
          else seen.set(p.period, index);
        });
      }),
  })
  // A percentage outside 0 to 100 is a typing mistake (45.5 typed as 455), and would draw off the chart.
  .superRefine((indicator, context) => {
    if (indicator.unit !== 'percent') return;
    indicator.series.forEach((point, index) => {
      for (const [path, value] of [[['value'], point.value], [['comparison', 'value'], point.comparison?.value]] as const) {
        if (typeof value === 'number' && (value < 0 || value > 100)) {
          context.addIssue({ code: 'custom', path: ['series', index, ...path], input: value, message: 'a percentage from 0 to 100, as "unit" is "percent" (check for a slipped decimal point)' });
        }
      }
    });
  });
