import { describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvField, toCsv } from '../../src/lib/csv.ts';

describe('csvField quotes a field only when RFC 4180 needs it', () => {
  test('plain text is left as it is', () => {
    expect(csvField('Visual timetables')).toBe('Visual timetables');
  });
  test('a comma, a quote or a line break makes the field quoted, with quotes doubled', () => {
    expect(csvField('one, two')).toBe('"one, two"');
    expect(csvField('say "hello"')).toBe('"say ""hello"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('carriage\rreturn')).toBe('"carriage\rreturn"');
  });
  test('numbers and booleans are written as text', () => {
    expect(csvField(3)).toBe('3');
    expect(csvField(false)).toBe('false');
  });
  test('a cell a spreadsheet would run as a formula starts with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x.example")')).toBe('"\'=HYPERLINK(""http://x.example"")"');
    expect(csvField('+44 1632 960 000')).toBe("'+44 1632 960 000");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=1', false)).toBe('=1');
  });
});

describe('toCsv writes a whole file', () => {
  test('starts with a byte order mark and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [['1', '2']]);
    expect(csv).toBe('\uFEFFa,b\r\n1,2\r\n');
    expect(toCsv(['a'], [], { byteOrderMark: false })).toBe('a\r\n');
  });

  test('what it writes reads back exactly with an independent RFC 4180 parser', () => {
    const rows = [
      ['Plain', 'Comma, inside', 'Quote "inside"'],
      ['Line\r\nbreak', '', 'Curly ‘quotes’ and an en dash –'],
    ];
    const csv = toCsv(['one', 'two', 'three'], rows);
    const parsed = parse(csv, { bom: true }) as string[][];
    expect(parsed).toEqual([['one', 'two', 'three'], ...rows]);
  });

  test('refuses a row with the wrong number of fields, so columns cannot slip', () => {
    expect(() => toCsv(['a', 'b'], [['only one']])).toThrow(/row 1 has 1 fields; the header has 2/);
  });
});
