/**
 * `npm run review-report`: every entry overdue for review, or due within 30 days, grouped by
 * organisation. Prints a table and writes the same rows as CSV (review-report.csv, or --out FILE).
 * Use --date YYYY-MM-DD to see the report as it will be on another day.
 *
 * Then it lists the drafts (imported services not published yet) with what each still needs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../src/lib/text/csv.ts';
import { checkContent } from '../src/lib/editors/content-check.ts';
import { calendarDate, REVIEWED_COLLECTIONS, reviewReport, type ReviewableEntry } from '../src/lib/editors/review-report.ts';
import { draftsReport, type DraftEntry } from '../src/lib/editors/review-drafts.ts';
import { formatDate, today } from '../src/lib/text/dates.ts';
import { isoDateOf } from '../src/contract/common.ts';
import { isDraft } from '../src/contract/index.ts';
import { catchUnexpected, EditorError } from '../src/lib/editors/command-errors.ts';
import { shown } from '../src/lib/editors/problems.ts';
import { folderCollections } from '../src/contract/collections.ts';
import { ANY_ID } from '../src/lib/editors/check/context.ts';

catchUnexpected('npm run review-report');

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const contentDir = option('content') ?? `${root}content/`;
const dateOption = option('date');
const on = dateOption === undefined ? today() : calendarDate(dateOption);
if (!on) throw new EditorError(`--date must be a real date written as YYYY-MM-DD, such as --date ${today()}; "${dateOption ?? ''}" is not`);
const out = option('out') ?? 'review-report.csv';

const { entries, site, unreadable } = checkContent({ rootDir: root, contentDir, publicDir: `${root}public/` });
if (!site) throw new EditorError('content/site.json has problems, so the review interval is not known: run npm run check, fix what it lists, then run the report again');
const organisations = new Map((entries.get('organisations') ?? []).map((o) => [o.id, String(o.data.name ?? o.id)]));

const reviewable: ReviewableEntry[] = [];
/** Entries that should have a review date but whose date cannot be read: named, never dropped in silence. */
const undated: string[] = [];
const drafts: DraftEntry[] = [];
// A file that cannot be read at all (not valid JSON, no frontmatter) has no date to read either.
for (const collection of REVIEWED_COLLECTIONS) {
  const folder = folderCollections.find((c) => c.name === collection)!;
  for (const id of unreadable?.get(collection) ?? []) undated.push(id === ANY_ID ? `content/${folder.folder}/ (the folder cannot be read)` : `content/${folder.folder}/${id}${folder.extension} (the file cannot be read)`);
}
/** The organisation a row is filed under: its name, or the id as written when no organisation has it (never another organisation's). */
const unknownOrganisations = new Set<string>();
const organisationOf = (id: string | undefined) => {
  if (!id) return site.localAuthority;
  if (!organisations.has(id)) unknownOrganisations.add(id);
  return organisations.get(id) ?? `"${id}" (no organisation has this id: run npm run check)`;
};
for (const [collection, list] of entries) {
  for (const entry of list) {
    // A draft is not published, so it is not due for review: it is listed below with what it needs.
    if (collection === 'services' && isDraft(entry.data)) {
      const organisationId = typeof entry.data.organisation === 'string' ? entry.data.organisation : '';
      drafts.push({ id: entry.id, file: entry.file, data: entry.data, organisation: organisations.get(organisationId) ?? (organisationId || 'Organisation not stated') });
      continue;
    }
    const lastReviewed = calendarDate(isoDateOf(entry.data.lastReviewed));
    if (!lastReviewed) {
      if ((REVIEWED_COLLECTIONS as readonly string[]).includes(collection)) undated.push(`${entry.file} (lastReviewed: ${shown(isoDateOf(entry.data.lastReviewed))})`);
      continue;
    }
    const organisationId = typeof entry.data.organisation === 'string' ? entry.data.organisation : undefined;
    reviewable.push({
      collection,
      id: entry.id,
      file: entry.file,
      title: String(entry.data.name ?? entry.data.title ?? entry.id),
      organisation: organisationOf(organisationId),
      lastReviewed,
    });
  }
}

const groups = reviewReport(reviewable, site.reviewIntervalMonths, on);
const rows = [...groups.values()].flat();
const header = ['organisation', 'state', 'dueOn', 'lastReviewed', 'title', 'file'] as const;
try {
  writeFileSync(out, toCsv(header, rows.map((r) => header.map((h) => r[h]))));
} catch (error) {
  const code = (error as { code?: string }).code;
  const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'that is a folder' : code === 'EACCES' || code === 'EPERM' ? 'it is not allowed: perhaps it is open in a spreadsheet (close it)' : 'the computer refused';
  throw new EditorError(`the report could not be written to ${out}, because ${why} — choose another file with --out, such as --out review-report.csv`);
}

if (rows.length === 0) {
  console.log(`Nothing is overdue or due for review in the 30 days from ${formatDate(on)}.`);
} else {
  for (const [organisation, list] of groups) {
    console.log(`\n${organisation}`);
    for (const row of list) {
      const state = row.state === 'overdue' ? 'OVERDUE ' : 'due soon';
      console.log(`  ${state}  due ${row.dueOn}  last reviewed ${row.lastReviewed}  ${row.title} (${row.file})`);
    }
  }
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  console.log(`\n${overdue} overdue and ${rows.length - overdue} due within 30 days, checked on ${formatDate(on)} (review every ${site.reviewIntervalMonths} months). Written to ${out}.`);
}

const draftGroups = draftsReport(drafts);
if (draftGroups.size) {
  const count = [...draftGroups.values()].flat().length;
  console.log(`\nDrafts: ${count} imported service${count === 1 ? '' : 's'} not published yet, with what each needs (remove each item from "draft" once done; an empty list publishes it):`);
  for (const [organisation, list] of draftGroups) {
    console.log(`\n${organisation}`);
    for (const row of list) {
      console.log(`  ${row.title} (${row.file})`);
      for (const need of row.needs) console.log(`    - ${need}`);
    }
  }
}
if (undated.length > 0) {
  console.log(`\nNot in this report, because the date they were last reviewed cannot be read (run npm run check to see how to fix each):`);
  for (const line of undated) console.log(`  ${line}`);
  process.exitCode = 1;
}
if (unknownOrganisations.size > 0) {
  console.log(`\nSome entries name an organisation that no file in content/organisations/ has (${[...unknownOrganisations].join(', ')}): they are listed under that id above. Run npm run check to see how to fix each.`);
  process.exitCode = 1;
}
console.log(`\nOnly ${REVIEWED_COLLECTIONS.join(', ')} have review dates; organisations, decision trees, "you said, we did" entries, indicators and the glossary are not in this report (docs/editing.md).`);

