/**
 * The shortlist: service ids kept in this browser (localStorage) and shared as a link with the
 * ids in the address. No account and no server: these helpers only read and write lists of ids.
 */
export const SHORTLIST_KEY = 'local-offer-shortlist';
export const SHORTLIST_PATH = '/services/shortlist/';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX = 100;

/** Ids from stored JSON or a comma-separated list: valid ids only, each once, in order. */
export function parseIds(value: string | null | undefined): string[] {
  if (!value) return [];
  let list: unknown;
  try {
    list = value.trim().startsWith('[') ? JSON.parse(value) : value.split(',');
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  const ids = list.filter((v): v is string => typeof v === 'string').map((v) => v.trim()).filter((v) => ID.test(v));
  return [...new Set(ids)].slice(0, MAX);
}

/** Adds the id if it is missing, removes it if present. */
export function toggleId(ids: string[], id: string): string[] {
  return ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id];
}

/** A link that reproduces the shortlist on any device: /services/shortlist/?ids=a,b */
export function shareLink(ids: string[], origin: string): string {
  const url = new URL(SHORTLIST_PATH, origin);
  if (ids.length) url.searchParams.set('ids', ids.join(','));
  return url.toString().replace(/%2C/g, ',');
}

/** What a shortlist card shows about a service. */
export interface ShortlistCard {
  id: string;
  name: string;
  summary: string;
  ages: string;
  cost: string;
  organisation?: string;
  phone?: string;
}

/** The parts of an Open Referral UK service record (/openreferral/v3/records/services/<id>.json) a card uses. */
interface OpenReferralService {
  name: string;
  description: string;
  /** Our summary (a local extension of the record). */
  x_summary?: string;
  minimum_age?: number;
  maximum_age?: number;
  fees?: string;
  organization?: { name?: string };
  phones?: { number: string }[];
}

/**
 * A card from a service's open data record: how the shortlist shows saved services when the
 * directory is too big to put every service on the page. The summary is the record's `x_summary`
 * (older records put it in the description's first paragraph).
 */
export function shortlistCard(id: string, record: OpenReferralService, ageLabel: (range: { min: number; max: number }) => string): ShortlistCard {
  return {
    id,
    name: record.name,
    summary: record.x_summary ?? record.description.split('\n\n')[0] ?? '',
    ages: record.minimum_age === undefined && record.maximum_age === undefined ? 'Ages not stated: ask the service' : ageLabel({ min: record.minimum_age ?? 0, max: record.maximum_age ?? 25 }),
    cost: record.fees ?? 'Cost not stated: ask the service',
    organisation: record.organization?.name,
    phone: record.phones?.[0]?.number,
  };
}
