import { describe, expect, test } from 'vitest';
import { decodeCsv, readServicesCsv, workbookProblem } from '../../../src/lib/editors/import/csv.ts';

const HEADER = 'name,organisation,summary,categories';

describe('reading a spreadsheet saved as CSV', () => {
  test('a latin-1 (Windows-1252) file is detected and read, with a note saying so', () => {
    const bytes = Uint8Array.from([...Buffer.from(`${HEADER}\nCaf`, 'latin1'), 0xe9, ...Buffer.from(' club,Kestrel Vale Council,Drinks for ', 'latin1'), 0xa3, ...Buffer.from('2.,Education\n', 'latin1')]);
    const { text, note } = decodeCsv(bytes);
    expect(note).toMatch(/Windows-1252/);
    const [row] = readServicesCsv(text).candidates;
    expect(row!.service.name).toBe('Café club');
    expect(row!.service.summary).toBe('Drinks for £2.');
  });

  test('a UTF-16 file ("Unicode text" from Excel) is detected and read', () => {
    const body = `${HEADER}\nZoë's garden,Kestrel Vale Council,A garden.,Education\n`;
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]);
    const { text, note } = decodeCsv(bytes);
    expect(note).toMatch(/UTF-16/);
    expect(readServicesCsv(text).candidates[0]!.service.name).toBe("Zoë's garden");
  });

  test('a semicolon-separated file is read, and the note says how', () => {
    const read = readServicesCsv('name;organisation;summary\n"Café club, Brackenbridge";Brackenbridge College;Friendly.\n');
    expect(read.fileProblems).toEqual([]);
    expect(read.notes.join()).toContain('semicolon');
    expect(read.candidates[0]!.service.name).toBe('Café club, Brackenbridge');
    expect(read.candidates[0]!.organisation.name).toBe('Brackenbridge College');
  });

  test('duplicate headers are an error naming the column, so no value is silently lost', () => {
    expect(readServicesCsv('name,phone,organisation,phone\nA,01632 960 100,Org,01632 960 200\n').fileProblems).toEqual([
      'the column "phone" appears twice in row 1 (columns 2 and 4): delete or rename one, so no value is lost',
    ]);
  });

  test('a row with more cells than the header is an error naming the spreadsheet row', () => {
    const problems = readServicesCsv(`${HEADER}\nA,Org,Summary.,Education\n"B, with a\nline break",Org,Summary.,Education\nC,Org,Summary, with a comma,Education\n`).fileProblems;
    // Row 4 of the spreadsheet, though it is line 5 of the file: the cell above holds a line break.
    expect(problems).toEqual([expect.stringMatching(/^row 4 has 5 cells but row 1 names 4 columns; the extra value "Education" would be lost/)]);
  });

  test('rows are numbered as the spreadsheet numbers them (the header is row 1)', () => {
    const read = readServicesCsv(`${HEADER}\n"A\nwith a break",Org,Summary.,Education\n\nB,Org,Summary.,Education\n`);
    expect(read.candidates.map((c) => c.ref)).toEqual(['row 2', 'row 4']);
  });

  test('a blank free column is not "There is a charge": plain "Free" is free, a price is a charge, anything else asks for yes or no', () => {
    const rows = readServicesCsv('name,free,cost_details\nA,,Free\nB,,"Free for families on benefits, £3 otherwise"\nC,,Ask the service\nD,no,\nE,,\n').candidates;
    expect(rows.map((r) => r.service.cost)).toEqual([{ free: true, details: 'Free' }, { free: false, details: 'Free for families on benefits, £3 otherwise' }, { free: false, details: 'Ask the service' }, { free: false }, undefined]);
    expect(rows[2]!.needs!.join()).toContain('cost.free — the free column is blank, but cost_details says "Ask the service" — write yes or no in the free column');
    expect(rows.filter((r) => r.needs?.length).map((r) => r.service.name)).toEqual(['C']);
  });

  test('a column with no name in row 1 but values below is said, with its first value', () => {
    const read = readServicesCsv('name,,summary\nA,,One.\nB,important value,Two.\n');
    expect(read.unknownColumns).toEqual(['column 2 (it has no name in row 1; its first value is "important value")']);
    expect(readServicesCsv('name,,summary\nA,,One.\n').unknownColumns).toEqual([]);
  });

  test('non-breaking and zero-width spaces in a list cell still match the label', () => {
    expect(readServicesCsv('name,categories\nA,Social\u00a0care; \u200bHealth\n').candidates[0]!.service.categories).toEqual(['social-care', 'health']);
  });

  test('an extension after a phone number and a placeholder email are said, not dropped', () => {
    const [row] = readServicesCsv('name,phone,email\nA,0203 289 6420 Ext 303,x@noemail.invalid\n').candidates;
    expect(row!.service.contacts).toEqual([{ phone: '0203 289 6420' }]);
    expect(row!.problems.join('\n')).toMatch(/"Ext 303" after the number 0203 289 6420 was not imported/);
    expect(row!.problems.join('\n')).toMatch(/"x@noemail.invalid" is a placeholder/);
  });

  test('a workbook (.xlsx, .ods or .xls) is named as one, with how to save it as CSV', () => {
    expect(workbookProblem(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]))).toMatch(/^is a spreadsheet workbook .* save it as "CSV UTF-8 \(comma delimited\)"/);
    expect(workbookProblem(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBeDefined();
    expect(workbookProblem(new TextEncoder().encode('name,summary\n'))).toBeUndefined();
  });
});
