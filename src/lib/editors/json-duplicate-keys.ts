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

export function findDuplicateKeys(source: string): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < source.length && /\s/.test(source[i]!)) i++;
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < source.length && source[i] !== '"') i += source[i] === '\\' ? 2 : 1;
    i++; // closing quote
    return JSON.parse(source.slice(start, i)) as string;
  };
  const readValue = (path: (string | number)[]): void => {
    skipSpace();
    const char = source[i];
    if (char === '{') {
      i++;
      const seen = new Set<string>();
      skipSpace();
      while (source[i] !== '}' && i < source.length) {
        skipSpace();
        const key = readString();
        if (seen.has(key)) found.push({ path, key });
        seen.add(key);
        skipSpace();
        i++; // colon
        readValue([...path, key]);
        skipSpace();
        if (source[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (char === '[') {
      i++;
      let index = 0;
      skipSpace();
      while (source[i] !== ']' && i < source.length) {
        readValue([...path, index++]);
        skipSpace();
        if (source[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else if (char === '"') {
      readString();
    } else {
      while (i < source.length && !/[\s,\]}]/.test(source[i]!)) i++;
    }
  };
  readValue([]);
  return found;
}
