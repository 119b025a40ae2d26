/**
 * `npm run import -- <file>`: imports services from a spreadsheet saved as CSV, an Open Referral
 * UK feed (v3 page or service, v1 list) or an Outpost page. The kind of file is worked out from
 * what is in it.
 *
 * By default this is a dry run: it shows what would be created, updated, written as a draft,
 * skipped or rejected, what the import mapping matched, and every source field not imported;
 * it writes nothing. Add --write to write the files. Existing files are never changed unless you
 * add --update, and then only with the fields the source holds. Only a record with no name is
 * rejected; a record that cannot be published yet is written as a draft (see docs/import.md).
 *
 * Options: --feed NAME (the name kept with each record's source id; default the file's name),
 * --mapping FILE (default content/import-mapping.json), --delimiter ";" (CSV), --content DIR.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/editors/content-check.ts';
import { formatProblem } from '../src/lib/editors/problems.ts';
import { areaNameOf } from '../src/lib/open-data/oruk.ts';
import { ID_PATTERN } from '../src/contract/common.ts';
import { planImport, type Candidate, type ExistingOrganisation, type SourceRef } from '../src/lib/editors/import/plan.ts';
import { decodeCsv, readServicesCsv, workbookProblem } from '../src/lib/editors/import/csv.ts';
import { NONE_OF_THESE, readFeed } from '../src/lib/editors/import/feed.ts';
import { emptyMapping, parseMapping } from '../src/lib/editors/import/mapping.ts';
import { readContext } from '../src/lib/editors/import/context.ts';
import { slugify } from '../src/lib/text/slug.ts';

const args = process.argv.slice(2);
const VALUED = ['content', 'oruk', 'feed', 'mapping', 'delimiter'];
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const contentDir = resolve(value('content') ?? join(root, 'content'));
const file = value('oruk') ?? args.find((a, i) => !a.startsWith('--') && !VALUED.some((v) => args[i - 1] === `--${v}`));

if (!file) {
  console.error('Usage: npm run import -- <services.csv | feed.json> [--feed NAME] [--update] [--write]\nSee docs/import.md.');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`Cannot find ${file}.`);
  process.exit(2);
}
const started = performance.now();

// What is there already.
const { entries, site } = checkContent({ rootDir: root, contentDir, publicDir: join(root, 'public') });
const existing = {
  services: new Map((entries.get('services') ?? []).map((e) => [e.id, e.data])),
  organisations: new Map<string, ExistingOrganisation>(
    (entries.get('organisations') ?? []).map((e) => [e.id, { name: String(e.data.name ?? e.id), source: e.data.source as SourceRef | undefined, data: e.data }]),
  ),
  localities: site?.localities.map((l) => l.name) ?? [],
};

// The council's mapping from the feed's terms and words to our codes.
const mappingFile = value('mapping') ?? join(contentDir, 'import-mapping.json');
let mapping = emptyMapping();
if (existsSync(mappingFile)) {
  const read = parseMapping(readFileSync(mappingFile, 'utf8'));
  if (read.problems.length) {
    for (const problem of read.problems) console.error(`✗ ${mappingFile}: ${problem}`);
    process.exit(1);
  }
  mapping = read.mapping;
} else if (value('mapping')) {
  console.error(`Cannot find the mapping file ${mappingFile}.`);
  process.exit(2);
}

const today = new Date().toISOString().slice(0, 10);
const context = readContext({
  feed: slugify(value('feed') ?? basename(file, extname(file))) || 'feed',
  localities: existing.localities,
  areaName: site ? areaNameOf(site.localAuthority) : undefined,
  mapping,
  today,
});

let candidates: Candidate[] = [];
let fileProblems: string[] = [];
const notes: string[] = [];
const bytes = readFileSync(file);
const head = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, '').trimStart();
const workbook = workbookProblem(bytes);
if (workbook) {
  console.error(`✗ ${file}: ${workbook}`);
  process.exit(1);
}
if (value('oruk') || head.startsWith('{') || head.startsWith('[')) {
  const read = readFeed(bytes.toString('utf8'), context);
  ({ candidates, fileProblems } = read);
  if (read.kind) notes.push(`read as an ${read.kind}, feed name "${context.feed}"`);
  notes.push(...read.notes);
} else {
  const { text, note } = decodeCsv(bytes);
  if (note) notes.push(note);
  const read = readServicesCsv(text, { delimiter: value('delimiter')?.replace(/^\\t$|^tab$/i, '\t') });
  candidates = read.candidates;
  // Not a spreadsheet with columns at all (a single column, no "name"): say what the importer reads.
  fileProblems = read.fileProblems.some((p) => p.includes('missing: name')) && !/[,;\t|]/.test(text.split(/\r?\n/, 1)[0] ?? '') ? [NONE_OF_THESE] : read.fileProblems;
  notes.push(...read.notes);
  if (read.unknownColumns.length) notes.push(`these columns are not used and were ignored: ${read.unknownColumns.join(', ')}`);
}

if (fileProblems.length) {
  for (const problem of fileProblems) console.error(`✗ ${file}: ${problem}`);
  process.exit(1);
}

const update = flag('update');
const write = flag('write');
const plan = planImport(candidates, existing, { update, today });
const would = write ? '' : 'would be ';

for (const note of notes) console.log(`Note: ${note}`);
console.log(`Mapping: ${existsSync(mappingFile) ? relative(root, mappingFile) || mappingFile : 'none (no content/import-mapping.json): only our own codes in the feed are recognised'}`);
for (const org of plan.newOrganisations) console.log(`+ organisation ${org.id} ${would}created (${String(org.data.name)})`);
for (const org of plan.updatedOrganisations) console.log(`~ organisation ${org.id} ${would}updated`);
for (const s of plan.create) console.log(`+ ${s.ref}: ${s.id} ${would}created`);
for (const s of plan.update) console.log(`~ ${s.ref}: ${s.id} ${would}updated`);
for (const s of plan.drafts) {
  console.log(`◐ ${s.ref}: ${s.id} ${would}written as a draft (not published); it needs:`);
  for (const need of s.draft ?? []) console.log(`    - ${need}`);
}
for (const s of plan.skip) console.log(`= ${s.ref}: ${s.id} already exists and was left alone (add --update to change it)`);
for (const s of [...plan.create, ...plan.update, ...plan.drafts, ...plan.skip]) {
  if (s.mappingUsed.length) console.log(`  ${s.ref}: mapping used: ${s.mappingUsed.join('; ')}`);
  if (s.problems.length) {
    console.log(`  ${s.ref}: problems in the source:`);
    for (const problem of s.problems) console.log(`    - ${problem}`);
  }
  if (s.unmapped.length) {
    console.log(`  ${s.ref}: not imported (no place for it in our model, or only partly used):`);
    for (const item of s.unmapped) console.log(`    - ${item}`);
  }
}
for (const r of plan.reject) {
  console.log(`✗ ${r.ref}${r.id ? ` (${r.id})` : ''} rejected:`);
  for (const reason of r.reasons) console.log(`    ${reason}`);
}
const unknown = new Map<string, number>();
for (const s of [...plan.create, ...plan.update, ...plan.drafts, ...plan.skip]) for (const term of s.unknownTerms) unknown.set(term, (unknown.get(term) ?? 0) + 1);
if (unknown.size) {
  console.log(`\nTaxonomy terms that no rule in ${relative(root, mappingFile) || mappingFile} names (add them to map records to our categories, needs, levels and routes):`);
  for (const [term, count] of [...unknown].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  - "${term}" (${count} record${count === 1 ? '' : 's'})`);
}

/** The file for an id: the id is checked against the id rule first, and the path must stay in its folder. */
function entryPath(folder: 'services' | 'organisations', id: string): string {
  const dir = join(contentDir, folder);
  const path = resolve(dir, `${id}.json`);
  if (!ID_PATTERN.test(id) || !path.startsWith(dir + sep)) throw new Error(`refusing to write "${id}": not a valid id`);
  return path;
}

if (write) {
  mkdirSync(join(contentDir, 'organisations'), { recursive: true });
  mkdirSync(join(contentDir, 'services'), { recursive: true });
  const json = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
  for (const org of [...plan.newOrganisations, ...plan.updatedOrganisations]) writeFileSync(entryPath('organisations', org.id), json(org.data));
  for (const s of [...plan.create, ...plan.update, ...plan.drafts]) writeFileSync(entryPath('services', s.id), json(s.data));
}

const total = candidates.length;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `\n${total} records: ${plan.create.length} ${would}created, ${plan.update.length} ${would}updated, ` +
    `${plan.skip.length} skipped (already exist), ${plan.drafts.length} drafts, ${plan.reject.length} rejected; ${plan.newOrganisations.length} new organisations.` +
    (write ? ` Written in ${seconds} s. Drafts are not published: npm run review-report lists what each needs.` : ' Nothing was written: this was a dry run. Add --write to import.'),
);

// The promise of --write: the content still passes the checks. If it ever does not, say so loudly.
if (write) {
  const after = checkContent({ rootDir: root, contentDir, publicDir: join(root, 'public') });
  if (after.problems.length) {
    console.error(`\n✗ After the import, npm run check finds ${after.problems.length} problem${after.problems.length === 1 ? '' : 's'} (this is a fault in the importer: please report it):`);
    for (const problem of after.problems.slice(0, 20)) console.error(`  ${formatProblem(problem)}`);
    process.exitCode = 1;
  }
}
if (plan.reject.length) process.exitCode = 1;
