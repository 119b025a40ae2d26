import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { backendFromEnv, backendOrigins, CMS_COLLECTIONS, cmsConfig, collectionFields, WHOLE_AREA, type CmsField } from '../../../src/lib/editors/cms-config.ts';
import { formFor, orderKeys, pruneEmpty } from '../../../src/lib/editors/cms-save.ts';
import { OPTIONAL_SWITCH } from '../../../src/lib/editors/cms-widgets.ts';
import { folderCollections } from '../../../src/contract/collections.ts';
import { idRef } from '../../../src/contract/index.ts';
import { videoTopics } from '../../../src/contract/vocabulary.ts';
import site from '../../../content/site.json' with { type: 'json' };

const config = cmsConfig(site, backendFromEnv({}));
const collection = (name: string) => config.collections.find((c) => c.name === name)!;

/** What the schema says about one field, read with zod's public API (not the generator's walker). */
interface SchemaField {
  path: string;
  required: boolean;
  options?: string[];
  min?: number;
}

function peel(schema: z.ZodType): { schema: z.ZodType; optional: boolean } {
  let current = schema;
  let optional = false;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) {
    optional = true;
    current = current instanceof z.ZodOptional ? (current.unwrap() as z.ZodType) : (current.removeDefault() as z.ZodType);
  }
  return { schema: current, optional };
}

function schemaFields(shape: Record<string, z.ZodType>, prefix = ''): SchemaField[] {
  return Object.entries(shape).flatMap(([name, field]) => {
    const { schema, optional } = peel(field);
    const path = `${prefix}${name}`;
    const own: SchemaField = { path, required: !optional };
    if (schema instanceof z.ZodEnum) own.options = schema.options as string[];
    if (schema instanceof z.ZodObject) {
      // An optional group may be left empty as a whole, so the form asks for none of its fields.
      const inner = schemaFields(schema.shape as Record<string, z.ZodType>, `${path}.`);
      return [own, ...(optional ? inner.map((f) => ({ ...f, required: false })) : inner)];
    }
    if (schema instanceof z.ZodUnion) {
      const members = (schema.options as z.ZodType[]).map((option) => peel(option).schema).filter((option) => option instanceof z.ZodObject);
      return [own, ...members.flatMap((member) => schemaFields((member as z.ZodObject).shape as Record<string, z.ZodType>, `${path}.`)).map((f) => ({ ...f, required: false }))];
    }
    if (schema instanceof z.ZodArray) {
      own.min = schema._zod.bag.minimum as number | undefined;
      const element = peel(schema.element as z.ZodType).schema;
      if (element instanceof z.ZodEnum) own.options = element.options as string[];
      if (element instanceof z.ZodObject) return [own, ...schemaFields(element.shape as Record<string, z.ZodType>, `${path}.`)];
    }
    return [own];
  });
}

/** The schema of the field at a dotted path (inside lists, the schema of one item's field). */
function leafSchema(shape: Record<string, z.ZodType>, path: string): z.ZodType {
  return peel(fieldSchema(shape, path)).schema;
}

/** The same, as the field is written: with its optional or default wrapper. */
function fieldSchema(shape: Record<string, z.ZodType>, path: string): z.ZodType {
  let schema: z.ZodType = z.object(shape);
  for (const name of path.split('.')) {
    let current = peel(schema).schema;
    if (current instanceof z.ZodArray) current = peel(current.element as z.ZodType).schema;
    // A union of objects (a video's source): the member that has this field.
    const members = current instanceof z.ZodUnion ? (current.options as z.ZodType[]).map((option) => peel(option).schema) : [current];
    const owner = members.find((member) => member instanceof z.ZodObject && name in member.shape) as z.ZodObject;
    schema = owner.shape[name] as z.ZodType;
  }
  return schema;
}

/** Every field of the generated form, with its path. */
function cmsFields(fields: CmsField[], prefix = ''): (CmsField & { path: string })[] {
  return fields.flatMap((field) => {
    const path = `${prefix}${field.name}`;
    return [{ ...field, path }, ...cmsFields(field.fields ?? [], `${path}.`)];
  });
}

describe('the generated Decap configuration', () => {
  test('lists every collection editors change in the browser, and leaves decision trees to files', () => {
    expect(config.collections.map((c) => c.name)).toEqual([...CMS_COLLECTIONS]);
    const fileEdited = folderCollections.map((c) => c.name).filter((name) => !(CMS_COLLECTIONS as readonly string[]).includes(name));
    expect(fileEdited).toEqual(['navigator']);
  });

  for (const name of CMS_COLLECTIONS) {
    describe(name, () => {
      const source = folderCollections.find((c) => c.name === name)!;
      const shape = (source.schema({ ref: idRef }) as z.ZodObject).shape as Record<string, z.ZodType>;
      const expected = schemaFields(shape);
      const fields = cmsFields(collection(name).fields).filter((f) => f.path !== 'body');

      test('has a form field for every field of the schema, and none the schema lacks', () => {
        expect(fields.map((f) => f.path).sort()).toEqual(expected.map((f) => f.path).sort());
      });

      test('marks the same fields required as the schema', () => {
        const required = (list: { path: string; required?: boolean }[]) => list.filter((f) => f.required).map((f) => f.path).sort();
        expect(required(fields)).toEqual(required(expected));
      });

      test('offers exactly the values the schema accepts in every closed list', () => {
        for (const field of expected.filter((f) => f.options)) {
          const form = fields.find((f) => f.path === field.path)!;
          expect(form.widget, field.path).toBe('select');
          expect(form.options?.map((o) => o.value), field.path).toEqual(field.options);
        }
      });

      test('asks for at least as many items as the schema needs', () => {
        for (const field of expected.filter((f) => f.min)) {
          expect(fields.find((f) => f.path === field.path)?.min, field.path).toBe(field.min);
        }
      });

      test('lets a number field hold exactly the numbers the schema accepts at its limits', () => {
        for (const field of fields.filter((f) => f.widget === 'number')) {
          const schema = leafSchema(shape, field.path);
          if (field.min !== undefined) {
            expect(schema.safeParse(field.min).success, `${field.path}: the form's smallest value, ${field.min}`).toBe(true);
            if (field.value_type === 'int') expect(schema.safeParse(field.min - 1).success, `${field.path}: one below the form's smallest value`).toBe(false);
          }
          if (field.max !== undefined) {
            expect(schema.safeParse(field.max).success, `${field.path}: the form's largest value, ${field.max}`).toBe(true);
            if (field.value_type === 'int') expect(schema.safeParse(field.max + 1).success, `${field.path}: one above the form's largest value`).toBe(false);
          }
        }
      });

      test('checks in the form every text field the schema checks with a pattern, an email or a web address', () => {
        for (const field of fields.filter((f) => f.widget === 'string' || f.widget === 'text')) {
          const schema = leafSchema(shape, field.path);
          const def = schema._zod.def as { format?: string; checks?: { _zod: { def: { format?: string } } }[] };
          const patterned = def.format || def.checks?.some((check) => check._zod.def.format === 'regex');
          if (patterned) expect(field.pattern, field.path).toBeDefined();
        }
      });

      test('offers three answers, not a switch, for a yes or no the schema lets an editor leave out, so leaving it untouched leaves it out', () => {
        for (const field of fields.filter((f) => f.widget === 'boolean' || f.widget === OPTIONAL_SWITCH)) {
          const schema = fieldSchema(shape, field.path);
          // Also one inside a group of fields that may be left out: untouched, the group is left out
          // (a new service's cost is "not stated", not "There is a charge").
          const parent = field.path.includes('.') ? fieldSchema(shape, field.path.slice(0, field.path.lastIndexOf('.'))) : undefined;
          const mayBeLeftOut = schema instanceof z.ZodOptional || parent instanceof z.ZodOptional;
          expect(field.widget, field.path).toBe(mayBeLeftOut ? OPTIONAL_SWITCH : 'boolean');
          if (mayBeLeftOut) {
            expect(field.default, field.path).toBeUndefined();
            expect(field.choices, field.path).toHaveLength(3);
          }
        }
      });

      test('saves files where the content check reads them, with ids as file names', () => {
        const c = collection(name);
        expect(c.folder).toBe(`content/${source.folder}`);
        expect(`.${c.extension}`).toBe(source.extension);
        expect(c.format).toBe(source.extension === '.json' ? 'json' : 'frontmatter');
        expect(c.slug).toMatch(/\{\{slug\}\}$/);
        if (source.extension === '.mdx') {
          const body = c.fields.find((f) => f.name === 'body')!;
          expect(body).toMatchObject({ widget: 'markdown', modes: ['raw'], required: true });
          // MDX reads "<" and "{" as code: the hint says how to write them, as the check does.
          expect(body.hint).toContain('"less than"');
          expect(body.hint).toContain('\\{');
        }
      });
    });
  }

  test('makes ids in lower-case kebab-case, without accents', () => {
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
  });

  test('uses the right widget for each kind of service field', () => {
    const fields = cmsFields(collection('services').fields);
    const field = (path: string) => fields.find((f) => f.path === path)!;
    expect(field('organisation')).toMatchObject({ widget: 'relation', collection: 'organisations', value_field: '{{slug}}' });
    expect(field('relatedServices')).toMatchObject({ widget: 'relation', collection: 'services', value_field: '{{slug}}', multiple: true });
    expect(field('videos')).toMatchObject({ widget: 'relation', collection: 'videos', multiple: true });
    expect(field('lastReviewed')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false });
    expect(field('description').widget).toBe('markdown');
    expect(field('access.howTo').widget).toBe('markdown');
    expect(field('ageRange.min')).toMatchObject({ widget: 'number', value_type: 'int', min: 0, max: 25 });
    // Cost may be not stated (an imported service), so its fields are not demanded on their own.
    expect(field('cost.free')).toMatchObject({ widget: OPTIONAL_SWITCH, required: false, choices: ['Free', 'There is a charge', 'Not known'] });
    expect(field('contacts')).toMatchObject({ widget: 'list', min: 1 });
    expect(field('locations.lat')).toMatchObject({ widget: 'number', value_type: 'float', required: false });
    expect(field('hours.days')).toMatchObject({ widget: 'select', multiple: true, min: 1 });
    expect(field('keywords')).toMatchObject({ widget: 'list', field: { widget: 'string' } });
    expect(field('status')).toMatchObject({ widget: 'select', default: 'active', required: false });
    expect(field('summary').pattern?.[0]).toBe('^[\\s\\S]{0,200}$');
    // Text the schema checks with a pattern is checked in the form too.
    expect(new RegExp(field('hours.opens').pattern![0]).test('09:30')).toBe(true);
    expect(new RegExp(field('hours.opens').pattern![0]).test('9.30am')).toBe(false);
    expect(new RegExp(field('contacts.phone').pattern![0]).test('01632 960 123')).toBe(true);
    expect(field('categories').options?.find((o) => o.value === 'transport')?.label).toBe('Travel and transport');
  });

  test('refuses in the form the postcodes, email addresses and web addresses the schema refuses, and accepts every one in content/', () => {
    const fields = cmsFields(collection('services').fields);
    const accepts = (path: string, value: string) => new RegExp(fields.find((f) => f.path === path)!.pattern![0]).test(value);
    expect(accepts('locations.postcode', 'KV4 1PL')).toBe(true);
    expect(accepts('locations.postcode', 'kv4 1pl')).toBe(true);
    expect(accepts('locations.postcode', 'KV41')).toBe(false);
    expect(accepts('contacts.email', 'send@example.gov.uk')).toBe(true);
    expect(accepts('contacts.email', 'send at example.gov.uk')).toBe(false);
    expect(accepts('contacts.website', 'https://www.example.org/page')).toBe(true);
    expect(accepts('contacts.website', 'www.example.org')).toBe(false);
    const dir = join('content', 'services');
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
      const service = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { contacts?: Record<string, string>[]; locations?: { postcode: string }[] };
      for (const contact of service.contacts ?? []) {
        for (const key of ['phone', 'email', 'website'] as const) if (contact[key]) expect(accepts(`contacts.${key}`, contact[key]), `${file}: ${contact[key]}`).toBe(true);
      }
      for (const location of service.locations ?? []) expect(accepts('locations.postcode', location.postcode), `${file}: ${location.postcode}`).toBe(true);
    }
  });

  test('offers the localities in site.json, or the whole area, for areaServed', () => {
    const areaServed = collection('services').fields.find((f) => f.name === 'areaServed')!;
    expect(areaServed.options?.map((o) => o.value)).toEqual([WHOLE_AREA, ...site.localities.map((l) => l.name)]);
    expect(areaServed.default).toEqual([WHOLE_AREA]);
  });

  test("offers only the video topics the content check accepts, with the labels the site shows", () => {
    const topics = collection('videos').fields.find((f) => f.name === 'topics')!;
    expect(topics).toMatchObject({ widget: 'select', multiple: true, required: false });
    expect(topics.options).toEqual(videoTopics.values.map((value) => ({ value, label: videoTopics.labels[value] })));
  });

  test('offers the feedback themes in site.json', () => {
    const theme = collection('feedback').fields.find((f) => f.name === 'theme')!;
    expect(theme.options?.map((o) => o.value)).toEqual(site.feedbackThemes);
  });

  test('has hints that follow the editing guide', () => {
    const summary = collection('services').fields.find((f) => f.name === 'summary')!;
    expect(summary.hint).toMatch(/200 characters/);
    for (const name of CMS_COLLECTIONS) {
      for (const field of cmsFields(collection(name).fields)) expect(field.label, `${name}.${field.path}`).not.toBe('');
    }
  });

  test('has a hint under every field, and one that gives the limit of every field with a character limit', () => {
    for (const name of CMS_COLLECTIONS) {
      for (const field of cmsFields(collection(name).fields)) {
        expect(field.hint?.trim(), `${name}.${field.path}`).toBeTruthy();
        const limit = /^\^\[\\s\\S\]\{0,(\d+)\}\$$/.exec(field.pattern?.[0] ?? '')?.[1];
        if (limit) expect(field.hint, `${name}.${field.path}`).toContain(`${limit} characters`);
      }
    }
  });

  test('refuses a schema field it does not know how to edit, so a new kind of field cannot go missing', () => {
    const schema = () => z.strictObject({ title: z.string(), byNode: z.record(z.string(), z.string()) });
    expect(() => collectionFields({ name: 'pages', folder: 'pages', extension: '.json', noun: 'page', schema }, site)).toThrow(/pages\.byNode/);
  });
});

describe('the production backend', () => {
  test('comes from the build environment', () => {
    expect(backendFromEnv({ CMS_REPO: 'kestrel-vale/local-offer', CMS_AUTH_URL: 'https://cms-auth.kestrelvale.example' })).toEqual({
      name: 'github',
      repo: 'kestrel-vale/local-offer',
      branch: 'main',
      base_url: 'https://cms-auth.kestrelvale.example',
    });
    expect(backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'kv/offer', CMS_APP_ID: 'abc' })).toMatchObject({ name: 'gitlab', app_id: 'abc', auth_type: 'pkce' });
  });

  test('is the only other origin the admin page may contact', () => {
    expect(backendOrigins(backendFromEnv({}))).toEqual(['https://api.github.com']);
    expect(backendOrigins(backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_API_ROOT: 'https://git.kestrelvale.example/api/v4' }))).toEqual(['https://git.kestrelvale.example']);
  });
});

describe('pruneEmpty (run before every save)', () => {
  test('drops the empty text and empty objects a cleared optional field leaves behind', () => {
    const data = { name: 'Play', cost: { free: false, details: '' }, access: { routes: ['drop-in'], eligibility: '  ' }, contacts: [{ name: '', email: 'a@b.example' }], comparison: {}, keywords: [] };
    expect(pruneEmpty(data)).toEqual({ name: 'Play', cost: { free: false }, access: { routes: ['drop-in'] }, contacts: [{ email: 'a@b.example' }], keywords: [] });
  });

  test('keeps false, zero and filled values as they are', () => {
    const data = { ageRange: { min: 0, max: 25 }, higherIsBetter: false, lastReviewed: '2026-11-01' };
    expect(pruneEmpty(data)).toEqual(data);
  });
});

describe('orderKeys (run before every save)', () => {
  test("puts a service's fields back in the order of the form, at every level", () => {
    const shuffled = { status: 'active', access: { howTo: 'Ask', routes: ['drop-in'] }, name: 'Play', extra: 1 };
    const form = formFor(config.collections, shuffled)!;
    expect(form.name).toBe('services');
    const ordered = orderKeys(shuffled, form.fields) as Record<string, unknown>;
    expect(Object.keys(ordered)).toEqual(['name', 'access', 'status', 'extra']);
    expect(Object.keys(ordered.access as object)).toEqual(['routes', 'howTo']);
  });
});

describe("a new entry's name cannot make an address the site already uses", () => {
  // The file name is made from the name or title when the entry is first saved, and the browser
  // editor cannot rename a file: "Glossary" would be saved as content/pages/glossary.mdx, which
  // the check refuses (/glossary/ is the site's own page).
  for (const source of folderCollections.filter((c) => c.reservedIds?.length && (CMS_COLLECTIONS as readonly string[]).includes(c.name))) {
    const c = collection(source.name);
    const field = c.fields.find((f) => f.name === c.identifier_field)!;

    test(`${source.name}: each reserved address, written as a name, is refused with the reason`, () => {
      expect(field.pattern, source.name).toBeDefined();
      const [pattern, message] = field.pattern!;
      const rule = new RegExp(pattern);
      for (const id of source.reservedIds!) {
        const title = id.replace(/-/g, ' ').replace(/^\w/, (first) => first.toUpperCase());
        if (/[a-z0-9]/i.test(title)) expect(rule.test(title), title).toBe(false);
      }
      expect(message).toMatch(/^(write|use) .*that does not make an address the site already uses \(.*\): add a word to it$/);
    });

    test(`${source.name}: every name in the demo content is accepted, and a longer name with the same word`, () => {
      const rule = new RegExp(field.pattern![0]);
      const folder = `content/${source.folder}`;
      for (const file of readdirSync(folder)) {
        const text = readFileSync(join(folder, file), 'utf8');
        const name = source.extension === '.json' ? (JSON.parse(text) as Record<string, string>)[field.name]! : /^title:\s*"?(.*?)"?\s*$/m.exec(text)![1]!;
        expect(rule.test(name), `${file}: ${name}`).toBe(true);
      }
      expect(rule.test(`Our ${source.reservedIds![0]}`)).toBe(true);
    });
  }
});
