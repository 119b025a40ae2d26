/**
 * MDX bodies are written by editors but compiled as code, so raw HTML or script in them
 * would run on the site. This finds what the Local Offer never needs in MDX: script, style,
 * frames and embeds, inline event handlers, javascript:/data: links, set:html, imports from
 * anywhere but the site's own components, and code in curly brackets, which would run while
 * the site is built. It also reads each body with the same MDX parser the build uses, so a
 * stray "<" or "{" that would stop the build is reported here in plain English, with its line.
 */
import { mdxToMdast } from 'satteri';

export interface MdxHazard {
  line: number;
  found: string;
  fix: string;
}

/** Elements pages never need, found by the line rules and, split over lines, by the tree. */
const BANNED_ELEMENTS = ['script', 'style', 'iframe', 'object', 'embed', 'form', 'base', 'meta', 'link'];
const BANNED_ELEMENT_FIX = 'remove it: pages may not contain scripts, styles, frames or forms (use Markdown, or ask a developer for a component)';
const EVENT_HANDLER_FIX = 'remove the event handler attribute: the site does not run code from content';
const UNSAFE_LINK_FIX = 'link to a web page (https://…) or a page on this site (/…) instead';

const RULES: { pattern: RegExp; fix: string }[] = [
  { pattern: new RegExp(`<\\s*(${BANNED_ELEMENTS.join('|')})\\b`, 'i'), fix: BANNED_ELEMENT_FIX },
  { pattern: /\son[a-z]+\s*=/i, fix: EVENT_HANDLER_FIX },
  { pattern: /(?:href|src)\s*=\s*["'{]?\s*(?:javascript|data|vbscript):/i, fix: UNSAFE_LINK_FIX },
  { pattern: /\]\(\s*(?:javascript|data|vbscript):/i, fix: UNSAFE_LINK_FIX },
  { pattern: /set:html|dangerouslySetInnerHTML/, fix: 'remove it: raw HTML cannot be inserted from content' },
];

/** Each line of an MDX body outside fenced code blocks, numbered from 1: what the page reads as prose and tags. */
export function* proseLines(body: string): Generator<[line: number, text: string]> {
  let inFence = false;
  for (const [index, text] of body.split(/\r?\n/).entries()) {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (!inFence) yield [index + 1, text];
  }
}

const IMPORT = /^\s*(import|export)\b(.*)$/;
const ALLOWED_IMPORT = /from\s+['"][./]*(?:\.\.\/)*src\/components\/[A-Za-z0-9/]+\.astro['"];?\s*$/;

/** A literal such as 3, "text", true or ["a", 1]: no names, calls or operators that could run code. */
const LITERAL = /^[\s\d.,:\[\]{}-]*$/;
const isLiteral = (expression: string) => LITERAL.test(expression.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\b(?:true|false|null)\b/g, ''));
const isComment = (expression: string) => /^\s*\/\*[\s\S]*?\*\/\s*$/.test(expression);

/** What the MDX parser's message means for an editor, and how to fix it. */
function parseProblem(message: string, source: string): MdxHazard {
  const at = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(message.split('\n')[0]!);
  const line = at ? Number(at[1]) : 1;
  const reason = at ? at[3]! : message;
  const text = (source.split(/\r?\n/)[line - 1] ?? '').trim();
  const found = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  if (/after `<`|expected a valid JSX tag/.test(reason)) {
    return { line, found, fix: 'in MDX a "<" starts a tag: write "under" or "less than" instead, use [text](https://…) for a link, or put a backslash before it (\\<)' };
  }
  if (/before name|comment in MDX/.test(reason)) {
    return { line, found, fix: 'comments are written {/* like this */} in MDX, not <!-- -->' };
  }
  const closing = /closing tag for `<([^>`]+)>`/.exec(reason);
  if (closing) return { line, found, fix: `close the tag: add </${closing[1]}> after what it holds, or write <${closing[1]} /> if it holds nothing` };
  if (/Unexpected closing tag/.test(reason)) return { line, found, fix: 'remove the closing tag, or add the opening tag it belongs to' };
  if (/expression|`\{`|`\}`/.test(reason)) {
    return { line, found, fix: 'in MDX curly brackets hold code: remove them, or put a backslash before the first one (\\{)' };
  }
  return { line, found, fix: `MDX cannot read this line (${reason}): check for a stray <, > or { and any tag that is not closed` };
}

interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}

/** Hazards only the parsed tree shows: code in curly brackets, and tags split over lines. */
function treeHazards(root: MdxNode): MdxHazard[] {
  const hazards: MdxHazard[] = [];
  const visit = (node: MdxNode, line: number) => {
    const at = node.position?.start.line ?? line;
    if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(String(node.value ?? ''))) {
      hazards.push({ line: at, found: `{${String(node.value ?? '').trim()}}`, fix: 'remove the curly brackets: in MDX they hold code, which would run when the site is built (write {/* … */} for a comment)' });
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const name = node.name ?? '';
      if (BANNED_ELEMENTS.includes(name.toLowerCase())) hazards.push({ line: at, found: `<${name}>`, fix: BANNED_ELEMENT_FIX });
      for (const attribute of node.attributes ?? []) {
        if (attribute.type === 'mdxJsxExpressionAttribute') {
          hazards.push({ line: at, found: `<${name} {…}>`, fix: 'write each attribute as name="value": {…} in a tag holds code' });
          continue;
        }
        const attributeName = attribute.name ?? '';
        const value = attribute.value;
        if (/^on/i.test(attributeName)) hazards.push({ line: at, found: `${attributeName}=`, fix: EVENT_HANDLER_FIX });
        if (value && typeof value === 'object' && !isLiteral(String((value as { value?: unknown }).value ?? ''))) {
          hazards.push({ line: at, found: `${attributeName}={…}`, fix: 'give the attribute a plain value, such as "text", 3 or ["a", "b"]: anything else in {…} is code' });
        }
        if (typeof value === 'string' && /^(?:href|src)$/i.test(attributeName) && /^\s*(?:javascript|data|vbscript):/i.test(value)) {
          hazards.push({ line: at, found: `${attributeName}="${value.slice(0, 30)}"`, fix: UNSAFE_LINK_FIX });
        }
      }
    }
    for (const child of node.children ?? []) visit(child, at);
  };
  visit(root, 1);
  return hazards;
}

export function mdxHazards(body: string): MdxHazard[] {
  const hazards: MdxHazard[] = [];
  for (const [line, text] of proseLines(body)) {
    const statement = IMPORT.exec(text);
    if (statement) {
      if (statement[1] === 'export' || !ALLOWED_IMPORT.test(text)) {
        hazards.push({ line, found: text.trim(), fix: 'only imports of the site\'s components (from "…/src/components/Name.astro") are allowed' });
      }
      continue;
    }
    for (const rule of RULES) {
      const match = rule.pattern.exec(text);
      if (match) hazards.push({ line, found: match[0].trim(), fix: rule.fix });
    }
  }
  let tree: MdxNode;
  try {
    tree = mdxToMdast(body) as MdxNode;
  } catch (error) {
    const problem = parseProblem(error instanceof Error ? error.message : String(error), body);
    if (!hazards.some((h) => h.line === problem.line)) hazards.push(problem);
    return hazards.sort((a, b) => a.line - b.line);
  }
  // The line rules name most hazards better; the tree adds only those on lines they missed.
  for (const hazard of treeHazards(tree)) if (!hazards.some((h) => h.line === hazard.line)) hazards.push(hazard);
  return hazards.sort((a, b) => a.line - b.line);
}
