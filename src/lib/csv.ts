/**
 * CSV as spreadsheets expect it (RFC 4180): comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return, or the full-width =, +, - and @ that Apple
 * Numbers reads as those) is prefixed with an apostrophe. Written by csv-stringify (the
 * counterpart of the csv-parse that reads editors' spreadsheets) with its formula escaping on.
 */
import { stringify, type Options } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

const OPTIONS: Options = {
  record_delimiter: 'windows',
  // Quote a cell holding a line break of any kind, not only CRLF (off once record_delimiter is set).
  quote_record_delimiter: true,
  escape_formulas: true,
  // A number is written as it is (a negative one is not a formula); one that is not finite is empty.
  cast: { number: (value) => (Number.isFinite(value) ? String(value) : '') },
};

/** One field, quoted and made safe where needed. Numbers are written as they are. */
export function csvField(value: CsvCell): string {
  return stringify([[value]], OPTIONS).slice(0, -2);
}

/** A whole CSV file: a header row, then the rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header, ...rows] as CsvCell[][], OPTIONS);
}

/**
 * Why a spreadsheet could not be read as CSV, in words, naming the line: csv-parse's own
 * messages ("Invalid Opening Quote: a quote is found on field null …") mean little to editors.
 */
export function csvReadError(error: unknown): string {
  const { code, lines, message } = (error ?? {}) as { code?: string; lines?: number; message?: string };
  const line = typeof lines === 'number' ? `line ${lines}: ` : '';
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_OPENING_QUOTE':
      return `${line}a double quote (") appears in the middle of a cell — put the whole cell in double quotes and write each quote inside it twice (""), or let the spreadsheet save the file as CSV for you`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${line}a cell opens a double quote (") that is never closed — add the closing quote at the end of the cell`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return `${line}a quoted cell has more text after its closing quote — put the whole cell in double quotes and write each quote inside it twice ("")`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `${line}this row has a different number of cells from the first row — check for a missing or extra comma`;
    case 'CSV_INVALID_ARGUMENT':
    case 'CSV_OPTION_COLUMNS_MISSING_NAME':
      return `${line}a column in the first row has no name — give every column a name from docs/import.md`;
    default:
      return `${line}the file could not be read as CSV (${(message ?? String(error)).split('\n')[0]!.replace(/ on field (?:null|"[^"]*")/, '')}) — save it from the spreadsheet as "CSV UTF-8 (comma delimited)"`;
  }
}
