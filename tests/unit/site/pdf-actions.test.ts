import { deflateRawSync, deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

describe('a PDF written to slip script past a simple search', () => {
  const B = (text: string) => Buffer.from(text, 'latin1');
  const action = B('10 0 <</S/JavaScript/JS(app.alert(1))>>');
  const packed = (entries: string, data: Buffer, keyword = 'stream\n') => Buffer.concat([B(`5 0 obj\n<<${entries}/Length ${data.length}>>\n${keyword}`), data, B('\nendstream\nendobj\n')]);
  const file = (...parts: (string | Buffer)[]) => Buffer.concat([B('%PDF-1.7\n'), ...parts.map((part) => (typeof part === 'string' ? B(part) : part)), B('\ntrailer<</Root 1 0 R>>\n%%EOF\n')]);
  test.each([
    ['an object stream without /Type, which some readers still read', file(packed('/N 1/First 5/Filter/FlateDecode', deflateSync(action)))],
    ['"obj" in the stream\'s dictionary after the keyword', file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode/Subj (obj)/Xobj 1', deflateSync(action)))],
    ['a filter given as an array', file(packed('/Type/ObjStm/N 1/First 5/Filter[/FlateDecode]', deflateSync(action)))],
    ['"stream" followed by a space, or by a carriage return alone', Buffer.concat([file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode', deflateSync(action), 'stream \n')), file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode', deflateSync(action), 'stream\r'))])],
    ['a comment between the dictionary and "stream"', file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode', deflateSync(action), '%note\nstream\n'))],
    ['a NUL after a name (PDF white space)', file('3 0 obj\n<</S/JavaScript\0/JS\0(app.alert(1))>>\nendobj\n')],
    ['a false "stream" inside a string', file('3 0 obj\n<</X(>>stream\n)/S/JavaScript/JS(app.alert(1))/Y(endstream)>>\nendobj\n')],
    ['a false "stream" inside a comment', file('3 0 obj\n<</X 1 %>>stream\n/S/JavaScript/JS(app.alert(1))%endstream\n>>\nendobj\n')],
    ['an XFA form, whose scripts Adobe\'s reader runs', file('1 0 obj<</Type/Catalog/AcroForm<</XFA 5 0 R>>>>endobj\n', packed('', deflateSync(B('<xdp:xdp><script contentType="application/x-javascript">app.alert(1)</script></xdp:xdp>'))))],
  ])('%s is refused', (_what, pdf) => {
    expect(pdfActiveContent(pdf)).toMatch(/has (JavaScript|an XFA form)/);
  });

  test.each([
    ['two filters', file(packed('/Type/ObjStm/N 1/First 5/Filter[/FlateDecode/FlateDecode]', deflateSync(deflateSync(action))))],
    ['a filter the check does not read', file(packed('/Type/ObjStm/N 1/First 5/Filter/ASCIIHexDecode', B(`${action.toString('hex')}>`)))],
    ['a filter given by reference', file(packed('/Type/ObjStm/N 1/First 5/Filter 7 0 R', deflateSync(action)), '7 0 obj /FlateDecode endobj\n')],
    ['a predictor', file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode/DecodeParms<</Predictor 11/Columns 40>>', deflateSync(action)))],
    ['raw deflate data', file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode', deflateRawSync(action)))],
    ['data that inflates to more than 64 MiB', file(packed('/Type/ObjStm/N 1/First 5/Filter/FlateDecode', deflateSync(Buffer.alloc(65 * 1024 * 1024, 0x20))))],
    ['a stream that never ends', file('5 0 obj<</Type/ObjStm/N 1/First 5>>stream\n10 0 <</S/GoTo')],
    ['arrays nested 100,000 deep', file(`3 0 obj ${'['.repeat(100_000)}`)],
  ])('an object stream it cannot read (%s) is refused as unchecked, not let through', (_what, pdf) => {
    expect(pdfActiveContent(pdf)).toMatch(/cannot see whether it has JavaScript/);
  });
});

describe('what PDF writers and readers we did not write make of it', () => {
  test('pdf-lib\'s documents (object streams, a form field) are published; with a script added, refused', async () => {
    const plain = await PDFDocument.create();
    plain.addPage().drawText('Short breaks for disabled children');
    plain.getForm().createTextField('name').addToPage(plain.getPage(0));
    const plainBytes = Buffer.from(await plain.save());
    expect(plainBytes.toString('latin1')).toContain('/ObjStm');
    expect(pdfActiveContent(plainBytes)).toBeUndefined();
    const scripted = await PDFDocument.create();
    scripted.addPage();
    scripted.addJavaScript('main', 'app.alert("hello")');
    expect(pdfActiveContent(Buffer.from(await scripted.save()))).toMatch(/has JavaScript in it/);
  });

  test('every file here in which pdf.js finds JavaScript (names written with codes, a NUL, a false "stream" in a string or comment) is refused', async () => {
    const scripted = await PDFDocument.create();
    scripted.addPage();
    scripted.addJavaScript('main', 'app.alert("hello")');
    const files = [
      Buffer.from(await scripted.save()),
      pdf(CATALOG, PAGES, '<< /S /JavaScript /JS (app.alert\\("hello"\\)) >>', PAGE, FONT, DRAWING),
      pdf(CATALOG, PAGES, '<</S/J#61vaScript/J#53(app.alert(1))>>', PAGE, FONT, DRAWING),
      pdf(CATALOG, PAGES, '<</S/JavaScript\0/JS\0(app.alert(1))>>', PAGE, FONT, DRAWING),
      pdf(CATALOG, PAGES, '<</X(>>stream\n)/S/JavaScript/JS(app.alert(1))/Y(endstream)>>', PAGE, FONT, DRAWING),
      pdf(CATALOG, PAGES, '<</X 1 %>>stream\n/S/JavaScript/JS(app.alert(1))%endstream\n>>', PAGE, FONT, DRAWING),
    ];
    let found = 0;
    for (const bytes of files) {
      const loading = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
      if (await (await loading.promise).hasJSActions()) {
        found++;
        expect(pdfActiveContent(bytes)).toMatch(/has JavaScript in it/);
      }
      await loading.destroy();
    }
    // pdf.js (Firefox's reader) finds the script in every one of them, the tricks included.
    expect(found).toBe(files.length);
  });
});

describe('an ordinary PDF', () => {
  test('with pages, fonts, links and a compressed object stream is published', () => {
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, FONT, DRAWING))).toBeUndefined();
    expect(pdfActiveContent(pdf(CATALOG, PAGES, objectStream(GO_TO, '<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.gov.uk/) >> >>'), PAGE, FONT, DRAWING))).toBeUndefined();
  });

  test('is not refused for words inside its text strings, such as a link whose address has "/Launch" or a title with "/JavaScript"', () => {
    expect(pdfActiveContent(pdf(CATALOG, PAGES, '<< /S /URI /URI (https://www.example.gov.uk/Launch/JS/app) >>', '<< /Title (Short breaks and/or JS) /Author (SEND team /JavaScript) >>'))).toBeUndefined();
  });

  test('is not refused for names that only begin like an action, nor for an image whose bytes spell one', () => {
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, '<< /JSON 1 /JSX 2 /Launcher 3 >>'))).toBeUndefined();
    // Pixels are not dictionaries: only object streams are read inside.
    const pixels = Buffer.from('\x00\x01/JS \x02/JavaScript\x03/Launch ', 'latin1');
    expect(pdfActiveContent(pdf(CATALOG, PAGES, GO_TO, PAGE, stream('/Type /XObject /Subtype /Image /Width 4 /Height 4 /BitsPerComponent 8 /ColorSpace /DeviceGray', pixels)))).toBeUndefined();
  });
});
