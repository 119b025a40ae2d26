/**
 * Reads services from an Open Referral UK v3 feed (a `/services` page, a list of full
 * services, or one service) and maps them onto our model. Fields with no place in our model
 * are reported per service, never dropped silently. Needs, levels, categories and access routes
 * come from taxonomy terms whose code (or term/name) is one of our vocabulary values.
 */
import { accessRoutes, categories, levels, needs, weekdays } from '../vocabulary.ts';
import type { Candidate } from './plan.ts';

type Json = Record<string, any>;

const DAY_CODES: Record<string, string> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };

/** Fields we read; anything else that has a value is reported as not imported. */
const MAPPED = new Set([
  'id', 'organization_id', 'name', 'description', 'url', 'email', 'status', 'fees', 'minimum_age', 'maximum_age',
  'assured_date', 'last_modified', 'schedules', 'service_areas', 'service_at_locations', 'organization',
  'cost_options', 'contacts', 'attributes', 'phones', 'eligibility_description', 'application_process',
]);

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** All taxonomy-term codes and names attached to a service. */
function termsOf(service: Json): string[] {
  const terms: string[] = [];
  for (const attribute of service.attributes ?? []) {
    const term = attribute?.taxonomy_term ?? {};
    for (const value of [term.code, term.term, term.name]) if (typeof value === 'string') terms.push(value.trim().toLowerCase());
  }
  return terms;
}

const pick = (vocabulary: { values: readonly string[] }, terms: string[]) => vocabulary.values.filter((v) => terms.includes(v));

function firstSentence(text: string, max = 200): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(clean)?.[1] ?? clean;
  return sentence.length <= max ? sentence : `${sentence.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

/** The numbers after the first of a list of ORUK phones: we keep one number a contact. */
const laterNumbers = (phones: unknown): string[] => (Array.isArray(phones) ? phones.slice(1).map((p: Json) => p?.number).filter(Boolean) : []);
/** A schedule our opening hours can hold: weekly, with days and times. */
const isWeekly = (schedule: Json) => Boolean(schedule.byday && schedule.opens_at && schedule.closes_at);

const hhmm = (time: unknown) => (typeof time === 'string' ? time.slice(0, 5) : undefined);

function mapService(service: Json, index: number, localities: string[] | undefined): Candidate {
  const problems: string[] = [];
  const unmapped = Object.keys(service).filter((key) => !MAPPED.has(key) && hasValue(service[key]));
  const terms = termsOf(service);
  const statusMap: Record<string, string> = { active: 'active', 'temporarily closed': 'temporarily-closed', inactive: 'closed', defunct: 'closed' };

  // Named contacts first; the service's own phone, email and web address only where no contact has them.
  const contacts: Json[] = [];
  for (const contact of service.contacts ?? []) {
    if (!contact || typeof contact !== 'object') continue;
    const who = `contact "${[contact.name, contact.title].filter(Boolean).join(', ') || 'with no name'}"`;
    const entry = Object.fromEntries(Object.entries({ name: contact.name, phone: contact.phones?.[0]?.number, email: contact.email }).filter(([, v]) => v));
    if (!entry.phone && !entry.email) {
      unmapped.push(`${who} has no phone number or email address, so it is not listed`);
      continue;
    }
    contacts.push(entry);
    const morePhones = laterNumbers(contact.phones);
    if (morePhones.length) unmapped.push(`${who}: only the first phone number is used; not imported: ${morePhones.join(', ')}`);
    if (contact.title) unmapped.push(`${who}: the job title is not imported`);
  }
  const moreServicePhones = laterNumbers(service.phones);
  if (moreServicePhones.length) unmapped.push(`phones: only the first is used; not imported: ${moreServicePhones.join(', ')}`);
  const known = (field: string, value: unknown) => contacts.some((c) => c[field] === value);
  const phone = (service.phones ?? [])[0]?.number;
  const general = Object.fromEntries(
    Object.entries({ phone: known('phone', phone) ? undefined : phone, email: known('email', service.email) ? undefined : service.email, website: service.url }).filter(([, v]) => v),
  );
  if (general.phone || general.email || (general.website && contacts.length === 0)) contacts.push(general);
  else if (general.website && contacts[0]) contacts[0].website = general.website;

  const locations = (service.service_at_locations ?? []).map((sal: Json) => {
    const location = sal.location ?? {};
    const address = (location.addresses ?? [])[0] ?? {};
    return Object.fromEntries(
      Object.entries({
        name: location.name,
        address: [address.address_1, address.city].filter(Boolean).join(', ') || undefined,
        postcode: address.postal_code,
        lat: typeof location.latitude === 'number' ? location.latitude : undefined,
        lng: typeof location.longitude === 'number' ? location.longitude : undefined,
        accessibility: (location.accessibility ?? []).map((a: Json) => a.description).filter(Boolean).join(' ') || undefined,
      }).filter(([, v]) => v !== undefined),
    );
  });

  const schedules: Json[] = (service.schedules ?? []).filter((s: Json) => s && typeof s === 'object');
  schedules.forEach((schedule, i) => {
    if (!isWeekly(schedule)) unmapped.push(`schedules[${i}]: only weekly opening hours (byday, opens_at and closes_at) are imported; this one is not`);
    const extra = ['description', 'notes', 'bymonthday', 'valid_from', 'valid_to', 'dtstart', 'until', 'count', 'interval'].filter((key) => hasValue(schedule[key]));
    if (extra.length) unmapped.push(`schedules[${i}]: not imported: ${extra.map((key) => `${key} "${String(schedule[key])}"`).join(', ')}`);
  });
  const hours = schedules
    .filter(isWeekly)
    .map((s: Json) => ({
      days: String(s.byday).split(',').map((d) => DAY_CODES[d.trim().toUpperCase()]).filter((d): d is string => weekdays.is(d)),
      opens: hhmm(s.opens_at),
      closes: hhmm(s.closes_at),
    }));

  const areaNames = (service.service_areas ?? []).map((a: Json) => a.name).filter((n: unknown): n is string => typeof n === 'string');
  const areaServed = localities ? areaNames.filter((n: string) => localities.includes(n)) : areaNames;

  // Free only on positive evidence: a £0 option or "Free", and nothing that costs money.
  const options: Json[] = (service.cost_options ?? []).filter((c: Json) => c && typeof c === 'object');
  options.forEach((option, i) => {
    const dates = ['valid_from', 'valid_to'].filter((key) => hasValue(option[key]));
    if (dates.length) unmapped.push(`cost_options[${i}]: ${dates.map((key) => `${key} ${option[key]}`).join(', ')} not imported: check the charge is still current`);
  });
  const isFreeText = (text: unknown) => typeof text === 'string' && /^\s*free\s*\.?\s*$/i.test(text);
  const paid = options.filter((c) => (typeof c.amount === 'number' ? c.amount > 0 : !isFreeText(c.option)));
  const free = paid.length === 0 && (options.some((c) => c.amount === 0 || isFreeText(c.option)) || isFreeText(service.fees));
  const costDetails = free
    ? undefined
    : [...new Set([service.fees, ...paid.map((c) => (typeof c.amount === 'number' ? `${c.option ? `${c.option}: ` : ''}£${Number(c.amount).toFixed(2)}` : c.amount_description))].filter((t) => typeof t === 'string' && t.trim()))].join('. ') ||
      'Ask the service whether there is a charge.';

  const min = typeof service.minimum_age === 'number' ? service.minimum_age : 0;
  const max = typeof service.maximum_age === 'number' ? service.maximum_age : 25;
  if (max > 25) unmapped.push(`maximum_age ${max} (the Local Offer covers up to 25, so 25 is used)`);

  const description = typeof service.description === 'string' ? service.description.trim() : '';
  const reviewed = [service.assured_date, service.last_modified].find((d) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}/.test(d));
  if (!reviewed) problems.push('lastReviewed — the feed gives neither assured_date nor last_modified — add the date the service was last checked');

  const mappedService: Json = {
    name: service.name,
    summary: description ? firstSentence(description) : undefined,
    description: description || undefined,
    categories: pick(categories, terms),
    needs: pick(needs, terms),
    levels: pick(levels, terms),
    ageRange: { min: Math.max(0, min), max: Math.min(25, max) },
    access: Object.fromEntries(
      Object.entries({
        routes: pick(accessRoutes, terms),
        howTo: service.application_process ?? (contacts.length ? 'Contact the service using the details on this page.' : undefined),
        eligibility: service.eligibility_description,
      }).filter(([, v]) => v !== undefined),
    ),
    cost: { free, ...(costDetails ? { details: costDetails } : {}) },
    contacts,
    locations,
    areaServed: areaServed.length ? areaServed : ['whole-area'],
    hours: hours.length ? hours : undefined,
    status: statusMap[String(service.status)] ?? service.status,
    lastReviewed: reviewed?.slice(0, 10),
  };
  if (areaNames.length > areaServed.length) unmapped.push(`service_areas not in site.json localities: ${areaNames.filter((n: string) => !areaServed.includes(n)).join(', ')}`);

  const organisation = service.organization ?? {};
  return {
    ref: `service ${index + 1}${service.name ? ` (${service.name})` : ''}`,
    id: typeof service.url === 'string' ? /\/services\/([a-z0-9-]+)\/?$/.exec(service.url)?.[1] : undefined,
    service: Object.fromEntries(Object.entries(mappedService).filter(([, v]) => v !== undefined)),
    organisation: { name: organisation.name ?? '', website: organisation.website ?? organisation.url, email: organisation.email, description: organisation.description },
    problems,
    unmapped,
  };
}

/** An entry of the feed that is not a service record at all: reported, not mapped. */
function notAService(entry: unknown, index: number): Candidate {
  const found = entry === null ? 'null' : Array.isArray(entry) ? 'a list' : `${typeof entry} ${JSON.stringify(entry).slice(0, 40)}`;
  return { ref: `service ${index + 1}`, id: undefined, service: {}, organisation: { name: '' }, problems: [`(entry) — found ${found}, not a service record — remove it from the feed, or replace it with the service's full record`], unmapped: [] };
}

export function readOrukFeed(text: string, localities?: string[]): { candidates: Candidate[]; fileProblems: string[]; notes: string[] } {
  let feed: unknown;
  try {
    feed = JSON.parse(text);
  } catch (error) {
    return { candidates: [], fileProblems: [`is not valid JSON: ${error instanceof Error ? error.message : String(error)}`], notes: [] };
  }
  const services: Json[] = Array.isArray(feed) ? feed : Array.isArray((feed as Json)?.contents) ? (feed as Json).contents : feed && typeof feed === 'object' && 'name' in (feed as Json) ? [feed as Json] : [];
  if (services.length === 0) return { candidates: [], fileProblems: ['has no services: expected an Open Referral UK /services page ({ "contents": [ … ] }), a list of services, or one service'], notes: [] };
  const notes: string[] = [];
  const page = feed as Json;
  if (!Array.isArray(feed) && typeof page.total_pages === 'number' && page.total_pages > 1) {
    notes.push(`this file is page ${page.page_number} of ${page.total_pages}; import the other pages too`);
  }
  return { candidates: services.map((s, i) => (s && typeof s === 'object' && !Array.isArray(s) ? mapService(s, i, localities) : notAService(s, i))), fileProblems: [], notes };
}
