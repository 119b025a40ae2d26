/**
 * Writes CSV as RFC 4180 describes it: fields separated by commas, records ended by CRLF, a
 * field quoted when it holds a comma, a double quote, CR or LF, and quotes inside doubled.
 */

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  /**
   * Start the file with a UTF-8 byte order mark so Excel reads curly quotes and dashes
   * correctly. Parsers that follow RFC 4180 should be told to strip it (default true).
   */
  byteOrderMark?: boolean;
  /**
   * Put a ' before any cell that starts with =, +, -, @, tab or CR so a spreadsheet shows it
   * as text instead of running it as a formula (default true).
   */
  neutraliseFormulas?: boolean;
}

/** One field, quoted only when it needs to be. */
export function csvField(value: string | number | boolean, neutraliseFormulas = true): string {
  let text = String(value);
  if (neutraliseFormulas && typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: a header row, then one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean)[])[], options: CsvOptions = {}): string {
  const { byteOrderMark = true, neutraliseFormulas = true } = options;
  const lines = [header, ...rows].map((row, index) => {
    if (row.length !== header.length) throw new Error(`CSV row ${index} has ${row.length} fields; the header has ${header.length}`);
    return row.map((field) => csvField(field, neutraliseFormulas)).join(',');
  });
  return `${byteOrderMark ? '\uFEFF' : ''}${lines.map((line) => `${line}\r\n`).join('')}`;
}
