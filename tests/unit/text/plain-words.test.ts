import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The words the demo site shows families: every abbreviation is explained, either in the glossary
 * (content/glossary.json) or in brackets where it is used, as the GOV.UK style guide asks.
 */
interface Term {
  term: string;
  abbreviations: string[];
  synonyms: string[];
  definition: string;
}
const glossary = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as Term[];

/** Abbreviations so well known that GOV.UK does not spell them out, and AA, a level of WCAG (spelt out where it is used). */
const WELL_KNOWN = new Set(['UK', 'NHS', 'GP', 'MP', 'PE', 'GCSE', 'PDF', 'GOV', 'AA']);

/** Fields that are addresses, codes, dates or search words, not text a family reads. */
const NOT_READ = /(?:^|\.)(?:keywords|searchWords|href|website|email|phone|postcode|source|file|captions|poster|lastReviewed|siteUrl|organisation|relatedServices|pathways|services|videos|pages|areaServed|categories|needs|levels|phases|phase|level|routes|audience|topics|days|unit|theme|next|start|type|status|id|whenNothingMatches|rules|feedbackThemes|localities|statutory)(?:\[\d+\])?$/;

function* readText(value: unknown, field = ''): Generator<string> {
  if (typeof value === 'string') {
    if (!NOT_READ.test(field)) yield value;
  } else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* readText(item, `${field}[${i}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* readText(item, field ? `${field}.${key}` : key);
}

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'public' ? [] : files(join(dir, e.name))) : [join(dir, e.name)]));

/** Each content file's words as a reader meets them: no Sources lines (citations), no link addresses. */
function shownText(file: string): string {
  const raw = readFileSync(file, 'utf8');
  const text = file.endsWith('.json') ? [...readText(JSON.parse(raw))].join('\n') : raw.replace(/^---[\s\S]*?\n---\n/, (front) => front.split('\n').filter((l) => /^(title|summary|whoDecides|whoFunds):/.test(l)).join('\n') + '\n');
  return text
    .split('\n')
    .filter((line) => !/^\s*[*_]*\s*Sources?\s*:/i.test(line) && !/^import\s/.test(line))
    .join('\n')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\b(?:https?:|mailto:)\S+/g, '');
}

const ABBREVIATION = /(?<![\p{L}\p{N}/.@-])(?:[A-Z][a-z]?){0,1}[A-Z]{2,}s?(?![\p{L}\p{N}])/gu;

describe('abbreviations on the demo site are explained', () => {
  // An abbreviation in a glossary term ("EHC" in "EHC needs assessment") is explained there too.
  const inTerms = glossary.flatMap((t) => [...t.abbreviations, ...(t.term.match(/\b[A-Z]{2,}\b/g) ?? [])]);
  const known = new Set([...WELL_KNOWN, ...inTerms]);
  const contentFiles = files('content').filter((f) => /\.(json|mdx)$/.test(f) && !/import-mapping\.json$/.test(f));

  test('each abbreviation a page uses is in the glossary, or spelt out in brackets on the same page', () => {
    const unexplained: string[] = [];
    for (const file of contentFiles) {
      const text = shownText(file);
      for (const [abbreviation] of text.matchAll(ABBREVIATION)) {
        const bare = abbreviation.replace(/s$/, '');
        if (known.has(abbreviation) || known.has(bare)) continue;
        // Spelt out where it is used: "special educational needs inclusion fund (SENIF)" or "SENIF (the inclusion fund)".
        if (new RegExp(`\\((?:the )?${bare}s?\\)|\\b${bare}s?\\s\\(`).test(text)) continue;
        unexplained.push(`${file}: ${abbreviation}`);
      }
    }
    expect([...new Set(unexplained)]).toEqual([]);
  });
});

/**
 * SEND words from the SEND Code of Practice and the Local Offer's own pages. A page that uses one
 * needs it in the glossary, as a term, an abbreviation, another name ("Also called") or an old name.
 */
const SEND_TERMS = [
  'alternative provision', 'pupil referral unit', 'reasonable adjustments', 'assess, plan, do, review', 'individual healthcare plan', 'parent carer forum',
  'key person', 'travel training', 'early help', 'annual review', 'personal budget', 'direct payment', 'short breaks', 'mediation', 'SEN support',
  'graduated approach', 'ordinarily available provision', 'high needs block', 'best endeavours', 'preparing for adulthood', 'supported internship',
  'resource base', 'special school', 'transition assessment', 'mental capacity', 'continuing care', 'corporate parent', 'looked-after child',
  'education other than at school', 'EOTAS', 'virtual school head', 'personal education plan', 'designated clinical officer', 'integrated care board',
  'elective home education', 'section 41 list', 'non-maintained special school', 'disagreement resolution', 'personal health budget', 'portage',
];

test('each SEND word the demo pages use is in the glossary', () => {
  const explained = glossary.flatMap((t) => [t.term, ...t.abbreviations, ...t.synonyms, ...((t as { usedToBeCalled?: string[] }).usedToBeCalled ?? [])]).map((w) => w.toLowerCase());
  const pages = files('content').filter((f) => /\.(json|mdx)$/.test(f) && !/glossary\.json$|import-mapping\.json$/.test(f)).map((f) => [f, shownText(f)] as const);
  const missing: string[] = [];
  for (const word of SEND_TERMS) {
    const pattern = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}s?\\b`, /[a-z]/.test(word) ? 'i' : '');
    const user = pages.find(([, text]) => pattern.test(text));
    const singular = word.toLowerCase().replace(/s$/, '');
    if (user && !explained.some((w) => w === word.toLowerCase() || w.replace(/s$/, '') === singular)) missing.push(`${word} (used in ${user[0]})`);
  }
  expect(missing).toEqual([]);
});
