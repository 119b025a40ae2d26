import { expect, test } from 'vitest';
import { CMS_LOCALE, cmsPhrases } from '../../../src/lib/editors/cms-phrases.ts';
import { backendFromEnv, cmsConfig, type CmsField } from '../../../src/lib/editors/cms-config.ts';
import site from '../../../content/site.json' with { type: 'json' };

/** Decap's own English messages, from the package the editor is built with. */
const decapEnglish: string = 'decap-cms-locales/dist/esm/en/index.js';
const { default: en } = (await import(decapEnglish)) as { default: object };

/** Every message as "a.b.c" → text. */
function flat(phrases: object, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(phrases).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flat(value as object, `${prefix}${key}.`)))),
  );
}
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();

test("the editor's messages replace Decap's own, with the same placeholders", () => {
  const decap = flat(en);
  for (const [key, text] of Object.entries(flat(cmsPhrases))) {
    expect(decap[key], `${key} is one of Decap's messages`).toBeDefined();
    expect(placeholders(text), key).toEqual(placeholders(decap[key]!));
    expect(text, key).not.toMatch(/didn't|item\(s\)/);
  }
  expect(cmsConfig(site, backendFromEnv({})).locale).toBe(CMS_LOCALE);
});

test('a field that must match a pattern says what the schema expects, not just that it does not match', () => {
  const config = cmsConfig(site, backendFromEnv({}));
  const all = (fields: CmsField[]): CmsField[] => fields.flatMap((field) => [field, ...all(field.fields ?? []), ...(field.field ? [field.field] : [])]);
  const messages = config.collections.flatMap((collection) => all(collection.fields)).flatMap((field) => (field.pattern ? [field.pattern[1]] : []));
  expect(messages.length).toBeGreaterThan(10);
  for (const message of messages) {
    expect(message).toMatch(/^(use|write) /);
    expect(message).not.toMatch(/see the hint|not in the form/);
  }
  expect(messages).toContain('use a UK postcode such as "KV1 2AB"');
});
