import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RESERVED_PAGE_IDS, RESERVED_PATHWAY_IDS, RESERVED_PROVISION_IDS, RESERVED_SERVICE_IDS } from '../../src/contract/collections.ts';
import { LINKED_ENTRIES, OPTIONAL_LINKED_SERVICES } from '../../src/contract/linked-entries.ts';

/**
 * The layout docs/architecture.md describes, held by a test so it stays true:
 * - the contract (src/contract/: schemas and vocabularies) is the bottom layer and imports nothing above it;
 * - text helpers (src/lib/text/) use only the contract;
 * - a feature reaches another feature's code only through that feature's index.ts (its small
 *   named entry); the contract, text and site (settings and shared page parts) are open to all;
 * - a component uses components of its own feature, site's shared page parts and the content components.
 */

/** Every file under a folder, as a path from the project root with forward slashes. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:ts|astro)$/.test(entry.name))
    .map((entry) => posix.join(entry.parentPath.split('\\').join('/'), entry.name));
}

/** The relative paths a file imports (static, dynamic, workers), resolved from the project root. */
function importsOf(file: string, source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|new URL\(\s*)['"](\.\.?\/[^'"]+)['"]/g);
  return [...found].map((match) => posix.normalize(posix.join(dirname(file), match[1]!)));
}

/** The layer or feature a path belongs to: "contract", a feature name, or undefined (pages, layouts, packages…). */
function placeOf(path: string): { layer: 'contract' | 'lib' | 'components'; feature: string } | undefined {
  if (path.startsWith('src/contract/')) return { layer: 'contract', feature: 'contract' };
  const match = /^src\/(lib|components)\/([^/]+)\//.exec(path);
  return match ? { layer: match[1] as 'lib' | 'components', feature: match[2]! } : undefined;
}

/** Open to every feature: the contract, the text helpers and site (settings, navigation, shared page parts). */
const SHARED = new Set(['contract', 'text', 'site']);

/**
 * Where a component of one feature places another feature's component, with the reason. Keep this
 * list short: a part that several features use belongs in components/site/.
 */
const COMPONENT_EXCEPTIONS: Record<string, string> = {
  // The header of every page carries the shortlist's link; the link (and its script) belong to the directory.
  'src/components/site/SiteHeader.astro -> src/components/directory/ShortlistHeaderLink.astro': 'the shortlist link in the header',
};

/** Each import that breaks the layout, as "importer -> imported: rule". */
function layoutViolations(imports: [file: string, imported: string[]][]): string[] {
  const violations: string[] = [];
  for (const [file, targets] of imports) {
    const from = placeOf(file);
    if (!from) continue;
    for (const target of targets) {
      const to = placeOf(target);
      if (!to || to.feature === from.feature) continue;
      const edge = `${file} -> ${target}`;
      if (from.feature === 'contract') violations.push(`${edge}: the contract imports nothing from a feature`);
      else if (from.feature === 'text' && to.feature !== 'contract') violations.push(`${edge}: text helpers use only the contract`);
      else if (to.layer === 'components' && to.feature !== 'site' && !COMPONENT_EXCEPTIONS[edge]) {
        violations.push(`${edge}: a component uses its own feature's components and site's shared page parts`);
      } else if (to.layer === 'lib' && !SHARED.has(to.feature) && target !== `src/lib/${to.feature}/index.ts`) {
        violations.push(`${edge}: import src/lib/${to.feature}/index.ts instead (export what you need from there)`);
      }
    }
  }
  return violations;
}

const sourceFiles = ['src/contract', 'src/lib', 'src/components'].flatMap(filesUnder);
const imports = sourceFiles.map((file): [string, string[]] => [file, importsOf(file, readFileSync(file, 'utf8'))]);

describe('the code is layered as docs/architecture.md says', () => {
  test('the check finds the imports of every source file', () => {
    // If the pattern stopped matching, every rule below would pass without looking.
    expect(imports.length).toBeGreaterThan(150);
    expect(imports.flatMap(([, targets]) => targets).length).toBeGreaterThan(300);
  });

  test('nothing in the contract imports from a feature, and features import the contract', () => {
    const contractImports = imports.filter(([file]) => file.startsWith('src/contract/')).flatMap(([, targets]) => targets);
    expect(contractImports.filter((target) => !target.startsWith('src/contract/'))).toEqual([]);
    expect(imports.some(([file, targets]) => file.startsWith('src/lib/') && targets.some((target) => target.startsWith('src/contract/')))).toBe(true);
  });

  test('a feature reaches another feature only through its index.ts, and components stay in their feature', () => {
    expect(layoutViolations(imports)).toEqual([]);
  });

  test('each kind of break is reported', () => {
    expect(layoutViolations([
      ['src/contract/service.ts', ['src/lib/directory/age-bands.ts']],
      ['src/lib/text/dates.ts', ['src/lib/site/site.ts']],
      ['src/lib/navigator/outcome-services.ts', ['src/lib/directory/service-filter.ts', 'src/lib/directory/index.ts', 'src/lib/site/site.ts', 'src/contract/vocabulary.ts']],
      ['src/components/navigator/NavigatorOutcome.astro', ['src/components/directory/ServiceCard.astro', 'src/components/site/ButtonList.astro']],
    ])).toEqual([
      'src/contract/service.ts -> src/lib/directory/age-bands.ts: the contract imports nothing from a feature',
      'src/lib/text/dates.ts -> src/lib/site/site.ts: text helpers use only the contract',
      'src/lib/navigator/outcome-services.ts -> src/lib/directory/service-filter.ts: import src/lib/directory/index.ts instead (export what you need from there)',
      "src/components/navigator/NavigatorOutcome.astro -> src/components/directory/ServiceCard.astro: a component uses its own feature's components and site's shared page parts",
    ]);
  });
});

describe('addresses the site uses itself are taken: no entry can be published over them', () => {
  // A page or folder of src/pages/<section>/ whose name is not a [parameter] is an address of the site.
  const ownAddresses = (section: string) =>
    readdirSync(join('src/pages', section), { withFileTypes: true })
      .map((entry) => entry.name.replace(/\.(astro|ts)$/, ''))
      .filter((name) => !name.startsWith('[') && name !== 'index');
  test.each([
    ['services', RESERVED_SERVICE_IDS],
    ['pathways', RESERVED_PATHWAY_IDS],
    ['provision', RESERVED_PROVISION_IDS],
  ])('every address under /%s/ is a reserved id of its collection', (section, reserved) => {
    expect(ownAddresses(section).filter((name) => !reserved.includes(name))).toEqual([]);
  });
  test('every top-level address is a reserved page id', () => {
    expect(ownAddresses('').filter((name) => !name.includes('.') && !RESERVED_PAGE_IDS.includes(name))).toEqual([]);
  });
});

describe('entries the code links to by name are listed, so npm run check can ask for them', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : /\.(astro|ts)$/.test(entry.name) ? [join(dir, entry.name)] : []));
  test('every link in src/ to a service, pathway, decision tree or page by its file name is in LINKED_ENTRIES', () => {
    const listed = new Set(LINKED_ENTRIES.map((e) => `${e.collection === 'pages' ? '' : `/${e.collection}`}/${e.id}/`));
    const reserved: Record<string, readonly string[]> = { services: [...RESERVED_SERVICE_IDS, ...OPTIONAL_LINKED_SERVICES], pathways: RESERVED_PATHWAY_IDS, navigator: [] };
    const unlisted = new Set<string>();
    for (const file of sources('src')) {
      // Code, not comments (which give example addresses).
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const [, collection, id] of text.matchAll(/["'`]\/(services|pathways|navigator)\/([a-z0-9-]+)\//g)) {
        if (!reserved[collection!]!.includes(id!) && !listed.has(`/${collection}/${id}/`)) unlisted.add(`${file}: /${collection}/${id}/`);
      }
      for (const [, id] of text.matchAll(/(?:href=|href: )["'`]\/([a-z0-9-]+)\/["'`]/g)) {
        if (!RESERVED_PAGE_IDS.includes(id!) && !listed.has(`/${id}/`)) unlisted.add(`${file}: /${id}/`);
      }
    }
    expect([...unlisted]).toEqual([]);
  });
});
