/**
 * The council's import mapping (content/import-mapping.json): which of a feed's own taxonomy
 * terms and words mean which of our categories, needs, levels and access routes. Councils edit
 * this file, not the code; the importer's dry run shows what it matched, and lists every
 * taxonomy term it did not know, so the mapping can be completed before writing.
 */
import { z } from 'astro/zod';
import { accessRoutes, categories, levels, needs } from '../../../contract/vocabulary.ts';

const rule = z.strictObject({
  /** Taxonomy terms of the feed (name, code or slug), matched whole and ignoring case. */
  terms: z.array(z.string()).default([]),
  /** Words or phrases in the service's name or description, matched as whole words. */
  words: z.array(z.string()).default([]),
});

const section = <T extends string>(values: readonly [T, ...T[]]) =>
  z.partialRecord(z.enum(values as [T, ...T[]], { error: `one of: ${values.join(', ')}` }), rule).default({});

export const mappingSchema = z.strictObject({
  /** Free text for whoever edits the file. */
  about: z.string().optional(),
  categories: section(categories.values),
  needs: section(needs.values),
  levels: section(levels.values),
  accessRoutes: section(accessRoutes.values),
  /** What to use when nothing matched, per vocabulary (leave empty to make such records drafts). */
  whenNothingMatches: z
    .strictObject({
      categories: z.array(z.enum(categories.values)).default([]),
      needs: z.array(z.enum(needs.values)).default([]),
      levels: z.array(z.enum(levels.values)).default([]),
      accessRoutes: z.array(z.enum(accessRoutes.values)).default([]),
    })
    .default({ categories: [], needs: [], levels: [], accessRoutes: [] }),
});

export type ImportMapping = z.output<typeof mappingSchema>;
export type Vocab = 'categories' | 'needs' | 'levels' | 'accessRoutes';
export const VOCABS: Vocab[] = ['categories', 'needs', 'levels', 'accessRoutes'];

export const emptyMapping = (): ImportMapping => mappingSchema.parse({});

/** Reads the mapping file's text; problems name the field and what to write. */
export function parseMapping(text: string): { mapping: ImportMapping; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { mapping: emptyMapping(), problems: [`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const result = mappingSchema.safeParse(data);
  if (result.success) return { mapping: result.data, problems: [] };
  return { mapping: emptyMapping(), problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`) };
}

const normal = (text: string) => text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface MappingResult {
  values: Record<Vocab, string[]>;
  /** How each value was found, for the dry run: `categories "health" from term "Health visiting"`. */
  used: string[];
  /** Taxonomy terms of the record that no rule names. */
  unknownTerms: string[];
}

/**
 * Our codes for one record, from its taxonomy terms and its words. Codes the feed already uses
 * (a term "sen-support" or "Health") count too, so our own export maps back without a mapping.
 */
export function applyMapping(mapping: ImportMapping, terms: string[], words: string, labelOf: Record<Vocab, (value: string) => string>): MappingResult {
  const values: Record<Vocab, string[]> = { categories: [], needs: [], levels: [], accessRoutes: [] };
  const used: string[] = [];
  const known = new Set<string>();
  const text = ` ${normal(words)} `;
  const vocabularies = { categories, needs, levels, accessRoutes };
  for (const vocab of VOCABS) {
    const add = (value: string, why: string) => {
      if (values[vocab].includes(value)) return;
      values[vocab].push(value);
      used.push(`${vocab} "${value}" from ${why}`);
    };
    // In the feed's own order, so our own export comes back exactly as it went out.
    for (const term of terms) {
      for (const value of vocabularies[vocab].values) {
        if (normal(term) === normal(value) || normal(term) === normal(labelOf[vocab](value))) {
          known.add(term);
          add(value, `term "${term}"`);
        }
      }
    }
    for (const [value, r] of Object.entries(mapping[vocab]) as [string, z.output<typeof rule>][]) {
      for (const term of terms) {
        if (r.terms.some((t) => normal(t) === normal(term))) {
          known.add(term);
          add(value, `term "${term}"`);
        }
      }
      for (const word of r.words) {
        if (word.trim() && new RegExp(`[^a-z0-9]${escape(normal(word))}[^a-z0-9]`).test(text)) add(value, `the word "${word}"`);
      }
    }
    if (values[vocab].length === 0) for (const value of mapping.whenNothingMatches[vocab]) add(value, 'whenNothingMatches (nothing else matched)');
  }
  return { values, used, unknownTerms: [...new Set(terms.filter((t) => !known.has(t)))] };
}
