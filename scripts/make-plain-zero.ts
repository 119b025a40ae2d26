/**
 * `npx node scripts/make-plain-zero.ts`
 *
 * Atkinson Hyperlegible draws zero with a slash, so "0 to 25" can read as "Ø to 25", and the
 * font has no plain zero to switch to (its only features are ccmp, frac, pnum and tnum). This
 * makes one: a tiny font holding only "0", from the @fontsource files, with the slash taken out.
 * The zero's counter is two pieces either side of the slash; they are replaced by one counter,
 * the outer outline scaled down to the two pieces' combined box (so the strokes keep their
 * weight). global.css declares it for U+0030 after the main font, so browsers take the zero
 * from it and every other character from Atkinson Hyperlegible. Same metrics and advance width,
 * so nothing moves when it loads. The output is committed (public/fonts/); run this again only
 * if @fontsource/atkinson-hyperlegible changes.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
// opentype.js reads WOFF and writes OpenType (the copy satori uses cannot write fonts).
// @ts-expect-error: opentype.js ships no type declarations; this one-off generator uses it untyped.
import opentype from 'opentype.js';

type Command = { type: 'M' | 'L'; x: number; y: number } | { type: 'Q'; x1: number; y1: number; x: number; y: number } | { type: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number } | { type: 'Z' };
type Contour = Command[];

function contoursOf(commands: Command[]): Contour[] {
  const contours: Contour[] = [];
  let current: Contour = [];
  for (const command of commands) {
    if (command.type === 'M' && current.length) {
      contours.push(current);
      current = [];
    }
    current.push(command);
    if (command.type === 'Z') {
      contours.push(current);
      current = [];
    }
  }
  if (current.length) contours.push(current);
  return contours;
}

function box(contour: Contour) {
  const points = contour.filter((c): c is Exclude<Command, { type: 'Z' }> => c.type !== 'Z');
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

/** The same outline drawn the other way round, so it cuts a hole where the original fills. */
function reversed(contour: Contour): Contour {
  const segments = contour.filter((c) => c.type !== 'Z');
  const start = segments[0] as { x: number; y: number };
  const ends = segments.map((c) => c as { x: number; y: number });
  const out: Contour = [{ type: 'M', x: ends.at(-1)!.x, y: ends.at(-1)!.y }];
  for (let i = segments.length - 1; i >= 1; i--) {
    const segment = segments[i]!;
    const to = i - 1 >= 0 ? ends[i - 1]! : start;
    if (segment.type === 'Q') out.push({ type: 'Q', x1: segment.x1, y1: segment.y1, x: to.x, y: to.y });
    else if (segment.type === 'C') out.push({ type: 'C', x1: segment.x2, y1: segment.y2, x2: segment.x1, y2: segment.y1, x: to.x, y: to.y });
    else out.push({ type: 'L', x: to.x, y: to.y });
  }
  out.push({ type: 'Z' });
  return out;
}

function scaled(contour: Contour, from: ReturnType<typeof box>, to: ReturnType<typeof box>): Contour {
  const sx = (to.maxX - to.minX) / (from.maxX - from.minX);
  const sy = (to.maxY - to.minY) / (from.maxY - from.minY);
  const x = (v: number) => to.minX + (v - from.minX) * sx;
  const y = (v: number) => to.minY + (v - from.minY) * sy;
  return contour.map((c): Command => {
    if (c.type === 'Z') return c;
    if (c.type === 'Q') return { type: 'Q', x1: x(c.x1), y1: y(c.y1), x: x(c.x), y: y(c.y) };
    if (c.type === 'C') return { type: 'C', x1: x(c.x1), y1: y(c.y1), x2: x(c.x2), y2: y(c.y2), x: x(c.x), y: y(c.y) };
    return { type: c.type, x: x(c.x), y: y(c.y) };
  });
}

const root = resolve(import.meta.dirname, '..');
mkdirSync(resolve(root, 'public/fonts'), { recursive: true });
for (const weight of ['400', '700']) {
  const file = readFileSync(resolve(root, `node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff`));
  const font = opentype.parse(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength));
  const zero = font.charToGlyph('0');
  const contours = contoursOf(zero.path.commands as Command[]);
  if (contours.length !== 3) throw new Error(`Expected the slashed zero to have 3 outlines (outside and two counters), found ${contours.length}: has the font changed?`);
  const [outer, ...pieces] = contours.sort((a, b) => {
    const A = box(a);
    const B = box(b);
    return (B.maxX - B.minX) * (B.maxY - B.minY) - (A.maxX - A.minX) * (A.maxY - A.minY);
  }) as [Contour, Contour, Contour];
  const inner = pieces.map(box).reduce((a, b) => ({ minX: Math.min(a.minX, b.minX), minY: Math.min(a.minY, b.minY), maxX: Math.max(a.maxX, b.maxX), maxY: Math.max(a.maxY, b.maxY) }));
  const counter = reversed(scaled(outer, box(outer), inner));
  const path = new opentype.Path();
  path.commands = [...outer, ...counter];
  const notdef = new opentype.Glyph({ name: '.notdef', unicode: 0, advanceWidth: zero.advanceWidth, path: new opentype.Path() });
  const plain = new opentype.Glyph({ name: 'zero', unicode: 0x30, advanceWidth: zero.advanceWidth, path });
  const out = new opentype.Font({
    familyName: 'Atkinson Hyperlegible Plain Zero',
    styleName: weight === '700' ? 'Bold' : 'Regular',
    unitsPerEm: font.unitsPerEm,
    ascender: font.ascender,
    descender: font.descender,
    glyphs: [notdef, plain],
  });
  const target = resolve(root, `public/fonts/atkinson-hyperlegible-plain-zero-${weight}.otf`);
  writeFileSync(target, Buffer.from(out.toArrayBuffer()));
  console.log(`${target}: zero without its slash, advance ${zero.advanceWidth}`);
}
