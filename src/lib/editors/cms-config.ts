/**
 * The Decap CMS configuration for /admin/, generated from the zod schemas and the shared
 * vocabularies so the browser editor and the content checker can never drift apart: every
 * field of every schema becomes a form field, with required flags, select options and list
 * limits read from the schema. Only what a schema cannot say (which text is Markdown, the
 * hint an editor reads) is written here, keyed by field path.
 */
import type { z } from 'astro/zod';
import type { Directive } from '../site/csp.ts';
import { folderCollections, type FolderCollection } from '../../contract/collections.ts';
import { idRef, type CollectionName, type RefFactory } from '../../contract/index.ts';
import { CMS_LOCALE } from './cms-phrases.ts';
import { OPTIONAL_SWITCH } from './cms-widgets.ts';
import {
  accessRoutes,
  audiences,
  categories,
  feedbackStatuses,
  indicatorUnits,
  levels,
  needs,
  phases,
  provisionLevels,
  serviceStatuses,
  videoTopics,
  weekdays,
} from '../../contract/vocabulary.ts';

export interface CmsOption {
  label: string;
  value: string;
}

/** One Decap field (only the settings this site uses). */
export interface CmsField {
  label: string;
  name: string;
  widget: string;
  required?: boolean;
  hint?: string;
  default?: unknown;
  options?: CmsOption[];
  multiple?: boolean;
  min?: number;
  max?: number;
  value_type?: 'int' | 'float';
  step?: number;
  fields?: CmsField[];
  field?: CmsField;
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  format?: string;
  date_format?: string;
  time_format?: boolean;
  picker_utc?: boolean;
  modes?: string[];
  pattern?: [string, string];
  collapsed?: boolean;
  summary?: string;
  choose_url?: boolean;
  media_library?: { config: { multiple: boolean } };
  /** The optional switch's three answers: for true, for false, and for leaving it out. */
  choices?: [string, string, string];
}

export interface CmsCollection {
  name: string;
  label: string;
  label_singular: string;
  description: string;
  folder: string;
  extension: 'json' | 'mdx';
  format: 'json' | 'frontmatter';
  create: true;
  slug: string;
  identifier_field: string;
  summary: string;
  preview_path?: string;
  fields: CmsField[];
}

/** Where the CMS saves: a Git host in production, decap-server on the editor's own machine. */
export interface CmsBackend {
  name: 'github' | 'gitlab';
  repo: string;
  branch: string;
  /** The OAuth server that signs editors in (GitHub), such as "https://cms-auth.example.gov.uk". */
  base_url?: string;
  auth_endpoint?: string;
  /** GitLab: the OAuth application id, signed in with PKCE (no server needed). */
  app_id?: string;
  auth_type?: 'pkce';
  /** Self-hosted GitHub Enterprise or GitLab: the API address. */
  api_root?: string;
}

export interface CmsConfig {
  backend: CmsBackend;
  /** The editor's messages: Decap's English with this site's own (src/lib/editors/cms-phrases.ts). */
  locale: typeof CMS_LOCALE;
  local_backend: true;
  publish_mode: 'editorial_workflow';
  site_url: string;
  display_url: string;
  logo_url?: string;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii'; clean_accents: true; sanitize_replacement: '-' };
  collections: CmsCollection[];
}

/** What the configuration reads from content/site.json. */
export interface CmsSite {
  siteUrl: string;
  localities: { name: string }[];
  feedbackThemes: string[];
}

/** The collections editors change in the browser. Decision trees stay file-edited. */
export const CMS_COLLECTIONS = [
  'services',
  'organisations',
  'provision',
  'feedback',
  'videos',
  'pages',
  'pathways',
  'indicators',
] as const satisfies readonly CollectionName[];

/** The value every "areaServed" list may hold instead of locality names. */
export const WHOLE_AREA = 'whole-area';

const COLLECTION_TEXT: Record<(typeof CMS_COLLECTIONS)[number], { label: string; singular: string; identifier: string; description: string; preview?: string }> = {
  services: { label: 'Services', singular: 'Service', identifier: 'name', description: 'The services directory. The file name (made from the name) becomes the page address /services/<id>/.', preview: 'services/{{slug}}/' },
  organisations: { label: 'Organisations', singular: 'Organisation', identifier: 'name', description: 'Organisations that run services. Services point to one of these.' },
  provision: { label: 'Ordinarily available provision', singular: 'Provision entry', identifier: 'title', description: 'What every school or setting should provide, by area of need and phase.', preview: 'provision/{{slug}}/' },
  feedback: { label: 'You said, we did', singular: '"You said, we did" entry', identifier: 'theme', description: 'Comments about the Local Offer and what the council did. The law says to publish them at least once a year (SEND Regulations 2014, regulation 56); publishing each month is better.' },
  videos: { label: 'Videos', singular: 'Video', identifier: 'title', description: 'Every video needs a captions file and the full transcript (the text below the fields).', preview: 'videos/{{slug}}/' },
  pages: { label: 'General pages', singular: 'Page', identifier: 'title', description: 'Pages published at /<id>/, such as the accessibility statement.', preview: '{{slug}}/' },
  pathways: { label: 'Pathways', singular: 'Pathway', identifier: 'title', description: 'Steps in the graduated response. Statutory timescales must be exact and say where they come from.', preview: 'pathways/{{slug}}/' },
  indicators: { label: "How we're doing", singular: 'Indicator', identifier: 'title', description: 'Performance figures, each with its source.' },
};

/** Long text that the site renders as Markdown (the same fields docs/editing.md lists). */
const MARKDOWN_FIELDS = new Set(['services.description', 'services.access.howTo', 'services.access.eligibility', 'organisations.description']);

/** Longer plain text: a text box rather than a one-line field. */
const LONG_TEXT_FIELDS = new Set([
  'services.summary',
  'feedback.youSaid',
  'feedback.weDid',
  'provision.parentsCanExpect',
  'provision.summary',
  'provision.strategies',
  'provision.reasonableAdjustments',
  'indicators.description',
  'videos.summary',
  'pages.summary',
  'pathways.summary',
]);

/** Files chosen from (or uploaded to) content/public/videos/. */
const FILE_FIELDS: Record<string, 'file' | 'image'> = {
  'videos.captions': 'file',
  'videos.poster': 'image',
  'videos.source.file': 'file',
};

/** Labels where the field name alone would not read well. */
const LABELS: Record<string, string> = {
  'services.ageRange': 'Ages',
  'services.ageRange.min': 'Youngest age (years)',
  'services.ageRange.max': 'Oldest age (years)',
  'services.access': 'How to get it',
  'services.access.routes': 'Access routes',
  'services.access.howTo': 'How to get it, step by step',
  'services.access.eligibility': 'Who can use it (eligibility)',
  'services.cost.free': 'Is it free?',
  'services.cost.details': 'Cost details',
  'services.areaServed': 'Area served',
  'services.hours': 'Opening times',
  'services.hours.days': 'Days',
  'services.hours.opens': 'Opens (HH:MM)',
  'services.hours.closes': 'Closes (HH:MM)',
  'services.relatedServices': 'Related services',
  'services.lastReviewed': 'Last reviewed',
  'services.draft': 'Draft: still needs',
  'services.source': 'Imported from',
  'organisations.source': 'Imported from',
  'services.locations.lat': 'Latitude',
  'services.locations.lng': 'Longitude',
  'provision.need': 'Area of need',
  'provision.parentsCanExpect': 'What parents can expect',
  'feedback.youSaid': 'You said',
  'feedback.weDid': 'We did',
  'feedback.links.href': 'Link address',
  'indicators.higherIsBetter': 'Which is better?',
  'indicators.series': 'Figures',
  'indicators.series.period': 'Month (YYYY-MM)',
  'videos.duration': 'Length in seconds',
  'videos.source': 'Video source',
  'videos.source.file': 'Video file',
  'videos.source.youtube': 'YouTube video id',
  'videos.captions': 'Captions file (WebVTT)',
  'videos.poster': 'Poster image',
  'videos.ageRange': 'Ages (optional)',
  'videos.ageRange.min': 'Youngest age (years)',
  'videos.ageRange.max': 'Oldest age (years)',
  'pathways.whoDecides': 'Who decides',
  'pathways.whoFunds': 'Who pays',
};

/** Hints shown under each field; they follow docs/editing.md. */
const HINTS: Record<string, string> = {
  'services.name': 'The name families know it by. The page address is made from it when the service is first saved.',
  'services.organisation': 'The organisation that runs it. Add the organisation first if it is not in the list.',
  'services.summary': 'One sentence, 200 characters at most: shown on cards, in search and in link previews.',
  'services.description': 'What it offers. Markdown is allowed; any HTML is shown as text.',
  'services.categories': 'One or more categories.',
  'services.needs': 'The areas of need it is for. Leave empty when it is open to all needs.',
  'services.levels': 'Where it sits in the graduated response (one or more).',
  'services.ageRange': 'Youngest and oldest age in years, 0 to 25. The youngest must not be more than the oldest.',
  'services.access.routes': 'How people get it (one or more).',
  'services.access.howTo': 'Step by step, how to get it.',
  'services.access.eligibility': 'The threshold or who can use it, when there is one.',
  'services.cost.free': 'Choose "Not known" when you do not know the cost, and leave the details below empty: the page then says "Cost not stated: ask the service". When there is a charge, say what it costs below.',
  'services.cost.details': 'For example "£4 a session".',
  'services.contacts': 'One or more contacts, each with at least a phone number, email address or website.',
  'services.contacts.name': 'Optional, such as "Duty team".',
  'services.contacts.phone': 'A UK phone number, such as 01632 960 123.',
  'services.contacts.email': 'Such as send@example.gov.uk.',
  'services.contacts.website': 'A full web address starting with https://.',
  'services.locations': 'Where it happens. Leave empty for services at home, online or across the area.',
  'services.locations.postcode': 'A UK postcode, such as SW1A 1AA.',
  'services.locations.lat': 'Optional: the map position, such as 52.41.',
  'services.locations.lng': 'Optional: the map position, such as -1.52.',
  'services.locations.accessibility': 'How to get in: step-free access, accessible toilet, parking, hearing loop.',
  'services.areaServed': 'The localities it serves, or "The whole area".',
  'services.hours': 'Optional opening times, in the 24-hour clock.',
  'services.hours.opens': 'Such as 09:30.',
  'services.hours.closes': 'Such as 17:00. Must be later than the opening time.',
  'services.keywords': 'Extra words people search for: acronyms, local names, everyday words.',
  'services.videos': 'Optional: videos about this service.',
  'services.status': 'Open, unless it is temporarily closed (shows a banner) or closed (hidden from lists).',
  'services.lastReviewed': 'The date someone last checked every detail with the service.',
  'services.relatedServices': 'Optional: other services to show alongside it.',
  'services.draft': 'Only on imported services not finished yet: what each still needs. A draft is not published anywhere; remove every item once done to publish it.',
  'services.source': 'Filled in by the importer: the feed this service came from and its id there, so a later import updates it. Leave as it is.',
  'organisations.source': 'Filled in by the importer: the feed this organisation came from and its id there. Leave as it is.',
  'organisations.description': 'Markdown is allowed.',
  'organisations.website': 'A full web address starting with https://.',
  'organisations.phone': 'A UK phone number, such as 01632 960 123.',
  'provision.strategies': 'Each one a concrete thing a setting does.',
  'provision.parentsCanExpect': 'In plain English.',
  'provision.level': 'Quality-first teaching (universal) or SEN support.',
  'feedback.theme': 'One of the feedback themes in the site settings.',
  'feedback.source': 'Where the comment came from, such as "Parent carer forum survey".',
  'feedback.links.href': 'A full web address starting with https://, or a path on this site such as /pathways/.',
  'indicators.series': 'One figure per month, oldest first.',
  'indicators.series.period': 'Such as 2026-04.',
  'indicators.series.comparison': 'Optional: a figure to compare with, such as the England average. Fill in both parts or neither.',
  'videos.source': 'Fill in ONE of the two: a video file in content/public/videos/, or an 11-character YouTube id (it only loads from YouTube when someone presses play).',
  'videos.captions': 'Every video must have captions: a WebVTT (.vtt) file starting with the line WEBVTT.',
  'videos.topics': "Optional: the young people's topics it is listed under (each topic has its own page).",
  'videos.duration': 'The length of the video in seconds.',
  'videos.ageRange': 'Only if the video is for some ages: youngest and oldest age in years, 0 to 25. A related service suggests it only when most of its ages are in this range.',
  'pathways.phase': 'The phase it applies to, or all phases.',
  'pathways.order': 'Lower numbers are listed first.',
  'pathways.whoFunds': 'For example "The school, from its own budget".',
  'pages.section': 'Optional grouping, such as "about" or "help". Write "provision" to list the page with the ordinarily available provision.',
  // Every other field, so no field is left without a word on what to write.
  'services.ageRange.min': 'A whole number from 0 to 25.',
  'services.ageRange.max': 'A whole number from 0 to 25.',
  'services.access': 'How families get the service, and who can use it.',
  'services.cost': 'Whether families pay, and how much.',
  'services.hours.days': 'The days these times apply to.',
  'services.locations.name': 'The building or venue, such as "Saltmere Library".',
  'services.locations.address': 'The street address, without the postcode.',
  'services.source.feed': 'Filled in by the importer. Leave as it is.',
  'services.source.id': 'Filled in by the importer. Leave as it is.',
  'organisations.name': 'The full name, as families would know it.',
  'organisations.email': 'Such as info@example.org.uk.',
  'organisations.source.feed': 'Filled in by the importer. Leave as it is.',
  'organisations.source.id': 'Filled in by the importer. Leave as it is.',
  'provision.need': 'The broad area of need it is about.',
  'provision.phases': 'The phases of education it applies to (one or more).',
  'provision.title': 'A short title, such as "Extra help with early learning".',
  'provision.summary': 'One or two sentences, 300 characters at most.',
  'provision.reasonableAdjustments': 'Optional: changes a setting makes for a child, one in each box.',
  'provision.relatedServices': 'Optional: services a setting or family can turn to next.',
  'provision.lastReviewed': 'The date someone last checked this entry.',
  'feedback.date': 'When the comment was made or the council responded.',
  'feedback.youSaid': 'What families or young people told the council, in their words where possible.',
  'feedback.weDid': 'What the council did, or is doing, about it.',
  'feedback.status': 'Done, in progress or planned.',
  'feedback.links': 'Optional: pages where people can read more.',
  'feedback.links.label': 'The link text people read, such as "Requesting an EHC needs assessment".',
  'videos.title': 'The title shown above the video.',
  'videos.summary': 'One sentence, 200 characters at most: shown on cards, in search and in link previews.',
  'videos.audience': 'Who it is for (one or more).',
  'videos.source.file': 'An MP4 file. Leave empty for a YouTube video.',
  'videos.source.youtube': 'The 11 characters after "v=" in the video\'s YouTube address. Leave empty for a video file.',
  'videos.poster': 'Optional: the picture shown before the video plays (PNG or JPEG).',
  'videos.relatedServices': 'Optional: services the video is about. Their pages suggest it.',
  'videos.ageRange.min': 'A whole number from 0 to 25.',
  'videos.ageRange.max': 'A whole number from 0 to 25.',
  'videos.lastReviewed': 'The date someone last checked the video and its transcript.',
  'pages.title': 'The page title.',
  'pages.summary': 'One or two sentences, 300 characters at most: shown in search and in link previews.',
  'pages.lastReviewed': 'The date someone last checked the page.',
  'pathways.title': 'The title of the pathway, such as "SEN support in school".',
  'pathways.summary': 'One or two sentences, 300 characters at most: shown in lists and search.',
  'pathways.morePhases': 'Optional: other phases it also covers.',
  'pathways.level': 'Where it sits in the graduated response.',
  'pathways.whoDecides': 'Who makes the decision, such as "The school\'s SENCO, with the parents".',
  'pathways.relatedServices': 'Optional: services that help at this step.',
  'pathways.lastReviewed': 'The date someone last checked the pathway, including its timescales.',
  'indicators.title': 'What is measured, such as "EHC plans issued within 20 weeks".',
  'indicators.description': 'What the figure means, in plain English.',
  'indicators.unit': 'A percentage (0 to 100), a number, or weeks.',
  'indicators.higherIsBetter': 'Choose "Neither is better" when a figure is neither good nor bad in itself, such as the number of requests for an assessment.',
  'indicators.source': 'Where the figures come from, such as "SEN2 return to the Department for Education".',
  'indicators.series.value': 'The figure for that month, as a number.',
  'indicators.series.comparison.label': 'What it is, such as "England average".',
  'indicators.series.comparison.value': 'The figure to compare with, as a number.',
};

/** Labels for the values of every vocabulary, and for values only a schema adds. */
const VALUE_LABELS: Record<string, string> = {
  ...needs.labels,
  ...categories.labels,
  ...accessRoutes.labels,
  ...weekdays.labels,
  ...audiences.labels,
  ...indicatorUnits.labels,
  ...phases.labels,
  all: 'All phases',
};
/** Vocabularies whose values overlap (levels, statuses) are matched on their whole set of values. */
const VOCABULARIES = [levels, provisionLevels, serviceStatuses, feedbackStatuses];

function optionsFor(values: string[]): CmsOption[] {
  const vocabulary = VOCABULARIES.find((v) => v.values.length === values.length && v.values.every((value) => values.includes(value)));
  const labels: Record<string, string> = vocabulary ? vocabulary.labels : VALUE_LABELS;
  return values.map((value) => ({ label: labels[value] ?? value, value }));
}

/** "lastReviewed" → "Last reviewed". */
export function labelFromName(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// ---- Reading zod schemas -------------------------------------------------------------------

interface ZodDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  defaultValue?: unknown;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp } } }[];
  format?: string;
}

const defOf = (schema: z.ZodType): ZodDef => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** A schema with its optional/default wrappers removed, and what they said. */
export interface Unwrapped {
  schema: z.ZodType;
  optional: boolean;
  defaultValue?: unknown;
}

export function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional') {
      optional = true;
      current = def.innerType!;
    } else if (def.type === 'default') {
      optional = true;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      current = def.innerType!;
    } else return { schema: current, optional, defaultValue };
  }
}

/**
 * The smallest and largest number or length a schema's checks allow. A bound the value must not
 * equal (`.positive()` is "greater than 0") is said as `minExclusive`/`maxExclusive`.
 */
export function limits(schema: z.ZodType): { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } {
  const result: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean } = {};
  for (const check of defOf(schema).checks ?? []) {
    const def = check._zod.def;
    if (def.check === 'min_length') result.min = def.minimum;
    if (def.check === 'max_length') result.max = def.maximum;
    if (def.check === 'greater_than') {
      result.min = def.value;
      result.minExclusive = def.inclusive === false;
    }
    if (def.check === 'less_than') {
      result.max = def.value;
      result.maxExclusive = def.inclusive === false;
    }
  }
  return result;
}

/** The fields of an object schema (a refined object keeps its shape). */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return def.shape;
  return undefined;
}

/**
 * A pattern that ignores capital letters ("i") written without the flag, which Decap cannot pass:
 * each A-Z range in a character class gains a-z. Undefined when letters outside a class would
 * need the same.
 */
function withoutIgnoreCase(pattern: RegExp): RegExp | undefined {
  if (pattern.flags === '') return pattern;
  if (pattern.flags !== 'i') return undefined;
  const classes = /\[((?:\\.|[^\]\\])*)\]/g;
  const outside = pattern.source.replace(/\\./g, '').replace(classes, '');
  const lettersInClasses = [...pattern.source.replace(/\\./g, '').matchAll(classes)].some(([, body]) => /[a-zA-Z]/.test(body!.replace(/A-Z|a-z/g, '')));
  if (/[a-zA-Z]/.test(outside) || lettersInClasses) return undefined;
  return new RegExp(pattern.source.replace(classes, (whole) => whole.replace(/A-Z(?!a-z)/g, 'A-Za-z').replace(/(?<!A-Z)a-z/g, 'a-zA-Z')));
}

/** A web address the schema checks (starting with http:// or https://): said to Decap as a pattern. */
const WEB_ADDRESS = /^https?:\/\/\S+$/;

type ErrorMessage = (issue: { input: unknown }) => unknown;

/** The message a schema (or one of its checks) gives for a value that does not fit, as it says it. */
function messageOf(error: ErrorMessage | undefined): string | undefined {
  const message = typeof error === 'function' ? error({ input: '' }) : undefined;
  return typeof message === 'string' ? message : undefined;
}

/** The one regular expression a text schema must match, when it has one Decap can use. */
export function textPattern(schema: z.ZodType): RegExp | undefined {
  return textRule(schema)?.pattern;
}

/**
 * The one regular expression a text schema must match, with the message the schema gives when a
 * value does not match it (such as 'a UK postcode such as "KV1 2AB"').
 */
export function textRule(schema: z.ZodType): { pattern: RegExp; message?: string } | undefined {
  const def = defOf(schema) as ZodDef & { pattern?: RegExp; error?: ErrorMessage };
  const pattern = (regex: RegExp | undefined, error: ErrorMessage | undefined) => {
    const usable = regex && withoutIgnoreCase(regex);
    return usable ? { pattern: usable, message: messageOf(error) } : undefined;
  };
  // An email address (or another string format zod checks with a pattern of its own).
  if (def.format && def.format !== 'url' && def.pattern) return pattern(def.pattern, def.error);
  if (def.format === 'url') return pattern(WEB_ADDRESS, def.error);
  const checks = (def.checks ?? []).map((check) => check._zod.def as typeof check._zod.def & { error?: ErrorMessage }).filter((check) => check.format === 'regex' && check.pattern);
  return checks.length === 1 ? pattern(checks[0]!.pattern, checks[0]!.error) : undefined;
}

/** The allowed values of an enum schema. */
export function enumValues(schema: z.ZodType): string[] | undefined {
  const def = defOf(schema);
  return def.type === 'enum' ? Object.keys(def.entries!) : undefined;
}

/** A RefFactory that remembers which collection each reference points to. */
function trackingRef(): { ref: RefFactory; targets: WeakMap<object, CollectionName> } {
  const targets = new WeakMap<object, CollectionName>();
  const ref: RefFactory = (collection) => {
    const schema = idRef(collection);
    targets.set(schema, collection);
    return schema;
  };
  return { ref, targets };
}

function isDate(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'pipe') return false;
  const out = defOf(def.out!);
  return defOf(def.in!).type === 'transform' && out.type === 'string';
}

// ---- Building fields -----------------------------------------------------------------------

interface Context {
  collection: string;
  site: CmsSite;
  targets: WeakMap<object, CollectionName>;
}

const IDENTIFIER_BY_COLLECTION: Partial<Record<CollectionName, string>> = { services: 'name', organisations: 'name', videos: 'title' };

function relationField(base: CmsField, target: CollectionName, multiple: boolean): CmsField {
  const display = IDENTIFIER_BY_COLLECTION[target] ?? 'title';
  return {
    ...base,
    widget: 'relation',
    collection: target,
    // The value saved is the entry's file name, which is its id.
    value_field: '{{slug}}',
    search_fields: [display],
    display_fields: [display],
    ...(multiple ? { multiple: true } : {}),
  };
}

/** The three answers of a yes or no that may be left out, by field path: for true, for false, for neither. */
const CHOICES: Record<string, [string, string, string]> = {
  'services.cost.free': ['Free', 'There is a charge', 'Not known'],
  'indicators.higherIsBetter': ['A higher figure is better', 'A lower figure is better', 'Neither is better'],
};

/** A yes or no that may be left out: three radio buttons (src/pages/admin/_optional-switch.ts). */
function optionalSwitch(base: CmsField, key: string): CmsField {
  return { ...base, widget: OPTIONAL_SWITCH, required: false, choices: CHOICES[key] ?? ['Yes', 'No', 'Not stated'] };
}

function fieldFor(name: string, source: z.ZodType, path: string, context: Context): CmsField {
  const { schema, optional, defaultValue } = unwrap(source);
  const def = defOf(schema);
  const key = `${context.collection}.${path}`;
  const base: CmsField = { label: LABELS[key] ?? labelFromName(name), name, widget: 'string', required: !optional };
  const hint = HINTS[key];
  if (hint) base.hint = hint;
  if (defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)) base.default = defaultValue;

  const target = context.targets.get(schema);
  if (target) return relationField(base, target, false);
  if (isDate(schema)) {
    return { ...base, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false, picker_utc: true };
  }
  if (FILE_FIELDS[key]) return { ...base, widget: FILE_FIELDS[key], choose_url: false, media_library: { config: { multiple: false } } };

  switch (def.type) {
    case 'string': {
      if (path === 'theme' && context.collection === 'feedback') {
        return { ...base, widget: 'select', options: context.site.feedbackThemes.map((theme) => ({ label: theme, value: theme })) };
      }
      if (MARKDOWN_FIELDS.has(key)) return { ...base, widget: 'markdown', modes: ['raw', 'rich_text'] };
      const { max } = limits(schema);
      const field: CmsField = { ...base, widget: LONG_TEXT_FIELDS.has(key) ? 'text' : 'string' };
      const rule = textRule(schema);
      // Decap shows the second part after the field's label (src/lib/editors/cms-phrases.ts).
      if (max) field.pattern = [`^[\\s\\S]{0,${max}}$`, `write ${max} characters or fewer`];
      else if (rule) field.pattern = [rule.pattern.source, rule.message ? `use ${rule.message}` : 'write it as the hint below says'];
      return field;
    }
    case 'number': {
      const integer = (def.checks ?? []).some((check) => check._zod.def.check === 'number_format') || /age|duration|order/i.test(name);
      const field: CmsField = { ...base, widget: 'number', value_type: integer ? 'int' : 'float' };
      const { min, max, minExclusive, maxExclusive } = limits(schema);
      // Decap's limits include the bound itself: a whole number "above 0" starts at 1.
      if (min !== undefined) field.min = minExclusive && integer ? min + 1 : min;
      if (max !== undefined) field.max = maxExclusive && integer ? max - 1 : max;
      if (!integer) field.step = 0.001;
      return field;
    }
    case 'boolean':
      // A yes or no the schema lets an editor leave out (an indicator where neither a higher nor a
      // lower figure is better) is three answers, not a switch: Decap's switch saves false untouched.
      return optional && defaultValue === undefined ? optionalSwitch(base, key) : { ...base, widget: 'boolean', default: defaultValue ?? false };
    case 'enum':
      return { ...base, widget: 'select', options: optionsFor(enumValues(schema)!) };
    case 'object': {
      // Decap checks an object's required fields even when the object itself is optional and left
      // empty (an imported service's "source", ages not stated). The content check still refuses
      // an object filled in only in part.
      // A switch in an optional object is three answers too: Decap would save the object with
      // false in it, untouched (a new service's cost as "There is a charge" where it is not known).
      const fields = fieldsFor(def.shape!, `${path}.`, context);
      const leftOut = (field: CmsField): CmsField => {
        if (field.widget !== 'boolean') return { ...field, required: false };
        const { default: _unused, ...rest } = field;
        return optionalSwitch(rest, `${key}.${field.name}`);
      };
      return { ...base, widget: 'object', collapsed: false, fields: optional ? fields.map(leftOut) : fields };
    }
    case 'union': {
      // Video source: one of several objects. Offer each member's fields; the hint says to fill one.
      const shapes = def.options!.map((option) => shapeOf(unwrap(option).schema) ?? {});
      const merged: Record<string, z.ZodType> = {};
      for (const shape of shapes) for (const [field, value] of Object.entries(shape)) merged[field] = value;
      const fields = fieldsFor(merged, `${path}.`, context).map((field) => ({ ...field, required: false }));
      return { ...base, widget: 'object', collapsed: false, fields };
    }
    case 'array':
      return listField(base, def.element!, schema, path, context);
    default:
      throw new Error(`cms-config: ${key} has a ${def.type} schema the CMS cannot edit`);
  }
}

/**
 * Lists a published service must fill, which the schema checks outside the list itself (an
 * imported draft may leave them empty). Services made in the CMS are published, so it asks for them.
 */
const PUBLISHING_MINIMUMS = new Set(['services.categories', 'services.levels', 'services.access.routes', 'services.contacts']);

/**
 * Lists of text whose values the content check limits to a vocabulary outside the schema
 * (src/lib/editors/check/cross-checks.ts), so the form offers exactly those values.
 */
const CHECKED_VOCABULARIES: Record<string, { values: readonly string[]; labels: Record<string, string> }> = {
  'videos.topics': videoTopics,
};

function listField(base: CmsField, elementSchema: z.ZodType, list: z.ZodType, path: string, context: Context): CmsField {
  const key = `${context.collection}.${path}`;
  const { max } = limits(list);
  const min = limits(list).min ?? (PUBLISHING_MINIMUMS.has(key) ? 1 : undefined);
  const element = unwrap(elementSchema).schema;
  const target = context.targets.get(element);
  if (target) return { ...relationField(base, target, true), ...(min ? { min } : {}) };
  if (path === 'areaServed') {
    const options = [{ label: 'The whole area', value: WHOLE_AREA }, ...context.site.localities.map((l) => ({ label: l.name, value: l.name }))];
    return { ...base, widget: 'select', multiple: true, options, min: 1 };
  }
  const checked = CHECKED_VOCABULARIES[key];
  if (checked) {
    const options = checked.values.map((value) => ({ label: checked.labels[value] ?? value, value }));
    return { ...base, widget: 'select', multiple: true, options, ...(min ? { min } : {}), ...(max ? { max } : {}) };
  }
  const values = enumValues(element);
  if (values) return { ...base, widget: 'select', multiple: true, options: optionsFor(values), ...(min ? { min } : {}), ...(max ? { max } : {}) };
  const shape = shapeOf(element);
  const limitsOf = { ...(min ? { min } : {}), ...(max ? { max } : {}) };
  if (shape) {
    const fields = fieldsFor(shape, `${path}.`, context);
    return { ...base, widget: 'list', collapsed: false, summary: `{{fields.${fields[0]!.name}}}`, fields, ...limitsOf };
  }
  // A list of plain text: one box per item.
  const item = fieldFor('item', element, path, context);
  return { ...base, widget: 'list', field: { ...item, label: base.label, name: 'item', widget: LONG_TEXT_FIELDS.has(key) ? 'text' : 'string', required: true }, ...limitsOf };
}

function fieldsFor(shape: Record<string, z.ZodType>, prefix: string, context: Context): CmsField[] {
  return Object.entries(shape).map(([name, schema]) => fieldFor(name, schema, `${prefix}${name}`, context));
}

/** What an MDX body may not hold as plain text (src/lib/editors/mdx-safety.ts says why). */
const MDX_HINT = 'Write "less than" rather than "<", which starts a tag here, and put a backslash before a curly bracket (\\{), which otherwise holds code the site refuses.';

/** The form fields of one collection, read from its schema. */
export function collectionFields(collection: FolderCollection, site: CmsSite): CmsField[] {
  const { ref, targets } = trackingRef();
  const shape = shapeOf(unwrap(collection.schema({ ref })).schema);
  if (!shape) throw new Error(`cms-config: the ${collection.name} schema is not an object`);
  const fields = fieldsFor(shape, '', { collection: collection.name, site, targets });
  const identifier = fields.find((field) => field.name === (COLLECTION_TEXT as Record<string, { identifier: string }>)[collection.name]?.identifier);
  if (identifier && collection.reservedIds?.length) refuseReservedAddresses(identifier, collection.reservedIds, collection.address ?? '/');
  if (collection.extension === '.mdx') {
    fields.push({
      label: collection.name === 'videos' ? 'Transcript' : 'Page text',
      name: 'body',
      widget: 'markdown',
      // MDX may hold the site's components, which the rich-text editor would mangle.
      modes: ['raw'],
      required: Boolean(collection.bodyRequired),
      hint: `${collection.name === 'videos' ? 'The full transcript, word for word (search indexes it).' : 'Markdown. Headings start with ##.'} ${MDX_HINT}`,
    });
  }
  return fields;
}

/**
 * The pattern (case-insensitive, letter by letter, as Decap's patterns cannot be) of a name whose
 * file name, made from it when the entry is first saved, would be `id`: "Glossary", "Young people".
 */
function nameOf(id: string): string {
  return [...id]
    .map((char) => (/[a-z]/.test(char) ? `[${char}${char.toUpperCase()}]` : /[0-9]/.test(char) ? char : '[^A-Za-z0-9]*'))
    .join('')
    .replace(/(\[\^A-Za-z0-9\]\*)+/g, '[^A-Za-z0-9]+');
}

/**
 * A new entry's file name is made from its name or title, and the browser editor cannot rename a
 * file: a name that makes an address the site uses for its own pages (a page called "Glossary",
 * a service called "Find") would be saved, then refused by the check. The form refuses it first.
 */
function refuseReservedAddresses(field: CmsField, ids: readonly string[], address: string): void {
  const reserved = `(?![^A-Za-z0-9]*(?:${ids.map(nameOf).join('|')})[^A-Za-z0-9]*$)`;
  const [source, message] = field.pattern ?? ['^[\\s\\S]*$', ''];
  const taken = `a ${field.name} that does not make an address the site already uses (${ids.map((id) => `${address}${id}/`).join(', ')}): add a word to it`;
  field.pattern = [`^${reserved}${source.replace(/^\^/, '')}`, message ? `${message}, and ${taken}` : `write ${taken}`];
}

/** The whole Decap configuration. */
export function cmsConfig(site: CmsSite, backend: CmsBackend): CmsConfig {
  const collections = CMS_COLLECTIONS.map((name): CmsCollection => {
    const collection = folderCollections.find((c) => c.name === name)!;
    const text = COLLECTION_TEXT[name];
    const json = collection.extension === '.json';
    return {
      name,
      label: text.label,
      label_singular: text.singular,
      description: text.description,
      folder: `content/${collection.folder}`,
      extension: json ? 'json' : 'mdx',
      format: json ? 'json' : 'frontmatter',
      create: true,
      // Feedback has no title: its id is the month and theme, like 2026-10-ehc-needs-assessments.
      slug: name === 'feedback' ? '{{year}}-{{month}}-{{slug}}' : '{{slug}}',
      identifier_field: text.identifier,
      summary: `{{${text.identifier}}}`,
      ...(text.preview ? { preview_path: text.preview } : {}),
      fields: collectionFields(collection, site),
    };
  });
  return {
    backend,
    locale: CMS_LOCALE,
    local_backend: true,
    publish_mode: 'editorial_workflow',
    site_url: site.siteUrl,
    display_url: site.siteUrl,
    media_folder: 'content/public/videos',
    public_folder: '/videos',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections,
  };
}

/**
 * The production backend, from environment variables set where the site is built
 * (docs/cms.md). Without them the CMS still works on an editor's own machine through
 * decap-server; signing in to a Git host needs CMS_REPO.
 */
export function backendFromEnv(env: Record<string, string | undefined>): CmsBackend {
  const name = env.CMS_BACKEND === 'gitlab' ? 'gitlab' : 'github';
  const backend: CmsBackend = { name, repo: env.CMS_REPO || 'your-council/local-offer', branch: env.CMS_BRANCH || 'main' };
  if (env.CMS_AUTH_URL) backend.base_url = env.CMS_AUTH_URL;
  if (env.CMS_AUTH_ENDPOINT) backend.auth_endpoint = env.CMS_AUTH_ENDPOINT;
  if (env.CMS_API_ROOT) backend.api_root = env.CMS_API_ROOT;
  if (name === 'gitlab' && env.CMS_APP_ID) {
    backend.app_id = env.CMS_APP_ID;
    backend.auth_type = 'pkce';
  }
  return backend;
}

/** Origins the admin page must be allowed to contact for this backend (its CSP connect-src). */
export function backendOrigins(backend: CmsBackend): string[] {
  const defaults = backend.name === 'gitlab' ? ['https://gitlab.com'] : ['https://api.github.com'];
  const origins = new Set(backend.api_root ? [new URL(backend.api_root).origin] : defaults);
  if (backend.base_url) origins.add(new URL(backend.base_url).origin);
  return [...origins];
}

/** Images the admin page shows from the Git host (editors' avatars). */
export function backendImageOrigins(backend: CmsBackend): string[] {
  if (backend.api_root) return [new URL(backend.api_root).origin];
  return backend.name === 'gitlab' ? ['https://gitlab.com', 'https://secure.gravatar.com'] : ['https://avatars.githubusercontent.com'];
}

/**
 * The changes to the site's policy (src/lib/site/csp.ts) that the editor at /admin/ needs, and only
 * it: 'unsafe-eval' (Decap compiles its config checks), inline styles (its UI styles itself at run
 * time), blob:/data: images (media previews) and the Git host's API. The built page carries them in
 * its <meta> tag; `npm run cms` sends them as a header with the development server's page.
 */
export function adminPolicy(backend: CmsBackend): Directive[] {
  return [
    ['script-src', "'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"],
    ['style-src', "'self'", "'unsafe-inline'"],
    ['connect-src', "'self'", ...backendOrigins(backend)],
    ['img-src', "'self'", 'blob:', 'data:', ...backendImageOrigins(backend)],
  ];
}
