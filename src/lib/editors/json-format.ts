/**
 * Writes JSON the way the files in content/ are written by hand: one field per line at the top,
 * short objects and lists of words on one line, one line per item in longer lists of objects.
 * The browser editor saves with it, so a change made there shows in a pull request as the lines
 * that changed, not the whole file laid out again.
 */
const WIDTH = 100;
/** Lists of short words (keywords) may run a little longer before they wrap. */
const WORDS_WIDTH = 120;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isContainer = (value: Json): value is Json[] | { [key: string]: Json } => typeof value === 'object' && value !== null;

/** The whole value on one line: ["a", "b"], { "min": 0, "max": 4 }, [ { "email": "…" } ]. */
function oneLine(value: Json): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map(oneLine).join(', ');
    return value.some(isContainer) ? `[ ${items} ]` : `[${items}]`;
  }
  if (isContainer(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{ ${entries.map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`).join(', ')} }`;
  }
  return JSON.stringify(value);
}

function block(value: Json, indent: string, top: boolean, used: number): string {
  if (!isContainer(value)) return JSON.stringify(value);
  const inline = oneLine(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    // One object, or a list that fits, stays on one line; otherwise a line per item.
    const words = !value.some(isContainer);
    if (used + inline.length <= (words ? WORDS_WIDTH : WIDTH) || (!words && value.length === 1)) return inline;
    return `[\n${value.map((item) => `${inner}${oneLine(item)}`).join(',\n')}\n${indent}]`;
  }
  if (!top && used + inline.length <= WIDTH) return inline;
  const lines = Object.entries(value).map(([key, item]) => {
    const head = `${inner}${JSON.stringify(key)}: `;
    return `${head}${block(item, inner, false, head.length)}`;
  });
  return lines.length ? `{\n${lines.join(',\n')}\n${indent}}` : '{}';
}

export function formatJson(value: unknown): string {
  const plain = JSON.parse(JSON.stringify(value ?? null)) as Json;
  return `${block(plain, '', true, 0)}\n`;
}
