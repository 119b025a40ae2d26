/**
 * CSV as spreadsheets expect it (RFC 4180): comma-separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break. Text that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return, or the full-width =, +, - and @ that Apple
 * Numbers reads as those) is prefixed with an apostrophe. A field holding a semicolon or a tab is
 * quoted too: a spreadsheet set to split on those (Excel in much of Europe splits on ";") then
 * keeps it whole, so "a;=HYPERLINK(…)" cannot become a cell that starts with "=".
 *
 * Why not csv-stringify (tried for issue 28; it gave the same bytes, and its list of formula signs
 * added the full-width ones): this module is also bundled into a page script, through
 * provision.ts and the provision filter, and csv-stringify runs `Buffer.from(…)` when it loads, so
 * the filter stopped working in browsers (tests/e2e/provision.spec.ts). It was also about three
 * times slower per row. These few lines run anywhere.
 */

export type CsvCell = string | number | null | undefined;

/** One field, quoted and made safe where needed. Numbers are written as they are. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text)) text = `'${text}`;
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV file: a header row, then the rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
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
