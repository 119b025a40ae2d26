/**
 * What the browser editor does to an entry before it is saved (see src/pages/admin/_decap.ts).
 * Kept apart from cms-config.ts so the /admin/ bundle does not carry the schemas.
 */

/**
 * Before saving: drops empty text, empty objects and missing values that Decap keeps when an
 * editor clears an optional field, so the file holds only what the schema accepts. Works on
 * Decap's Immutable maps and lists and on plain data alike.
 */
export function pruneEmpty<T>(value: T): T | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return (value.trim() === '' ? undefined : value) as T | undefined;
  const collection = value as unknown as { map?: unknown; filter?: unknown; size?: number; toJS?: unknown };
  if (typeof collection.toJS === 'function' && typeof collection.map === 'function') {
    const isList = Array.isArray((collection.toJS as () => unknown).call(value));
    const pruned = (value as unknown as { map: (f: (v: unknown) => unknown) => { filter: (f: (v: unknown) => boolean) => { size: number } } })
      .map((item) => pruneEmpty(item))
      .filter((item) => item !== undefined);
    return (!isList && pruned.size === 0 ? undefined : pruned) as T | undefined;
  }
  if (Array.isArray(value)) return value.map((item) => pruneEmpty(item)).filter((item) => item !== undefined) as T;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, pruneEmpty(item)] as const)
      .filter(([, item]) => item !== undefined);
    return (entries.length ? Object.fromEntries(entries) : undefined) as T | undefined;
  }
  return value;
}

/** A form field's name and the fields inside it, as in the generated configuration. */
export interface FieldOrder {
  name: string;
  fields?: FieldOrder[];
}

/**
 * Puts an entry's keys back in the order of its form (the schema's order), which Decap does not
 * keep, so a saved file lists its fields as the hand-written ones do. Keys the form lacks keep
 * their place after the others.
 */
export function orderKeys(value: unknown, fields: FieldOrder[]): unknown {
  if (Array.isArray(value)) return value.map((item) => orderKeys(item, fields));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const position = (key: string) => {
    const index = fields.findIndex((field) => field.name === key);
    return index < 0 ? fields.length : index;
  };
  const keys = Object.keys(record).sort((a, b) => position(a) - position(b));
  return Object.fromEntries(keys.map((key) => [key, orderKeys(record[key], fields.find((field) => field.name === key)?.fields ?? [])]));
}

/** The collection whose form has the most of this entry's top-level keys (the first, if several). */
export function formFor<T extends { fields: FieldOrder[] }>(collections: T[], data: Record<string, unknown>): T | undefined {
  const matches = (collection: T) => Object.keys(data).filter((key) => collection.fields.some((field) => field.name === key)).length;
  let best: T | undefined;
  for (const collection of collections) if (matches(collection) > (best ? matches(best) : 0)) best = collection;
  return best;
}
