/**
 * Draws a social image for every built page that asks for one. Once the pages are built
 * (astro:build:generated), each HTML page's og:image, og:title and og:description say which image
 * it needs and what it shows; images are cached under .cache/og/ by a hash of everything they
 * show, so a rebuild draws only the pages that changed. The build prints how many were drawn and
 * how many came from the cache.
 *
 * To use the cores the page builder leaves idle, pages also hand over their image as they are
 * rendered (see BaseLayout and EARLY_SOCIAL_IMAGE). Their meta tags say the same, from the same
 * values, so only the pages that did not hand one over are read after the build (reading every
 * page again took about 0.9 s at 5,000 services); tests/integration/social-images-cache.test.ts
 * checks that every page's meta tags and its image agree. On a rebuild most pages are copied from
 * Astro's cache, not rendered: what their meta tags said is kept from the last build in
 * .cache/og/pages.json and used for a file of exactly the same size and time (page-record.ts).
 */
import type { AstroIntegration } from 'astro';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { folderMaker, placeFile, writeFileWhole } from '../lib/site/place-file.ts';
import type { Site } from '../lib/site/site.ts';
import { EARLY_SOCIAL_IMAGE, fontsHash, readMetaTags, socialImageKey, type EarlySocialImage, type FontFile, type SocialImageInput } from '../lib/social-images/social-image.ts';
import { contentChecked } from '../lib/editors/content-checked.ts';
import { stopBuild } from '../lib/editors/command-errors.ts';
import { pageMeta, parsePageRecord, serialisePageRecord, type PageMeta, type PageRecord } from '../lib/social-images/page-record.ts';
import { SocialImagePool, threadsAfterBuilding, threadsWhileBuilding } from '../lib/social-images/social-image-pool.ts';

/** The record of pages' meta tags kept for the next build, in the image cache (.cache/og/). */
const PAGE_RECORD_FILE = 'pages.json';

const FONT_DIR = 'node_modules/@fontsource/atkinson-hyperlegible/files';
/** satori reads .woff (not .woff2); latin-ext covers names with accents. */
const FONT_FILES: { file: string; weight: 400 | 700 }[] = [
  { file: 'atkinson-hyperlegible-latin-400-normal.woff', weight: 400 },
  { file: 'atkinson-hyperlegible-latin-700-normal.woff', weight: 700 },
  { file: 'atkinson-hyperlegible-latin-ext-400-normal.woff', weight: 400 },
  { file: 'atkinson-hyperlegible-latin-ext-700-normal.woff', weight: 700 },
];

/** The fonts images are drawn with, from the project at rootDir. */
export function socialImageFonts(rootDir: string): FontFile[] {
  return FONT_FILES.map(({ file, weight }) => ({ name: 'Atkinson Hyperlegible', weight, data: readFileSync(join(rootDir, FONT_DIR, file)) }));
}

/**
 * Every .html file under dir, skipping folders that hold no pages: each as its full path and its
 * path within dir written with "/" (such as "services/portage/index.html"), worked out as the
 * folders are walked rather than from the full path again for each of 10,000 pages.
 */
function htmlFiles(dir: string, skip: Set<string>, within = ''): { file: string; path: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    const path = `${within}${entry.name}`;
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : htmlFiles(file, skip, `${path}/`);
    return entry.name.endsWith('.html') ? [{ file, path }] : [];
  });
}

/** A page's HTML up to the end of its head, where its meta tags are: a quarter of a service page. */
function headOf(html: Buffer): string {
  const end = html.indexOf('</head>');
  return html.toString('utf8', 0, end < 0 ? html.length : end);
}

export interface SocialImageJob {
  /** Where the PNG goes, relative to dist/, such as "og/services/portage.png". */
  output: string;
  input: SocialImageInput;
}

/** What an image shows: the page's title and description, and the site's name, address and colours. */
export function imageInput(site: Site, title: string, description: string, siteUrl: string): SocialImageInput {
  const colours = { background: site.theme.primary, text: site.theme.primaryText, accent: site.theme.accent ?? site.theme.primaryText };
  return { title, description, siteName: site.name, host: new URL(siteUrl).host, colours };
}

/** The address of the page an HTML file holds: "services/portage/index.html" → "/services/portage/". */
function pagePathOf(path: string): string {
  return path === 'index.html' ? '/' : `/${path.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** What a page's meta tags say about its social image, read from its file. */
function readPageMeta(file: string): PageMeta {
  const meta = readMetaTags(headOf(readFileSync(file)));
  return { image: meta.get('og:image'), title: meta.get('og:title'), description: meta.get('og:description') };
}

/**
 * The record kept between builds of what pages' meta tags say (see page-record.ts): `previous`
 * from the last build, `next` filled in by this one, and `read` counts the pages opened.
 */
export interface PageRecords {
  previous: PageRecord;
  next: PageRecord;
  read: number;
}

/**
 * Every built page's social image. A page that handed its image over while it was rendered
 * (`handedOver`, by page address) is taken at its word; for any other page, what its meta tags
 * say comes from `records.previous` when that holds exactly this version of its file, and is read
 * from the file otherwise (always, without `records`).
 *
 * Pages that handed their image over are left out of the record: under `astro build` alone, the
 * file a page was rendered to is never the one a later build copies (Astro writes its cached copy
 * separately, with its own modification time). Under `npm run build` it is the very file carried
 * over into the next build (src/lib/site/carried-pages.ts), so the next build reads those pages,
 * once: about 1 s at 5,000 services in the first rebuild after a build from nothing, and a
 * hundred pages or so after an edit.
 */
export function socialImageJobs(distDir: string, site: Site, siteUrl: string, handedOver: ReadonlyMap<string, SocialImageJob> = new Map(), records?: PageRecords): SocialImageJob[] {
  const siteOrigin = new URL(siteUrl).origin;
  const jobs = new Map<string, SocialImageJob>();
  const read = (file: string) => () => {
    if (records) records.read += 1;
    return readPageMeta(file);
  };
  for (const { file, path } of htmlFiles(distDir, new Set(['_astro', 'og', 'pagefind', '.prerender']))) {
    let job = handedOver.get(pagePathOf(path));
    if (!job) {
      // The file's version is taken before it is read: see pageMeta.
      const meta = records ? pageMeta(path, statSync(file), records.previous, records.next, read(file)) : read(file)();
      const { image } = meta;
      if (!image) continue;
      const url = new URL(image);
      if (url.origin !== siteOrigin || !url.pathname.startsWith('/og/')) {
        throw new Error(`${path}: og:image "${image}" should be an image under ${siteOrigin}/og/`);
      }
      job = { output: decodeURIComponent(url.pathname).slice(1), input: imageInput(site, meta.title ?? site.name, meta.description ?? '', siteUrl) };
    }
    // Pages of one listing share an image; they must agree on what it shows.
    const earlier = jobs.get(job.output);
    if (earlier && earlier.input !== job.input && JSON.stringify(earlier.input) !== JSON.stringify(job.input)) {
      throw new Error(`${path}: shares the social image ${job.output} with another page but gives it a different title or description`);
    }
    jobs.set(job.output, job);
  }
  return [...jobs.values()];
}

/** The record of pages' meta tags from the last build in cacheDir: empty when there is none or it cannot be read. */
export function readPageRecord(cacheDir: string): PageRecord {
  let text: string | undefined;
  try {
    text = readFileSync(join(cacheDir, PAGE_RECORD_FILE), 'utf8');
  } catch {
    text = undefined;
  }
  return parsePageRecord(text);
}

/**
 * Writes the record for the next build whole or not at all (a stray .partial file is removed
 * with the cache's other leftovers).
 */
function writePageRecord(cacheDir: string, record: PageRecord): void {
  writeFileWhole(join(cacheDir, PAGE_RECORD_FILE), serialisePageRecord(record));
}

/**
 * Stops the build when a built page asks for a social image the build cannot make (one outside
 * /og/, or one that two pages describe differently): in words, naming the page, without Astro's
 * stack trace. It comes from the site's layouts or a file in public/, never from content/.
 */
function stopImages(error: unknown): never {
  stopBuild(
    `✗ Social images: ${error instanceof Error ? error.message : String(error)}.\n` +
      "A page's og:image must be an image the build draws, under /og/ of the site's own address, and pages that share one must give it the same title and description. Check the page named: its layout in src/layouts/, or the file in public/.",
    error,
  );
}

export function socialImages(): AstroIntegration {
  let rootDir = '';
  let siteUrl = '';
  /**
   * content/site.json, read once the content check has passed (astro:build:start): read any
   * earlier, a broken file would stop the build with a parser's message before the content check
   * could explain it.
   */
  let site: Site;
  let configuredSite: string | undefined;
  let pool: SocialImagePool | undefined;
  /** OG_THREADS sets the number of drawing threads throughout, instead of the cores less one, then all. */
  const chosenThreads = process.env.OG_THREADS ? Math.max(1, Number(process.env.OG_THREADS)) : undefined;
  let cacheDir = '';
  let fontKey = '';
  /** The images in the cache when the build started. */
  let cached = new Set<string>();
  /** The images pages handed over while they were rendered, by page address, and each one's file in the cache. */
  const handedOver = new Map<string, SocialImageJob>();
  const cachedFiles = new WeakMap<SocialImageInput, string>();
  const cachedFileFor = (input: SocialImageInput) => {
    let file = cachedFiles.get(input);
    if (file === undefined) {
      file = join(cacheDir, `${socialImageKey(input, fontKey)}.png`);
      cachedFiles.set(input, file);
    }
    return file;
  };
  const global = globalThis as { [EARLY_SOCIAL_IMAGE]?: EarlySocialImage };
  /** Once the pages are final: every page's image, its file in the cache, and the drawing of those not there. */
  type Prepared = { jobs: SocialImageJob[]; files: string[]; records: PageRecords; drawing: Promise<unknown>; started: number };
  let prepared: Prepared | undefined;
  const prepare = (distDir: string): Prepared => {
    delete global[EARLY_SOCIAL_IMAGE];
    const images = pool!;
    const started = performance.now();
    // The pages are built: the core left to the page builder is free for drawing.
    images.useThreads(chosenThreads ?? threadsAfterBuilding());
    const records: PageRecords = { previous: readPageRecord(cacheDir), next: new Map(), read: 0 };
    const jobs = socialImageJobs(distDir, site, siteUrl, handedOver, records);
    const files = jobs.map((job) => cachedFileFor(job.input));
    // Images asked for early that no page ended up showing are not counted as failures. An image
    // already asked for is not drawn again (SocialImagePool.draw).
    const drawing = images
      .settled()
      .catch(() => undefined)
      .then(() => Promise.all(jobs.map((job, i) => (cached.has(files[i]!) ? undefined : images.draw({ page: job.output, file: files[i]!, input: job.input })))));
    // Its failure is reported when the build waits for it (astro:build:done), not as an unhandled error.
    drawing.catch(() => undefined);
    return { jobs, files, records, drawing, started };
  };
  /** prepare, or the build stops in words, with the drawing threads closed first so they cannot keep Astro's process alive. */
  const prepareOrStop = async (distDir: string): Promise<Prepared> => {
    try {
      return prepare(distDir);
    } catch (error) {
      await pool?.close();
      stopImages(error);
    }
  };

  return {
    name: 'open-local-offer:social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        rootDir = fileURLToPath(config.root);
        configuredSite = config.site;
      },
      'astro:build:start': async () => {
        await contentChecked();
        site = (await import('../lib/site/site.ts')).site;
        siteUrl = configuredSite ?? site.siteUrl;
        cacheDir = join(rootDir, '.cache', 'og');
        mkdirSync(cacheDir, { recursive: true });
        cached = new Set(readdirSync(cacheDir).map((file) => join(cacheDir, file)));
        handedOver.clear();
        const fonts = socialImageFonts(rootDir);
        fontKey = fontsHash(fonts);
        pool = new SocialImagePool(fonts, chosenThreads ?? threadsWhileBuilding());
        const early = pool;
        global[EARLY_SOCIAL_IMAGE] = (page, output, title, description) => {
          const input = imageInput(site, title, description, siteUrl);
          handedOver.set(page, { output, input });
          const file = cachedFileFor(input);
          // A failure here is reported when the page's image is checked after the build.
          if (!cached.has(file)) early.draw({ page: output, file, input }).catch(() => undefined);
        };
      },
      // The pages are final here (src/integrations/pages-final.ts says so too): what each shows is
      // read and the missing images are asked for now, while the Open Referral export's thread
      // finishes and this thread would otherwise wait for it (about 1 s after one edit at 5,000
      // services). Astro skips this hook when it builds no page: then it all happens below.
      'astro:build:generated': async ({ dir }) => {
        prepared = await prepareOrStop(fileURLToPath(dir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const images = pool!;
        const { jobs, files, records, drawing, started } = prepared ?? (await prepareOrStop(distDir));
        prepared = undefined;
        try {
          await drawing;
          // Most images share a few folders (og/services/ holds one per service): each is made once.
          const makeFolder = folderMaker();
          jobs.forEach((job, i) => {
            const target = join(distDir, ...job.output.split('/'));
            makeFolder(dirname(target));
            placeFile(files[i]!, target);
          });
          const used = new Set(files);
          // Forget images no page uses any more, so the cache does not grow for ever.
          for (const file of readdirSync(cacheDir)) {
            const path = join(cacheDir, file);
            if ((file.endsWith('.png') && !used.has(path)) || file.endsWith('.partial')) rmSync(path);
          }
          // Only now that every image is in place: a record is kept only from a build that succeeded.
          writePageRecord(cacheDir, records.next);
          const { drawn, ms } = images.totals;
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const each = drawn ? ` (≈${Math.round(ms / drawn)} ms each in worker threads; ${seconds} s after the pages were built)` : '';
          const read = `; ${records.read} ${records.read === 1 ? 'page' : 'pages'} read for their meta tags, ${records.next.size - records.read} known from the last build`;
          logger.info(`og images: ${drawn} rendered, ${Math.max(0, jobs.length - drawn)} from cache${each}${read}`);
        } finally {
          handedOver.clear();
          await images.close();
        }
      },
    },
  };
}
