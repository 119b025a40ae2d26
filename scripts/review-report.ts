/**
 * `npm run review-report`: every entry overdue for review, or due within 30 days, grouped by
 * organisation. Prints a table and writes the same rows as CSV (review-report.csv, or --out FILE).
 * Use --date YYYY-MM-DD to see the report as it will be on another day.
 *
 * Then it lists the drafts (imported services not published yet) with what each still needs.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toCsv } from '../src/lib/csv.ts';
import { checkContent } from '../src/lib/content-check.ts';
import { reviewReport, type ReviewableEntry } from '../src/lib/review-report.ts';
import { draftsReport, type DraftEntry } from '../src/lib/review-drafts.ts';
import { formatDate, today } from '../src/lib/dates.ts';
import { isoDateOf } from '../src/schemas/common.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const contentDir = option('content') ?? `${root}content/`;
const on = option('date') ?? today();
const out = option('out') ?? 'review-report.csv';

const { entries, site } = checkContent({ rootDir: root, contentDir, publicDir: `${root}public/` });
if (!site) {
  console.error('content/site.json has problems: run npm run check first.');
  process.exit(1);
}
const organisations = new Map((entries.get('organisations') ?? []).map((o) => [o.id, String(o.data.name ?? o.id)]));

const reviewable: ReviewableEntry[] = [];
const drafts: DraftEntry[] = [];
for (const [collection, list] of entries) {
  for (const entry of list) {
    // A draft is not published, so it is not due for review: it is listed below with what it needs.
    if (collection === 'services' && Array.isArray(entry.data.draft) && entry.data.draft.length > 0) {
      const organisationId = typeof entry.data.organisation === 'string' ? entry.data.organisation : '';
      drafts.push({ id: entry.id, file: entry.file, data: entry.data, organisation: organisations.get(organisationId) ?? (organisationId || 'Organisation not stated') });
      continue;
    }
    const lastReviewed = isoDateOf(entry.data.lastReviewed);
    if (typeof lastReviewed !== 'string') continue;
    const organisationId = typeof entry.data.organisation === 'string' ? entry.data.organisation : undefined;
    reviewable.push({
      collection,
      id: entry.id,
      file: entry.file,
      title: String(entry.data.name ?? entry.data.title ?? entry.id),
      organisation: (organisationId && organisations.get(organisationId)) || site.localAuthority,
      lastReviewed,
    });
  }
}

const groups = reviewReport(reviewable, site.reviewIntervalMonths, on);
const rows = [...groups.values()].flat();
const header = ['organisation', 'state', 'dueOn', 'lastReviewed', 'title', 'file'] as const;
writeFileSync(out, toCsv(header, rows.map((r) => header.map((h) => r[h]))));

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
