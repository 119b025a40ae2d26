/**
 * MDX bodies are written by editors but compiled as code, so raw HTML or script in them
 * would run on the site. This finds what the Local Offer never needs in MDX: script, style,
 * frames and embeds, inline event handlers, javascript:/data: links, set:html, and imports
 * from anywhere but the site's own components.
 */
export interface MdxHazard {
  line: number;
  found: string;
  fix: string;
}

const RULES: { pattern: RegExp; fix: string }[] = [
  { pattern: /<\s*(script|style|iframe|object|embed|form|base|meta|link)\b/i, fix: 'remove it: pages may not contain scripts, styles, frames or forms (use Markdown, or ask a developer for a component)' },
  { pattern: /\son[a-z]+\s*=/i, fix: 'remove the event handler attribute: the site does not run code from content' },
  { pattern: /(?:href|src)\s*=\s*["'{]?\s*(?:javascript|data|vbscript):/i, fix: 'link to a web page (https://…) or a page on this site (/…) instead' },
  { pattern: /\]\(\s*(?:javascript|data|vbscript):/i, fix: 'link to a web page (https://…) or a page on this site (/…) instead' },
  { pattern: /set:html|dangerouslySetInnerHTML/, fix: 'remove it: raw HTML cannot be inserted from content' },
];

const IMPORT = /^\s*(import|export)\b(.*)$/;
const ALLOWED_IMPORT = /from\s+['"][./]*(?:\.\.\/)*src\/components\/[A-Za-z0-9/]+\.astro['"];?\s*$/;

export function mdxHazards(body: string): MdxHazard[] {
  const hazards: MdxHazard[] = [];
  let inFence = false;
  body.split(/\r?\n/).forEach((text, index) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    const line = index + 1;
    const statement = IMPORT.exec(text);
    if (statement) {
      if (statement[1] === 'export' || !ALLOWED_IMPORT.test(text)) {
        hazards.push({ line, found: text.trim(), fix: 'only imports of the site\'s components (from "…/src/components/Name.astro") are allowed' });
      }
      return;
    }
    for (const rule of RULES) {
      const match = rule.pattern.exec(text);
      if (match) hazards.push({ line, found: match[0].trim(), fix: rule.fix });
    }
  });
  return hazards;
}
