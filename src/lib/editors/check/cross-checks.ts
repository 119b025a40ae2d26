/**
 * The last step: the rules that need more than one file, once every file has been read
 * (references, localities, themes, decision trees, captions, the files in content/public/, the
 * text of every entry, review dates), and the things worth a look that do not stop publishing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { isDraft, PROVISION_SECTION, type CollectionName } from '../../../contract/index.ts';
import { COVERAGE_FILE, folderCollections, GLOSSARY_FILE, PUBLIC_FOLDER, SITE_FILE } from '../../../contract/collections.ts';
import { isoDateOf } from '../../../contract/common.ts';
import { videoTopics } from '../../../contract/vocabulary.ts';
import { validateTree, type Tree } from '../../navigator/index.ts';
import { publicFileKindProblems } from '../../site/public-files.ts';
import { BUILT_FOLDERS, builtFolderOf, filesUnder } from '../../site/content-files.ts';
import { slugify } from '../../text/slug.ts';
import { addDays, today } from '../../text/dates.ts';
import { closest, shown as shownValue, type Problem } from '../problems.ts';
import { readabilityWarnings } from '../readability.ts';
import { overTaggedServices } from '../tag-check.ts';
import { nowReading } from '../command-errors.ts';
import { codeFiles, everythingIn, symbolicLinks, unreadTopLevel } from '../content-layout.ts';
import { ANY_ID, idLookup, type CheckContext, type Entries, type LoadedEntry, type SiteSettings, type StepResult, type Unreadable } from './context.ts';
import { checkTextFields } from './text-fields.ts';
import { LINKED_ENTRIES } from '../../../contract/linked-entries.ts';
import { socialImageRanges, undrawable } from '../../social-images/index.ts';

export function crossChecks(context: CheckContext, entries: Entries, site: SiteSettings | undefined, unreadable: Unreadable): StepResult {
  const { contentDir, publicDir, rel } = context;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  // Videos, captions and posters are content: they live in content/public/, published as they are.
  const contentPublic = join(contentDir, PUBLIC_FOLDER);
  problems.push(...references(entries, site, contentPublic, unreadable));
  problems.push(...missingLinkedEntries(entries, unreadable));
  problems.push(...publishedFileProblems(contentPublic, publicDir, rel));
  problems.push(...publicFileKindProblems(contentPublic, rel, warnings));
  // Nothing in content/ is left out without a word: shortcuts are errors, and what the site does not read is named.
  warnings.push(...unreadTopLevel(contentDir, [...folderCollections.map((c) => c.folder), PUBLIC_FOLDER, SITE_FILE, GLOSSARY_FILE, COVERAGE_FILE], rel));
  const everything = everythingIn(contentDir);
  problems.push(...symbolicLinks(contentDir, rel, everything));
  problems.push(...codeFiles(contentDir, rel, PUBLIC_FOLDER, everything));
  problems.push(...checkTextFields(entries, unreadable, warnings));
  // Plain English, measured: long sentences and hard paragraphs are worth a look, not a stop.
  warnings.push(...readabilityWarnings([...entries.values()].flat()));
  warnings.push(...overTaggedServices(entries.get('services') ?? []));
  warnings.push(...misspeltSections(entries.get('pages') ?? []));
  warnings.push(...undrawableTitles(entries));
  // The law asks for comments and the council's response to be published (s30(6), reg 56).
  if ((entries.get('feedback') ?? []).length === 0 && !unreadable.get('feedback')?.size) {
    warnings.push({ file: 'content/feedback/', field: '(folder)', problem: 'holds no "you said, we did" entries, so /you-said-we-did/ says there are none yet', fix: 'the law asks the council to publish comments about its Local Offer and what it does in response (Children and Families Act 2014, section 30(6); SEND Regulations 2014, regulation 56): add an entry for each, as docs/editing.md shows' });
  }
  // Tomorrow in UTC: an editor in the UK may already be in tomorrow's date.
  problems.push(...checkReviewDates(entries, addDays(today(), 1)));
  return { problems, warnings };
}

/**
 * The entries the site's own pages link to by name (src/contract/linked-entries.ts): a council
 * that replaces the demo content must have each, published, or those links go nowhere. A file
 * that is there but cannot be read is reported where it is.
 */
function missingLinkedEntries(entries: Entries, unreadable: Unreadable): Problem[] {
  const problems: Problem[] = [];
  for (const { collection, id, what, from } of LINKED_ENTRIES) {
    const folder = folderCollections.find((c) => c.name === collection)!;
    const file = `content/${folder.folder}/${id}${folder.extension}`;
    const address = collection === 'pages' ? `/${id}/` : `/${collection}/${id}/`;
    if (unreadable.get(collection)?.has(id) || unreadable.get(collection)?.has(ANY_ID)) continue;
    const entry = (entries.get(collection) ?? []).find((e) => e.id === id);
    if (!entry) {
      problems.push({ file, field: '(file)', problem: `is missing, but the site links to ${address} from ${from}: it is ${what}`, fix: `add ${file} with your own content (keep this file name), so the links lead somewhere; README.md, "How a council adopts it", lists every file the site links to` });
    } else if (collection === 'services' && isDraft(entry.data)) {
      problems.push({ file, field: 'draft', problem: `is a draft, so it is not published, but the site links to ${address} from ${from}`, fix: 'finish the draft and publish it (see "Drafts" in docs/import.md)' });
    }
  }
  return problems;
}

/**
 * Names, titles and summaries are drawn on the picture shown when a page is shared. Letters the
 * picture's font does not have (another alphabet, emoji) are left out of it, without a word: a
 * name only in Urdu would share as a picture with no name. Worth a look, not a stop.
 */
function undrawableTitles(entries: Entries): Problem[] {
  const ranges = socialImageRanges();
  if (!ranges) return [];
  const problems: Problem[] = [];
  for (const list of entries.values()) {
    for (const entry of list) {
      for (const field of ['name', 'title', 'summary']) {
        const text = entry.data[field];
        if (typeof text !== 'string') continue;
        const missing = undrawable(text, ranges);
        if (!missing.length) continue;
        problems.push({
          file: entry.file,
          field,
          problem: `the picture shown when the page is shared cannot draw ${missing.slice(0, 5).join(' ')}${missing.length > 5 ? ' …' : ''} (its font has only the Latin alphabet), so it leaves them out`,
          fix: 'nothing stops the page; if the name matters on the picture, give it in English too, such as "Women\'s group (خواتین کا گروپ)"',
        });
      }
    }
  }
  return problems;
}

/**
 * A page's section is free text ("about", "help"), but one word does something: "provision"
 * lists the page with the ordinarily available provision. A section that is nearly that word
 * ("provison", "provisions") would leave the page out without a word, so it is worth a look.
 */
function misspeltSections(pages: LoadedEntry[]): Problem[] {
  return pages.flatMap((page) => {
    const section = typeof page.data.section === 'string' ? page.data.section.trim().toLowerCase() : undefined;
    if (!section || section === PROVISION_SECTION || closest(section, [PROVISION_SECTION]) !== PROVISION_SECTION) return [];
    return [{ file: page.file, field: 'section', problem: `"${String(page.data.section)}" is not "${PROVISION_SECTION}", so the page is not listed with the ordinarily available provision`, fix: `write section: ${PROVISION_SECTION} if it belongs there; any other word only groups pages for editors` }];
  });
}

/** WebVTT: a "WEBVTT" header line, then at least one cue with a valid timing line. */
export function webVttProblem(text: string): string | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) return 'the first line is not "WEBVTT"';
  const timing = /^(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3} --> (?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}(?:\s.*)?$/;
  const cues = lines.filter((line) => line.includes('-->'));
  if (cues.length === 0) return 'it has no captions (no lines with "-->")';
  const bad = cues.find((line) => !timing.test(line.trim()));
  if (bad) return `the timing line "${bad.trim()}" is not in the form 00:00:01.000 --> 00:00:04.000`;
  return undefined;
}

/** A file in content/public/ must not have the path of one of the site's own files, which it would replace. */
function publishedFileProblems(contentPublic: string, publicDir: string, rel: (path: string) => string): Problem[] {
  const own = new Set(filesUnder(publicDir));
  const problems: Problem[] = [];
  for (const path of filesUnder(contentPublic)) {
    const built = builtFolderOf(path);
    if (built) {
      problems.push({
        file: rel(join(contentPublic, path)),
        field: '(file name)',
        problem: `the build fills /${built}/ itself (${BUILT_FOLDERS[built]}), so a file there would be replaced or refused`,
        fix: `move it into a folder of its own, such as content/${PUBLIC_FOLDER}/files/`,
      });
    } else if (own.has(path)) {
      problems.push({
        file: rel(join(contentPublic, path)),
        field: '(file name)',
        problem: `the site itself publishes /${path}, and two files cannot have one address`,
        fix: `rename the file or put it in a folder of its own, such as content/${PUBLIC_FOLDER}/files/`,
      });
    }
  }
  return problems;
}

/** A "last reviewed" date in the future would keep the review reminder quiet for years. */
function checkReviewDates(entries: Entries, latest: string): Problem[] {
  const problems: Problem[] = [];
  for (const list of entries.values()) {
    for (const entry of list) {
      const date = isoDateOf(entry.data.lastReviewed);
      if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && date > latest) {
        problems.push({ file: entry.file, field: 'lastReviewed', problem: `"${date}" is in the future`, fix: 'use the date someone last checked the details (today at the latest)' });
      }
    }
  }
  return problems;
}

/** References between entries, localities, themes, decision trees, and the files a video names. */
function references(entries: Entries, site: { localities: { name: string }[]; feedbackThemes: string[] } | undefined, contentPublic: string, unreadable: Unreadable): Problem[] {
  const problems: Problem[] = [];
  const idsOf = idLookup(entries, unreadable);

  const checkRef = (entry: LoadedEntry, field: string, value: unknown, collection: CollectionName) => {
    if (typeof value !== 'string') return;
    const available = idsOf(collection);
    if (available.has(value)) return;
    // No id is that long (a file name): shown cut, with no guess (comparing it with every id takes seconds).
    if (value.length > 200) {
      problems.push({ file: entry.file, field, problem: `${shownValue(value)} does not match any file in content/${collection}/`, fix: `use the file name (without extension) of an entry in content/${collection}/` });
      return;
    }
    const guess = closest(value, available);
    problems.push({
      file: entry.file,
      field,
      problem: `"${value}" does not match any file in content/${collection}/`,
      fix: guess
        ? `did you mean "${guess}"? Otherwise add content/${collection}/${slugify(value) || value}.${collection === 'pathways' || collection === 'videos' || collection === 'pages' ? 'mdx' : 'json'}`
        : `use the file name (without extension) of an entry in content/${collection}/, or add that entry${slugify(value) && slugify(value) !== value ? ` (for example content/${collection}/${slugify(value)}.json, and write "${slugify(value)}" here)` : ''}`,
    });
  };
  const checkRefList = (entry: LoadedEntry, field: string, collection: CollectionName) => {
    const value = entry.data[field];
    if (Array.isArray(value)) value.forEach((item, i) => checkRef(entry, `${field}[${i}]`, item, collection));
  };

  // A copied file whose name was not changed: two identical cards in every list.
  const serviceNamed = new Map<string, LoadedEntry>();
  // Drafts are not listed, and imported records with their own ids at the source are known to be different services.
  const sourceIdOf = (entry: LoadedEntry) => {
    const source = entry.data.source as { feed?: unknown; id?: unknown } | undefined;
    return source && typeof source.feed === 'string' && typeof source.id === 'string' ? `${source.feed}\u0000${source.id}` : undefined;
  };
  for (const service of entries.get('services') ?? []) {
    if (typeof service.data.name !== 'string' || isDraft(service.data)) continue;
    const key = `${service.data.name.trim().toLowerCase()}\u0000${String(service.data.organisation)}`;
    const first = serviceNamed.get(key);
    if (first && sourceIdOf(first) && sourceIdOf(service) && sourceIdOf(first) !== sourceIdOf(service)) continue;
    if (first) problems.push({ file: service.file, field: 'name', problem: `"${service.data.name}" is also the name of ${first.file}, from the same organisation`, fix: 'if one is a copy, change its name to say how the two services differ, or delete it' });
    else serviceNamed.set(key, service);
  }
  for (const service of entries.get('services') ?? []) {
    checkRef(service, 'organisation', service.data.organisation, 'organisations');
    checkRefList(service, 'videos', 'videos');
    checkRefList(service, 'relatedServices', 'services');
    const areas = service.data.areaServed;
    if (site && Array.isArray(areas)) {
      const names = site.localities.map((l) => l.name);
      areas.forEach((area, i) => {
        if (typeof area !== 'string' || area === 'whole-area' || names.includes(area)) return;
        const guess = closest(area, names);
        problems.push({
          file: service.file,
          field: `areaServed[${i}]`,
          problem: `"${area}" is not a locality in content/site.json`,
          fix: guess ? `did you mean "${guess}"?` : `use "whole-area" or one of: ${names.join(', ')}`,
        });
      });
    }
  }
  for (const collection of ['pathways', 'provision', 'videos'] as const) {
    for (const entry of entries.get(collection) ?? []) checkRefList(entry, 'relatedServices', 'services');
  }

  if (site) {
    for (const item of entries.get('feedback') ?? []) {
      const theme = item.data.theme;
      if (typeof theme === 'string' && !site.feedbackThemes.includes(theme)) {
        const guess = closest(theme, site.feedbackThemes);
        problems.push({
          file: item.file,
          field: 'theme',
          problem: `"${theme}" is not one of the themes in content/site.json`,
          fix: guess ? `did you mean "${guess}"?` : `use one of: ${site.feedbackThemes.join(', ')}, or add it to "feedbackThemes" in site.json`,
        });
      }
    }
  }

  for (const tree of entries.get('navigator') ?? []) {
    nowReading(tree.file);
    const data = tree.data as unknown as Tree & { nodes?: Record<string, { pathways?: unknown }> };
    if (typeof data.start !== 'string' || !data.nodes || typeof data.nodes !== 'object') continue;
    for (const problem of validateTree(data, closest)) problems.push({ file: tree.file, ...problem });
    for (const [nodeId, node] of Object.entries(data.nodes)) {
      if (Array.isArray(node?.pathways)) {
        node.pathways.forEach((p, i) => checkRef({ ...tree, data: {} }, `nodes.${nodeId}.pathways[${i}]`, p, 'pathways'));
      }
    }
  }

  const shown = (path: string) => `content/${PUBLIC_FOLDER}${path}`;
  const folderFix = (path: string) => `content/${PUBLIC_FOLDER}${posix.dirname(path).replace(/\/?$/, '/')}`;
  for (const video of entries.get('videos') ?? []) {
    const captions = video.data.captions;
    if (typeof captions === 'string') {
      const path = join(contentPublic, captions);
      if (!existsSync(path)) {
        problems.push({ file: video.file, field: 'captions', problem: `the captions file ${shown(captions)} does not exist`, fix: `add the WebVTT file to ${folderFix(captions)} or correct the path` });
      } else {
        const reason = webVttProblem(readFileSync(path, 'utf8'));
        if (reason) problems.push({ file: video.file, field: 'captions', problem: `${shown(captions)} is not valid WebVTT: ${reason}`, fix: 'export the captions as WebVTT (.vtt) and check the file in a text editor' });
      }
    }
    const source = video.data.source as { file?: unknown } | undefined;
    if (source && typeof source.file === 'string' && !existsSync(join(contentPublic, source.file))) {
      problems.push({ file: video.file, field: 'source.file', problem: `the video file ${shown(source.file)} does not exist`, fix: `add the video to ${folderFix(source.file)} or correct the path` });
    }
    if (typeof video.data.poster === 'string' && !existsSync(join(contentPublic, video.data.poster))) {
      problems.push({ file: video.file, field: 'poster', problem: `the poster image ${shown(video.data.poster)} does not exist`, fix: `add the image to ${folderFix(video.data.poster)} or correct the path` });
    }
    if (source && typeof source.file === 'string' && !/\.(?:mp4|webm)$/i.test(source.file)) {
      problems.push({ file: video.file, field: 'source.file', problem: `"${source.file}" is not an MP4 or WebM file`, fix: 'use a video file ending .mp4 (H.264 video, AAC audio), which every browser can play' });
    }
    const topics = video.data.topics;
    if (Array.isArray(topics)) {
      topics.forEach((topic, i) => {
        if (typeof topic !== 'string' || videoTopics.is(topic)) return;
        const guess = closest(topic, videoTopics.values);
        problems.push({
          file: video.file,
          field: `topics[${i}]`,
          problem: `"${topic}" is not a video topic`,
          fix: guess ? `did you mean "${guess}"?` : `use one of: ${videoTopics.values.join(', ')}`,
        });
      });
    }
  }
  return problems;
}
