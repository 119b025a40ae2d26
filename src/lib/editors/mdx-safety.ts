/**
 * MDX bodies are written by editors but compiled as code: anything in curly brackets, any
 * `export` and any `import` runs while the site is built, with the build's secrets in reach.
 * So what may be in a body is decided from the syntax tree that the site's own MDX parser
 * (Sätteri, which @astrojs/mdx compiles with) builds, never from lines, and only what is known
 * to be inert is allowed:
 *
 * - Markdown prose (headings, lists, tables, links, images, quotes, code blocks);
 * - `import Step from '../../src/components/Step.astro'`: the site's content components, one per
 *   statement, by their exact path and name, and nothing else in the statement;
 * - those components and a few harmless HTML elements, with attributes whose values are text or
 *   plain literals (3, "text", true, ["a", 1]), checked by a strict grammar, not a JS parser;
 * - `{/* a comment *\/}`, when the brackets hold one comment and nothing else.
 *
 * Every link address is checked too (src/contract/url-safety.ts). The same rule runs in
 * `npm run check` and inside the build, `npm run dev` and `npm run cms` (src/integrations/mdx-guard.ts).
 */
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast } from 'satteri';
import { misleadingText, MISLEADING_TEXT_FIX, unsafeUrl, UNSAFE_URL_FIX } from '../../contract/url-safety.ts';

export interface MdxHazard {
  line: number;
  /** A frontmatter field, where the finding is there rather than in the body. */
  field?: string;
  found: string;
  fix: string;
}

/** The components editors may use in MDX, with the folder they live in. */
export const CONTENT_COMPONENTS = ['StepByStep', 'Step'] as const;

/**
 * What each content component takes: its attributes, which it needs, and what each value must be
 * (keep in step with the Props of src/components/<Name>.astro). A title becomes the step's address
 * on the page (#step-…), so it must be text with a letter or a number in it.
 */
const COMPONENT_ATTRIBUTES: Record<(typeof CONTENT_COMPONENTS)[number], Record<string, { needed?: true; value: 'words' | 'level'; example: string }>> = {
  StepByStep: { label: { value: 'words', example: 'label="Steps to an EHC plan"' } },
  Step: {
    title: { needed: true, value: 'words', example: 'title="Ask for an assessment"' },
    timescale: { value: 'words', example: 'timescale="Within 6 weeks of the request"' },
    level: { value: 'level', example: 'level={3}' },
  },
};

/** The exact import an MDX file in content/<folder>/ writes for a content component. */
export const componentImport = (name: string) => `../../src/components/${name}.astro`;

/**
 * Components a collection's page hands to every body already, so its MDX uses them without an
 * import. Keep in step with the `components={{ … }}` each page passes to <Content />.
 */
export const PROVIDED_COMPONENTS: Record<string, readonly string[]> = {
  pathways: ['StepByStep', 'Step'], // src/pages/pathways/[id].astro
};

/** HTML elements that cannot load, run or restyle anything, and the attributes each may have. */
const GLOBAL_ATTRIBUTES = ['title', 'lang'];
const HTML_ELEMENTS: Record<string, string[]> = {
  a: ['href', 'hreflang'], abbr: [], b: [], br: [], cite: [], code: [], del: [], dfn: [], em: [], i: [], ins: [], kbd: [],
  mark: [], p: [], q: [], s: [], small: [], span: [], strong: [], sub: [], sup: [],
};
const URL_ATTRIBUTES = new Set(['href', 'src']);

/** Markdown that is only text and structure. Anything else in the tree is refused. */
const PROSE_NODES = new Set([
  'root', 'paragraph', 'heading', 'text', 'emphasis', 'strong', 'delete', 'inlineCode', 'code', 'blockquote', 'list', 'listItem',
  'thematicBreak', 'break', 'link', 'image', 'linkReference', 'imageReference', 'definition', 'table', 'tableRow', 'tableCell',
  'footnoteReference', 'footnoteDefinition', 'yaml', 'toml',
]);

const CURLY_FIX = 'remove the curly brackets: in MDX they hold code, which would run when the site is built (write {/* … */} for a comment, or put a backslash before the first bracket, \\{, to show one)';
const BANNED_ELEMENT_FIX = 'remove it: pages may not contain scripts, styles, frames, forms or embedded objects (use Markdown, or ask a developer for a component)';
const EVENT_HANDLER_FIX = 'remove the event handler attribute: the site does not run code from content';
/**
 * An image in Markdown whose address is not a file of the site (one starting with a single "/") is
 * read by the MDX compiler as a module to import: `![x](../notes.mjs)` would run that file while
 * the site is built. Anything else an image could point at (another website) is blocked by the
 * pages' security policy anyway.
 */
const IMAGE_FIX = "put the picture in content/public/files/ and write its address from the site's root, such as ![what it shows](/files/picture.jpg): any other address is read as code when the site is built, or loads from another website";
/** The compiler reads this frontmatter field as a module to import around the page: code, whatever it names. */
const LAYOUT_FIX = 'remove the line: the site chooses the layout of every page itself, and a layout named here would be run as code';
const IMPORT_FIX = `only the site's content components may be imported, one per line, exactly as: import Step from '${componentImport('Step')}' (the components are ${CONTENT_COMPONENTS.join(' and ')})`;

/** One comment and nothing else: `/* … *\/` with no second comment or code around it. */
const isOnlyComment = (expression: string) => /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(expression);

/**
 * True when `source` is a plain literal: a string, a number, true, false, null, or an array or
 * object of those. A small exact grammar, so nothing that could name a variable, call a function
 * or hold a template (`${…}`) can pass.
 */
export function isPlainLiteral(source: string): boolean {
  let at = 0;
  const space = () => {
    while (at < source.length && ' \t\r\n'.includes(source[at]!)) at++;
  };
  const string = (): boolean => {
    const quote = source[at];
    if (quote !== '"' && quote !== "'") return false;
    at++;
    while (at < source.length && source[at] !== quote) {
      if (source[at] === '\n' || source[at] === '\r') return false;
      at += source[at] === '\\' ? 2 : 1;
    }
    if (source[at] !== quote) return false;
    at++;
    return true;
  };
  const pattern = (re: RegExp): boolean => {
    re.lastIndex = at;
    const match = re.exec(source);
    if (!match) return false;
    at += match[0].length;
    return true;
  };
  const value = (depth: number): boolean => {
    if (depth > 20) return false;
    space();
    const char = source[at];
    if (char === '"' || char === "'") return string();
    if (char === '[') return list(']', depth, () => value(depth + 1));
    if (char === '{') return list('}', depth, () => key() && (space(), source[at] === ':') && (at++, value(depth + 1)));
    return pattern(/-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?![\w$.])|(?:true|false|null)(?![\w$])/y);
  };
  const key = (): boolean => {
    space();
    return source[at] === '"' || source[at] === "'" ? string() : pattern(/[A-Za-z_][A-Za-z0-9_]*|\d+/y);
  };
  const list = (close: string, _depth: number, item: () => boolean): boolean => {
    at++;
    space();
    if (source[at] === close) return at++, true;
    for (;;) {
      if (!item()) return false;
      space();
      if (source[at] === ',') {
        at++;
        space();
        if (source[at] === close) return at++, true;
        continue;
      }
      if (source[at] === close) return at++, true;
      return false;
    }
  };
  if (!value(0)) return false;
  space();
  return at === source.length;
}

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

interface MdxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface MdxNode {
  type: string;
  name?: string | null;
  value?: unknown;
  url?: string;
  alt?: string | null;
  title?: string | null;
  attributes?: MdxAttribute[];
  position?: { start: { line: number } };
  children?: MdxNode[];
}

const short = (text: string, length = 60) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > length ? `${one.slice(0, length - 1)}…` : one;
};

/** Closest of `options` to `word` (by edit distance), if it is close enough to be a likely typo. */
function closestName(word: string, options: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const best = [...options].sort((a, b) => distance(word, a) - distance(word, b))[0];
  return best && distance(word, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * The imports in one ESM block, or the hazard that refuses it. Only `import Name from '…'`
 * statements of content components pass; anything else (export, a second binding, a comment
 * hiding code, code after the import on the same line) refuses the whole block.
 */
function esmImports(value: string, line: number): { names: string[]; hazards: MdxHazard[] } {
  const names: string[] = [];
  const hazards: MdxHazard[] = [];
  const statement = /\s*import\s+([A-Za-z_$][\w$]*)\s+from\s*(['"])([^'"\n]*)\2[ \t]*;?[ \t]*(?:\r?\n|$)/y;
  let at = 0;
  let statementLine = line;
  while (at < value.length) {
    if (/^\s*$/.test(value.slice(at))) break;
    statement.lastIndex = at;
    const match = statement.exec(value);
    const lineHere = statementLine + (value.slice(at).match(/^\s*/)![0].match(/\n/g)?.length ?? 0);
    if (!match) {
      const rest = value.slice(at).trimStart();
      const what = /^export\b/.test(rest) ? 'an export, which would run as code when the site is built' : 'code, which would run when the site is built';
      hazards.push({ line: lineHere, found: `${short(rest.split('\n')[0]!)} (${what})`, fix: IMPORT_FIX });
      return { names, hazards };
    }
    const [, name, , specifier] = match;
    const component = CONTENT_COMPONENTS.find((c) => componentImport(c) === specifier);
    if (!component) {
      const base = /([^/]+?)(?:\.astro)?$/.exec(specifier!)?.[1] ?? '';
      const guess = closestName(base, CONTENT_COMPONENTS);
      const fix = /^\.\.\/\.\.\/src\/components\//.test(specifier!) || guess
        ? `there is no content component at "${specifier}"${guess ? `: did you mean import ${guess} from '${componentImport(guess)}'?` : ''} The components are ${CONTENT_COMPONENTS.join(' and ')}.`
        : IMPORT_FIX;
      hazards.push({ line: lineHere, found: `import from "${short(specifier!, 50)}"`, fix });
    } else if (name !== component) {
      hazards.push({ line: lineHere, found: `import ${name} from '${specifier}'`, fix: `import it by its own name: import ${component} from '${specifier}'` });
    } else names.push(name!);
    statementLine = lineHere + (match[0].endsWith('\n') ? 1 : 0);
    at = statement.lastIndex;
  }
  return { names, hazards };
}

/**
 * Everything in an MDX body that is not allowed, one finding per line, in line order.
 * `provided` names the components the collection's page passes to every body (PROVIDED_COMPONENTS).
 */
export function mdxHazards(body: string, { provided = [] as readonly string[] } = {}): MdxHazard[] {
  let tree: MdxNode;
  try {
    tree = mdxToMdast(body, { features: { gfm: true } } as Parameters<typeof mdxToMdast>[1]) as MdxNode;
  } catch (error) {
    return [parseProblem(error instanceof Error ? error.message : String(error), body)];
  }
  const hazards: MdxHazard[] = [];
  const imported = new Set<string>();
  const used: { name: string; line: number }[] = [];

  const checkUrl = (url: string, line: number, what: string) => {
    const reason = unsafeUrl(url);
    if (reason) hazards.push({ line, found: `${what} "${short(url, 40)}": ${reason}`, fix: UNSAFE_URL_FIX });
  };
  /** As the compiler reads an image's address (it decodes it first): only a file of this site is not imported. */
  const checkImage = (url: string, line: number) => {
    let decoded: string | undefined;
    try {
      decoded = decodeURI(url);
    } catch {
      decoded = undefined;
    }
    if (decoded === undefined || !/^\/(?![/\\])/.test(decoded) || /\\/.test(decoded)) hazards.push({ line, found: `the image "${short(url, 40)}": not a file of this site`, fix: IMAGE_FIX });
  };
  const checkText = (text: string, line: number) => {
    const reason = /[\u202A-\u202E\u2066-\u2069]/u.test(text) ? misleadingText(text) : undefined;
    if (reason) hazards.push({ line, found: `text where ${reason}`, fix: MISLEADING_TEXT_FIX });
  };

  const element = (node: MdxNode, at: number) => {
    const name = node.name ?? '';
    if (!name) return hazards.push({ line: at, found: '<> (an empty tag)', fix: 'remove the empty tag <> … </>: write the text without it' });
    const isComponent = /^[A-Z]/.test(name);
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name)) return hazards.push({ line: at, found: `<${name}>`, fix: `use one of the site's components (${CONTENT_COMPONENTS.join(', ')}) by its plain name` });
    if (isComponent) {
      if (!(CONTENT_COMPONENTS as readonly string[]).includes(name)) {
        const guess = closestName(name, CONTENT_COMPONENTS);
        return hazards.push({ line: at, found: `<${name}>`, fix: `${name} is not one of the site's content components${guess ? `: did you mean <${guess}>?` : ''} The components are ${CONTENT_COMPONENTS.join(' and ')}.` });
      }
      used.push({ name, line: at });
    } else if (!(name.toLowerCase() in HTML_ELEMENTS) || name !== name.toLowerCase()) {
      const banned = /^(script|style|iframe|frame|frameset|object|embed|applet|form|input|button|textarea|select|base|meta|link|svg|math|template|portal|noscript)$/i.test(name);
      const media = /^(img|picture|video|audio|source|track)$/i.test(name);
      return hazards.push({
        line: at,
        found: banned ? `<${name}` : `<${name}>`,
        fix: banned
          ? BANNED_ELEMENT_FIX
          : media
          ? 'write an image in Markdown, ![what it shows](/files/picture.jpg); a video has a page of its own (content/videos/)'
          : `<${name}> is not used in content: write it in Markdown (## for a heading, - for a list, [text](address) for a link), or use one of the tags ${Object.keys(HTML_ELEMENTS).join(', ')}`,
      });
    }
    const takes = isComponent ? COMPONENT_ATTRIBUTES[name as keyof typeof COMPONENT_ATTRIBUTES] : undefined;
    const allowed = takes ? Object.keys(takes) : [...GLOBAL_ATTRIBUTES, ...HTML_ELEMENTS[name]!];
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        hazards.push({ line: at, found: `<${name} {${short(String(attribute.value ?? ''), 30)}}>`, fix: 'write each attribute as name="value": {…} in a tag holds code' });
        continue;
      }
      const attributeName = attribute.name ?? '';
      if (/^on/i.test(attributeName)) {
        hazards.push({ line: at, found: `${attributeName}=`, fix: EVENT_HANDLER_FIX });
        continue;
      }
      if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(attributeName) || (allowed && !allowed.includes(attributeName.toLowerCase()))) {
        hazards.push({
          line: at,
          found: `${attributeName} on <${name}>`,
          fix: takes
            ? `${closestName(attributeName, allowed) ? `did you mean ${closestName(attributeName, allowed)}? ` : ''}<${name}> takes ${allowed.join(', ')}, such as <${name} ${Object.values(takes)[0]!.example}>`
            : `remove it: <${name}> may only have ${allowed.join(', ')}`,
        });
        continue;
      }
      const value = attribute.value;
      if (value && typeof value === 'object') {
        const source = String((value as { value?: unknown }).value ?? '');
        if (!isPlainLiteral(source)) {
          hazards.push({ line: at, found: `${attributeName}={${short(source, 30)}}`, fix: 'give the attribute a plain value, such as "text", 3 or ["a", "b"]: anything else in {…} is code' });
        } else if (URL_ATTRIBUTES.has(attributeName.toLowerCase())) {
          hazards.push({ line: at, found: `${attributeName}={…}`, fix: `write the address in quotes: ${attributeName}="https://…"` });
        }
        continue;
      }
      if (typeof value === 'string') {
        if (URL_ATTRIBUTES.has(attributeName.toLowerCase())) checkUrl(value, at, `${attributeName}=`);
        else checkText(value, at);
      }
    }
    // After the attributes' own findings, so code in one is what the line reports.
    if (takes) componentAttributes(name, takes, node.attributes ?? [], at);
  };

  /** A component's own attributes: the ones it needs are there, and each value is what it takes. */
  const componentAttributes = (name: string, takes: (typeof COMPONENT_ATTRIBUTES)[keyof typeof COMPONENT_ATTRIBUTES], attributes: MdxAttribute[], at: number) => {
    for (const [attributeName, rule] of Object.entries(takes)) {
      const attribute = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === attributeName);
      if (!attribute) {
        if (rule.needed) hazards.push({ line: at, found: `<${name}> without ${attributeName}`, fix: `give it a ${attributeName} in quotes, such as <${name} ${rule.example}>` });
        continue;
      }
      const value = attribute.value;
      const literal = value && typeof value === 'object' ? String((value as { value?: unknown }).value ?? '').trim() : undefined;
      const ok = rule.value === 'words' ? typeof value === 'string' && /[A-Za-z0-9]/.test(value) : literal === '2' || literal === '3' || value === '2' || value === '3';
      if (!ok) {
        const shown = typeof value === 'string' ? `"${short(value, 30)}"` : literal !== undefined ? `{${short(literal, 30)}}` : 'nothing';
        hazards.push({
          line: at,
          found: `${attributeName}=${shown} on <${name}>`,
          fix: rule.value === 'words' ? `write the ${attributeName} as words in quotes, with letters a to z or numbers in it, such as ${rule.example}` : `the level is 2 or 3, written ${rule.example} (3 when the steps sit under a heading of their own)`,
        });
      }
    }
  };

  const visit = (node: MdxNode, line: number) => {
    const at = node.position?.start.line ?? line;
    switch (node.type) {
      case 'mdxjsEsm': {
        const result = esmImports(String(node.value ?? ''), at);
        result.names.forEach((n) => imported.add(n));
        hazards.push(...result.hazards);
        return;
      }
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isOnlyComment(String(node.value ?? ''))) hazards.push({ line: at, found: `{${short(String(node.value ?? ''), 50)}}`, fix: CURLY_FIX });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        element(node, at);
        break;
      default:
        if (!PROSE_NODES.has(node.type)) {
          hazards.push({ line: at, found: `${node.type} (something MDX can do that content never needs)`, fix: 'write it as plain Markdown' });
          return;
        }
        if (typeof node.url === 'string') checkUrl(node.url, at, node.type === 'image' ? 'the image' : 'the link');
        if (node.type === 'image') checkImage(typeof node.url === 'string' ? node.url : '', at);
        // Its address is in a definition that links share: an image is written with its address.
        if (node.type === 'imageReference') hazards.push({ line: at, found: 'an image written by reference (![…][…])', fix: IMAGE_FIX });
        if (node.type === 'text' && typeof node.value === 'string') checkText(node.value, at);
    }
    for (const child of node.children ?? []) visit(child, at);
  };
  visit(tree, 1);

  for (const { name, line } of used) {
    if (imported.has(name) || provided.includes(name)) continue;
    hazards.push({ line, found: `<${name}> without its import`, fix: `add this line at the top of the body, after the second ---: import ${name} from '${componentImport(name)}'` });
  }

  // One finding per line is enough to point at it; the first is the most specific.
  const byLine = new Map<number, MdxHazard>();
  for (const hazard of hazards) if (!byLine.has(hazard.line)) byLine.set(hazard.line, hazard);
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

/**
 * Each line of an MDX body outside fenced code blocks, numbered from 1: what the page reads as
 * prose and tags. A fence closes only with the same character, at least as many times, as
 * CommonMark says (``` is not closed by ~~~).
 */
export function* proseLines(body: string): Generator<[line: number, text: string]> {
  let fence: string | undefined;
  for (const [index, text] of body.split(/\r?\n/).entries()) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === undefined) {
      if (marker) fence = marker;
      else yield [index + 1, text];
    } else if (marker && marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+\s*$/.test(text)) {
      fence = undefined;
    }
  }
}

/**
 * The findings for one MDX file, with lines counted in the whole file. The body is exactly what
 * the MDX compiler is given: @astrojs/mdx splits the frontmatter off this way (blanking it, so
 * lines keep their numbers), and a split of our own could draw the line somewhere else. A file
 * whose frontmatter cannot be read gives no findings here: the compiler stops on it, compiling nothing.
 */
export function mdxFileHazards(source: string, folder: string | undefined): MdxHazard[] {
  let parsed: ReturnType<typeof parseFrontmatter>;
  try {
    parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
  } catch {
    return [];
  }
  const body = mdxHazards(parsed.content, { provided: (folder && PROVIDED_COMPONENTS[folder]) || [] });
  // The compiler imports what `layout` names (in development too, where the content check only
  // warns about a field no collection has): refused here, in the pipeline, with the body.
  if (parsed.frontmatter && typeof parsed.frontmatter === 'object' && 'layout' in parsed.frontmatter) {
    const index = source.split(/\r?\n/).findIndex((text) => /^\s*["']?layout["']?\s*[:=]/.test(text));
    return [{ line: index >= 0 ? index + 1 : 1, field: 'layout', found: 'a layout named in the frontmatter', fix: LAYOUT_FIX }, ...body];
  }
  return body;
}
