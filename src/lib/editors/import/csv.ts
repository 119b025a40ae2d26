/**
 * Reads services from a spreadsheet saved as CSV (columns documented in docs/import.md).
 * Lists in a cell are separated by semicolons; vocabulary values can be written as the
 * code ("social-care") or the label people read ("Social care").
 */
import { parse } from 'csv-parse/sync';
import { csvReadError } from '../../text/csv.ts';
import { accessRoutes, categories, levels, needs, serviceStatuses } from '../../../contract/vocabulary.ts';
import type { Candidate } from './plan.ts';
import { describe } from './context.ts';
import { htmlToText } from './html.ts';
import { emailAddress, notePhoneRest, phoneNumber, webAddress } from './values.ts';

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

/** Only the name is needed: a row missing anything else is written as a draft that says what it needs. */
const REQUIRED = ['name'];

type Vocabulary = { values: readonly string[]; labels: Record<string, string> };

/** A cell's text with the spaces a spreadsheet hides (non-breaking, zero-width) made ordinary. */
const tidy = (text: string) => text.replace(/[\u200b\u200c\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();

const list = (cell: string | undefined) => (cell ?? '').split(';').map(tidy).filter(Boolean);

/** Matches "Social care", "social-care" or "SOCIAL CARE" to the code "social-care". */
function vocabularyValue(vocabulary: Vocabulary, text: string): string | undefined {
  const wanted = tidy(text).toLowerCase();
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
  if (value) problems.push(`${column}: "${cell}" should be yes or no; it was left out, so the cost is not stated`);
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

/** A plain cell (a name, an address line): tags taken out, entities read. */
const plainCell = (value: string | undefined) => (blank(value) ? htmlToText(value!) || undefined : undefined);

/** Cost details that say the service is free, and no more. */
const SAYS_FREE = /^\s*(free|free of charge|no charge|none|£0(\.00)?)\s*\.?\s*$/i;
/** Cost details that name a price. */
const NAMES_A_PRICE = /£\s?\d/;

/**
 * The cost from the free and cost_details columns. A blank free column is "not stated"; with
 * details, it is worked out only when they are plain about it (just "Free", or a price in pounds).
 * Otherwise the row is a draft that asks for yes or no, so a page never says "There is a charge"
 * that the spreadsheet did not.
 */
function costOf(freeCell: string | undefined, detailsCell: string | undefined, problems: string[], needs: string[]): { free: boolean; details?: string } | undefined {
  const free = yesNo(freeCell, 'free', problems);
  const details = plainCell(detailsCell);
  if (!details) return free === undefined ? undefined : { free };
  if (free !== undefined) return { free, details };
  if (SAYS_FREE.test(details)) return { free: true, details };
  if (!NAMES_A_PRICE.test(details)) needs.push(`cost.free — the free column is blank, but cost_details says "${details.slice(0, 60)}" — write yes or no in the free column (until then the page would say there is a charge)`);
  return { free: false, details };
}

export interface CsvRead {
  candidates: Candidate[];
  /** Problems with the file as a whole (duplicate or missing columns, unreadable CSV). */
  fileProblems: string[];
  /** Columns in the file we do not know (reported, their values ignored). */
  unknownColumns: string[];
  /** How the file was read: its encoding and delimiter, when not the usual ones. */
  notes: string[];
}

/**
 * The text of a spreadsheet saved as CSV, whatever Excel or LibreOffice saved it as: UTF-8 (with or
 * without a byte order mark), UTF-16 ("Unicode text"), or Windows-1252/latin-1 ("CSV" on older Excel).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; note?: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), note: 'the file is UTF-16 (little-endian), read as such' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), note: 'the file is UTF-16 (big-endian), read as such' };
  // UTF-16 without a byte order mark: every other byte of plain text is zero.
  const sample = bytes.subarray(0, 400);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => b === 0 && (i % 2 ? oddZeros++ : evenZeros++));
  if (oddZeros > sample.length / 4) return { text: new TextDecoder('utf-16le').decode(bytes), note: 'the file is UTF-16 (little-endian), read as such' };
  if (evenZeros > sample.length / 4) return { text: new TextDecoder('utf-16be').decode(bytes), note: 'the file is UTF-16 (big-endian), read as such' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), note: 'the file is not UTF-8, so it was read as Windows-1252 (latin-1), as older Excel saves CSV; check accented letters such as é and £ in the dry run, or save it as "CSV UTF-8" and import again' };
  }
}

/**
 * Why a file is not CSV at all but a spreadsheet's own workbook (Excel .xlsx or LibreOffice .ods,
 * which are zip files, or Excel's older .xls), in words; undefined for anything else.
 */
export function workbookProblem(bytes: Uint8Array): string | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (!starts(0x50, 0x4b, 0x03, 0x04) && !starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return undefined;
  return 'is a spreadsheet workbook (an Excel .xlsx or .xls file, or a LibreOffice .ods file), not CSV: open it in the spreadsheet, save it as "CSV UTF-8 (comma delimited)" (in LibreOffice, "Text CSV"), and import the .csv file';
}

/** The delimiter of the header row: the one of , ; tab | that splits it into most columns outside quotes. */
export function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const outside = header.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t', '|'].map((d) => [d, outside.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

export function readServicesCsv(text: string, options: { delimiter?: string } = {}): CsvRead {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const notes = delimiter !== ',' ? [`the columns are separated by ${DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`}s${options.delimiter ? ' (as asked)' : ' (detected from the first row)'}`] : [];
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    return { candidates: [], fileProblems: [csvReadError(error)], unknownColumns: [], notes };
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase().replace(/\s+/g, '_'));
  const fileProblems: string[] = [];
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (!h) return;
    if (seen.has(h)) fileProblems.push(`the column "${h}" appears twice in row 1 (columns ${seen.get(h)! + 1} and ${i + 1}): delete or rename one, so no value is lost`);
    else seen.set(h, i);
  });
  const missing = REQUIRED.filter((c) => !header.includes(c));
  const unknownColumns = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  // A column with no name in row 1 but values below: said, as its values are not imported.
  header.forEach((h, i) => {
    if (h) return;
    const first = rows.slice(1).find((row) => row[i]?.trim())?.[i]?.trim();
    if (first) unknownColumns.push(`column ${i + 1} (it has no name in row 1; its first value is "${first.slice(0, 40)}")`);
  });
  if (missing.length) fileProblems.push(`row 1 must name the columns; missing: ${missing.join(', ')}${delimiter === ',' && header.length === 1 && /;/.test(header[0] ?? '') ? ' (the columns look separated by semicolons: add --delimiter ";")' : ''} (see docs/import.md)`);
  // A row with more cells than the header has a value with no column: the file is wrong, not the row.
  rows.forEach((row, index) => {
    if (index === 0) return;
    const extra = row.slice(header.length).filter((cell) => cell.trim() !== '');
    if (extra.length) fileProblems.push(`row ${index + 1} has ${row.length} cells but row 1 names ${header.length} columns; the extra value${extra.length > 1 ? 's' : ''} ${extra.map((e) => `"${e.slice(0, 30)}"`).join(', ')} would be lost: check for a comma inside a value that is not in quotes`);
  });
  if (fileProblems.length) return { candidates: [], fileProblems, unknownColumns, notes };

  const candidates: Candidate[] = [];
  rows.forEach((cells, index) => {
    if (index === 0 || cells.every((c) => !c.trim())) return;
    // Spreadsheet row numbers: the header is row 1, and a cell with line breaks is still one row.
    const row = index + 1;
    const r: Record<string, string> = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
    const problems: string[] = [];
    const rowNeeds: string[] = [];
    const phone = phoneNumber(r.phone);
    notePhoneRest(phone, 'phone', problems);
    const contact = Object.fromEntries(Object.entries({ name: plainCell(r.contact_name), phone: phone?.number ?? blank(r.phone), email: emailAddress(blank(r.email), 'email', problems), website: webAddress(r.website, 'website', problems) }).filter(([, v]) => v));
    const location = blank(r.location_name) || blank(r.address) || blank(r.postcode) ? [{ name: plainCell(r.location_name) ?? plainCell(r.address), address: plainCell(r.address), postcode: plainCell(r.postcode)?.toUpperCase() }] : [];
    const { description, summary } = describe(blank(r.description), r.summary ? htmlToText(r.summary) : undefined);
    const cost = costOf(r.free, r.cost_details, problems, rowNeeds);
    const min = whole(r.age_min);
    const max = whole(r.age_max);
    const service: Record<string, unknown> = {
      name: r.name ? htmlToText(r.name) : undefined,
      summary,
      description,
      categories: vocabularyList(categories, r.categories),
      needs: vocabularyList(needs, r.needs),
      levels: vocabularyList(levels, r.levels),
      ageRange: min === undefined && max === undefined ? undefined : { min: min ?? 0, max: max ?? 25 },
      access: Object.fromEntries(Object.entries({ routes: vocabularyList(accessRoutes, r.access_routes), howTo: blank(r.how_to_access), eligibility: blank(r.eligibility) }).filter(([, v]) => v !== undefined)),
      cost,
      contacts: Object.keys(contact).length ? [contact] : [],
      locations: location.map((l) => Object.fromEntries(Object.entries(l).filter(([, v]) => v))),
      areaServed: list(r.area_served).length ? list(r.area_served) : undefined,
      keywords: list(r.keywords),
      status: r.status?.trim() ? vocabularyValue(serviceStatuses, r.status) ?? r.status.trim() : undefined,
      lastReviewed: isoDate(r.last_reviewed),
    };
    candidates.push({
      ref: `row ${row}`,
      id: blank(r.id),
      // Empty cells add nothing, so an update keeps what the service already has.
      service: Object.fromEntries(Object.entries(service).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0))),
      organisation: { name: r.organisation ?? '', website: webAddress(r.organisation_website, 'organisation_website', problems) },
      problems,
      unmapped: [],
      needs: rowNeeds,
    });
  });
  return { candidates, fileProblems: [], unknownColumns, notes };
}
