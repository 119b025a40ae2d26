/**
 * One Open Referral UK service record (v3 `/services/{id}` or page item, or a v1 `/services`
 * item) mapped onto our model. Every value read is marked, so whatever is left over, at any
 * depth, is listed as not imported for that record. Our own export's `x_` extensions (fields
 * the profile cannot hold) are read back first, so a round trip loses nothing.
 */
import { weekdays } from '../../../contract/vocabulary.ts';
import { htmlToMarkdown, htmlToText } from './html.ts';
import { pathText, RecordReader, type Path } from './record.ts';
import { areaOf, classify, describe, feedCandidate, type ReadContext } from './context.ts';
import { ageRange, clockTime, emailAddress, notePhoneRest, phoneNumber, reviewDate, webAddress } from './values.ts';
import { FILLED_HOW_TO, NEEDS_DESCRIPTION, type Candidate } from './plan.ts';

const DAY_CODES: Record<string, string> = { MO: 'mon', TU: 'tue', WE: 'wed', TH: 'thu', FR: 'fri', SA: 'sat', SU: 'sun' };
const STATUS: Record<string, string> = { active: 'active', 'temporarily closed': 'temporarily-closed', inactive: 'closed', defunct: 'closed' };

type Contact = { name?: string; phone?: string; email?: string; website?: string };

/** Adds a contact unless one already holds all its details. */
function addContact(contacts: Contact[], contact: Contact): void {
  const clean = Object.fromEntries(Object.entries(contact).filter(([, v]) => v)) as Contact;
  if (!clean.phone && !clean.email && !clean.website) return;
  const same = contacts.find((c) => (['phone', 'email', 'website'] as const).every((k) => !clean[k] || c[k] === clean[k]));
  if (same) {
    if (!same.name && clean.name) same.name = clean.name;
    return;
  }
  contacts.push(clean);
}

/** The phones of a contact or service: one contact each, labelled as the feed labels them. */
function phonesOf(r: RecordReader, path: Path, name: string | undefined): Contact[] {
  return r.list(path).flatMap((i) => {
    const raw = r.text([...path, i, 'number']);
    const phone = phoneNumber(raw);
    if (!phone) {
      if (raw) r.problems.push(`${pathText([...path, i, 'number'])}: "${raw}" is not a UK phone number, so it was left out`);
      return [];
    }
    r.use([...path, i, 'id']);
    r.use([...path, i, 'contact_id']);
    r.use([...path, i, 'service_id']);
    r.use([...path, i, 'type']);
    notePhoneRest(phone, pathText([...path, i, 'number']), r.notes);
    return [{ name: name ?? phone.label, phone: phone.number }];
  });
}

/** Named contacts of a service or location. */
function contactsOf(r: RecordReader, path: Path, contacts: Contact[]): void {
  for (const i of r.list(path)) {
    const at = [...path, i];
    const email = emailAddress(r.peek([...at, 'email']) as string | undefined, pathText([...at, 'email']), r.problems);
    const website = webAddress(r.peek([...at, 'x_website']) as string | undefined, pathText([...at, 'x_website']), r.problems);
    const phones = r.list([...at, 'phones']).filter((p) => phoneNumber(r.peek([...at, 'phones', p, 'number']) as string | undefined));
    if (!email && !website && phones.length === 0) continue; // no way to get in touch: listed as not imported
    const name = r.plain([...at, 'name']) ?? r.plain([...at, 'title']);
    if (email) r.text([...at, 'email']);
    if (website) r.text([...at, 'x_website']);
    for (const key of ['id', 'service_id', 'organization_id', 'location_id', 'service_at_location_id']) r.use([...at, key]);
    const numbers = phonesOf(r, [...at, 'phones'], name);
    // A phone's own label ("Bristol Youth MAPS: 0117 332 7111") names it when the contact has no name.
    addContact(contacts, { name: numbers[0]?.name ?? name, phone: numbers[0]?.phone, email, website });
    for (const more of numbers.slice(1)) addContact(contacts, more);
  }
}

/** Weekly opening hours from schedules; other kinds stay in the not-imported list. */
function hoursOf(r: RecordReader, path: Path): { days: string[]; opens: string; closes: string }[] {
  return r.list(path).flatMap((i) => {
    const at = [...path, i];
    const byday = r.peek([...at, 'byday']);
    const opens = clockTime(r.peek([...at, 'opens_at']) as string | undefined);
    const closes = clockTime(r.peek([...at, 'closes_at']) as string | undefined);
    if (typeof byday !== 'string' || !opens || !closes) return [];
    const days = byday.split(',').map((d) => DAY_CODES[d.trim().toUpperCase()]).filter((d): d is string => !!d && weekdays.is(d));
    if (!days.length) return [];
    for (const key of ['byday', 'opens_at', 'closes_at', 'id', 'service_id', 'location_id', 'service_at_location_id']) r.use([...at, key]);
    const freq = r.peek([...at, 'freq']);
    if (freq === undefined || freq === null || String(freq).toUpperCase() === 'WEEKLY') r.use([...at, 'freq']);
    if (r.peek([...at, 'interval']) === 1) r.use([...at, 'interval']);
    return [{ days, opens, closes }];
  });
}

export function readOrukService(record: Record<string, unknown>, index: number, context: ReadContext): Candidate {
  const r = new RecordReader(record);
  const needs: string[] = [];
  const name = htmlToText(r.text(['name']) ?? '');
  const sourceId = r.text(['id']);
  const ourId = r.text(['x_id']);

  // Description and summary: our own Markdown and summary when the feed is ours, otherwise from the HTML.
  const markdown = r.text(['x_description_markdown']);
  const html = r.text(['description']);
  const { description, summary } = markdown ? { description: markdown, summary: r.text(['x_summary']) } : describe(html, r.text(['x_summary']));
  if (markdown) r.use(['description']);

  const contacts: Contact[] = [];
  contactsOf(r, ['contacts'], contacts);
  // The service's own phone, email and website: a general contact, unless a named one has them.
  const servicePhones = phonesOf(r, ['phones'], undefined);
  const website = webAddress(r.text(['url']), 'url', r.problems);
  const email = emailAddress(r.text(['email']), 'email', r.problems);
  const general: Contact = { phone: servicePhones[0]?.phone, email, website };
  if (contacts.length && general.website && !contacts.some((c) => c.website === general.website)) {
    // The service's website sits with its first contact, as our own export writes it.
    const first = contacts.find((c) => !c.website);
    if (first) first.website = general.website;
    else addContact(contacts, { website: general.website });
    general.website = undefined;
  }
  addContact(contacts, general);
  for (const more of servicePhones.slice(1)) addContact(contacts, more);

  // Locations, with their own phones, contacts and opening hours.
  const locations: Record<string, unknown>[] = [];
  const hours = hoursOf(r, ['schedules']);
  for (const i of r.list(['service_at_locations'])) {
    const at: Path = ['service_at_locations', i];
    for (const key of ['id', 'service_id', 'location_id']) r.use([...at, key]);
    contactsOf(r, [...at, 'contacts'], contacts);
    for (const c of phonesOf(r, [...at, 'phones'], undefined)) addContact(contacts, c);
    for (const h of hoursOf(r, [...at, 'schedules'])) if (!hours.some((x) => JSON.stringify(x) === JSON.stringify(h))) hours.push(h);
    if (!r.object([...at, 'location'])) continue;
    const loc: Path = [...at, 'location'];
    for (const key of ['id', 'location_type']) r.use([...loc, key]);
    contactsOf(r, [...loc, 'contacts'], contacts);
    for (const c of phonesOf(r, [...loc, 'phones'], undefined)) addContact(contacts, c);
    const [a] = r.list([...loc, 'addresses']);
    const addr: Path = [...loc, 'addresses', a ?? 0];
    const exact = r.plain([...loc, 'x_address']);
    const lines = a === undefined ? [] : [r.plain([...addr, 'address_1']), r.plain([...addr, 'address_2']), r.plain([...addr, 'city'])].filter(Boolean);
    if (a !== undefined) {
      for (const key of ['id', 'location_id', 'address_type']) r.use([...addr, key]);
      const region = r.peek([...addr, 'state_province']);
      if (context.areaName && region === context.areaName) r.use([...addr, 'state_province']);
      if (r.peek([...addr, 'country']) === 'GB') r.use([...addr, 'country']);
    }
    const postcode = a === undefined ? undefined : r.plain([...addr, 'postal_code']);
    const accessibility = r
      .list([...loc, 'accessibility'])
      .map((k) => {
        for (const key of ['id', 'location_id']) r.use([...loc, 'accessibility', k, key]);
        return r.plain([...loc, 'accessibility', k, 'description']);
      })
      .filter(Boolean)
      .join(' ');
    const lat = r.number([...loc, 'latitude']);
    const lng = r.number([...loc, 'longitude']);
    locations.push(
      Object.fromEntries(
        Object.entries({
          name: htmlToText(r.text([...loc, 'name']) ?? '') || lines[0],
          address: exact ?? (lines.join(', ') || undefined),
          postcode: postcode?.toUpperCase(),
          lat: lat !== undefined && lat >= 49 && lat <= 61 ? lat : undefined,
          lng: lng !== undefined && lng >= -9 && lng <= 2 ? lng : undefined,
          accessibility: accessibility || undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    );
    if ((lat !== undefined && (lat < 49 || lat > 61)) || (lng !== undefined && (lng < -9 || lng > 2))) r.problems.push(`${loc.join('.')}: latitude ${lat}, longitude ${lng} are not in the UK, so the map position was left out`);
  }

  // Service areas: our localities, or the whole area.
  const areaServed: string[] = [];
  for (const i of r.list(['service_areas'])) {
    const area = r.peek(['service_areas', i, 'name']);
    const ours = typeof area === 'string' ? areaOf(area, context) : undefined;
    if (!ours) continue; // listed as not imported
    r.use(['service_areas', i]);
    if (!areaServed.includes(ours)) areaServed.push(ours);
  }

  // Cost: free only on positive evidence; nothing stated means not stated.
  const options = r.list(['cost_options']).map((i) => {
    for (const key of ['id', 'service_id']) r.use(['cost_options', i, key]);
    return { option: r.plain(['cost_options', i, 'option']), amount: r.number(['cost_options', i, 'amount']), detail: r.plain(['cost_options', i, 'amount_description']), from: r.plain(['cost_options', i, 'valid_from']), to: r.plain(['cost_options', i, 'valid_to']) };
  });
  const fees = r.text(['fees']);
  const feesDescription = r.text(['fees_description']);
  const isFree = (text: string | undefined) => typeof text === 'string' && /^\s*free(\s+of\s+charge)?\s*\.?\s*$/i.test(text);
  const generic = (text: string | undefined) => isFree(text) || /^there (may be|is) a charge\.?$/i.test(text ?? '');
  let cost: { free: boolean; details?: string } | undefined;
  if (options.length || fees || feesDescription) {
    const paid = options.filter((o) => (o.amount !== undefined ? o.amount > 0 : !isFree(o.option)));
    const free = paid.length === 0 && (options.some((o) => o.amount === 0 || isFree(o.option)) || (!options.length && isFree(fees)));
    const details = [
      ...options.map((o) => {
        const money = o.amount !== undefined && o.amount > 0 ? `£${o.amount.toFixed(2)}` : undefined;
        const label = o.option && !generic(o.option) ? o.option : undefined;
        const dates = o.from || o.to ? ` (${[o.from && `from ${o.from}`, o.to && `until ${o.to}`].filter(Boolean).join(' ')})` : '';
        const main = [label, money].filter(Boolean).join(': ');
        return [main, o.detail].filter(Boolean).join(main && o.detail ? '. ' : '') + (main || o.detail ? dates : '');
      }),
      fees && !generic(fees) && !options.some((o) => o.detail === fees) ? htmlToText(fees) : undefined,
      feesDescription ? htmlToText(feesDescription) : undefined,
    ].filter((t): t is string => !!t && !!t.trim());
    const text = [...new Set(details)].join('. ').replace(/\.\./g, '.');
    cost = { free, ...(text ? { details: text } : {}) };
  }

  const terms: string[] = [];
  for (const i of r.list(['attributes'])) {
    const at: Path = ['attributes', i];
    for (const key of ['id', 'link_id', 'link_type', 'taxonomy_term_id', 'link_entity', 'value']) r.use([...at, key]);
    if (!r.object([...at, 'taxonomy_term'])) continue;
    for (const key of ['term', 'name', 'code']) {
      const value = r.text([...at, 'taxonomy_term', key]);
      if (value && !terms.includes(value)) terms.push(value);
    }
    for (const key of ['id', 'description', 'taxonomy', 'taxonomy_id', 'term_uri', 'parent_id', 'language', 'vocabulary']) r.use([...at, 'taxonomy_term', key]);
  }
  for (const i of r.list(['pc_targetAudience'])) {
    const value = r.text(['pc_targetAudience', i, 'audienceType']);
    r.use(['pc_targetAudience', i, 'id']);
    if (value && !terms.includes(value)) terms.push(value);
  }
  const codes = classify(context, terms, `${name} ${description ?? ''}`);

  const min = r.number(['minimum_age']);
  const max = r.number(['maximum_age']);
  const ages = ageRange(min, max, r.notes);
  const reviewed = reviewDate(r.text(['assured_date']), context.today, r.problems, 'assured_date') ?? reviewDate(r.text(['last_modified']), context.today, r.problems, 'last_modified');
  if (reviewed) r.use(['last_modified']);

  const howTo = r.text(['x_how_to']) ?? (r.peek(['application_process']) ? htmlToMarkdown(r.text(['application_process']) ?? '') : undefined);
  if (r.peek(['x_how_to'])) r.use(['application_process']);
  const eligibility = r.text(['x_eligibility']) ?? (r.peek(['eligibility_description']) ? htmlToMarkdown(r.text(['eligibility_description']) ?? '') : undefined);
  if (r.peek(['x_eligibility'])) r.use(['eligibility_description']);
  const keywordList = Array.isArray(r.peek(['x_keywords'])) ? (r.peek(['x_keywords']) as unknown[]).filter((k): k is string => typeof k === 'string' && k.trim() !== '') : [];
  if (keywordList.length) r.use(['x_keywords']);
  const alternate = r.text(['alternate_name']);
  if (alternate) keywordList.push(htmlToText(alternate));

  const statusText = r.text(['status']);
  const status = statusText ? STATUS[statusText.toLowerCase()] : undefined;
  if (statusText && !status) r.problems.push(`status "${statusText}" is not an Open Referral status, so "active" was used`);
  r.use(['organization_id']);

  // The organisation.
  const org: Candidate['organisation'] = { name: '' };
  if (r.object(['organization'])) {
    org.name = htmlToText(r.text(['organization', 'name']) ?? '');
    org.sourceId = r.text(['organization', 'id']);
    org.id = r.text(['organization', 'x_id']);
    const orgMarkdown = r.text(['organization', 'x_description_markdown']);
    const orgDescription = orgMarkdown ?? (r.peek(['organization', 'description']) ? htmlToMarkdown(r.text(['organization', 'description']) ?? '') : undefined);
    if (orgMarkdown) r.use(['organization', 'description']);
    org.description = orgDescription && orgDescription !== org.name ? orgDescription : undefined;
    org.website = webAddress(r.text(['organization', 'website']) ?? r.text(['organization', 'url']), 'organization.website', r.problems);
    if (org.website && r.peek(['organization', 'url']) === r.peek(['organization', 'website'])) r.use(['organization', 'url']);
    if (r.peek(['organization', 'uri']) === r.peek(['organization', 'website'])) r.use(['organization', 'uri']);
    org.email = emailAddress(r.text(['organization', 'email']), 'organization.email', r.problems);
    const orgPhone = phoneNumber(r.text(['organization', 'x_phone']));
    org.phone = orgPhone?.number;
  }

  if (!description) needs.push(NEEDS_DESCRIPTION);

  const service: Record<string, unknown> = {
    name,
    summary,
    description,
    categories: codes.categories,
    needs: codes.needs,
    levels: codes.levels,
    ageRange: ages,
    access: Object.fromEntries(Object.entries({ routes: codes.routes, howTo: howTo || (contacts.length ? FILLED_HOW_TO : undefined), eligibility: eligibility || undefined }).filter(([, v]) => v !== undefined)),
    cost,
    contacts,
    locations,
    areaServed: areaServed.length ? areaServed : ['whole-area'],
    hours: hours.length ? hours : undefined,
    keywords: keywordList.length ? [...new Set(keywordList)] : undefined,
    status: status ?? 'active',
    lastReviewed: reviewed,
  };
  return feedCandidate({
    index,
    name,
    id: ourId,
    sourceId,
    context,
    service,
    organisation: org,
    reader: r,
    needs,
    codes,
    // A record without service_at_locations says nothing about places (v1 feeds have none): an --update keeps the service's own.
    filled: [...codes.filled, ...(areaServed.length ? [] : ['areaServed']), ...(status ? [] : ['status']), ...(howTo ? [] : ['access.howTo']), ...(record.service_at_locations === undefined || record.service_at_locations === null ? ['locations'] : [])],
  });
}
