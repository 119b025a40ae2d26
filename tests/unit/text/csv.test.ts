import { describe, expect, test } from 'vitest';
import { csvField, toCsv } from '../../../src/lib/text/csv.ts';
import { readServicesCsv } from '../../../src/lib/editors/import/csv.ts';

describe('CSV', () => {
  test('plain text and numbers are written as they are', () => {
    expect(csvField('2026-01')).toBe('2026-01');
    expect(csvField(41.5)).toBe('41.5');
    expect(csvField(-3)).toBe('-3');
  });
  test('missing values are empty fields', () => {
    expect(csvField(undefined)).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });
  test('commas, quotes and line breaks are quoted, with quotes doubled', () => {
    expect(csvField('Brackenbridge, Saltmere')).toBe('"Brackenbridge, Saltmere"');
    expect(csvField('the "local" offer')).toBe('"the ""local"" offer"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  test('text a spreadsheet would run as a formula is made harmless', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });
  test('text starting with a tab or carriage return, or a minus sign in text, is made harmless too', () => {
    expect(csvField('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    expect(csvField('-2+3')).toBe("'-2+3");
  });
  test('the full-width signs Apple Numbers reads as =, +, - and @ are made harmless too', () => {
    expect(csvField('\uFF1DHYPERLINK(1)')).toBe("'\uFF1DHYPERLINK(1)");
    expect(csvField('\uFF0B1')).toBe("'\uFF0B1");
    expect(csvField('\uFF0D1')).toBe("'\uFF0D1");
    expect(csvField('\uFF20SUM(A1)')).toBe("'\uFF20SUM(A1)");
  });
  test('a semicolon or tab is quoted, so a spreadsheet that splits on it keeps the cell whole', () => {
    expect(csvField('Speech; language')).toBe('"Speech; language"');
    expect(csvField('a;=HYPERLINK("x")')).toBe('"a;=HYPERLINK(""x"")"');
    expect(csvField('a\t=cmd')).toBe('"a\t=cmd"');
  });
  test('a line break of either kind on its own is quoted', () => {
    expect(csvField('two\rlines')).toBe('"two\rlines"');
    expect(toCsv(['a'], [['one\ntwo']])).toBe('a\r\n"one\ntwo"\r\n');
  });
  test('a file has a header row and CRLF line ends, including the last line', () => {
    expect(toCsv(['period', 'value'], [['2026-01', 41], ['2026-04', 48]])).toBe('period,value\r\n2026-01,41\r\n2026-04,48\r\n');
  });
  test('a file with no rows is just the header', () => {
    expect(toCsv(['period', 'value'], [])).toBe('period,value\r\n');
  });
});

describe('a spreadsheet that cannot be read as CSV', () => {
  const message = (text: string) => readServicesCsv(text).fileProblems.join('\n');
  test('a stray quote in a cell names the line and what to do, not csv-parse\'s words', () => {
    const text = 'name,organisation\nSwim "Club,x\n';
    expect(message(text)).toMatch(/^line 2: a double quote \(".*put the whole cell in double quotes/);
    expect(message(text)).not.toMatch(/Invalid Opening Quote|field null/);
  });
  test('a quote never closed names the line', () => {
    expect(message('name,organisation\n"Swim club,x\n')).toMatch(/^line 2: a cell opens a double quote/);
  });
  test('text after a closing quote names the line', () => {
    expect(message('name,organisation\n"Swim" club,x\n')).toMatch(/^line 2: a quoted cell has more text after its closing quote/);
  });
});
