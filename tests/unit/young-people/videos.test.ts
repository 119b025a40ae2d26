import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { load as loadYaml } from 'js-yaml';
import { buildWebVtt, fileSizeLabel, formatDuration, isoDuration, sentenceCues, topicsInUse, videoFitsAges, videosWithTopic, vttTimestamp, wrapWords, youtubeEmbedUrl } from '../../../src/lib/young-people/videos.ts';
import { splitFrontmatter } from '../../../src/lib/editors/check/read.ts';
import { webVttProblem } from '../../../src/lib/editors/check/cross-checks.ts';
import { videoTopics } from '../../../src/contract/vocabulary.ts';
import { showingAll } from '../../../src/lib/text/counts.ts';

describe('how a video length reads', () => {
  test.each([
    [45, '45 seconds', 'PT45S'],
    [60, '1 minute', 'PT1M'],
    [61, '1 minute 1 second', 'PT1M1S'],
    [125, '2 minutes 5 seconds', 'PT2M5S'],
    [0, '0 seconds', 'PT0S'],
  ])('%i seconds is "%s" (%s)', (seconds, words, iso) => {
    expect(formatDuration(seconds)).toBe(words);
    expect(isoDuration(seconds)).toBe(iso);
  });
});

describe('captions', () => {
  test('timestamps are hours, minutes, seconds and milliseconds', () => {
    expect(vttTimestamp(65.25)).toBe('00:01:05.250');
    expect(vttTimestamp(3723.0004)).toBe('01:02:03.000');
  });

  test('lines wrap at spaces and never exceed the width', () => {
    const lines = wrapWords('You can ask the council for an EHC needs assessment yourself, at any time after you turn 16.', 42);
    expect(lines.every((line) => line.length <= 42)).toBe(true);
    expect(lines.join(' ')).toBe('You can ask the council for an EHC needs assessment yourself, at any time after you turn 16.');
  });

  test('a long sentence becomes consecutive cues of at most two lines covering its whole time', () => {
    const sentence = { text: 'If you cannot make a particular decision, even with help, a parent or someone else can make it for you, in your best interests.', start: 10, end: 18 };
    const cues = sentenceCues(sentence);
    expect(cues.length).toBe(2);
    expect(cues.every((cue) => cue.text.split('\n').length <= 2)).toBe(true);
    expect(cues[0]!.start).toBe(10);
    expect(cues.at(-1)!.end).toBe(18);
    expect(cues[1]!.start).toBe(cues[0]!.end);
    expect(cues.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(sentence.text);
  });

  test('no cue is left with a word or two: a sentence is shared evenly between its cues, and a cue\'s two lines between them', () => {
    // Filled greedily, two lines of 42 held all but "18.", which was on screen for a quarter of a second.
    const sentence = { text: 'Every year, the council publishes a transport policy for students aged 16 to 18.', start: 27.191, end: 33.501 };
    const cues = sentenceCues(sentence);
    expect(cues.map((c) => c.text)).toEqual(['Every year, the council\npublishes a transport', 'policy for students aged 16 to 18.']);
    for (const text of [
      sentence.text,
      'Ask about travel training at your annual review, or contact the council’s travel assistance team.',
      'If you cannot make a particular decision, even with help, a parent or someone else can make it for you, in your best interests.',
      'A supported internship is a study programme for young people aged 16 to 24 who have an EHC plan and want to move into paid work, with a job coach and a real employer for about a year.',
    ]) {
      const made = sentenceCues({ text, start: 0, end: 10 });
      expect(made.map((c) => c.text.replace(/\n/g, ' ')).join(' ')).toBe(text);
      for (const cue of made) {
        const lines = cue.text.split('\n');
        expect(lines.length, cue.text).toBeLessThanOrEqual(2);
        expect(lines.every((line) => line.length <= 42), cue.text).toBe(true);
        expect(cue.text.split(/\s+/).length, `"${cue.text}" is a cue of its own`).toBeGreaterThanOrEqual(4);
        expect(cue.end - cue.start, `"${cue.text}" is on screen long enough to read`).toBeGreaterThan(1);
      }
    }
  });

  test('a built file is valid WebVTT', () => {
    const vtt = buildWebVtt([{ start: 0.5, end: 2, text: 'Hello' }]);
    expect(vtt).toBe('WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nHello\n');
    expect(webVttProblem(vtt)).toBeUndefined();
  });
});

describe('topics', () => {
  test("the filter's line before a topic is chosen counts the videos in plain words", () => {
    expect(showingAll(7, 'video')).toBe('Showing all 7 videos');
    expect(showingAll(1, 'video')).toBe('Showing 1 video');
  });

  const videos = [{ data: { topics: ['good-health'] } }, { data: { topics: ['your-rights', 'good-health'] } }];
  test('a topic lists the videos that have it', () => {
    expect(videosWithTopic(videos, 'your-rights')).toEqual([videos[1]]);
  });
  test('only topics with videos are offered, in vocabulary order', () => {
    expect(topicsInUse(videos, videoTopics.values)).toEqual(['good-health', 'your-rights']);
  });
});

test('file sizes read as KB or MB', () => {
  expect(fileSizeLabel(386_948)).toBe('387 KB');
  expect(fileSizeLabel(1_460_000)).toBe('1.5 MB');
  expect(fileSizeLabel(12)).toBe('1 KB');
});

test('YouTube plays from the privacy-enhanced domain, with English captions on', () => {
  const url = new URL(youtubeEmbedUrl('Kv7pFa2q9Xw'));
  expect(`${url.origin}${url.pathname}`).toBe('https://www.youtube-nocookie.com/embed/Kv7pFa2q9Xw');
  expect(url.searchParams.get('cc_load_policy')).toBe('1');
  expect(url.searchParams.get('cc_lang_pref')).toBe('en');
});

/** The committed demo videos: enough of them, small, and with captions that match the transcript. */
describe('the demo videos', () => {
  const entries = readdirSync('content/videos')
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const { frontmatter, body } = splitFrontmatter(readFileSync(`content/videos/${name}`, 'utf8'))!;
      return { name, data: loadYaml(frontmatter) as { source: { file?: string; youtube?: string }; captions: string; duration: number; poster?: string }, body };
    });
  const selfHosted = entries.filter((e) => e.data.source.file);

  test('there are at least 6 self-hosted videos and one from YouTube', () => {
    expect(selfHosted.length).toBeGreaterThanOrEqual(6);
    expect(entries.some((e) => e.data.source.youtube)).toBe(true);
  });

  test.each(selfHosted.map((e) => [e.name, e] as const))('%s is an MP4 under 2 MB', (_, entry) => {
    const file = `content/public${entry.data.source.file}`;
    expect(statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    expect(readFileSync(file).subarray(4, 8).toString('ascii')).toBe('ftyp');
  });

  test.each(entries.map((e) => [e.name, e] as const))('%s: every caption is in the transcript and within the video', (_, entry) => {
    const vtt = readFileSync(`content/public${entry.data.captions}`, 'utf8');
    const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9' ]+/g, ' ').replace(/\s+/g, ' ').trim();
    const transcript = words(entry.body);
    const cues = vtt.split(/\n\n+/).slice(1);
    expect(cues.length).toBeGreaterThan(0);
    for (const cue of cues) {
      const [, timing, ...text] = cue.trim().split('\n');
      const end = timing!.split(' --> ')[1]!;
      const [h, m, s] = end.split(':').map(Number);
      expect(h! * 3600 + m! * 60 + s!).toBeLessThanOrEqual(entry.data.duration);
      expect(transcript).toContain(words(text.join(' ')));
    }
  });
});

describe('suggesting a video on a service page by age', () => {
  test('a video for every age fits any service', () => {
    expect(videoFitsAges(undefined, { min: 0, max: 4 })).toBe(true);
  });
  test('a video about moving to adult services does not fit a service mostly for young children', () => {
    expect(videoFitsAges({ min: 14, max: 25 }, { min: 0, max: 25 })).toBe(false);
    expect(videoFitsAges({ min: 14, max: 25 }, { min: 0, max: 5 })).toBe(false);
  });
  test('it fits a service for teenagers, and one whose ages it covers', () => {
    expect(videoFitsAges({ min: 14, max: 25 }, { min: 11, max: 18 })).toBe(true);
    expect(videoFitsAges({ min: 16, max: 24 }, { min: 16, max: 24 })).toBe(true);
  });
});
