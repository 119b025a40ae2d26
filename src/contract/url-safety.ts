/**
 * Link addresses and text that editors write, checked for what could run script or mislead a
 * reader: a scheme other than https:, http:, mailto: or tel: (javascript:, data:, vbscript: …),
 * an address that names someone else's site before the real one
 * (https://council.gov.uk@evil.example/), and characters that reorder or hide text.
 *
 * Browsers ignore tabs, line breaks and control characters inside an address, and MDX and HTML
 * decode character references (&#106; is "j"), so the scheme is read after both: otherwise
 * "java&#x09;script:" would pass as a harmless word.
 */

const SAFE_SCHEMES = new Set(['https', 'http', 'mailto', 'tel']);

/** Characters that reverse or isolate the direction of text, so what a reader sees is not what is there. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/** Characters that show nothing: spaces, format characters (zero-width space, joiners, soft hyphen) and fillers. */
const INVISIBLE = /^[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0\u2800\u034F\u180E]*$/u;

const NAMED_REFERENCES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\',
  lpar: '(', rpar: ')', period: '.', comma: ',', semi: ';', num: '#', quest: '?', nbsp: '\u00A0', excl: '!',
};

/** Decodes numeric and the common named character references, as MDX and HTML would. */
export function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, reference: string) => {
    if (reference[0] === '#') {
      const code = reference[1] === 'x' || reference[1] === 'X' ? parseInt(reference.slice(2), 16) : parseInt(reference.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_REFERENCES[reference.toLowerCase()] ?? whole;
  });
}

/** Why an address may not be used, in plain English, or undefined when it is safe. */
export function unsafeUrl(raw: string): string | undefined {
  if (BIDI_CONTROLS.test(raw)) return 'the address has hidden characters that reverse the direction of text, so it does not go where it seems to';
  // What a browser would follow: references decoded, then tabs, line breaks, spaces and control characters removed.
  const decoded = decodeReferences(decodeReferences(raw));
  const url = decoded.replace(/[\u0000-\u0020\u007F-\u009F\p{Cf}]/gu, '');
  const beforePath = url.split(/[/?#]/, 1)[0]!;
  if (/&[a-z0-9]+;?/i.test(beforePath)) {
    return 'the address is written with character codes: type it out plainly';
  }
  if (/^[/\\]{2}|^\/\\|^\\/.test(url)) return 'the address starts with // or \\, which leads to another website without saying how';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (!SAFE_SCHEMES.has(name)) return `the address starts with "${name}:", which is not a web page, email or phone link`;
    if (name === 'http' || name === 'https') {
      try {
        const parsed = new URL(url);
        if (parsed.username || parsed.password) return `the address has "${decodeURIComponent(parsed.username)}${parsed.password ? ':…' : ''}@" before the website's name, so it really goes to ${parsed.host}`;
      } catch {
        return 'the address is not a complete web address';
      }
      if (/^https?:\/\/[^/?#]*@/i.test(url)) return 'the address has an "@" before the website\'s name, so it goes somewhere other than it seems';
    }
  } else if (/^[^/?#]*:/.test(url)) {
    return 'the address has a ":" before any "/", so a browser reads it as an unknown kind of link';
  }
  return undefined;
}

/** The fix for any unsafe address. */
export const UNSAFE_URL_FIX = 'link to a web page (https://…), an email (mailto:…), a phone number (tel:…) or a page on this site (/…), written out in full';

/** Why a piece of text would mislead a reader, or undefined when it is fine. Empty text is left to the schemas. */
export function misleadingText(text: string): string | undefined {
  if (BIDI_CONTROLS.test(text)) return 'it has hidden characters that reverse the direction of text (Unicode bidirectional controls), so it reads differently from what is there';
  if (text.length > 0 && INVISIBLE.test(text)) return 'it has only invisible characters, so it looks empty';
  return undefined;
}

export const MISLEADING_TEXT_FIX = 'retype the text: delete it and type it again by hand, without pasting';

/** Field names whose whole value is a link address. */
const ADDRESS_FIELD = /(?:^|\.)(?:url|href|website|[a-z]+Url)$/i;
/** Addresses in Markdown links and HTML tags inside a text field. */
const LINKS_IN_TEXT = /\]\(\s*<?([^)\s>]+)|href\s*=\s*["']([^"']*)["']/gi;

/**
 * Why an address pretends to go somewhere it does not (a name before the real website, or
 * characters that reorder it), or undefined.
 */
export function impersonatingUrl(raw: string): string | undefined {
  const reason = unsafeUrl(raw);
  return reason && /reverse the direction|before the website's name|goes somewhere other/.test(reason) ? reason : undefined;
}

/**
 * Problems in one text field of a content file: misleading characters, and links that pretend to
 * go somewhere else. (A javascript: or data: link in a Markdown field is already shown as text by
 * the renderer, src/lib/text/markdown.ts, which tests/integration/hostile-content.test.ts holds to.)
 */
export function textFieldProblems(file: string, field: string, text: string): { file: string; field: string; problem: string; fix: string }[] {
  const problems = [];
  const misleading = misleadingText(text);
  if (misleading) problems.push({ file, field, problem: `the text looks fine but ${misleading}`, fix: MISLEADING_TEXT_FIX });
  const addresses = ADDRESS_FIELD.test(field) ? [text] : [...text.matchAll(LINKS_IN_TEXT)].map((m) => (m[1] ?? m[2])!);
  for (const address of addresses) {
    const reason = ADDRESS_FIELD.test(field) ? unsafeUrl(address) : impersonatingUrl(address);
    if (reason) problems.push({ file, field, problem: `the link "${address.length > 60 ? `${address.slice(0, 59)}…` : address}" is not safe: ${reason}`, fix: UNSAFE_URL_FIX });
  }
  return problems;
}
