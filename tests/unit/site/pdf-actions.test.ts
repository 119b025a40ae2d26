import { deflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { pdfActiveContent } from '../../../src/lib/site/pdf-actions.ts';

/** A PDF of the given objects (each "N 0 obj … endobj" is written for it); no cross-reference table, which readers rebuild. */
function pdf(...objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  objects.forEach((object, i) => parts.push(Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(object) ? object : Buffer.from(object, 'latin1'), Buffer.from('\nendobj\n', 'latin1')));
  parts.push(Buffer.from('trailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object: its dictionary's entries, then its data. */
function stream(entries: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${entries} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** An object stream holding `objects` (numbered from 10), compressed as PDF writers do. */
function objectStream(...objects: string[]): Buffer {
  let offset = 0;
  const index = objects.map((object, i) => {
    const entry = `${10 + i} ${offset}`;
    offset += object.length + 1;
    return entry;
  });
  const header = `${index.join(' ')} `;
  const body = Buffer.from(header + objects.join('\n'), 'latin1');
  return stream(`/Type /ObjStm /N ${objects.length} /First ${header.length} /Filter /FlateDecode`, deflateSync(body));
}

const CATALOG = '<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>';
const PAGES = '<< /Type /Pages /Kids [4 0 R] /Count 1 >>';
const PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>';
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const DRAWING = stream('/Filter /FlateDecode', deflateSync(Buffer.from('BT /F1 12 Tf 72 770 Td (Short breaks for disabled children) Tj ET')));
const GO_TO = '<< /S /GoTo /D [4 0 R /Fit] >>';

describe('a PDF that would run script or start a program when opened', () => {
  test.each([
    ['a JavaScript action when it opens', pdf(CATALOG, PAGES, '<< /S /JavaScript /JS (app.alert\\("hello"\\)) >>', PAGE, FONT, DRAWING), /has JavaScript in it/],
    ['JavaScript whose names are written with character codes', pdf(CATALOG, PAGES, '<</S/J#61vaScript/J#53(app.alert(1))>>', PAGE, FONT, DRAWING), /has JavaScript in it/],
    ['script in the document\'s names tree', pdf('<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 7 0 R >> >>', PAGES, GO_TO, PAGE, FONT, DRAWING, '<< /Names [(start) 8 0 R] >>', '<< /S /JavaScript /JS 9 0 R >>', stream('', Buffer.from('app.alert(1)'))), /has JavaScript in it/],
    ['a JavaScript action packed into a compressed object stream', pdf(CATALOG, PAGES, objectStream('<< /S /JavaScript /JS (app.launchURL\\("https://example.com"\\)) >>'), PAGE, FONT, DRAWING), /has JavaScript in it/],
    ['an action that starts a program', pdf(CATALOG, PAGES, '<< /S /Launch /F (cmd.exe) >>', PAGE, FONT, DRAWING), /has a "Launch" action \(which opens another file or program\) in it/],
    ['both', pdf(CATALOG, PAGES, '<< /S /Launch /F (cmd.exe) /Next << /S /JavaScript /JS (1) >> >>', PAGE, FONT, DRAWING), /has JavaScript and a "Launch" action/],
  ])('%s is refused', (_what, file, message) => {
    expect(pdfActiveContent(file)).toMatch(message);
  });

  test('an object stream that cannot be read (encrypted or damaged) is refused, as it cannot be checked', () => {
    const scrambled = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 131 + 17) % 256));
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, stream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', scrambled)))).toMatch(/encrypted \(protected\) or damaged, so the check cannot see/);
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, stream('/Type /ObjStm /N 1 /First 4 /Filter /LZWDecode', scrambled)))).toMatch(/cannot see/);
  });

  test('an encrypted file with object streams is refused even when one happens to inflate, as what it holds is encrypted', () => {
    const encrypted = (...objects: (string | Buffer)[]) => Buffer.concat([pdf(...objects), Buffer.from('trailer\n<< /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF\n', 'latin1')]);
    expect(pdfActiveContent(encrypted(CATALOG, PAGES, objectStream(GO_TO), PAGE))).toMatch(/encrypted \(protected\) or damaged/);
    // Without object streams its dictionaries' names can be read, and it is checked as any file.
    expect(pdfActiveContent(encrypted(CATALOG, PAGES, GO_TO, PAGE, FONT, DRAWING))).toBeUndefined();
    expect(pdfActiveContent(encrypted(CATALOG, PAGES, '<< /S /JavaScript /JS <8f3a> >>', PAGE))).toMatch(/has JavaScript in it/);
  });
});

describe('an ordinary PDF', () => {
  test('with pages, fonts, links and a compressed object stream is published', () => {
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, FONT, DRAWING))).toBeUndefined();
    expect(pdfActiveContent(pdf(CATALOG, PAGES, objectStream(GO_TO, '<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.gov.uk/) >> >>'), PAGE, FONT, DRAWING))).toBeUndefined();
  });

  test('is not refused for names that only begin like an action, nor for an image whose bytes spell one', () => {
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, '<< /JSON 1 /JSX 2 /Launcher 3 >>'))).toBeUndefined();
    // Pixels are not dictionaries: only object streams are read inside.
    const pixels = Buffer.from('\x00\x01/JS \x02/JavaScript\x03/Launch ', 'latin1');
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /BitsPerComponent 8 /ColorSpace /DeviceGray', pixels)))).toBeUndefined();
  });
});
