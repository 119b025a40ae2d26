/**
 * Turns candidate services from any source (a spreadsheet, an Open Referral feed, an Outpost
 * page) into an import plan: what would be created, updated, written as a draft, skipped or
 * rejected. Nothing is dropped silently: every candidate ends up in exactly one list, and a value
 * that cannot be kept is named in the draft's list of what it needs.
 *
 * Only a record with no name is rejected. A record that cannot be published yet (no category,
 * level, access route or contact; a value that does not fit) is written as a draft: kept in
 * content/, never published, listed by `npm run review-report` with what it needs.
 */
import { ID_PATTERN, idRef, organisationSchema, publishingProblems, serviceSchema, WINDOWS_DEVICE_NAME } from '../../../contract/index.ts';
import { fieldName, problemFromIssue } from '../problems.ts';
import { markdownProblems, MAX_NAME_LENGTH, MAX_TEXT_LENGTH, NAME_FIELDS, repairMarkdown } from '../check/text-fields.ts';
import { BIDI_CONTROLS, textFieldProblems } from '../../../contract/url-safety.ts';
import { slugify } from '../../text/slug.ts';

export interface SourceRef {
  feed: string;
  id: string;
}

export interface Candidate {
  /** Where it came from, as people say it: "row 7", "service 3 (Portage)". */
  ref: string;
  /** The id asked for (a CSV `id` column, our own export's id); otherwise made from the name. */
  id?: string;
  /** The record's identity in its feed, kept on the service. */
  source?: SourceRef;
  /** The service in our shape, organisation not yet resolved; may be incomplete. */
  service: Record<string, unknown>;
  /** The organisation by name (and its id in the feed); a new one is created when none matches. */
  organisation: { name: string; id?: string; sourceId?: string; website?: string; email?: string; phone?: string; description?: string };
  /** Problems found while reading the source (wrong types, values that do not fit): reported, not fatal. */
  problems: string[];
  /** Source fields that have nowhere to go in our model (reported, not fatal). */
  unmapped: string[];
  /** What it still needs, known while reading (no date given, no description…). */
  needs?: string[];
  /** How the import mapping filled categories, needs, levels and routes. */
  mappingUsed?: string[];
  /** Taxonomy terms no rule of the mapping names. */
  unknownTerms?: string[];
  /** Fields filled in by the importer rather than read from the source: an --update leaves the service's own values of these alone. */
  filled?: string[];
}

export interface ExistingOrganisation {
  name: string;
  source?: SourceRef;
  data?: Record<string, unknown>;
}

export interface Existing {
  services: Map<string, Record<string, unknown>>;
  /** Organisation id → name, or → its name, source and data. */
  organisations: Map<string, string | ExistingOrganisation>;
  localities: string[];
}

export interface PlannedService {
  ref: string;
  id: string;
  data: Record<string, unknown>;
  unmapped: string[];
  /** Reading problems and values left out. */
  problems: string[];
  mappingUsed: string[];
  unknownTerms: string[];
  /** Set when the service is written as a draft: what it needs before it can be published. */
  draft?: string[];
}

export interface ImportPlan {
  /** New services that will be published. */
  create: PlannedService[];
  /** Existing services updated (--update), published. */
  update: PlannedService[];
  /** New or updated services written as drafts. */
  drafts: PlannedService[];
  /** Already in content/services/ and --update not given. */
  skip: PlannedService[];
  reject: { ref: string; id?: string; reasons: string[] }[];
  /** Organisations that do not exist yet and will be written. */
  newOrganisations: { id: string; data: Record<string, unknown> }[];
  /** Existing organisations changed by --update. */
  updatedOrganisations: { id: string; data: Record<string, unknown> }[];
}

const ORDER = ['name', 'organisation', 'summary', 'description', 'categories', 'needs', 'levels', 'ageRange', 'access', 'cost', 'contacts', 'locations', 'areaServed', 'hours', 'keywords', 'videos', 'relatedServices', 'status', 'lastReviewed', 'draft', 'source'];

/** Puts fields in the order editors see them in every other service file. */
export function orderFields(data: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered;
}

/** Names compared as people read them: "St. John's Centre" and "st johns centre" are one organisation. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(the|ltd|limited|cic)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sections a service may leave out (not stated): one that does not hang together is left out whole. */
const OPTIONAL_SECTIONS = new Set(['ageRange', 'cost', 'hours']);

/** The longest id: an id is a file name, and a name of 100,000 characters is longer than any disk allows. */
export const MAX_ID_LENGTH = 80;

/** An id made from a name: its words, cut at a hyphen to at most MAX_ID_LENGTH characters. */
export function idFromName(name: string, fallback: string): string {
  const slug = slugify(name);
  if (slug.length <= MAX_ID_LENGTH) return slug || fallback;
  const cut = slug.slice(0, MAX_ID_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_ID_LENGTH).replace(/-+$/, '') || fallback;
}

/** What "how to get it" says when the source gives nothing better: the page's own contacts. */
export const FILLED_HOW_TO = 'Contact the service using the details on this page.';

/** The "needs a person" line for a service whose source gives no description. */
export const NEEDS_DESCRIPTION = 'description — the source gives none — say what the service offers';

/** The organisation used for a record that does not say who runs it (only ever on drafts). */
export const UNSTATED_ORGANISATION = { id: 'organisation-not-stated', name: 'Organisation not stated' };

const sourceKey = (source: unknown) => {
  const s = source as Partial<SourceRef> | undefined;
  return s && typeof s.feed === 'string' && typeof s.id === 'string' ? `${s.feed}\u0000${s.id}` : undefined;
};

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: any = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = value[part as string];
  }
  return value;
}

function removeAt(data: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  if (!path.length) return false;
  let parent: any = data;
  for (const part of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = parent[part as string];
  }
  if (parent === null || typeof parent !== 'object') return false;
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (last in parent) delete parent[last as string];
  else return false;
  return true;
}

/** Contacts merged on --update: the source's contacts replace the ones they match; every other contact is kept. */
function mergeContacts(previous: unknown, incoming: unknown): unknown {
  if (!Array.isArray(previous) || !Array.isArray(incoming)) return incoming ?? previous;
  const merged = previous.map((c) => ({ ...c }));
  for (const contact of incoming as Record<string, unknown>[]) {
    const same = merged.findIndex((old: Record<string, unknown>) => ['phone', 'email', 'website'].some((k) => old[k] && old[k] === contact[k]) || (old.name && old.name === contact.name));
    if (same >= 0) merged[same] = { ...merged[same], ...contact };
    else merged.push(contact);
  }
  return merged;
}

export function planImport(candidates: Candidate[], existing: Existing, options: { update: boolean; today?: string }): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], drafts: [], skip: [], reject: [], newOrganisations: [], updatedOrganisations: [] };
  const schema = serviceSchema({ ref: idRef });
  const today = options.today ?? new Date().toISOString().slice(0, 10);

  // Organisations: by source id, then by normalised name.
  const orgs = new Map<string, ExistingOrganisation>([...existing.organisations].map(([id, o]) => [id, typeof o === 'string' ? { name: o } : o]));
  const orgBySource = new Map<string, string>();
  const orgByName = new Map<string, string>();
  for (const [id, o] of orgs) {
    const key = sourceKey(o.source);
    if (key) orgBySource.set(key, id);
    if (!orgByName.has(normaliseName(o.name))) orgByName.set(normaliseName(o.name), id);
  }
  const newOrganisations = new Map<string, Record<string, unknown>>();
  const updatedOrganisations = new Map<string, Record<string, unknown>>();

  // Services: by source id, then by name and organisation together.
  const serviceBySource = new Map<string, string[]>();
  const serviceByName = new Map<string, string[]>();
  for (const [id, data] of existing.services) {
    const key = sourceKey(data.source);
    if (key) serviceBySource.set(key, [...(serviceBySource.get(key) ?? []), id]);
    const org = typeof data.organisation === 'string' ? data.organisation : (data.organisation as { id?: string } | undefined)?.id;
    const nameKey = `${normaliseName(String(data.name ?? ''))}\u0000${org}`;
    serviceByName.set(nameKey, [...(serviceByName.get(nameKey) ?? []), id]);
  }
  const taken = new Set(existing.services.keys());
  const claimed = new Map<string, string>();
  // A feed that gives one id to two records (it happens): those records are told apart by name.
  const recordsWithSource = new Map<string, string[]>();
  for (const candidate of candidates) {
    const key = sourceKey(candidate.source);
    if (key) recordsWithSource.set(key, [...(recordsWithSource.get(key) ?? []), candidate.ref]);
  }

  /** A new id: a name Windows keeps for a device is never one (a colleague on Windows could not check the file out). */
  const uniqueId = (base: string, used: (id: string) => boolean) => {
    let id = base;
    for (let n = 2; used(id) || WINDOWS_DEVICE_NAME.test(id); n++) id = `${base}-${n}`;
    return id;
  };

  for (const candidate of candidates) {
    const problems = [...candidate.problems];
    const needs = [...(candidate.needs ?? [])];
    const name = typeof candidate.service.name === 'string' ? candidate.service.name.trim() : '';
    if (!name) {
      plan.reject.push({ ref: candidate.ref, id: candidate.id, reasons: [...problems, 'it has no name: give the service its name in the source, then import it again'] });
      continue;
    }

    // The organisation.
    const org = candidate.organisation;
    const orgName = (org.name ?? '').trim();
    let organisationId: string | undefined;
    const orgSourceKey = org.sourceId && candidate.source ? sourceKey({ feed: candidate.source.feed, id: org.sourceId }) : undefined;
    if (orgSourceKey) organisationId = orgBySource.get(orgSourceKey);
    const bySource = organisationId !== undefined;
    if (!organisationId && orgName) organisationId = orgByName.get(normaliseName(orgName));
    const orgData = Object.fromEntries(
      Object.entries({ name: orgName, description: org.description, website: org.website, email: org.email, phone: org.phone, source: orgSourceKey ? { feed: candidate.source!.feed, id: org.sourceId } : undefined }).filter(([, v]) => v),
    );
    const fitOrganisation = (data: Record<string, unknown>) => {
      for (let round = 0; round < 10; round++) {
        const result = organisationSchema().safeParse(data);
        if (result.success) return data;
        for (const issue of result.error.issues) {
          const p = problemFromIssue('', issue, data);
          problems.push(`organisation ${p.field} — ${p.problem}; it was left out`);
          removeAt(data, issue.path);
        }
      }
      return data;
    };
    if (!organisationId && orgName) {
      // The id asked for (our own export's), when it is a valid id; otherwise one made from the name.
      const asked = org.id && ID_PATTERN.test(org.id) && org.id.length <= MAX_ID_LENGTH ? org.id : undefined;
      organisationId = uniqueId(asked ?? idFromName(orgName, 'organisation'), (id) => orgs.has(id) || newOrganisations.has(id));
      newOrganisations.set(organisationId, fitOrganisation(orderOrganisation(orgData)));
      orgByName.set(normaliseName(orgName), organisationId);
      if (orgSourceKey) orgBySource.set(orgSourceKey, organisationId);
      orgs.set(organisationId, { name: orgName });
    } else if (organisationId && options.update && orgs.get(organisationId)?.data && !newOrganisations.has(organisationId) && (bySource || !orgs.get(organisationId)!.source)) {
      // Updated from the feed's record of it, or one of the site's own without a source (which
      // takes this one): never from another record that only shares its name (a feed can hold
      // one organisation twice, and another directory's copy is not this one), so a second run
      // changes nothing.
      const before = { ...orgs.get(organisationId)!.data, ...updatedOrganisations.get(organisationId) };
      const after = fitOrganisation(orderOrganisation({ ...before, ...orgData, name: before.name ?? orgName }));
      if (JSON.stringify(after) !== JSON.stringify(before)) updatedOrganisations.set(organisationId, after);
      // It now belongs to that record of the feed: a later record of the same name is not it.
      if (!bySource && orgSourceKey) {
        orgs.get(organisationId)!.source = orgData.source as SourceRef;
        orgBySource.set(orgSourceKey, organisationId);
      }
    }
    if (!organisationId) {
      organisationId = UNSTATED_ORGANISATION.id;
      needs.push('organisation — the source does not say who runs it — choose the organisation (content/organisations/) and write its id here');
      if (!orgs.has(organisationId)) {
        newOrganisations.set(organisationId, { name: UNSTATED_ORGANISATION.name, description: 'Services imported without the name of the organisation that runs them. Give each its organisation, then delete this one.' });
        orgs.set(organisationId, { name: UNSTATED_ORGANISATION.name });
      }
    }

    // The service's identity: its source id, then its name and organisation; then the id asked for.
    const key = sourceKey(candidate.source);
    let id: string | undefined;
    if (key) {
      const known = (serviceBySource.get(key) ?? []).filter((other) => !claimed.has(other));
      const others = (recordsWithSource.get(key) ?? []).filter((ref) => ref !== candidate.ref);
      if (others.length) problems.push(`the feed gives its id "${candidate.source!.id}" to ${others.length + 1} records (also ${others.slice(0, 3).join(', ')}${others.length > 3 ? '…' : ''}), so they are told apart by their names: ask the directory to give each its own id`);
      // One record and one service with this id: the same service, even renamed at the source.
      // Several: the one with this name, as the id alone cannot say which.
      id = others.length === 0 && (serviceBySource.get(key) ?? []).length === 1 ? known[0] : known.find((other) => normaliseName(String(existing.services.get(other)?.name ?? '')) === normaliseName(name));
    }
    if (!id) {
      // A name too long for the field was written cut (fitTexts): that is the name to look for.
      const written = name.length > MAX_NAME_LENGTH ? cutAt(name, MAX_NAME_LENGTH) : name;
      const sameName = serviceByName.get(`${normaliseName(written)}\u0000${organisationId}`) ?? [];
      // A service of the same name with another id in the same feed is another service.
      id = sameName.find((other) => {
        const otherSource = existing.services.get(other)?.source as Partial<SourceRef> | undefined;
        return !claimed.has(other) && (!candidate.source || !otherSource || otherSource.feed !== candidate.source.feed);
      });
    }
    let asked = candidate.id?.trim();
    if (asked && (!ID_PATTERN.test(asked) || asked.length > MAX_ID_LENGTH)) {
      problems.push(`id "${asked.slice(0, 60)}${asked.length > 60 ? '…' : ''}" is not a valid id (lower-case letters, digits and single hyphens, such as "speech-and-language-therapy", at most ${MAX_ID_LENGTH} characters), so the id was made from the name`);
      asked = undefined;
    }
    // A feed's id names a service of that feed only: another directory's "blue-badge" is not this
    // site's own Blue Badge page, which an --update would otherwise overwrite. (A spreadsheet
    // without a feed, such as this site's own export, names this site's services.)
    if (asked && !id && existing.services.has(asked) && candidate.source) {
      const otherSource = existing.services.get(asked)?.source as Partial<SourceRef> | undefined;
      if (otherSource?.feed !== candidate.source.feed) {
        problems.push(`id "${asked}" is already a service of this site that did not come from this feed, so this one was given an id of its own`);
        asked = undefined;
      }
    }
    if (!id && asked && existing.services.has(asked) && !claimed.has(asked)) id = asked;
    if (id && claimed.has(id)) id = undefined; // two records of this import matched one service: the second is a new one
    const previous = id ? existing.services.get(id) : undefined;
    if (!id) id = uniqueId(asked ?? idFromName(name, 'service'), (x) => taken.has(x) || claimed.has(x));
    claimed.set(id, candidate.ref);
    taken.add(id);

    // The data: on --update, the source's fields over the service's own; contacts merged.
    const incoming = clone(candidate.service);
    if (previous && options.update) {
      for (const field of candidate.filled ?? []) {
        const [top, inner] = field.split('.') as [string, string | undefined];
        const old = previous[top] as Record<string, unknown> | undefined;
        if (!inner && old !== undefined) delete incoming[top];
        if (inner && old?.[inner] !== undefined && incoming[top] && typeof incoming[top] === 'object') (incoming[top] as Record<string, unknown>)[inner] = old[inner];
      }
      // Sections the source holds only part of keep the service's other parts.
      for (const top of ['access', 'cost']) {
        if (incoming[top] && previous[top] && typeof previous[top] === 'object') incoming[top] = { ...(previous[top] as object), ...(incoming[top] as object) };
      }
    }
    let data: Record<string, unknown> = {
      ...(options.update && previous ? clone(previous) : {}),
      ...incoming,
      organisation: previous && options.update && previous.organisation && organisationId === UNSTATED_ORGANISATION.id ? previous.organisation : organisationId,
      ...(candidate.source ? { source: candidate.source } : {}),
    };
    if (options.update && previous) data.contacts = mergeContacts(previous.contacts, incoming.contacts);
    // A review date never goes back: an editor who checked the service after the source did keeps that date.
    if (options.update && typeof previous?.lastReviewed === 'string' && typeof incoming.lastReviewed === 'string' && previous.lastReviewed > incoming.lastReviewed) {
      data.lastReviewed = previous.lastReviewed;
      problems.push(`lastReviewed: the service's own date ${previous.lastReviewed} is later than the source's ${incoming.lastReviewed}, so it was kept`);
    }
    // An update of a draft keeps what it still needs: an editor removes each item once done.
    if (options.update && Array.isArray(previous?.draft)) needs.push(...previous.draft.filter((n): n is string => typeof n === 'string' && !/— needs at least one /.test(n)));
    delete data.draft;

    fitTexts(data, today, needs, problems);
    // Values that do not fit are left out (named in what the draft needs), never a reason to refuse the record.
    for (let round = 0; round < 10; round++) {
      const result = schema.safeParse(data);
      if (result.success) break;
      let removed = false;
      for (const issue of result.error.issues) {
        // What only a published service needs is what makes this a draft, below.
        if (issue.code === 'custom' && ['categories', 'levels', 'contacts', 'access.routes'].includes(issue.path.join('.'))) continue;
        const p = problemFromIssue('', issue, data, schema);
        const field = p.field;
        if (fillRequired(data, issue.path, name, today, needs)) {
          removed = true;
          continue;
        }
        if (options.update && previous && issue.path.length && restoreFrom(previous, data, issue.path)) {
          problems.push(`${field} — ${p.problem} — the service's own value was kept`);
          removed = true;
          continue;
        }
        // An optional section that does not hang together (ages 12 to 5): the section is left out, as not stated.
        if (issue.path.length > 1 && OPTIONAL_SECTIONS.has(String(issue.path[0])) && removeAt(data, issue.path.slice(0, 1))) {
          needs.push(`${field} — ${p.problem} — ${p.fix} (so ${String(issue.path[0])} was left out, as not stated)`);
          removed = true;
          continue;
        }
        if (valueAt(data, issue.path) !== undefined && removeAt(data, issue.path)) {
          needs.push(`${field} — ${p.problem} — ${p.fix} (the imported value was left out)`);
          removed = true;
          continue;
        }
        // A required part is missing (a location without a postcode): the list item it belongs to is left out.
        const item = issue.path.findLastIndex((part) => typeof part === 'number');
        if (item >= 0) {
          const itemPath = issue.path.slice(0, item + 1);
          const shown = JSON.stringify(valueAt(data, itemPath)) ?? '';
          if (removeAt(data, itemPath)) {
            needs.push(`${field} — ${p.problem}, so ${fieldName(itemPath)} was left out: ${shown.length > 120 ? `${shown.slice(0, 119)}…` : shown} — add it back with the missing part`);
            removed = true;
          }
        }
      }
      if (!removed) break;
    }
    const fits = schema.safeParse({ ...data, draft: ['x'] });
    if (!fits.success) {
      // Never expected: a value the steps above could not leave out. Writing it would stop the build, so it is refused with the reasons.
      plan.reject.push({ ref: candidate.ref, id, reasons: fits.error.issues.map((issue) => { const p = problemFromIssue('', issue, data, schema); return `${p.field} — ${p.problem} — ${p.fix}`; }) });
      claimed.delete(id);
      continue;
    }
    const areas = Array.isArray(data.areaServed) ? data.areaServed : [];
    const kept = areas.filter((a) => typeof a === 'string' && (a === 'whole-area' || existing.localities.includes(a)));
    if (kept.length < areas.length) {
      problems.push(`areaServed: not localities in content/site.json, so not imported: ${areas.filter((a) => !kept.includes(a)).join(', ')}`);
      data.areaServed = kept.length ? kept : ['whole-area'];
    }

    const publishing = publishingProblems(data as Parameters<typeof publishingProblems>[0]).map((p) => `${p.path.join('.')} — needs ${p.message}`);
    const draft = [...new Set([...needs, ...publishing])];
    if (draft.length) data.draft = draft;
    else delete data.draft;
    data = orderFields(data);

    const planned: PlannedService = {
      ref: candidate.ref,
      id,
      data,
      unmapped: candidate.unmapped,
      problems,
      mappingUsed: candidate.mappingUsed ?? [],
      unknownTerms: candidate.unknownTerms ?? [],
      ...(draft.length ? { draft } : {}),
    };
    if (previous && !options.update) plan.skip.push(planned);
    else if (draft.length) plan.drafts.push(planned);
    else if (previous) plan.update.push(planned);
    else plan.create.push(planned);
  }
  plan.newOrganisations = [...newOrganisations].map(([id, data]) => ({ id, data }));
  plan.updatedOrganisations = [...updatedOrganisations].map(([id, data]) => ({ id, data }));
  return plan;
}

/** Every text in a value, with its path: ["contacts", 0, "name"]. */
function* textsIn(value: unknown, path: PropertyKey[] = []): Generator<[path: PropertyKey[], text: string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* textsIn(item, [...path, i]);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* textsIn(item, [...path, key]);
}

/** Text cut at a word to fit `limit` characters, ending "…". */
const cutAt = (text: string, limit: number) => `${text.slice(0, limit - 1).replace(/\s+\S*$/, '')}…`;

/**
 * What `npm run check` asks of every text beyond the schema (src/lib/editors/check/text-fields.ts,
 * cross-checks.ts), made true of an imported service, so the file written always passes: hidden
 * characters that reverse text are taken out, a name or a text longer than a field holds is cut
 * (the draft says so, and keeps a summary's whole text), a link that is not safe is left out, and
 * a review date in the future becomes today's.
 */
function fitTexts(data: Record<string, unknown>, today: string, needs: string[], problems: string[]): void {
  // Last first, so a text left out of a list does not move the ones still to be read.
  for (const [path, original] of [...textsIn(data)].reverse()) {
    if (path[0] === 'source' || path[0] === 'draft') continue;
    const field = fieldName(path);
    let text = original;
    if (BIDI_CONTROLS.test(text)) {
      text = text.replace(new RegExp(BIDI_CONTROLS.source, 'gu'), '');
      problems.push(`${field}: hidden characters that reverse the direction of text were taken out`);
    }
    const limit = NAME_FIELDS.test(field) ? MAX_NAME_LENGTH : MAX_TEXT_LENGTH;
    if (text.length > limit) {
      needs.push(`${field} — the source's text has ${text.length.toLocaleString('en-GB')} characters, more than the ${limit.toLocaleString('en-GB')} this field holds, so it was cut — shorten it${limit === MAX_NAME_LENGTH ? ` (it was: "${text.length > 2000 ? cutAt(text, 2000) : text}")` : ''}`);
      text = cutAt(text, limit);
    }
    // What the check would still refuse once the Markdown is put right: then the value is left out.
    const refused = (value: string) => [...markdownProblems('', field, value), ...textFieldProblems('', field, value)];
    let [problem] = refused(text);
    if (problem) [problem] = refused((text = repairMarkdown(text)));
    if (problem) {
      removeAt(data, path);
      needs.push(`${field} — ${problem.problem} — ${problem.fix} (the imported value was left out)`);
      continue;
    }
    if (text !== original) setAt(data, path, text);
  }
  if (typeof data.lastReviewed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(data.lastReviewed) && data.lastReviewed > today) {
    problems.push(`lastReviewed ${data.lastReviewed} is in the future, so today's date was used`);
    data.lastReviewed = today;
  }
}

function setAt(data: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let parent: any = data;
  for (const part of path.slice(0, -1)) parent = parent[part as string];
  parent[path[path.length - 1] as string] = value;
}

function orderOrganisation(data: Record<string, unknown>): Record<string, unknown> {
  const order = ['name', 'description', 'website', 'email', 'phone', 'source'];
  return Object.fromEntries([...order.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]), ...Object.entries(data).filter(([k, v]) => !order.includes(k) && v !== undefined)]);
}

function restoreFrom(previous: Record<string, unknown>, data: Record<string, unknown>, path: readonly PropertyKey[]): boolean {
  const top = path[0] as string;
  if (previous[top] === undefined || JSON.stringify(previous[top]) === JSON.stringify(data[top])) return false;
  data[top] = clone(previous[top]);
  return true;
}

/** A required field a draft lacks is filled so the file is valid; what it needs says so. */
function fillRequired(data: Record<string, any>, path: readonly PropertyKey[], name: string, today: string, needs: string[]): boolean {
  const field = path.join('.');
  const missing = (value: unknown) => value === undefined || (typeof value === 'string' && !value.trim());
  switch (field) {
    case 'summary':
      if (!missing(data.summary) && String(data.summary).length <= 200) return false;
      if (!missing(data.summary)) {
        // Too long: cut at a word, and the draft keeps the whole text for the editor.
        needs.push(`summary — the source's summary has ${String(data.summary).length} characters, more than the 200 a summary holds, so it was cut — shorten it to one sentence (it was: "${String(data.summary).slice(0, 2000)}")`);
        data.summary = cutAt(String(data.summary), 200);
        return true;
      }
      data.summary = name.length <= 200 ? name : `${name.slice(0, 199)}…`;
      needs.push('summary — the source gives no description to make it from — write one sentence saying what it offers');
      return true;
    case 'description':
      if (!missing(data.description)) return false;
      data.description = data.summary ?? name;
      needs.push(NEEDS_DESCRIPTION);
      return true;
    case 'access':
    case 'access.howTo':
      if (data.access && !missing(data.access.howTo)) return false;
      data.access = { routes: [], ...(data.access ?? {}), howTo: FILLED_HOW_TO };
      return true;
    case 'access.routes':
      if (data.access && Array.isArray(data.access.routes)) return false;
      data.access = { ...(data.access ?? {}), routes: [] };
      return true;
    case 'categories':
    case 'levels':
    case 'needs':
    case 'contacts':
    case 'keywords':
      if (Array.isArray(data[field])) return false;
      data[field] = [];
      return true;
    case 'lastReviewed':
      if (!missing(data.lastReviewed)) return false;
      data.lastReviewed = today;
      needs.push(`lastReviewed — the source gives no date it was checked, so the import date ${today} was written — check the details with the service, then set the date`);
      return true;
    default:
      return false;
  }
}
