/**
 * Problems found in content, worded for editors: the file, the field, what is wrong and how
 * to fix it. Used by `npm run check` and by the build.
 */
import type { z } from 'astro/zod';

export interface Problem {
  /** Path from the project root, such as "content/services/portage.json". */
  file: string;
  /** The field, such as "contacts[0].phone", or "(file)" for the whole file. */
  field: string;
  /** What is wrong, including what was found. */
  problem: string;
  /** What to do about it. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.field} — ${p.problem} — ${p.fix}`;
}

/** Renders a path like ["contacts", 0, "phone"] as "contacts[0].phone". */
export function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || '(whole file)';
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part as string];
  }
  return current;
}

/** A short, readable rendering of what the editor wrote. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON reads 1e400 as Infinity, which JSON.stringify would show as "null".
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? 'something that is not a number' : 'a number too large to use';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && value.length > 50) return `"${value.slice(0, 40)}…" (${value.length} characters)`;
  let text = JSON.stringify(value);
  if (text === undefined) text = String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function describeType(value: unknown): string {
  // In the words of docs/editing.md, not JavaScript's: null is an empty value, an object a group of fields.
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}

/** Levenshtein distance, for "did you mean" on misspelt field names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length]!;
}

/** The closest of `candidates` to `word`, when it is close enough to be a likely typo. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (word.length >= 4 && (candidate.startsWith(word) || word.startsWith(candidate))) return candidate;
    const d = distance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/** The field names an object schema allows at a path, when they can be found. */
function knownKeys(schema: z.ZodType | undefined, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: Record<string, unknown> } | undefined;
    for (let guard = 0; node?.def && guard < 10; guard++) {
      const def = node.def;
      if (def.type === 'object') return node;
      const inner = (def.innerType ?? def.in ?? def.schema ?? def.element) as typeof node;
      if (def.type === 'array' && inner) return inner;
      if (!inner) return node;
      node = inner;
    }
    return node;
  };
  current = unwrap(current);
  for (const part of path) {
    const def = (current as { def?: Record<string, unknown> } | undefined)?.def;
    if (!def) return [];
    if (typeof part === 'number') {
      current = unwrap(def.type === 'array' ? def.element : current);
      continue;
    }
    const shape = def.shape as Record<string, unknown> | undefined;
    current = unwrap(shape?.[part as string]);
  }
  current = unwrap(current);
  const shape = (current as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape;
  return shape ? Object.keys(shape) : [];
}

const KINDS: Record<string, string> = {
  array: 'a list in square brackets, [ … ]',
  object: 'a group of fields in curly brackets, { … }',
  string: 'text in double quotes',
  number: 'a number, without quotes',
  boolean: 'true or false, without quotes',
  date: 'a date written as YYYY-MM-DD',
};

/**
 * What a field expects, in words. Schemas word their own messages; where one was missed, the
 * library's default ("Invalid input: expected array, received number") is put into words here.
 */
export function plainExpected(message: string): string {
  let match: RegExpExecArray | null;
  if ((match = /^Invalid input: expected (\w+)/.exec(message))) return KINDS[match[1]!] ?? `a value of the kind this field takes (${match[1]})`;
  if ((match = /^Too (small|big): expected (\w+) to (?:be|have) ([<>]=?)(\d+)(?: (\w+))?/.exec(message))) {
    const [, , kind, sign, limit, unit] = match;
    const bound = sign === '>=' ? `at least ${limit}` : sign === '>' ? `more than ${limit}` : sign === '<=' ? `at most ${limit}` : `less than ${limit}`;
    if (kind === 'number') return `a number ${bound}`;
    if (kind === 'array' || kind === 'set') return `a list of ${bound} ${unit ?? 'items'}`;
    if (kind === 'string') return `text of ${bound} ${unit ?? 'characters'}`;
    return `a value of ${bound}`;
  }
  if ((match = /^Invalid option: expected one of (.+)$/.exec(message))) return `one of: ${match[1]!.split('|').map((v) => v.replace(/^"|"$/g, '')).join(', ')}`;
  if (/^Invalid input: expected int/.test(message) || /expected int/.test(message)) return 'a whole number, without quotes';
  if (/^Invalid string: must match pattern/.test(message)) return 'a value written the way docs/editing.md shows for this field';
  if (/^Invalid (?:input|string|element|key|union)\b/.test(message)) return 'a value of the kind docs/editing.md describes for this field';
  return message;
}

/** Turns one zod issue into a problem an editor can act on. */
export function problemFromIssue(file: string, issue: z.core.$ZodIssue, data: unknown, schema?: z.ZodType): Problem {
  const value = valueAt(data, issue.path);
  const field = fieldName(issue.path);
  const expected = plainExpected(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        const key = issue.path.at(-1);
        return { file, field, problem: 'this required field is missing', fix: `add "${String(key)}": ${expected}` };
      }
      if (typeof value === 'number' && !Number.isFinite(value)) return { file, field, problem: `found ${shown(value)}`, fix: `use ${expected}` };
      // A group of fields: which fields, so one message is enough to put it right.
      if (/expected object/.test(issue.message) && schema) {
        const keys = knownKeys(schema, issue.path);
        if (keys.length) return { file, field, problem: `found ${shown(value)} (${describeType(value)})`, fix: `use a group of fields in curly brackets: { ${keys.map((key) => `"${key}": …`).join(', ')} }` };
      }
      return { file, field, problem: `found ${shown(value)} (${describeType(value)})`, fix: `use ${expected}` };
    case 'unrecognized_keys': {
      const allowed = knownKeys(schema, issue.path);
      const problems = issue.keys.map((key) => {
        const guess = closest(key, allowed);
        return guess ? `did you mean "${guess}"?` : `remove it, or use one of: ${allowed.join(', ') || 'the fields listed in the editor guide'}`;
      });
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return {
        file,
        field: fieldName([...issue.path, issue.keys[0] ?? '']),
        problem: `${keys} ${issue.keys.length > 1 ? 'are not fields' : 'is not a field'} this kind of entry has`,
        fix: problems.join('; '),
      };
    }
    case 'custom':
      return { file, field, problem: `found ${shown(value)}`, fix: expected };
    default:
      return { file, field, problem: `found ${shown(value)}`, fix: `use ${expected}` };
  }
}
