/**
 * Works out what kind of feed a JSON file is and reads every record of it:
 * - Open Referral UK v3: a `/services` Page (`contents`), or one service;
 * - Open Referral UK v1: a `/services` answer as a bare list, or items in `content` envelopes;
 * - Outpost: a page whose `content` holds services with `organisation`, `send_needs`, `min_age`…
 * A file that is none of these gets one sentence saying what was expected.
 */
import type { Candidate } from './plan.ts';
import type { ReadContext } from './context.ts';
import { readOrukService } from './oruk.ts';
import { readOutpostService } from './outpost.ts';
import { jsonTooDeep } from '../content-layout.ts';

type Json = Record<string, unknown>;
export type FeedKind = 'Open Referral UK v3 page' | 'Open Referral UK v3 service' | 'Open Referral UK v1 list' | 'Outpost page';

export interface FeedRead {
  kind?: FeedKind;
  candidates: Candidate[];
  fileProblems: string[];
  notes: string[];
}

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object' && !Array.isArray(value);
const OUTPOST_KEYS = ['organisation', 'send_needs', 'min_age', 'max_age', 'regular_schedules', 'local_offer', 'taxonomies'];
const looksOutpost = (item: unknown) => isObject(item) && OUTPOST_KEYS.some((k) => k in item) && !('organization' in item) && !('service_at_locations' in item);
/** A v1 item may be wrapped: { "content": { …the service… } }. */
const unwrap = (item: unknown) => (isObject(item) && isObject(item.content) && Object.keys(item).every((k) => ['content', 'links', '_links'].includes(k)) ? item.content : item);

/** How deep a feed's lists and objects may go: an Open Referral UK record goes about 8 deep. */
const MAX_FEED_DEPTH = 64;

export const NONE_OF_THESE =
  'is none of the feeds the importer reads: expected an Open Referral UK /services page ({ "contents": [ … ] }) or one service, an Open Referral UK v1 list of services, an Outpost page ({ "content": [ … ] }), or a CSV file with a "name" column (see docs/import.md)';

function notAService(entry: unknown, index: number): Candidate {
  const found = entry === null ? 'null' : Array.isArray(entry) ? 'a list' : `${typeof entry} ${JSON.stringify(entry)?.slice(0, 40)}`;
  return { ref: `service ${index + 1}`, service: {}, organisation: { name: '' }, problems: [`found ${found}, not a service record`], unmapped: [] };
}

export function readFeed(text: string, context: ReadContext): FeedRead {
  let feed: unknown;
  // Deeper than any directory's records go: reading it would exhaust the stack, and it is no feed.
  const deep = jsonTooDeep(text, MAX_FEED_DEPTH);
  if (deep !== undefined) return { candidates: [], fileProblems: [`has lists or objects inside each other more than ${MAX_FEED_DEPTH} deep (from line ${deep}), which no directory's feed does, so it ${NONE_OF_THESE}`], notes: [] };
  try {
    feed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { candidates: [], fileProblems: [`is not valid JSON (${error instanceof Error ? error.message : String(error)}), so it ${NONE_OF_THESE}`], notes: [] };
  }
  const notes: string[] = [];
  let items: unknown[] | undefined;
  let kind: FeedKind | undefined;
  if (Array.isArray(feed)) {
    items = feed.map(unwrap);
    kind = items.some(looksOutpost) ? 'Outpost page' : 'Open Referral UK v1 list';
  } else if (isObject(feed) && Array.isArray(feed.contents)) {
    items = feed.contents.map(unwrap);
    kind = 'Open Referral UK v3 page';
    if (typeof feed.total_pages === 'number' && feed.total_pages > 1) notes.push(`this file is page ${String(feed.page_number ?? '?')} of ${feed.total_pages} (${String(feed.total_items ?? '?')} services in all): import the other pages too`);
  } else if (isObject(feed) && Array.isArray(feed.content)) {
    items = feed.content.map(unwrap);
    kind = items.some(looksOutpost) ? 'Outpost page' : 'Open Referral UK v1 list';
    const pages = feed.totalPages ?? feed.total_pages;
    if (typeof pages === 'number' && pages > 1) notes.push(`this file is page ${String(feed.number ?? feed.page_number ?? '?')} of ${pages} (${String(feed.totalElements ?? feed.total_items ?? '?')} services in all): import the other pages too`);
  } else if (isObject(feed) && isObject(feed.content) && typeof feed.content.name === 'string') {
    items = [feed.content];
    kind = looksOutpost(feed.content) ? 'Outpost page' : 'Open Referral UK v3 service';
  } else if (isObject(feed) && typeof feed.name === 'string') {
    items = [feed];
    kind = looksOutpost(feed) ? 'Outpost page' : 'Open Referral UK v3 service';
  }
  if (!items || !kind) return { candidates: [], fileProblems: [NONE_OF_THESE], notes: [] };
  if (items.length === 0) notes.push('the file holds no services');
  const read = kind === 'Outpost page' ? readOutpostService : readOrukService;
  const candidates = items.map((item, index) => {
    if (!isObject(item)) return notAService(item, index);
    try {
      return read(item, index, context);
    } catch (error) {
      // A shape no reader expected: that record is reported, the others are still read.
      return { ...notAService(item, index), ref: `service ${index + 1}`, problems: [`could not be read (${error instanceof Error ? error.message : String(error)})`], service: { name: typeof item.name === 'string' ? item.name : undefined } } as Candidate;
    }
  });
  return { kind, candidates, fileProblems: [], notes };
}
