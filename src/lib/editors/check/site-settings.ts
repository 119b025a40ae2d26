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
