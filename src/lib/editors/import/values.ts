/**
 * Single values as real feeds write them, read the way a council would keep them: websites
 * without a scheme, -1 for "age not set", dates without a time zone, phone numbers with a label
 * or in quotes.
 */

/** "www.example.org" → "https://www.example.org"; empty → undefined; anything not a web address → undefined with a note. */
export function webAddress(value: string | undefined, field: string, notes: string[]): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^https?:\/\//i.test(text)) return text.replace(/\s/g, '%20');
  if (/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:[/:?#]\S*)?$/i.test(text)) return `https://${text}`;
  notes.push(`${field}: "${text.slice(0, 60)}" is not a web address, so it was left out`);
  return undefined;
}

const UK_PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?0)\d(?:[\s)-]*\d){8,9}/;

/**
 * A UK phone number found in text such as "Bristol Youth MAPS: 0117 332 7111"; the words before
 * it are its label, and anything after it ("Ext 303") is `rest`, which a phone number cannot hold.
 */
export function phoneNumber(value: string | undefined): { number: string; label?: string; rest?: string } | undefined {
  const text = value?.replace(/["“”]/g, '').trim();
  if (!text) return undefined;
  const match = UK_PHONE.exec(text);
  if (!match) return undefined;
  const number = match[0].replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
  const label = text.slice(0, match.index).replace(/[\s:–-]+$/, '').trim();
  const rest = text.slice(match.index + match[0].length).replace(/^[\s,;:.)–-]+/, '').trim();
  return { number, ...(label ? { label } : {}), ...(rest ? { rest } : {}) };
}

/** Says what followed a phone number ("Ext 303"), so it is not lost without a word. */
export function notePhoneRest(phone: { number: string; rest?: string } | undefined, field: string, notes: string[]): void {
  if (phone?.rest) notes.push(`${field}: "${phone.rest.slice(0, 60)}" after the number ${phone.number} was not imported, as a phone number cannot hold it: if callers need it (an extension), add it to how to get the service`);
}

/**
 * An email address as a feed gives it ("mailto:" taken off). An address at ".invalid", the name
 * kept for addresses that are sure not to work ("Unknown-17@noemail.invalid"), is a placeholder:
 * it is left out, and `problems` says so.
 */
export function emailAddress(value: string | undefined, field = 'email', problems?: string[]): string | undefined {
  const text = value?.trim().replace(/^mailto:/i, '');
  if (text && /\.invalid$/i.test(text)) {
    problems?.push(`${field}: "${text.slice(0, 60)}" is a placeholder (no address at .invalid can receive email), so it was left out`);
    return undefined;
  }
  return text ? text : undefined;
}

/**
 * Ages as our model holds them. -1 or nothing means "not stated"; one end stated gives the
 * other end of the Local Offer's range (birth, 25).
 */
export function ageRange(min: number | undefined, max: number | undefined, notes: string[]): { min: number; max: number } | undefined {
  const stated = (n: number | undefined) => (n === undefined || n < 0 || !Number.isFinite(n) ? undefined : Math.floor(n));
  let low = stated(min);
  let high = stated(max);
  if (low === undefined && high === undefined) return undefined;
  if (high !== undefined && high > 25) {
    notes.push(`maximum age ${high}: the Local Offer covers birth to 25, so 25 is used`);
    high = 25;
  }
  if (low !== undefined && low > 25) {
    notes.push(`minimum age ${low} is over 25, the end of the Local Offer's range, so the ages are not stated`);
    return undefined;
  }
  low ??= 0;
  high ??= 25;
  if (low > high) {
    notes.push(`ages ${low} to ${high}: the youngest is more than the oldest, so the ages are not stated`);
    return undefined;
  }
  return { min: low, max: high };
}

/**
 * The calendar date in the UK of a date or date-time. A time without a zone is UK time as
 * written (its date is the date written); with a zone it is converted to UK time.
 */
export function ukDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return undefined;
  if (!match[3]) return match[1];
  const instant = new Date(`${match[1]}T${match[2]}${match[3].toUpperCase() === 'Z' ? 'Z' : match[3].length === 5 ? `${match[3].slice(0, 3)}:${match[3].slice(3)}` : match[3]}`);
  if (Number.isNaN(instant.getTime())) return match[1];
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** A review date no later than today (a date in the future would keep the review reminder quiet). */
export function reviewDate(value: string | undefined, today: string, notes: string[], field: string): string | undefined {
  const date = ukDate(value);
  if (value?.trim() && !date) notes.push(`${field}: "${value}" is not a date, so it was left out`);
  if (date && date > today) {
    notes.push(`${field} ${date} is in the future, so today's date was used`);
    return today;
  }
  return date;
}

/** "10:00:00" → "10:00"; anything else → undefined. */
export function clockTime(value: string | undefined): string | undefined {
  const match = value ? /^(\d{1,2}):(\d{2})/.exec(value.trim()) : null;
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}
