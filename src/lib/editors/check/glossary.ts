/**
 * content/glossary.json: one file, a list of terms. Each term gets an address from its words
 * (/glossary/#term), so no two may share one, and an abbreviation belongs to one term only.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryTermSchema } from '../../../contract/index.ts';
import { GLOSSARY_FILE } from '../../../contract/collections.ts';
import { problemFromIssue, type Problem } from '../problems.ts';
import { slugify } from '../../text/slug.ts';
import type { CheckContext, LoadedEntry, StepResult } from './context.ts';
import { readJsonFile } from './read.ts';

/** The glossary's terms, as entries for the cross-checks. */
export function checkGlossary(context: CheckContext): StepResult & { entries: LoadedEntry[] } {
  const { contentDir, rel } = context;
  const problems: Problem[] = [];
  let files = 0;
  const glossaryPath = join(contentDir, GLOSSARY_FILE);
  const glossary: LoadedEntry[] = [];
  // Astro's loader needs the file: without it the build logged an error, went on, and could keep
  // the last build's glossary page. A council with no terms yet writes an empty list.
  if (!existsSync(glossaryPath)) {
    problems.push({ file: rel(glossaryPath), field: '(file)', problem: 'is missing: the glossary page, and the abbreviations search understands, are made from it', fix: 'put it back (its terms are national SEND words, true for every council), or create it with an empty list, [], if you want no glossary yet' });
  } else {
    files++;
    const file = rel(glossaryPath);
    const parsed = readJsonFile(context, glossaryPath, problems);
    if (!parsed) {
      // reported by readJsonFile
    } else if (!Array.isArray(parsed.data)) problems.push({ file, field: '(file)', problem: 'is not a list', fix: 'make the file a list of terms: [ { "term": …, … }, … ]' });
    else {
      const schema = glossaryTermSchema();
      const seen = new Map<string, number>();
      const abbreviationOf = new Map<string, { term: string; index: number }>();
      parsed.data.forEach((item: unknown, index: number) => {
        const result = schema.safeParse(item);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const problem = problemFromIssue(file, { ...issue, path: [index, ...issue.path] }, parsed.data, undefined);
            problems.push(problem);
          }
          return;
        }
        const id = slugify(result.data.term);
        if (!id) {
          // The glossary gives each term an address (/glossary/#term) from its letters and numbers: with none, the build would drop it.
          problems.push({ file, field: `[${index}].term`, problem: `"${result.data.term}" has no letters or numbers, so the term cannot be published`, fix: 'write the term in words' });
          return;
        }
        if (seen.has(id)) {
          problems.push({ file, field: `[${index}].term`, problem: `"${result.data.term}" is already defined at [${seen.get(id)}]`, fix: 'merge the two definitions into one' });
        }
        seen.set(id, index);
        // One abbreviation, one term: a search for it, and the glossary's links, could only pick one.
        (result.data.abbreviations ?? []).forEach((abbreviation: string, a: number) => {
          const other = abbreviationOf.get(abbreviation);
          if (other) problems.push({ file, field: `[${index}].abbreviations[${a}]`, problem: `"${abbreviation}" is already an abbreviation of "${other.term}" at [${other.index}]`, fix: 'keep it on one term, and mention the other term in that definition' });
          else abbreviationOf.set(abbreviation, { term: result.data.term, index });
        });
        glossary.push({ collection: 'glossary', id, file, data: item as Record<string, unknown> });
      });
    }
  }
  return { problems, files, entries: glossary };
}
