/**
 * Where each collection lives under content/ and which schema it uses. Astro's content
 * config and the content checker both read this table, so they cannot drift apart.
 */
import type { z } from 'astro/zod';
import {
  feedbackSchema,
  indicatorSchema,
  navigatorSchema,
  organisationSchema,
  pageSchema,
  pathwaySchema,
  provisionSchema,
  serviceSchema,
  videoSchema,
  type CollectionName,
  type RefFactory,
} from './index.ts';

/** Addresses under /services/ that the site uses itself, so no service may have these ids. */
export const RESERVED_SERVICE_IDS = ['shortlist', 'a-z', 'find', 'need', 'category', 'level', 'age', 'page'];

/**
 * Top-level URLs the site itself uses. A general page (content/pages/<id>.mdx) is published at
 * /<id>/, so these ids are taken.
 */
export const RESERVED_PAGE_IDS = [
  // The home page: a page called "index" would be written to the home page's own file.
  'index',
  'services',
  'search',
  'navigator',
  'pathways',
  'provision',
  'young-people',
  'videos',
  'you-said-we-did',
  'how-we-are-doing',
  'what-the-local-offer-covers',
  'give-feedback',
  'glossary',
  'og',
  'openreferral',
  'admin',
  'pagefind',
  'sitemap-index',
  '404',
  '_astro',
];

/** Paths under /provision/ that are not entries, so no entry may use these ids. */
export const RESERVED_PROVISION_IDS = ['need', 'phase', 'parents'];

/** Pathway ids taken by other pages under /pathways/. */
export const RESERVED_PATHWAY_IDS = ['ehc-timeline'];

export interface FolderCollection {
  name: Exclude<CollectionName, 'glossary'>;
  /** Folder under content/. */
  folder: string;
  /** The one file extension entries use. */
  extension: '.json' | '.mdx';
  /** What one entry is called in messages. */
  noun: string;
  schema: (options: { ref: RefFactory }) => z.ZodType;
  /** Whether an MDX body is required (for videos it is the transcript). */
  bodyRequired?: string;
  /** Where an entry is published: the id goes after this, such as "/services/". */
  address?: string;
  /** Ids whose address the site already uses for its own pages. */
  reservedIds?: readonly string[];
}

export const folderCollections: FolderCollection[] = [
  { name: 'organisations', folder: 'organisations', extension: '.json', noun: 'organisation', schema: organisationSchema },
  { name: 'services', folder: 'services', extension: '.json', noun: 'service', schema: serviceSchema, address: '/services/', reservedIds: RESERVED_SERVICE_IDS },
  { name: 'pathways', folder: 'pathways', extension: '.mdx', noun: 'pathway', schema: pathwaySchema, bodyRequired: 'the pathway text', address: '/pathways/', reservedIds: RESERVED_PATHWAY_IDS },
  { name: 'navigator', folder: 'navigator', extension: '.json', noun: 'decision tree', schema: navigatorSchema },
  { name: 'provision', folder: 'provision', extension: '.json', noun: 'provision entry', schema: provisionSchema, address: '/provision/', reservedIds: RESERVED_PROVISION_IDS },
  { name: 'videos', folder: 'videos', extension: '.mdx', noun: 'video', schema: videoSchema, bodyRequired: 'the full transcript of the video' },
  { name: 'feedback', folder: 'feedback', extension: '.json', noun: '"you said, we did" entry', schema: feedbackSchema },
  { name: 'pages', folder: 'pages', extension: '.mdx', noun: 'page', schema: pageSchema, bodyRequired: 'the page text', address: '/', reservedIds: RESERVED_PAGE_IDS },
  { name: 'indicators', folder: 'indicators', extension: '.json', noun: 'indicator', schema: indicatorSchema },
];

export const GLOSSARY_FILE = 'glossary.json';
export const SITE_FILE = 'site.json';
export const COVERAGE_FILE = 'statutory-coverage.json';
/**
 * The folder in content/ for files published as they are, at the same path: content/public/videos/a.mp4
 * is /videos/a.mp4. Videos, captions and posters belong to the content, so a council replacing
 * content/ replaces them too; the site's own files stay in public/.
 */
export const PUBLIC_FOLDER = 'public';
