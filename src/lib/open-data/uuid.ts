/**
 * Name-based UUIDs (version 5, RFC 9562 section 5.5): the same namespace and name always give
 * the same UUID, so identifiers in the open data never change between builds.
 */
import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The RFC 9562 URL namespace: names below are URLs or URL-like strings. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Each namespace's 16 bytes, worked out once. */
const namespaceBytes = new Map<string, Buffer>();

/** UUID version 5 of `name` within `namespace` (itself a UUID). */
export function uuidV5(name: string, namespace: string): string {
  let prefix = namespaceBytes.get(namespace);
  if (!prefix) {
    if (!isUuid(namespace)) throw new Error(`uuidV5: namespace "${namespace}" is not a UUID`);
    prefix = Buffer.from(namespace.replace(/-/g, ''), 'hex');
    namespaceBytes.set(namespace, prefix);
  }
  const bytes = createHash('sha1')
    .update(prefix)
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
