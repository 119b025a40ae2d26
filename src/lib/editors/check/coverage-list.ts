/**
 * content/statutory-coverage.json: what the law says the Local Offer must cover, and the pages
 * that cover it (src/lib/editors/statutory-coverage.ts checks each page it names exists).
 */
import { join } from 'node:path';
import { COVERAGE_FILE } from '../../../contract/collections.ts';
import { coverageSchema } from '../../../contract/coverage.ts';
import { checkCoverage, type CoverageItem } from '../statutory-coverage.ts';
import { coverageReadabilityWarnings } from '../readability.ts';
import type { Problem } from '../problems.ts';
import { idLookup, type CheckContext, type Entries, type StepResult, type Unreadable } from './context.ts';
import { checkRequiredJsonFile } from './read.ts';

export function checkCoverageList(context: CheckContext, entries: Entries, unreadable: Unreadable): StepResult {
  const { contentDir, rel } = context;
  const problems: Problem[] = [];
  const coveragePath = join(contentDir, COVERAGE_FILE);
  const fix = 'put back the project\'s own content/statutory-coverage.json (the requirements are the law, the same for every council) and change only the pages it names, to your own: it maps each statutory requirement to the pages that meet it';
  const { files, data } = checkRequiredJsonFile(context, coveragePath, coverageSchema(), fix, problems);
  const warnings: Problem[] = [];
  if (data) {
    problems.push(...checkCoverage(rel(coveragePath), data.items as CoverageItem[], idLookup(entries, unreadable)));
    // Plain English, measured, as in the entries (readability.ts): worth a look, not a stop.
    warnings.push(...coverageReadabilityWarnings(rel(coveragePath), data.items as CoverageItem[]));
  }
  return { problems, warnings, files };
}
