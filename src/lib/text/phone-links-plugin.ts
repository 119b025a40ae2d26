/**
 * A hast plugin for MDX pages (pathways, general pages, video transcripts), in the shape Sätteri
 * (Astro's Markdown processor) runs: every UK phone number in the text becomes a tel: link, as
 * the Markdown renderer does for content fields (src/lib/text/markdown.ts). Text already inside a
 * link, code or a script is left as it is. A plain object, so it needs no import from Sätteri.
 */
import type { Element, ElementContent, Text } from 'hast';
import { splitPhoneNumbers } from './phone-numbers.ts';

const SKIP = new Set(['a', 'code', 'pre', 'script', 'style', 'textarea', 'title', 'svg', 'button']);

/** What the plugin needs from Sätteri's visitor context. */
interface TextContext {
  parent(node: unknown): { type: string; tagName?: string; name?: string | null } | undefined;
  replaceNode(node: unknown, replacement: ElementContent[]): void;
}

/** The nodes that replace a text: undefined when it holds no phone number. */
export function phoneLinkNodes(value: string): ElementContent[] | undefined {
  const segments = splitPhoneNumbers(value);
  if (!segments.some((s) => s.kind === 'phone')) return undefined;
  return segments.map((segment): ElementContent => {
    const text: Text = { type: 'text', value: segment.text };
    if (segment.kind === 'text') return text;
    const link: Element = { type: 'element', tagName: 'a', properties: { href: segment.href }, children: [text] };
    return link;
  });
}

export const phoneLinksPlugin = {
  name: 'phone-links',
  text(node: Readonly<Text>, ctx: TextContext) {
    for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
      const name = parent.type === 'element' ? parent.tagName : parent.name;
      if (name && SKIP.has(name)) return;
    }
    const replacement = phoneLinkNodes(node.value);
    if (replacement) ctx.replaceNode(node, replacement);
  },
};
