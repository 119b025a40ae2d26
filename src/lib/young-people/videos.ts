/**
 * Video helpers with no Astro in them: how a length reads, WebVTT timestamps and cues, and
 * which videos belong to a topic. The site pages, the content checker and the demo video
 * generator (scripts/make-demo-videos.ts) all use these.
 */

/** "45 seconds", "1 minute", "2 minutes 5 seconds". */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) return part(rest, 'second');
  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/** An ISO 8601 duration for <time datetime>, such as "PT1M5S". */
export function isoDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  const rest = total % 60;
  return `PT${minutes ? `${minutes}M` : ''}${rest || !minutes ? `${rest}S` : ''}`;
}

/** A WebVTT timestamp: 65.25 → "00:01:05.250". */
export function vttTimestamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

export interface Cue {
  start: number;
  end: number;
  /** One or two lines, joined with "\n". */
  text: string;
}

/** Breaks text into lines of at most `width` characters, at spaces. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Splits words into `count` runs of about equal length (in characters), in order: each run ends
 * at the word whose end is nearest its share of the whole.
 */
function evenRuns(words: string[], count: number): string[][] {
  const ends: number[] = [];
  for (const word of words) ends.push((ends.at(-1) ?? -1) + 1 + word.length);
  const total = ends.at(-1) ?? 0;
  const runs: string[][] = [];
  let from = 0;
  for (let k = 1; k < count; k++) {
    const target = (total * k) / count;
    let to = from + 1;
    // Leave at least one word for each run still to come.
    while (to < words.length - (count - k) && Math.abs(ends[to]! - target) <= Math.abs(ends[to - 1]! - target)) to++;
    runs.push(words.slice(from, to));
    from = to;
  }
  runs.push(words.slice(from));
  return runs.filter((run) => run.length > 0);
}

/** One cue's text: one line, or two of about equal length, each within `width`. */
function cueLines(words: string[], width: number): string[] {
  const greedy = wrapWords(words.join(' '), width);
  if (greedy.length !== 2) return greedy;
  const even = evenRuns(words, 2).map((run) => run.join(' '));
  return even.every((line) => line.length <= width) ? even : greedy;
}

/**
 * Caption cues for one spoken sentence: at most two lines of `width` characters on screen at
 * once (the BBC subtitle guidelines' usual limit), the sentence's time shared between its cues
 * by their length, so each cue is on screen while its words are spoken. A sentence too long for
 * one cue is shared evenly between as few cues as it needs, and each cue's two lines are about
 * the same length, so no cue is left with a word or two that flashes past ("18." for a quarter
 * of a second).
 */
export function sentenceCues(sentence: { text: string; start: number; end: number }, width = 42): Cue[] {
  const words = sentence.text.split(/\s+/).filter(Boolean);
  let count = Math.ceil(wrapWords(sentence.text, width).length / 2);
  let groups = evenRuns(words, count).map((run) => cueLines(run, width));
  while (groups.some((lines) => lines.length > 2)) groups = evenRuns(words, ++count).map((run) => cueLines(run, width));
  const total = groups.reduce((sum, g) => sum + g.join(' ').length, 0) || 1;
  let start = sentence.start;
  return groups.map((group, index) => {
    const end = index === groups.length - 1 ? sentence.end : start + ((sentence.end - sentence.start) * group.join(' ').length) / total;
    const cue = { start, end, text: group.join('\n') };
    start = end;
    return cue;
  });
}

/** A complete WebVTT file. */
export function buildWebVtt(cues: Cue[]): string {
  const body = cues.map((cue, i) => `${i + 1}\n${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}\n${cue.text}`).join('\n\n');
  return `WEBVTT\n\n${body}\n`;
}

export interface AgeRange {
  min: number;
  max: number;
}

/**
 * Whether a video fits a service's ages, to suggest it on the service's page: a video with no
 * ages given is for everyone; otherwise at least half of the service's years must be among the
 * video's. "Moving to adult health services" (14 to 25) fits a youth drop-in (11 to 18) but not a
 * speech therapy service for every age from 0 to 25, where most families have young children.
 */
export function videoFitsAges(video: AgeRange | undefined, service: AgeRange): boolean {
  if (!video) return true;
  const overlap = Math.min(video.max, service.max) - Math.max(video.min, service.min) + 1;
  return overlap > 0 && overlap * 2 >= service.max - service.min + 1;
}

/** Videos that have a topic, in the order given. */
export function videosWithTopic<T extends { data: { topics: string[] } }>(videos: T[], topic: string): T[] {
  return videos.filter((video) => video.data.topics.includes(topic));
}

/** The topics from `allTopics` that at least one video has, in vocabulary order. */
export function topicsInUse<T extends string>(videos: { data: { topics: string[] } }[], allTopics: readonly T[]): T[] {
  const used = new Set(videos.flatMap((video) => video.data.topics));
  return allTopics.filter((topic) => used.has(topic));
}

/**
 * The address YouTube's privacy-enhanced mode plays a video from: captions on, in English, as
 * the site's own videos have them.
 */
export function youtubeEmbedUrl(id: string): string {
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(id)}?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=en`;
}

/** The origin the CSP must allow as a frame source for YouTube videos, and nothing more. */
export const YOUTUBE_EMBED_ORIGIN = 'https://www.youtube-nocookie.com';

/** A file size people can read: "380 KB", "1.4 MB". */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} KB`;
  return `${(bytes / 1000 / 1000).toFixed(1)} MB`;
}
