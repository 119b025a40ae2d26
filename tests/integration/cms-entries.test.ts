import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dump } from 'js-yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { backendFromEnv, cmsConfig, type CmsCollection, type CmsField } from '../../src/lib/editors/cms-config.ts';
import { checkContent } from '../../src/lib/editors/content-check.ts';
import { pruneEmpty } from '../../src/lib/editors/cms-save.ts';
import { OPTIONAL_SWITCH } from '../../src/lib/editors/cms-widgets.ts';
import site from '../../content/site.json' with { type: 'json' };

/**
 * What the browser editor can save, for every collection it edits, passes `npm run check`: an
 * entry with only the fields the form asks for (and the defaults Decap fills in), and one with
 * every field filled. The values are the ones the form offers: its first choice in each list, its
 * smallest number, a value its pattern accepts. A choice or a limit the check refuses fails here
 * without a browser (tests/cms/admin.spec.ts drives the real form for a service).
 */
const project = resolve(import.meta.dirname, '../..');
const config = cmsConfig(site, backendFromEnv({}));
const root = mkdtempSync(join(tmpdir(), 'olo-cms-entries-'));
cpSync(join(project, 'content'), join(root, 'content'), { recursive: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Text each patterned field accepts, as an editor would type it. */
const TYPED: Record<string, string> = {
  phone: '01632 960 123',
  email: 'club@example.org',
  website: 'https://www.example.org/club',
  postcode: 'kv4 1pl',
  opens: '09:30',
  closes: '17:00',
  period: '2026-04',
  youtube: 'abcdefghijk',
  href: '/pathways/',
};

/** Files in content/public/ an editor picks from the media library. */
const PICKED: Record<string, string> = {
  captions: '/videos/asking-for-an-ehc-needs-assessment.vtt',
  poster: '/videos/asking-for-an-ehc-needs-assessment.jpg',
  file: '/videos/asking-for-an-ehc-needs-assessment.mp4',
};

const firstId = (collection: string) => readdirSync(join(project, 'content', collection)).sort()[0]!.replace(/\.(json|mdx)$/, '');

/** The value an editor gives one field, as Decap saves it. */
function valueFor(field: CmsField, every: boolean): unknown {
  switch (field.widget) {
    case 'string':
    case 'text': {
      const value = TYPED[field.name] ?? `Some ${field.name}`;
      if (field.pattern) expect(new RegExp(field.pattern[0]).test(value), `${field.name}: "${value}"`).toBe(true);
      return value;
    }
    case 'markdown':
      return `Some ${field.name}.`;
    case 'datetime':
      return '2026-11-01';
    case 'number':
      return field.min ?? 1;
    case 'boolean':
    case OPTIONAL_SWITCH:
      return true;
    case 'select': {
      const value = field.options![0]!.value;
      return field.multiple ? Array.from({ length: field.min ?? 1 }, (_, i) => field.options![i]!.value) : value;
    }
    case 'relation': {
      const id = firstId(field.collection!);
      return field.multiple ? [id] : id;
    }
    case 'file':
    case 'image':
      return PICKED[field.name];
    case 'object':
      return entryData(field.fields!, every, field.name === 'source' && field.label === 'Video source');
    case 'list':
      if (field.field) return [valueFor(field.field, every)];
      // A contact needs one of its phone, email or website (the hint says so; the check refuses none).
      if (field.name === 'contacts' && !every) return [{ email: TYPED.email }];
      return [entryData(field.fields!, every)];
    default:
      throw new Error(`no value for a ${field.widget} field`);
  }
}

/**
 * An entry as the form saves it: with `every`, each field filled; otherwise only the required ones
 * and Decap's defaults. A video's source is one of two fields, as its hint says: the first is filled.
 */
function entryData(fields: CmsField[], every: boolean, oneOf = false): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const field of oneOf ? fields.slice(0, 1) : fields) {
    if (every || field.required || oneOf) data[field.name] = valueFor(field, every);
    else if (field.default !== undefined) data[field.name] = field.default;
  }
  return data;
}

function save(collection: CmsCollection, id: string, data: Record<string, unknown>): string {
  const { body, ...fields } = pruneEmpty(data) as Record<string, unknown>;
  const folder = join(root, collection.folder);
  const file = join(folder, `${id}.${collection.extension}`);
  // An imported service's draft list would keep it unpublished; the form's own entries are published.
  delete fields.draft;
  writeFileSync(file, collection.format === 'json' ? `${JSON.stringify(fields, null, 2)}\n` : `---\n${dump(fields)}---\n${String(body)}\n`);
  return `content/${collection.folder.replace(/^content\//, '')}/${id}.${collection.extension}`;
}

describe('an entry saved from the browser editor passes the content check', () => {
  const written: string[] = [];
  for (const collection of config.collections) {
    for (const every of [false, true]) {
      const id = `${collection.name === 'feedback' ? '2026-11-' : ''}cms-${every ? 'every-field' : 'required-only'}`;
      const data = entryData(collection.fields, every);
      // Two services of one organisation may not share a name: each entry has its own.
      if (collection.name !== 'feedback') data[collection.identifier_field] = `Entry with ${every ? 'every field' : 'required fields only'}`;
      written.push(save(collection, id, data));
    }
  }
  const { problems } = checkContent({ rootDir: root, contentDir: join(root, 'content'), publicDir: join(project, 'public') });

  for (const file of written) {
    test(file, () => {
      expect(problems.filter((p) => p.file === file)).toEqual([]);
    });
  }
});
