/**
 * Name-based UUIDs (version 5, RFC 9562 section 5.5): the same namespace and name always give
 * the same UUID, so identifiers in the open data never change between builds. The hashing is the
 * `uuid` package's; tests/unit/uuid.test.ts pins ids published before, so a change of library
 * cannot change a record's id.
 */
import { parse, v5 } from 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The RFC 9562 URL namespace: names below are URLs or URL-like strings. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * Any UUID in its usual text form. Looser than the `uuid` package's `validate`, which also wants
 * a known version and variant: an id a council's feed already uses is kept whatever its version.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Each namespace's 16 bytes, worked out once (the package would parse the text on every call). */
const namespaceBytes = new Map<string, Uint8Array>();

/** UUID version 5 of `name` within `namespace` (itself a UUID). */
export function uuidV5(name: string, namespace: string): string {
  let prefix = namespaceBytes.get(namespace);
  if (!prefix) {
    if (!isUuid(namespace)) throw new Error(`uuidV5: namespace "${namespace}" is not a UUID`);
    prefix = parse(namespace);
    namespaceBytes.set(namespace, prefix);
  }
  // The name goes in as UTF-8 bytes: given a string, the package encodes it with
  // encodeURIComponent, which throws on a lone surrogate (possible in an editor's JSON) where
  // Buffer writes U+FFFD, as the ids published so far were made.
  return v5(Buffer.from(name, 'utf8'), prefix);
}
