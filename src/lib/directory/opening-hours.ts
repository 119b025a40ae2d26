/** Opening hours written as people say them, so screen readers read them naturally too. */
import { weekdays, type Weekday } from '../../contract/vocabulary.ts';

/** "09:00" → "9am", "17:30" → "5:30pm", "12:00" → "midday". */
export function spokenTime(hhmm: string): string {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return 'midday';
  if (h === 0 && m === 0) return 'midnight';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const suffix = h < 12 ? 'am' : 'pm';
  return m === 0 ? `${hour12}${suffix}` : `${hour12}:${String(m).padStart(2, '0')}${suffix}`;
}

/** ["mon","tue","wed","thu","fri"] → "Monday to Friday"; ["mon","wed"] → "Monday and Wednesday". */
export function dayRanges(days: Weekday[]): string {
  const order = weekdays.values;
  const sorted = [...new Set(days)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const runs: Weekday[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && order.indexOf(day) === order.indexOf(run.at(-1)!) + 1) run.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [`${weekdays.label(run[0]!)} to ${weekdays.label(run.at(-1)!)}`] : run.map((d) => weekdays.label(d)),
  );
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

/** One line of opening hours: "Monday to Friday, 8:30am to 5pm". */
export function hoursText(hours: { days: Weekday[]; opens: string; closes: string }): string {
  return `${dayRanges(hours.days)}, ${spokenTime(hours.opens)} to ${spokenTime(hours.closes)}`;
}
