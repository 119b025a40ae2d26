/**
 * JSON.parse keeps only the last of two keys with the same name, silently. For editors that
 * hides real mistakes (two decision-tree nodes with the same id, a field written twice), so
 * this scans the text for keys repeated inside one object. Call it on text that parses.
 */
export interface DuplicateKey {
  /** Path of the object holding the key, such as ["nodes"]. */
  path: (string | number)[];
  key: string;
}

/** JSON's whitespace between tokens: space, tab, line feed, carriage return. */
const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
/** What ends a number, true, false or null: a space, a comma or a closing bracket. */
const endsScalar = (code: number) => isSpace(code) || code === 0x2c /* , */ || code === 0x5d /* ] */ || code === 0x7d; /* } */

/**
 * One pass over the text, as fast as the check needs at 5,000 services: character codes rather
 * than a pattern per character, a key's text sliced rather than parsed unless it has an escape,
 * and one path kept as the scan goes, copied only for a key found twice.
 */
export function findDuplicateKeys(source: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const path: (string | number)[] = [];
  const length = source.length;
  // A byte-order mark is reported by the check, and the text read all the same.
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const skipSpace = () => {
    while (i < length && isSpace(source.charCodeAt(i))) i++;
  };
  const readString = (): string => {
    const start = i;
    let escaped = false;
    i++; // opening quote
    while (i < length && source.charCodeAt(i) !== 0x22) {
      if (source.charCodeAt(i) === 0x5c) {
        escaped = true;
        i += 2;
      } else i++;
    }
    i++; // closing quote
    return escaped ? (JSON.parse(source.slice(start, i)) as string) : source.slice(start + 1, i - 1);
  };
  const readValue = (): void => {
    skipSpace();
    const char = source.charCodeAt(i);
    if (char === 0x7b /* { */) {
      i++;
      const seen = new Set<string>();
      skipSpace();
      while (i < length && source.charCodeAt(i) !== 0x7d /* } */) {
        skipSpace();
        const key = readString();
        if (seen.has(key)) found.push({ path: [...path], key });
        seen.add(key);
        skipSpace();
        i++; // colon
        path.push(key);
        readValue();
        path.pop();
        skipSpace();
        if (source.charCodeAt(i) === 0x2c /* , */) i++;
        skipSpace();
      }
      i++;
    } else if (char === 0x5b /* [ */) {
      i++;
      let index = 0;
      skipSpace();
      while (i < length && source.charCodeAt(i) !== 0x5d /* ] */) {
        path.push(index++);
        readValue();
        path.pop();
        skipSpace();
        if (source.charCodeAt(i) === 0x2c) i++;
        skipSpace();
      }
      i++;
    } else if (char === 0x22 /* " */) {
      readString();
    } else {
      // A number, true, false or null: up to the next space, comma or closing bracket.
      while (i < length && !endsScalar(source.charCodeAt(i))) i++;
    }
  };
  readValue();
  return found;
}
