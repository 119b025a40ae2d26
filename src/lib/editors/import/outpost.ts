/**
 * One service from an Outpost API page (the directory software many councils' family
 * information services run: `content` pages, `organisation` spelt the British way, `send_needs`,
 * `min_age`/`max_age`, `regular_schedules`, the Local Offer questions in `local_offer`) mapped
 * onto our model. As with Open Referral records, whatever is not read is listed as not imported.
 */
import { htmlToMarkdown, htmlToText } from './html.ts';
import { pathText, RecordReader, type Path } from './record.ts';
import { classify, describe, feedCandidate, type ReadContext } from './context.ts';
import { ageRange, clockTime, emailAddress, notePhoneRest, phoneNumber, reviewDate, webAddress } from './values.ts';
import { FILLED_HOW_TO, NEEDS_DESCRIPTION, type Candidate } from './plan.ts';

const WEEKDAYS: Record<string, string> = { monday: 'mon', tuesday: 'tue', wednesday: 'wed', thursday: 'thu', friday: 'fri', saturday: 'sat', sunday: 'sun' };

type Contact = { name?: string; phone?: string; email?: string; website?: string };

export function readOutpostService(record: Record<string, unknown>, index: number, context: ReadContext): Candidate {
  const r = new RecordReader(record);
  const needs: string[] = [];
  const name = htmlToText(r.text(['name']) ?? '');
  const sourceId = r.text(['id']);
  let { description, summary } = describe(r.text(['description']));

  // The Local Offer questions and answers are the SEND part of the record: kept in the description.
  if (r.object(['local_offer'])) {
    const parts: string[] = [];
    const intro = r.text(['local_offer', 'description']);
    if (intro) parts.push(htmlToMarkdown(intro));
    for (const i of r.list(['local_offer', 'survey_answers'])) {
      const answer = r.peek(['local_offer', 'survey_answers', i, 'answer']);
      if (typeof answer !== 'string' || !answer.trim()) {
        r.use(['local_offer', 'survey_answers', i]);
        continue;
      }
      const question = htmlToText(r.text(['local_offer', 'survey_answers', i, 'question']) ?? '');
      parts.push(`${question ? `### ${question}\n\n` : ''}${htmlToMarkdown(r.text(['local_offer', 'survey_answers', i, 'answer']) ?? '')}`);
    }
    if (parts.length) {
      description = [description, '## Our Local Offer', ...parts].filter(Boolean).join('\n\n');
      summary ??= describe(parts.join('\n\n')).summary;
    }
  }

  const contacts: Contact[] = [];
  const add = (c: Contact) => {
    const clean = Object.fromEntries(Object.entries(c).filter(([, v]) => v)) as Contact;
    if (!clean.phone && !clean.email && !clean.website) return;
    if (contacts.some((x) => (['phone', 'email', 'website'] as const).every((k) => !clean[k] || x[k] === clean[k]))) return;
    contacts.push(clean);
  };
  for (const i of r.list(['contacts'])) {
    const at: Path = ['contacts', i];
    const rawPhone = r.peek([...at, 'phone']) as string | undefined;
    const phone = phoneNumber(rawPhone);
    const email = emailAddress(r.peek([...at, 'email']) as string | undefined, pathText([...at, 'email']), r.problems);
    if (!phone && !email) continue;
    if (phone) r.text([...at, 'phone']);
    notePhoneRest(phone, pathText([...at, 'phone']), r.notes);
    if (email) r.text([...at, 'email']);
    r.use([...at, 'id']);
    r.use([...at, 'visible']);
    add({ name: r.plain([...at, 'name']) ?? r.plain([...at, 'title']) ?? phone?.label, phone: phone?.number, email });
  }
  add({ website: webAddress(r.text(['url']), 'url', r.problems) });
  for (const i of r.list(['links'])) {
    const website = webAddress(r.text(['links', i, 'url']), `links[${i}].url`, r.problems);
    if (website) add({ name: r.plain(['links', i, 'label']), website });
  }
  if (r.object(['local_offer'])) {
    const link = webAddress(r.text(['local_offer', 'link']), 'local_offer.link', r.problems);
    if (link) add({ name: 'Local Offer', website: link });
  }

  const locations: Record<string, unknown>[] = [];
  for (const i of r.list(['locations'])) {
    const at: Path = ['locations', i];
    r.use([...at, 'id']);
    const lines = [r.plain([...at, 'address_1']), r.plain([...at, 'address_2']), r.plain([...at, 'city'])].filter(Boolean) as string[];
    if (r.peek([...at, 'country']) === 'GB') r.use([...at, 'country']);
    r.use([...at, 'state_province']);
    if (r.peek([...at, 'mask_exact_address']) === false) r.use([...at, 'mask_exact_address']);
    const coordinates = r.peek([...at, 'geometry', 'coordinates']);
    const [lng, lat] = Array.isArray(coordinates) && coordinates.every((n) => typeof n === 'number') ? (coordinates as number[]) : [];
    const inUk = lat !== undefined && lng !== undefined && lat >= 49 && lat <= 61 && lng >= -9 && lng <= 2;
    if (inUk) r.use([...at, 'geometry']);
    const accessibility = r
      .list([...at, 'accessibilities'])
      .map((k) => {
        r.use([...at, 'accessibilities', k, 'id']);
        r.use([...at, 'accessibilities', k, 'slug']);
        return r.plain([...at, 'accessibilities', k, 'name']);
      })
      .filter(Boolean)
      .join('. ');
    locations.push(
      Object.fromEntries(
        Object.entries({
          name: htmlToText(r.text([...at, 'name']) ?? '') || lines[0],
          address: lines.map((l) => l.trim()).join(', ') || undefined,
          postcode: r.plain([...at, 'postal_code'])?.toUpperCase(),
          lat: inUk ? lat : undefined,
          lng: inUk ? lng : undefined,
          accessibility: accessibility || undefined,
        }).filter(([, v]) => v !== undefined),
      ),
    );
  }

  // Weekly hours: one entry a day, joined where the times are the same.
  const hours: { days: string[]; opens: string; closes: string }[] = [];
  for (const i of r.list(['regular_schedules'])) {
    const at: Path = ['regular_schedules', i];
    const day = WEEKDAYS[String(r.peek([...at, 'weekday']) ?? '').toLowerCase()];
    const opens = clockTime(r.peek([...at, 'opens_at']) as string | undefined);
    const closes = clockTime(r.peek([...at, 'closes_at']) as string | undefined);
    if (!day || !opens || !closes) continue;
    for (const key of ['weekday', 'opens_at', 'closes_at', 'id', 'service_id']) r.use([...at, key]);
    const same = hours.find((h) => h.opens === opens && h.closes === closes);
    if (same) same.days.includes(day) || same.days.push(day);
    else hours.push({ days: [day], opens, closes });
  }

  const terms: string[] = [];
  for (const list of ['taxonomies', 'send_needs']) {
    for (const i of r.list([list])) {
      const value = r.text([list, i, 'name']);
      for (const key of ['id', 'slug', 'parent_id']) r.use([list, i, key]);
      if (value && !terms.includes(value)) terms.push(value);
    }
  }
  const codes = classify(context, terms, `${name} ${description ?? ''}`);
  const referral = r.boolean(['needs_referral']);
  if (referral !== undefined && codes.routes.length === 0) codes.routes.push(referral ? 'professional-referral' : 'self-referral');
  if (referral !== undefined) codes.used.push(`accessRoutes from needs_referral ${referral}`);

  // Cost: `free` true or false, cost options; nothing means not stated.
  const free = r.boolean(['free']);
  const costs = r.list(['cost_options']).map((i) => {
    const at: Path = ['cost_options', i];
    r.use([...at, 'id']);
    const amount = r.number([...at, 'amount']);
    const option = r.plain([...at, 'option']);
    const cadence = r.plain([...at, 'cadence']);
    return [option, amount !== undefined ? `£${amount.toFixed(2)}` : undefined, cadence].filter(Boolean).join(' ');
  });
  const cost = free !== undefined || costs.length ? { free: free ?? false, ...(costs.filter(Boolean).length ? { details: costs.filter(Boolean).join('. ') } : {}) } : undefined;

  const org: Candidate['organisation'] = { name: '' };
  if (r.object(['organisation'])) {
    org.name = htmlToText(r.text(['organisation', 'name']) ?? '');
    org.sourceId = org.name ? r.text(['organisation', 'id']) : undefined;
    const d = r.text(['organisation', 'description']);
    org.description = d ? htmlToMarkdown(d) : undefined;
    org.email = emailAddress(r.text(['organisation', 'email']), 'organisation.email', r.problems);
    org.website = webAddress(r.text(['organisation', 'url']), 'organisation.url', r.problems);
    const orgPhone = phoneNumber(r.text(['organisation', 'phone']));
    notePhoneRest(orgPhone, 'organisation.phone', r.notes);
    org.phone = orgPhone?.number;
    if (!org.name) r.use(['organisation', 'id']);
  }

  const ages = ageRange(r.number(['min_age']), r.number(['max_age']), r.notes);
  const reviewed = reviewDate(r.text(['updated_at']), context.today, r.problems, 'updated_at');
  // Search ranking fields of the API, not facts about the service.
  for (const key of ['score', 'distance_away']) r.use([key]);
  if (!description) needs.push(NEEDS_DESCRIPTION);

  const service: Record<string, unknown> = {
    name,
    summary,
    description,
    categories: codes.categories,
    needs: codes.needs,
    levels: codes.levels,
    ageRange: ages,
    access: { routes: codes.routes, ...(contacts.length ? { howTo: FILLED_HOW_TO } : {}) },
    cost,
    contacts,
    locations,
    areaServed: ['whole-area'],
    hours: hours.length ? hours : undefined,
    status: 'active',
    lastReviewed: reviewed,
  };
  return feedCandidate({
    index,
    name,
    sourceId,
    context,
    service,
    organisation: org,
    reader: r,
    needs,
    codes,
    filled: [
      ...codes.filled.filter((f) => !(f === 'access.routes' && referral !== undefined)),
      'areaServed',
      'status',
      'access.howTo',
      // No locations in the record says nothing about places: an --update keeps the service's own.
      ...(record.locations === undefined || record.locations === null ? ['locations'] : []),
    ],
  });
}
