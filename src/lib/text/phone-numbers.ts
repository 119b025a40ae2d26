/**
 * UK phone numbers in running text, found so that every page can make them tappable `tel:`
 * links (GOV.UK contact pattern): a parent on a phone should never have to copy a number by hand.
 * Used by the Markdown renderer (content fields), the rehype plugin (MDX pages) and any page that
 * prints a number from site settings. Framework-free, so it is unit-tested directly.
 */

/** One number found in a text: where it is, as written, and the link to it. */
export interface PhoneMatch {
  start: number;
  end: number;
  text: string;
  href: string;
}

/**
 * A candidate: "+44" or "0" (optionally the area code in brackets), then digits with single
 * spaces, non-breaking spaces or hyphens between them. Not inside a longer run of digits or a
 * word, so references such as "KV1 1AA", dates and prices are left alone; the digit count is
 * checked after the match.
 */
const CANDIDATE = /(?<![\w+/.£$€-])(?:\+44[ \u00a0]?(?:\(0\)[ \u00a0]?)?|\(0(?=\d{2,4}\)))(?:\d|\)[ \u00a0]?|[ \u00a0-](?=\d)){8,16}\d(?![\w/])|(?<![\w+/.£$€-])0\d(?:\d|[ \u00a0-](?=\d)){7,14}\d(?![\w/])/g;

/**
 * Short numbers that are only linked after "call" (or "ring", "phone", "dial") or "NHS":
 * "call 999", "NHS 111". On their own, "999" or "111" could be anything.
 */
const SHORT = /(?<=\b(?:(?:call|ring|phone|dial)[ \u00a0]+|NHS[ \u00a0]+))(?:999|111|112|116[ \u00a0]?123|116[ \u00a0]?111)(?![\w/])/gi;

/**
 * The digits a phone dials for a UK number as written, or undefined if it is not one: national
 * numbers are 0 and 9 or 10 more digits ("01632 960 100", "0800 123 4567", "020 7946 0000"),
 * international ones +44 and the same without the 0.
 */
export function ukDialDigits(written: string): string | undefined {
  let digits = written.replace(/\(0\)/g, '').replace(/[^\d+]/g, '');
  if (digits.startsWith('+44')) digits = `0${digits.slice(3)}`;
  if (digits.startsWith('+')) return undefined;
  // 01, 02, 03, 05, 07, 08 and 09 are the UK's number ranges; 00 starts an international call.
  if (!/^0[1235789]\d{8,9}$/.test(digits)) return undefined;
  // 10-digit numbers exist only in a few 01 areas and 0800 1111 style ranges.
  if (digits.length === 10 && !/^01|^0800|^0500/.test(digits)) return undefined;
  return digits;
}

/** `tel:` href for a number as written: "+44 (0)1632 960 100" → "tel:01632960100". */
export function ukTelHref(written: string): string | undefined {
  const short = written.replace(/[ \u00a0]/g, '');
  if (/^(999|111|112|116123|116111)$/.test(short)) return `tel:${short}`;
  const digits = ukDialDigits(written);
  return digits === undefined ? undefined : `tel:${digits}`;
}

/** Every UK phone number in a text, in order, with its `tel:` link. */
export function findPhoneNumbers(text: string): PhoneMatch[] {
  const found: PhoneMatch[] = [];
  for (const pattern of [CANDIDATE, SHORT]) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      const written = match[0];
      const href = ukTelHref(written);
      if (href === undefined) continue;
      found.push({ start: match.index, end: match.index + written.length, text: written, href });
    }
  }
  return found.sort((a, b) => a.start - b.start).filter((m, i, all) => i === 0 || m.start >= all[i - 1]!.end);
}

/** A text cut into plain parts and phone numbers, for renderers to turn into their own nodes. */
export type PhoneSegment = { kind: 'text'; text: string } | { kind: 'phone'; text: string; href: string };

export function splitPhoneNumbers(text: string): PhoneSegment[] {
  const segments: PhoneSegment[] = [];
  let at = 0;
  for (const match of findPhoneNumbers(text)) {
    if (match.start > at) segments.push({ kind: 'text', text: text.slice(at, match.start) });
    segments.push({ kind: 'phone', text: match.text, href: match.href });
    at = match.end;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Plain text (from site settings, say) as HTML with its phone numbers linked; everything else
 * escaped, so text an editor wrote is never read as markup.
 */
export function linkPhoneNumbersInText(text: string): string {
  return splitPhoneNumbers(text)
    .map((s) => (s.kind === 'phone' ? `<a href="${s.href}" class="phone-link">${escapeHtml(s.text)}</a>` : escapeHtml(s.text)))
    .join('');
}
