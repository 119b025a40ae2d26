/**
 * `npm run import -- <file.csv>` or `npm run import -- --oruk <feed.json>`
 *
 * Imports services. By default this is a dry run: it shows what would be created, updated,
 * skipped or rejected, and writes nothing. Add --write to write the files. Existing services
 * are never overwritten unless you add --update. Every row is accounted for.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent } from '../src/lib/content-check.ts';
import { planImport, type Candidate } from '../src/lib/import/plan.ts';
import { readServicesCsv } from '../src/lib/import/csv.ts';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const root = fileURLToPath(new URL('../', import.meta.url));
const contentDir = value('content') ?? join(root, 'content');
const orukFile = value('oruk');
const file = orukFile ?? args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--content');

if (!file) {
  console.error('Usage: npm run import -- <services.csv> [--update] [--write]\n       npm run import -- --oruk <feed.json> [--update] [--write]\nSee docs/import.md.');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`Cannot find ${file}.`);
  process.exit(2);
}

const { entries, site } = checkContent({ rootDir: root, contentDir, publicDir: join(root, 'public') });
const existing = {
  services: new Map((entries.get('services') ?? []).map((e) => [e.id, e.data])),
  organisations: new Map((entries.get('organisations') ?? []).map((e) => [e.id, String(e.data.name ?? e.id)])),
  localities: site?.localities.map((l) => l.name) ?? [],
};

let candidates: Candidate[] = [];
let fileProblems: string[] = [];
let notes: string[] = [];
const text = readFileSync(file, 'utf8');
if (orukFile) {
  const { readOrukFeed } = await import('../src/lib/import/oruk.ts');
  ({ candidates, fileProblems, notes } = readOrukFeed(text, existing.localities));
} else {
  const read = readServicesCsv(text);
  candidates = read.candidates;
  fileProblems = read.fileProblems;
  if (read.unknownColumns.length) notes.push(`These columns are not used and were ignored: ${read.unknownColumns.join(', ')}`);
}

if (fileProblems.length) {
  for (const problem of fileProblems) console.error(`✗ ${file}: ${problem}`);
  process.exit(1);
}

const update = flag('update');
const write = flag('write');
const plan = planImport(candidates, existing, { update });
const would = write ? '' : 'would be ';

for (const note of notes) console.log(`Note: ${note}`);
for (const org of plan.newOrganisations) console.log(`+ organisation ${org.id} ${would}created (${String(org.data.name)})`);
for (const s of plan.create) console.log(`+ ${s.ref}: ${s.id} ${would}created`);
for (const s of plan.update) console.log(`~ ${s.ref}: ${s.id} ${would}updated`);
for (const s of plan.skip) console.log(`= ${s.ref}: ${s.id} already exists and was left alone (add --update to overwrite it)`);
for (const s of [...plan.create, ...plan.update, ...plan.skip]) {
  if (!s.unmapped.length) continue;
  console.log(`  ${s.ref}: not imported (no place for it in our model, or only partly used):`);
  for (const item of s.unmapped) console.log(`    - ${item}`);
}
for (const r of plan.reject) {
  console.log(`✗ ${r.ref}${r.id ? ` (${r.id})` : ''} rejected:`);
  for (const reason of r.reasons) console.log(`    ${reason}`);
}

if (write) {
  mkdirSync(join(contentDir, 'organisations'), { recursive: true });
  mkdirSync(join(contentDir, 'services'), { recursive: true });
  for (const org of plan.newOrganisations) writeFileSync(join(contentDir, 'organisations', `${org.id}.json`), `${JSON.stringify(org.data, null, 2)}\n`);
  for (const s of [...plan.create, ...plan.update]) writeFileSync(join(contentDir, 'services', `${s.id}.json`), `${JSON.stringify(s.data, null, 2)}\n`);
}

const total = candidates.length;
const noun = orukFile ? ['service', 'services'] : ['row', 'rows'];
console.log(
  `\n${total} ${total === 1 ? noun[0] : noun[1]}: ${plan.create.length} ${would}created, ${plan.update.length} ${would}updated, ` +
    `${plan.skip.length} skipped (already exist), ${plan.reject.length} rejected; ${plan.newOrganisations.length} new organisations.` +
    (write ? ' Run npm run check, then review the new files.' : ' Nothing was written: this was a dry run. Add --write to import.'),
);
process.exitCode = plan.reject.length ? 1 : 0;
