/**
 * Draws a social image for every built page that asks for one. After the build, each HTML page's
 * og:image, og:title and og:description say which image it needs and what it shows; images are
 * cached under .cache/og/ by a hash of everything they show, so a rebuild draws only the pages
 * that changed. The build prints how many were drawn and how many came from the cache.
 */
import type { AstroIntegration } from 'astro';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { site } from '../lib/site.ts';
import { fontsHash, readMetaTags, socialImageKey, type FontFile, type SocialImageInput } from '../lib/social-image.ts';
import { drawSocialImages, type SocialImageTask } from '../lib/social-image-pool.ts';

const FONT_DIR = 'node_modules/@fontsource/atkinson-hyperlegible/files';
/** satori reads .woff (not .woff2); latin-ext covers names with accents. */
const FONT_FILES: { file: string; weight: 400 | 700 }[] = [
  { file: 'atkinson-hyperlegible-latin-400-normal.woff', weight: 400 },
  { file: 'atkinson-hyperlegible-latin-700-normal.woff', weight: 700 },
  { file: 'atkinson-hyperlegible-latin-ext-400-normal.woff', weight: 400 },
  { file: 'atkinson-hyperlegible-latin-ext-700-normal.woff', weight: 700 },
];

/** Every .html file under dir, skipping folders that hold no pages. */
function htmlFiles(dir: string, skip: Set<string>): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skip.has(entry.name) ? [] : htmlFiles(path, skip);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

export interface SocialImageJob {
  /** Where the PNG goes, relative to dist/, such as "og/services/portage.png". */
  output: string;
  input: SocialImageInput;
}

/** Reads what each page's image should show from the page's own meta tags. */
export function socialImageJobs(distDir: string, siteUrl: string): SocialImageJob[] {
  const siteOrigin = new URL(siteUrl).origin;
  const host = new URL(siteUrl).host;
  const colours = { background: site.theme.primary, text: site.theme.primaryText, accent: site.theme.accent ?? site.theme.primaryText };
  const jobs = new Map<string, SocialImageJob>();
  for (const file of htmlFiles(distDir, new Set(['_astro', 'og', 'pagefind']))) {
    const meta = readMetaTags(readFileSync(file, 'utf8'));
    const image = meta.get('og:image');
    if (!image) continue;
    const url = new URL(image);
    if (url.origin !== siteOrigin || !url.pathname.startsWith('/og/')) {
      throw new Error(`${relative(distDir, file)}: og:image "${image}" should be an image under ${siteOrigin}/og/`);
    }
    const output = decodeURIComponent(url.pathname).slice(1);
    const title = meta.get('og:title') ?? site.name;
    jobs.set(output, { output, input: { title, description: meta.get('og:description') ?? '', siteName: site.name, host, colours } });
  }
  return [...jobs.values()];
}

export function socialImages(): AstroIntegration {
  let rootDir = '';
  let siteUrl = site.siteUrl;
  return {
    name: 'open-local-offer:social-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        rootDir = fileURLToPath(config.root);
        if (config.site) siteUrl = config.site;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const distDir = fileURLToPath(dir);
        const cacheDir = join(rootDir, '.cache', 'og');
        mkdirSync(cacheDir, { recursive: true });
        const fonts: FontFile[] = FONT_FILES.map(({ file, weight }) => ({ name: 'Atkinson Hyperlegible', weight, data: readFileSync(join(rootDir, FONT_DIR, file)) }));
        const fontKey = fontsHash(fonts);

        const jobs = socialImageJobs(distDir, siteUrl);
        const cachedFile = new Map(jobs.map((job) => [job, join(cacheDir, `${socialImageKey(job.input, fontKey)}.png`)]));
        const toDraw = new Map<string, SocialImageTask>();
        for (const job of jobs) {
          const file = cachedFile.get(job)!;
          if (!existsSync(file) && !toDraw.has(file)) toDraw.set(file, { page: job.output, file, input: job.input });
        }
        const threads = process.env.OG_THREADS ? Number(process.env.OG_THREADS) : undefined;
        const started = performance.now();
        const drawn = await drawSocialImages([...toDraw.values()], fonts, threads);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const used = new Set(cachedFile.values());
        for (const job of jobs) {
          const target = join(distDir, ...job.output.split('/'));
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(cachedFile.get(job)!, target);
        }
        // Forget images no page uses any more, so the cache does not grow for ever.
        for (const file of readdirSync(cacheDir)) {
          const path = join(cacheDir, file);
          if ((file.endsWith('.png') && !used.has(path)) || file.endsWith('.partial')) rmSync(path);
        }
        const each = drawn.drawn ? ` (≈${Math.round(drawn.ms / drawn.drawn)} ms each; ${seconds} s in worker threads)` : '';
        logger.info(`og images: ${drawn.drawn} rendered, ${jobs.length - drawn.drawn} from cache${each}`);
      },
    },
  };
}
