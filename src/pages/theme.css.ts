/**
 * The council's colours from content/site.json as CSS custom properties. Served as a file, not
 * an inline style, so the Content-Security-Policy needs no exception.
 */
import type { APIRoute } from 'astro';
import { site } from '../lib/site/site.ts';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const GET: APIRoute = () => {
  const lines = Object.entries(site.theme).map(([name, value]) => `  --theme-${kebab(name)}: ${value};`);
  // The site's address as a CSS string, for printed links (a JSON string is a valid CSS string).
  lines.push(`  --site-address: ${JSON.stringify(site.siteUrl.replace(/\/+$/, ''))};`);
  return new Response(`:root {\n${lines.join('\n')}\n}\n`, { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
