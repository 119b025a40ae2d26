/**
 * Ordinarily available provision: choosing entries by area of need and phase, grouping them
 * for pages, the addresses of the browse pages, and the SENCO checklist (page and CSV). Used at
 * build time and by the filter script in the browser, so it imports nothing from Astro.
 */
import { toCsv } from '../text/csv.ts';
import { needs, phases, provisionLevels, type Need, type Phase, type ProvisionLevel } from '../../contract/vocabulary.ts';

/** The fields of a provision entry this module needs (content/provision/<id>.json). */
export interface ProvisionItem {
  id: string;
  need: Need;
  phases: Phase[];
  level: ProvisionLevel;
  title: string;
  strategies: string[];
  reasonableAdjustments: string[];
}

/** What someone has chosen: either, both or neither. */
export interface ProvisionFilter {
  need?: Need;
  phase?: Phase;
}

export function matchesProvision(item: Pick<ProvisionItem, 'need' | 'phases'>, filter: ProvisionFilter): boolean {
  return (!filter.need || item.need === filter.need) && (!filter.phase || item.phases.includes(filter.phase));
}

/**
 * Entries in reading order: by area of need, then by the first phase they cover, then
 * quality-first teaching before SEN support, then title.
 */
export function sortProvision<T extends ProvisionItem>(items: readonly T[]): T[] {
  const phaseIndex = (item: T) => Math.min(...item.phases.map((p) => phases.values.indexOf(p)));
  return [...items].sort(
    (a, b) =>
      needs.values.indexOf(a.need) - needs.values.indexOf(b.need) ||
      phaseIndex(a) - phaseIndex(b) ||
      provisionLevels.values.indexOf(a.level) - provisionLevels.values.indexOf(b.level) ||
      a.title.localeCompare(b.title, 'en-GB'),
  );
}

/** The entries that match, in reading order. */
export function filterProvision<T extends ProvisionItem>(items: readonly T[], filter: ProvisionFilter): T[] {
  return sortProvision(items.filter((item) => matchesProvision(item, filter)));
}

export interface Group<K extends string, T> {
  key: K;
  label: string;
  items: T[];
}

/** Groups in vocabulary order, leaving out empty ones. An entry may sit in several groups. */
function groupBy<K extends string, T extends ProvisionItem>(items: readonly T[], keys: readonly K[], label: (key: K) => string, has: (item: T, key: K) => boolean): Group<K, T>[] {
  return keys
    .map((key) => ({ key, label: label(key), items: sortProvision(items.filter((item) => has(item, key))) }))
    .filter((group) => group.items.length > 0);
}

export const groupByLevel = <T extends ProvisionItem>(items: readonly T[]) =>
  groupBy(items, provisionLevels.values, provisionLevels.label, (item, level) => item.level === level);

export const groupByNeed = <T extends ProvisionItem>(items: readonly T[]) =>
  groupBy(items, needs.values, needs.label, (item, need) => item.need === need);

export const groupByPhase = <T extends ProvisionItem>(items: readonly T[]) =>
  groupBy(items, phases.values, phases.label, (item, phase) => item.phases.includes(phase));

/** Every area of need with every phase: one browse page, checklist and parent view each. */
export function provisionPairs(): { need: Need; phase: Phase }[] {
  return needs.values.flatMap((need) => phases.values.map((phase) => ({ need, phase })));
}

/** Reads ?need=…&phase=… from an address, ignoring values that are not in the vocabulary. */
export function provisionFilterFromQuery(search: string | URLSearchParams): ProvisionFilter {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const need = params.get('need');
  const phase = params.get('phase');
  return { ...(needs.is(need) ? { need } : {}), ...(phases.is(phase) ? { phase } : {}) };
}

/** The query string for a filter ("" when nothing is chosen), so the address can be shared. */
export function provisionFilterQuery(filter: ProvisionFilter): string {
  const params = new URLSearchParams();
  if (filter.need) params.set('need', filter.need);
  if (filter.phase) params.set('phase', filter.phase);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The static page that lists what a filter chooses, so every choice works without JavaScript. */
export function provisionListPath(filter: ProvisionFilter): string {
  if (filter.need && filter.phase) return `/provision/need/${filter.need}/${filter.phase}/`;
  if (filter.need) return `/provision/need/${filter.need}/`;
  if (filter.phase) return `/provision/phase/${filter.phase}/`;
  return '/provision/';
}

export const checklistPath = (need: Need, phase: Phase) => `/provision/need/${need}/${phase}/checklist/`;
export const checklistCsvPath = (need: Need, phase: Phase) => `/provision/need/${need}/${phase}/checklist.csv`;
/** The name a downloaded checklist is saved under: by need and phase, so several can sit in one folder. */
export const checklistCsvFileName = (need: Need, phase: Phase) => `provision-checklist-${need}-${phase}.csv`;
export const parentViewPath = (need: Need, phase: Phase) => `/provision/need/${need}/${phase}/parents/`;
export const provisionEntryPath = (id: string) => `/provision/${id}/`;

/** What parents call the place their child learns, in each phase. */
export const settingNames: Record<Phase, string> = {
  'early-years': 'nursery, pre-school or childminder',
  primary: 'school',
  secondary: 'school',
  'post-16': 'school sixth form or college',
};

/** An area of need for running text before the word "needs": "sensory and/or physical". */
export const needInText = (need: Need) => needs.label(need).replace(/ needs$/, '').replace(/^[A-Z]/, (c) => c.toLowerCase());

/** A phase label for running text: "Primary (5 to 11)" becomes "primary (5 to 11)". */
export const phaseInText = (phase: Phase) => phases.label(phase).replace(/^[A-Z]/, (c) => c.toLowerCase());

export type ChecklistKind = 'strategy' | 'adjustment';

export const checklistKindLabels: Record<ChecklistKind, string> = {
  strategy: 'Strategy',
  adjustment: 'Reasonable adjustment',
};

/** One line a SENCO ticks: something the setting does, from one entry. */
export interface ChecklistItem {
  entryId: string;
  entryTitle: string;
  level: ProvisionLevel;
  kind: ChecklistKind;
  text: string;
}

/** The checklist for some entries: their strategies, then their reasonable adjustments, level by level. */
export function checklistItems(items: readonly ProvisionItem[]): ChecklistItem[] {
  return groupByLevel(items).flatMap((group) =>
    group.items.flatMap((item) => [
      ...item.strategies.map((text) => ({ entryId: item.id, entryTitle: item.title, level: item.level, kind: 'strategy' as const, text })),
      ...item.reasonableAdjustments.map((text) => ({ entryId: item.id, entryTitle: item.title, level: item.level, kind: 'adjustment' as const, text })),
    ]),
  );
}

/** Column headings of the checklist CSV; the last two are left blank for the school to fill in. */
export const CHECKLIST_CSV_HEADER = [
  'Area of need',
  'Phase',
  'Level',
  'Provision',
  'Type',
  'What the setting does',
  'Guidance page',
  'In place? (yes, partly or not yet)',
  'Evidence and next steps',
] as const;

/**
 * The checklist for one area of need and phase as CSV, for a school's provision map: one row
 * per strategy or adjustment, in the same order as the printable checklist page.
 */
export function checklistCsv(items: readonly ProvisionItem[], need: Need, phase: Phase, siteUrl: string): string {
  const chosen = filterProvision(items, { need, phase });
  const rows = checklistItems(chosen).map((line) => [
    needs.label(need),
    phases.label(phase),
    provisionLevels.label(line.level),
    line.entryTitle,
    checklistKindLabels[line.kind],
    line.text,
    new URL(provisionEntryPath(line.entryId), siteUrl).toString(),
    '',
    '',
  ]);
  // A byte order mark first, so Excel reads curly quotes and dashes as UTF-8.
  return `\uFEFF${toCsv(CHECKLIST_CSV_HEADER, rows)}`;
}
