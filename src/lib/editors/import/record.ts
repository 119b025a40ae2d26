/**
 * Reading one record of a feed without losing anything silently. Every value the mapping reads is
 * marked as used; afterwards every other value at every depth that holds something is listed as
 * "not imported". A value of the wrong type (an object where text should be, a list where an
 * object should be) is a problem reported for that record, never an exception.
 */
import { htmlToText } from './html.ts';

type Json = Record<string, unknown>;

/** A path as people read it: contacts[0].phones[1].number */
export type Path = (string | number)[];
export const pathText = (path: Path) => path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');

/** Does a value hold anything worth reporting? */
export function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasValue);
  if (typeof value === 'object') return Object.values(value as Json).some(hasValue);
  return true;
}

const describe = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value === 'string' ? `text "${value.slice(0, 40)}"` : `${typeof value} ${String(value)}`);

const short = (value: unknown) => {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

export class RecordReader {
  private readonly used = new Set<string>();
  readonly problems: string[] = [];
  readonly notes: string[] = [];

  readonly record: Json;

  constructor(record: Json) {
    this.record = record;
  }

  /** The raw value at a path (not marked as used). */
  peek(path: Path): unknown {
    let value: unknown = this.record;
    for (const part of path) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string | number, unknown>)[part];
    }
    return value;
  }

  /** Marks a path (and everything inside it) as read. */
  use(path: Path): void {
    this.used.add(pathText(path));
  }

  private wrong(path: Path, expected: string, value: unknown): undefined {
    this.problems.push(`${pathText(path)}: expected ${expected}, found ${describe(value)}; it was left out`);
    this.use(path);
    return undefined;
  }

  /** Text at a path; empty text is "not given". Numbers are taken as their text. */
  text(path: Path): string | undefined {
    const value = this.peek(path);
    if (value === null || value === undefined) return undefined;
    this.use(path);
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') return this.wrong(path, 'text', value);
    return value.trim() || undefined;
  }

  /** Plain text at a path: tags a feed put in a name or an address line are taken out, entities read. */
  plain(path: Path): string | undefined {
    const text = this.text(path);
    return text === undefined ? undefined : htmlToText(text) || undefined;
  }

  /** A number at a path (a number written as text is accepted). */
  number(path: Path): number | undefined {
    const value = this.peek(path);
    if (value === null || value === undefined || value === '') return undefined;
    this.use(path);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
    return this.wrong(path, 'a number', value);
  }

  boolean(path: Path): boolean | undefined {
    const value = this.peek(path);
    if (value === null || value === undefined) return undefined;
    this.use(path);
    if (typeof value === 'boolean') return value;
    if (value === 'true' || value === 'false') return value === 'true';
    return this.wrong(path, 'true or false', value);
  }

  /** The indexes of a list of objects at a path; anything else is a reported problem. */
  list(path: Path): number[] {
    const value = this.peek(path);
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value)) {
      if (typeof value === 'object') {
        this.wrong(path, 'a list', value);
        return [];
      }
      return this.wrong(path, 'a list', value) ?? [];
    }
    const indexes: number[] = [];
    value.forEach((item, index) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) indexes.push(index);
      else if (hasValue(item)) this.wrong([...path, index], 'an object', item);
    });
    return indexes;
  }

  /** Whether there is an object at a path (a wrong type is reported). */
  object(path: Path): boolean {
    const value = this.peek(path);
    if (value === null || value === undefined) return false;
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.wrong(path, 'an object', value);
      return false;
    }
    return true;
  }

  /** Every value that holds something and was not read: "not imported" for this record. */
  notImported(): string[] {
    const out: string[] = [];
    const walk = (value: unknown, path: Path) => {
      const key = pathText(path);
      if (path.length && this.used.has(key)) return;
      if (!hasValue(value)) return;
      if (Array.isArray(value) || (value && typeof value === 'object')) {
        for (const [k, v] of Object.entries(value as Json)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
        return;
      }
      out.push(`${key} ${short(value)}`);
    };
    walk(this.record, []);
    return out;
  }
}
