/**
 * Kept apart from cms-config.ts so the browser bundle for /admin/ does not carry the schemas.
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
