/**
 * Checks everything under content/ without building the site: each file against its schema,
 * then the rules a schema alone cannot express (references resolve, localities and themes
 * exist, decision trees are complete, captions are real WebVTT). Every problem is collected,
 * not just the first, and each names the file and field.
 *
 * The check is its steps, in order, each in src/lib/editors/check/ and each returning what it
 * found: the site settings, each folder collection, the glossary, the cross-checks, the coverage list.
 */
import type { CollectionName } from '../../contract/index.ts';
import { folderCollections } from '../../contract/collections.ts';
import type { Problem } from './problems.ts';
import { fileBeingRead, nowReading, debugWanted } from './command-errors.ts';
import { checkContext, type CheckOptions, type CheckResult, type Entries, type StepResult } from './check/context.ts';
import { unexpectedProblem } from './check/read.ts';
import { checkSiteSettings } from './check/site-settings.ts';
import { checkFolderCollection } from './check/folder-collection.ts';
import { checkGlossary } from './check/glossary.ts';
import { crossChecks } from './check/cross-checks.ts';
import { checkCoverageList } from './check/coverage-list.ts';

export type { CheckOptions, CheckResult, LoadedEntry, SiteSettings } from './check/context.ts';

/**
 * Checks the content. Never throws: whatever stops the check unexpectedly is reported as a
 * problem with the file being read, so the check fails (and the build with it) with one line.
 */
export function checkContent(options: CheckOptions): CheckResult {
  try {
    const result = checkEverything(options);
    nowReading(undefined); // the check is done: whatever the command does next is not reading content
    return result;
  } catch (error) {
    if (debugWanted()) process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    return { problems: [unexpectedProblem(fileBeingRead() ?? 'content/', error)], warnings: [], entries: new Map(), files: 0 };
  }
}

function checkEverything(options: CheckOptions): CheckResult {
  const context = checkContext(options);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const entries: Entries = new Map();
  const unreadable = new Map<CollectionName, Set<string>>();
  let files = 0;
  const add = (step: StepResult) => {
    problems.push(...step.problems);
    warnings.push(...(step.warnings ?? []));
    files += step.files ?? 0;
  };

  // site.json first: other checks need its localities and themes.
  const settings = checkSiteSettings(context);
  add(settings);
  for (const collection of folderCollections) {
    const folder = checkFolderCollection(context, collection);
    entries.set(collection.name, folder.entries);
    unreadable.set(collection.name, folder.unread);
    add(folder);
  }
  const glossary = checkGlossary(context);
  entries.set('glossary', glossary.entries);
  add(glossary);
  add(crossChecks(context, entries, settings.site, unreadable));
  add(checkCoverageList(context, entries, unreadable));
  return { problems, warnings, entries, files, site: settings.site, unreadable };
}
