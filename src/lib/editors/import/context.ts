/**
 * What every reader needs to know: the feed's name (for source ids), the council's localities
 * and area name (for areas served), the import mapping and today's date. Also the steps every
 * reader shares: the summary and description from HTML, and the codes from the mapping.
 */
import { accessRoutes, categories, levels, needs } from '../../../contract/vocabulary.ts';
import { descriptionFrom, firstSentence } from './html.ts';
import { applyMapping, emptyMapping, type ImportMapping, type Vocab } from './mapping.ts';
import type { Candidate } from './plan.ts';
import type { RecordReader } from './record.ts';

export interface ReadContext {
  /** The feed's name, kept with each record's id: "bristol-directory". */
  feed: string;
  /** Locality names from content/site.json. */
  localities: string[];
  /** The council's area ("Kestrel Vale"): a service area of that name is the whole area. */
  areaName?: string;
  mapping: ImportMapping;
  /** YYYY-MM-DD */
  today: string;
}

export function readContext(partial: Partial<ReadContext> = {}): ReadContext {
  return { feed: 'feed', localities: [], mapping: emptyMapping(), today: new Date().toISOString().slice(0, 10), ...partial };
}

export const labelOf: Record<Vocab, (value: string) => string> = {
  categories: (v) => categories.label(v as never),
  needs: (v) => needs.label(v as never),
  levels: (v) => levels.label(v as never),
  accessRoutes: (v) => accessRoutes.label(v as never),
};

/** Description (Markdown) and summary (plain text) from a description that may be HTML. */
export function describe(html: string | undefined, summary?: string): { description?: string; summary?: string } {
  const { markdown, lead } = html ? descriptionFrom(html) : { markdown: '', lead: '' };
  return {
    description: markdown || undefined,
    summary: summary?.trim() || (lead ? firstSentence(lead) : undefined),
  };
}

/** Our codes for a record from its terms and words, with how they were found. */
export function classify(context: ReadContext, terms: string[], words: string) {
  const result = applyMapping(context.mapping, terms, words, labelOf);
  return {
    categories: result.values.categories,
    needs: result.values.needs,
    levels: result.values.levels,
    routes: result.values.accessRoutes,
    used: result.used,
    unknownTerms: result.unknownTerms,
    /** Fields the source said nothing about (filled from whenNothingMatches, or empty): an --update keeps the service's own. */
    filled: (['categories', 'needs', 'levels', 'accessRoutes'] as const)
      .filter((vocab) => result.used.filter((u) => u.startsWith(`${vocab} `)).every((u) => u.includes('whenNothingMatches')))
      .map((vocab) => (vocab === 'accessRoutes' ? 'access.routes' : vocab)),
  };
}

/**
 * What a feed reader returns for one record: the service without the fields the source left
 * undefined, and everything the reader noted (problems, fields not imported, what the mapping did).
 */
export function feedCandidate(read: {
  index: number;
  name?: string;
  id?: string;
  sourceId?: string;
  context: ReadContext;
  service: Record<string, unknown>;
  organisation: Candidate['organisation'];
  reader: RecordReader;
  needs: string[];
  codes: ReturnType<typeof classify>;
  filled: string[];
}): Candidate {
  const { index, name, sourceId, context, reader, codes } = read;
  return {
    ref: `service ${index + 1}${name ? ` (${name})` : ''}`,
    ...(read.id !== undefined ? { id: read.id } : {}),
    source: sourceId ? { feed: context.feed, id: sourceId } : undefined,
    service: Object.fromEntries(Object.entries(read.service).filter(([, v]) => v !== undefined)),
    organisation: read.organisation,
    problems: reader.problems,
    unmapped: [...reader.notes, ...reader.notImported()],
    needs: read.needs,
    mappingUsed: codes.used,
    unknownTerms: codes.unknownTerms,
    filled: read.filled,
  };
}

/** A service area's name as our areaServed holds it: a locality, or "whole-area". */
export function areaOf(name: string, context: ReadContext): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (context.areaName && wanted === context.areaName.toLowerCase()) return 'whole-area';
  return context.localities.find((l) => l.toLowerCase() === wanted);
}
