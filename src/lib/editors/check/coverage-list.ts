/**
 * content/statutory-coverage.json: what the law says the Local Offer must cover, and the pages
 * that cover it (src/lib/editors/statutory-coverage.ts checks each page it names exists).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COVERAGE_FILE } from '../../../contract/collections.ts';
import { coverageSchema } from '../../../contract/coverage.ts';
import { checkCoverage, type CoverageItem } from '../statutory-coverage.ts';
import { problemFromIssue, type Problem } from '../problems.ts';
import { idLookup, type CheckContext, type Entries, type StepResult, type Unreadable } from './context.ts';
import { readJsonFile } from './read.ts';

export function checkCoverageList(context: CheckContext, entries: Entries, unreadable: Unreadable): StepResult {
  const { contentDir, rel } = context;
  const problems: Problem[] = [];
  let files = 0;
  const coveragePath = join(contentDir, COVERAGE_FILE);
  const coverageFile = rel(coveragePath);
  if (!existsSync(coveragePath)) {
    problems.push({ file: coverageFile, field: '(file)', problem: 'the file is missing', fix: 'create it from the demo content: it maps each statutory requirement to the pages that meet it' });
  } else {
    files++;
    const parsed = readJsonFile(context, coveragePath, problems);
    if (parsed) {
      const schema = coverageSchema();
      const result = schema.safeParse(parsed.data);
      if (!result.success) for (const issue of result.error.issues) problems.push(problemFromIssue(coverageFile, issue, parsed.data, schema));
      else {
        problems.push(...checkCoverage(coverageFile, result.data.items as CoverageItem[], idLookup(entries, unreadable)));
      }
    }
  }
  return { problems, files };
}
