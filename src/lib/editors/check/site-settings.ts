/**
 * The first step: content/site.json, which the other steps need for its localities and themes.
 * Beyond its schema: colours readable on each other, and an address at the top of a domain.
 */
import { join } from 'node:path';
import { siteSchema } from '../../../contract/index.ts';
import { SITE_FILE } from '../../../contract/collections.ts';
import type { Problem } from '../problems.ts';
import type { CheckContext, SiteSettings, StepResult } from './context.ts';
import { checkRequiredJsonFile } from './read.ts';
import { slugify } from '../../text/slug.ts';

/** content/site.json checked; `site` is its settings when they are valid. */
export function checkSiteSettings(context: CheckContext): StepResult & { site?: SiteSettings } {
  const { contentDir, rel } = context;
  const problems: Problem[] = [];
  const sitePath = join(contentDir, SITE_FILE);
  const { files, data: site } = checkRequiredJsonFile(context, sitePath, siteSchema(), 'create content/site.json (see docs/editing.md)', problems);
  if (site) {
    problems.push(...themeContrastProblems(rel(sitePath), site.theme));
    const address = siteUrlProblem(rel(sitePath), site.siteUrl);
    if (address) problems.push(address);
    problems.push(...pageAddressProblems(rel(sitePath), site));
  }
  return { problems, files, site };
}

/**
 * The site's address must be the top of a domain: every address the site writes (canonical
 * links, the sitemap, the feeds, robots.txt) starts there, and a site in a folder such as
 * /local-offer/ would break them all.
 */
export function siteUrlProblem(file: string, siteUrl: string): Problem | undefined {
  const url = URL.parse(siteUrl);
  if (!url || (url.pathname === '/' && !url.search && !url.hash)) return undefined;
  return {
    file,
    field: 'siteUrl',
    problem: `"${siteUrl}" has something after the domain name (${url.pathname}${url.search}${url.hash}), but the site must be published at the top of its own address`,
    fix: `use the address of the home page with nothing after the domain name, such as "${url.origin}/", and publish the site there (a sub-domain such as https://localoffer.kestrelvale.gov.uk/ works well)`,
  };
}

/**
 * Each locality and feedback theme is the address of pages of its own (the service finder's
 * /services/find/…/<locality>/, /you-said-we-did/theme/<theme>/), made of its letters a to z and
 * numbers. A name with none of those would make no address (the build stopped), and two names
 * that make the same one would share one page, and one would lose its services or its entries.
 */
export function pageAddressProblems(file: string, site: { localities: { name: string }[]; feedbackThemes: string[] }): Problem[] {
  const lists = [
    { what: 'locality', names: site.localities.map((l) => l.name), field: (i: number) => `localities[${i}].name`, page: (slug: string) => `/services/find/…/${slug}/` },
    { what: 'theme', names: site.feedbackThemes, field: (i: number) => `feedbackThemes[${i}]`, page: (slug: string) => `/you-said-we-did/theme/${slug}/` },
  ];
  const problems: Problem[] = [];
  for (const { what, names, field, page } of lists) {
    const seen = new Map<string, number>();
    names.forEach((name, i) => {
      const slug = slugify(name);
      if (!slug) {
        problems.push({ file, field: field(i), problem: `"${name}" has no letters a to z or numbers, so it cannot make the address of its page`, fix: `write the ${what} with letters a to z or numbers, such as its English name (you can keep the other name after it, as "Health (صحة)")` });
        return;
      }
      const first = seen.get(slug);
      if (first === undefined) seen.set(slug, i);
      else problems.push({ file, field: field(i), problem: `"${name}" and "${names[first]}" (${field(first)}) make the same page address, ${page(slug)}, so one of them would lose its page`, fix: `use one ${what} for both, or give them names that differ by more than capital letters, spaces or punctuation` });
    });
  }
  return problems;
}

/** WCAG 2.2 contrast ratio of two "#rrggbb" colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The site's colours must be readable (WCAG 2.2 AA, 4.5:1 for text): checked here, not only by the browser tests. */
function themeContrastProblems(file: string, theme: Record<string, string>): Problem[] {
  const pairs: [field: string, text: string | undefined, background: string | undefined, on: string][] = [
    ['theme.primaryText', theme.primaryText, theme.primary, 'the header colour (theme.primary)'],
    ['theme.link', theme.link, '#ffffff', 'the white page'],
    ['theme.linkVisited', theme.linkVisited, '#ffffff', 'the white page'],
    ['theme.accent', theme.accent, theme.primary, 'the header colour (theme.primary)'],
  ];
  const problems: Problem[] = [];
  const accent = theme.accent && theme.primary ? contrastRatio(theme.accent, theme.primary) : 21;
  // The accent is a bar, not text: WCAG 2.2 AA asks 3:1 of graphics (1.4.11).
  if (accent < 3) problems.push({ file, field: 'theme.accent', problem: `"${theme.accent}" beside the header colour (theme.primary) has a contrast of ${accent.toFixed(1)}:1, too low to see`, fix: 'choose a darker or lighter colour: the accent needs a contrast of at least 3:1 against theme.primary (WCAG 2.2 AA)' });
  for (const [field, text, background, on] of pairs) {
    if (!text || !background) continue;
    const ratio = contrastRatio(text, background);
    if (ratio < 4.5 && field !== 'theme.accent') {
      problems.push({ file, field, problem: `"${text}" on ${on} has a contrast of ${ratio.toFixed(1)}:1, too low to read easily`, fix: 'choose a darker or lighter colour: text needs a contrast of at least 4.5:1 (WCAG 2.2 AA)' });
    }
  }
  return problems;
}
