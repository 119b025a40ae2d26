/**
 * Reads services from a spreadsheet saved as CSV (columns documented in docs/import.md).
 * Lists in a cell are separated by semicolons; vocabulary values can be written as the
 * code ("social-care") or the label people read ("Social care").
 */
import { parse } from 'csv-parse/sync';
import { csvReadError } from '../csv.ts';
import { accessRoutes, categories, levels, needs, serviceStatuses } from '../vocabulary.ts';
import type { Candidate } from './plan.ts';

/** The columns, in the order of the sample file. */
export const CSV_COLUMNS = [
  'id',
  'name',
  'organisation',
  'organisation_website',
  'summary',
  'description',
  'categories',
  'needs',
  'levels',
  'age_min',
  'age_max',
  'access_routes',
  'how_to_access',
  'eligibility',
  'free',
  'cost_details',
  'contact_name',
  'phone',
  'email',
  'website',
  'location_name',
  'address',
  'postcode',
  'area_served',
  'keywords',
  'status',
  'last_reviewed',
] as const;

const REQUIRED = ['name', 'organisation', 'summary', 'description', 'categories', 'levels', 'age_min', 'age_max', 'access_routes', 'how_to_access', 'free', 'last_reviewed'];

type Vocabulary = { values: readonly string[]; labels: Record<string, string> };

const list = (cell: string | undefined) => (cell ?? '').split(';').map((s) => s.trim()).filter(Boolean);

/** Matches "Social care", "social-care" or "SOCIAL CARE" to the code "social-care". */
function vocabularyValue(vocabulary: Vocabulary, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  return vocabulary.values.find((v) => v === wanted || vocabulary.labels[v]!.toLowerCase() === wanted || v.replace(/-/g, ' ') === wanted);
}

/** Unknown items are kept as written, so the schema's message names them and the allowed values. */
function vocabularyList(vocabulary: Vocabulary, cell: string | undefined): string[] {
  return list(cell).map((item) => vocabularyValue(vocabulary, item) ?? item);
}

/** A whole number, or the text as written so the schema can say what is wrong with it. */
function whole(cell: string | undefined): number | string | undefined {
  if (!cell?.trim()) return undefined;
  const n = Number(cell.trim());
  return Number.isInteger(n) ? n : cell.trim();
}

function yesNo(cell: string | undefined, column: string, problems: string[]): boolean | undefined {
  const value = (cell ?? '').trim().toLowerCase();
  if (['yes', 'y', 'true', 'free'].includes(value)) return true;
  if (['no', 'n', 'false'].includes(value)) return false;
  if (value) problems.push(`${column}: "${cell}" should be yes or no`);
  return undefined;
}

/** A spreadsheet date: 2026-03-31, or 31/03/2026 as UK spreadsheets write it. */
function isoDate(cell: string | undefined): string | undefined {
  const value = (cell ?? '').trim();
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (uk) return `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  return value || undefined;
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);

export interface CsvRead {
  candidates: Candidate[];
  /** Problems with the file as a whole (missing columns, unreadable CSV). */
  fileProblems: string[];
  /** Columns in the file we do not know (reported, their values ignored). */
  unknownColumns: string[];
}

export function readServicesCsv(text: string): CsvRead {
  let records: { record: Record<string, string>; raw: string; info: { lines: number } }[];
  try {
    records = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, '_')), skip_empty_lines: true, bom: true, info: true, raw: true, relax_column_count: true, trim: false });
  } catch (error) {
    return { candidates: [], fileProblems: [csvReadError(error)], unknownColumns: [] };
  }
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]!.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase().replace(/\s+/g, '_'));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknownColumns = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  if (missing.length) return { candidates: [], fileProblems: [`the first row must name the columns; missing: ${missing.join(', ')} (see docs/import.md)`], unknownColumns };

  const candidates = records.map(({ record: r, raw, info }) => {
    const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
    const row = info.lines - (body.match(/\n/g)?.length ?? 0);
    const problems: string[] = [];
    const contact = Object.fromEntries(Object.entries({ name: blank(r.contact_name), phone: blank(r.phone), email: blank(r.email), website: blank(r.website) }).filter(([, v]) => v));
    const location = blank(r.location_name) || blank(r.address) || blank(r.postcode) ? [{ name: blank(r.location_name), address: blank(r.address), postcode: blank(r.postcode) }] : [];
    const service: Record<string, unknown> = {
      name: blank(r.name),
      summary: blank(r.summary),
      description: blank(r.description),
      categories: vocabularyList(categories, r.categories),
      needs: vocabularyList(needs, r.needs),
      levels: vocabularyList(levels, r.levels),
      ageRange: { min: whole(r.age_min), max: whole(r.age_max) },
      access: Object.fromEntries(Object.entries({ routes: vocabularyList(accessRoutes, r.access_routes), howTo: blank(r.how_to_access), eligibility: blank(r.eligibility) }).filter(([, v]) => v !== undefined)),
      cost: Object.fromEntries(Object.entries({ free: yesNo(r.free, 'free', problems), details: blank(r.cost_details) }).filter(([, v]) => v !== undefined)),
      contacts: Object.keys(contact).length ? [contact] : [],
      locations: location.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v))),
      areaServed: list(r.area_served).length ? list(r.area_served) : ['whole-area'],
      keywords: list(r.keywords),
      status: r.status?.trim() ? vocabularyValue(serviceStatuses, r.status) ?? r.status.trim() : 'active',
      lastReviewed: isoDate(r.last_reviewed),
    };
    return {
      ref: `row ${row}`,
      id: blank(r.id),
      // Empty cells add nothing, so an update keeps what the service already has.
      service: Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))),
      organisation: { name: r.organisation ?? '', website: blank(r.organisation_website) },
      problems,
      unmapped: [],
    } satisfies Candidate;
  });
  return { candidates, fileProblems: [], unknownColumns };
}
