/**
 * Turns candidate services from any source (a spreadsheet, an Open Referral feed) into an
 * import plan: what would be created, updated or skipped, and every rejected candidate with
 * its reasons. Nothing is ever dropped silently: every candidate ends up in exactly one list.
 */
import { idRef, organisationSchema, serviceSchema } from '../../schemas/index.ts';
import { problemFromIssue } from '../problems.ts';
import { slugify } from '../slug.ts';

export interface Candidate {
  /** Where it came from, as people say it: "row 7", "service 3 (Portage)". */
  ref: string;
  /** The id asked for; otherwise made from the name. */
  id?: string;
  /** The service in our shape, organisation not yet resolved. */
  service: Record<string, unknown>;
  /** The organisation by id or name; a new one is created when none matches. */
  organisation: { id?: string; name: string; website?: string; email?: string; phone?: string; description?: string };
  /** Problems found while reading the source (unknown values and the like). */
  problems: string[];
  /** Source fields that have nowhere to go in our model (reported, not fatal). */
  unmapped: string[];
}

export interface Existing {
  services: Map<string, Record<string, unknown>>;
  /** Organisation id → name. */
  organisations: Map<string, string>;
  localities: string[];
}

export interface PlannedService {
  ref: string;
  id: string;
  data: Record<string, unknown>;
  unmapped: string[];
}

export interface ImportPlan {
  create: PlannedService[];
  update: PlannedService[];
  /** Already in content/services/ and --update not given. */
  skip: PlannedService[];
  reject: { ref: string; id?: string; reasons: string[] }[];
  /** Organisations that do not exist yet and will be written. */
  newOrganisations: { id: string; data: Record<string, unknown> }[];
}

const ORDER = ['name', 'organisation', 'summary', 'description', 'categories', 'needs', 'levels', 'ageRange', 'access', 'cost', 'contacts', 'locations', 'areaServed', 'hours', 'keywords', 'videos', 'relatedServices', 'status', 'lastReviewed'];

/** Puts fields in the order editors see them in every other service file. */
export function orderFields(data: Record<string, unknown>): Record<string, unknown> {
  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (data[key] !== undefined) ordered[key] = data[key];
  for (const [key, value] of Object.entries(data)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered;
}

export function planImport(candidates: Candidate[], existing: Existing, options: { update: boolean }): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], skip: [], reject: [], newOrganisations: [] };
  const schema = serviceSchema({ ref: idRef });
  const organisationByName = new Map([...existing.organisations].map(([id, name]) => [name.toLowerCase(), id]));
  const newOrganisations = new Map<string, Record<string, unknown>>();
  const seen = new Map<string, string>();

  for (const candidate of candidates) {
    const reasons = [...candidate.problems];
    // An entry that is not a service at all: its reason says so, and the fields it lacks would only bury it.
    if (reasons.length && Object.keys(candidate.service).length === 0) {
      plan.reject.push({ ref: candidate.ref, reasons });
      continue;
    }
    const name = typeof candidate.service.name === 'string' ? candidate.service.name : '';
    const id = candidate.id?.trim() || slugify(name);
    if (!id) reasons.push('it has no name, so it cannot be given an id');
    else if (seen.has(id)) reasons.push(`it has the same id ("${id}") as ${seen.get(id)}`);

    // Resolve the organisation: by id, then by name, otherwise a new one.
    const org = candidate.organisation;
    let organisationId = org.id && existing.organisations.has(org.id) ? org.id : organisationByName.get(org.name.trim().toLowerCase());
    let newOrganisation: Record<string, unknown> | undefined;
    if (!organisationId && org.name.trim()) {
      organisationId = org.id || slugify(org.name);
      if (!newOrganisations.has(organisationId)) {
        newOrganisation = Object.fromEntries(Object.entries({ name: org.name.trim(), description: org.description, website: org.website, email: org.email, phone: org.phone }).filter(([, v]) => v));
        const result = organisationSchema().safeParse(newOrganisation);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const p = problemFromIssue('', issue, newOrganisation);
            reasons.push(`organisation ${p.field} — ${p.problem} — ${p.fix}`);
          }
          newOrganisation = undefined;
        }
      }
    }
    if (!organisationId) reasons.push('it has no organisation: give the name of the organisation that runs it');

    const previous = existing.services.get(id);
    // An update keeps what the source cannot express (videos, related services, hours…).
    const data = orderFields({ ...(options.update && previous ? previous : {}), ...candidate.service, organisation: organisationId });
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const p = problemFromIssue('', issue, data, schema);
        reasons.push(`${p.field} — ${p.problem} — ${p.fix}`);
      }
    }
    const areas = Array.isArray(data.areaServed) ? data.areaServed : [];
    for (const area of areas) {
      if (typeof area === 'string' && area !== 'whole-area' && !existing.localities.includes(area)) {
        reasons.push(`areaServed — "${area}" is not a locality in content/site.json — use "whole-area" or one of: ${existing.localities.join(', ')}`);
      }
    }

    if (reasons.length) {
      plan.reject.push({ ref: candidate.ref, id: id || undefined, reasons });
      continue;
    }
    seen.set(id, candidate.ref);
    if (newOrganisation && organisationId) newOrganisations.set(organisationId, newOrganisation);
    const planned = { ref: candidate.ref, id, data, unmapped: candidate.unmapped };
    if (!previous) plan.create.push(planned);
    else if (options.update) plan.update.push(planned);
    else plan.skip.push(planned);
  }
  plan.newOrganisations = [...newOrganisations].map(([id, data]) => ({ id, data }));
  return plan;
}
