/**
 * Reading a GOV.UK date input (separate day, month and year fields) and the error message it
 * shows when something is missing or wrong, worded as the Design System's date input pattern
 * asks: https://design-system.service.gov.uk/components/date-input/
 */

export type DatePart = 'day' | 'month' | 'year';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type DateInputResult =
  | { ok: true; iso: string | undefined }
  | { ok: false; message: string; fields: DatePart[] };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A month as typed: 1 to 12, or its name or first three letters ("Feb", "february"). */
function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  const index = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower)));
  return index >= 0 ? index + 1 : undefined;
}

function joinParts(parts: DatePart[]): string {
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The date typed into a date input, as YYYY-MM-DD, or the error to show.
 * @param label what the date is, as a sentence starts ("Date of the decision letter")
 * @param emptyMessage the message when nothing was entered ("Enter the date of the decision letter")
 * @param optional when true, three empty fields are fine and give `iso: undefined`
 */
export function readDateInput(raw: DateParts, label: string, emptyMessage: string, optional = false): DateInputResult {
  const parts = { day: raw.day.trim(), month: raw.month.trim(), year: raw.year.trim() };
  const missing = (['day', 'month', 'year'] as const).filter((p) => parts[p] === '');
  if (missing.length === 3) return optional ? { ok: true, iso: undefined } : { ok: false, message: emptyMessage, fields: ['day', 'month', 'year'] };
  if (missing.length > 0) return { ok: false, message: `${label} must include a ${joinParts(missing)}`, fields: missing };

  const wrong: DatePart[] = [];
  const day = /^\d{1,2}$/.test(parts.day) ? Number(parts.day) : NaN;
  const month = monthNumber(parts.month);
  if (!(day >= 1 && day <= 31)) wrong.push('day');
  if (month === undefined || month < 1 || month > 12) wrong.push('month');
  if (!/^\d+$/.test(parts.year)) wrong.push('year');
  else if (parts.year.length !== 4) return { ok: false, message: 'Year must include 4 numbers', fields: ['year'] };
  if (wrong.length > 0) return { ok: false, message: `${label} must be a real date`, fields: wrong };

  const iso = `${parts.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // 31 June or 29 February in a year that is not a leap year: the day is the wrong part.
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== iso) return { ok: false, message: `${label} must be a real date`, fields: ['day'] };
  return { ok: true, iso };
}
