import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../fixture-content.ts';
import { webVttProblem } from '../../../src/lib/editors/check/cross-checks.ts';
import { HOST_FILE_LIMIT_BYTES } from '../../../src/lib/site/output-size.ts';
import { truncateSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The build refuses a video that people could not fully use: no captions, captions that are
 * not WebVTT, no transcript, or a topic or service that does not exist. Each message names the
 * video file and the field.
 */
const VIDEO = 'content/videos/supported-internships-explained.mdx';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.remove());

const edit = (f: Fixture, change: (text: string) => string) => f.write(VIDEO, change(f.read(VIDEO)));

const cases: { rule: string; breakIt: (f: Fixture) => void; expected: RegExp }[] = [
  {
    rule: 'a video has no captions',
    breakIt: (f) => edit(f, (t) => t.replace(/^captions: .*\n/m, '')),
    expected: /^content\/videos\/supported-internships-explained\.mdx: captions — this required field is missing — add "captions"/,
  },
  {
    rule: 'the captions file does not exist',
    breakIt: (f) => edit(f, (t) => t.replace(/^captions: .*$/m, 'captions: /videos/missing.vtt')),
    expected: /supported-internships-explained\.mdx: captions — the captions file content\/public\/videos\/missing\.vtt does not exist — add the WebVTT file to content\/public\/videos\/ or correct the path/,
  },
  {
    rule: 'the captions file is not WebVTT',
    breakIt: (f) => f.write('content/public/videos/supported-internships-explained.vtt', '1\n00:00:01,000 --> 00:00:02,000\nHello\n'),
    expected: /supported-internships-explained\.mdx: captions — content\/public\/videos\/supported-internships-explained\.vtt is not valid WebVTT: the first line is not "WEBVTT"/,
  },
  {
    rule: 'the captions file has no captions in it',
    breakIt: (f) => f.write('content/public/videos/supported-internships-explained.vtt', 'WEBVTT\n\n'),
    expected: /captions — content\/public\/videos\/supported-internships-explained\.vtt is not valid WebVTT: it has no captions/,
  },
  {
    rule: 'a caption timing is written the SubRip way',
    breakIt: (f) => f.write('content/public/videos/supported-internships-explained.vtt', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHello\n'),
    expected: /is not valid WebVTT: the timing line "00:00:01,000 --> 00:00:02,000" is not in the form 00:00:01\.000 --> 00:00:04\.000/,
  },
  {
    rule: 'a video has no transcript',
    breakIt: (f) => edit(f, (t) => t.replace(/\n---\n[\s\S]*$/, '\n---\n')),
    expected: /supported-internships-explained\.mdx: \(body\) — there is nothing after the frontmatter — write the full transcript of the video/,
  },
  {
    rule: 'the video file does not exist',
    breakIt: (f) => edit(f, (t) => t.replace(/file: \/videos\/supported-internships-explained\.mp4/, 'file: /videos/internships.mp4')),
    expected: /supported-internships-explained\.mdx: source\.file — the video file content\/public\/videos\/internships\.mp4 does not exist/,
  },
  {
    rule: 'the video file is not MP4 or WebM',
    breakIt: (f) => edit(f, (t) => t.replace(/file: \/videos\/supported-internships-explained\.mp4/, 'file: /videos/supported-internships-explained.jpg')),
    expected: /source\.file — "\/videos\/supported-internships-explained\.jpg" is not an MP4 or WebM file/,
  },
  {
    rule: 'a YouTube id is not 11 characters',
    breakIt: (f) => edit(f, (t) => t.replace(/source:\n  file: .*/, 'source:\n  youtube: "https://youtu.be/abc"')),
    expected: /supported-internships-explained\.mdx: source\.youtube — found "https:\/\/youtu\.be\/abc" — use an 11-character YouTube video id/,
  },
  {
    rule: 'a topic is misspelt',
    breakIt: (f) => edit(f, (t) => t.replace('topics: [education-and-employment]', 'topics: [education-and-employmnt]')),
    expected: /supported-internships-explained\.mdx: topics\[0\] — "education-and-employmnt" is not a video topic — did you mean "education-and-employment"\?/,
  },
  {
    rule: 'a related service does not exist',
    breakIt: (f) => edit(f, (t) => t.replace('relatedServices: [supported-internships]', 'relatedServices: [supported-internship]')),
    expected: /supported-internships-explained\.mdx: relatedServices\[0\] — "supported-internship" does not match any file in content\/services\/ — did you mean "supported-internships"\?/,
  },
  {
    rule: 'a video file is put beside the transcripts',
    breakIt: (f) => f.write('content/videos/new-video.mp4', 'not really a video'),
    expected: /^content\/videos\/new-video\.mp4: \(file name\) — videos\/ only holds \.mdx files — move it to content\/public\/videos\/, where video files, captions and images are published as they are$/,
  },
  {
    rule: 'a file in content/public/ has the address of one of the site\'s own files',
    breakIt: (f) => f.write('content/public/favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    expected: /^content\/public\/favicon\.svg: \(file name\) — the site itself publishes \/favicon\.svg, and two files cannot have one address — rename the file or put it in a folder of its own/,
  },
  {
    // The social images are placed after the content's files: this one would have been replaced without a word.
    rule: 'a file in content/public/ has "#" in its name, which a link would read as the end of the address',
    breakIt: (f) => f.write('content/public/files/leaflet #2.pdf', '%PDF-1.4\n'),
    expected: /^content\/public\/files\/leaflet #2\.pdf: \(file name\) — the name has "#", which means something else in a web address, so a link to the file would not find it — rename it \(or its folder\) with letters, numbers, spaces and hyphens only$/,
  },
  {
    rule: 'a file in content/public/ has ":" in its name, which Windows does not allow',
    breakIt: (f) => f.write('content/public/files/Q&A: transport.pdf', '%PDF-1.4\n'),
    expected: /^content\/public\/files\/Q&A: transport\.pdf: \(file name\) — the name has ":", which Windows does not allow in a file name, so the site's files could not be copied to a Windows computer — rename it \(or its folder\) with letters, numbers, spaces and hyphens only$/,
  },
  {
    rule: 'a file in content/public/ has a name Windows keeps for a device',
    breakIt: (f) => f.write('content/public/files/aux.pdf', '%PDF-1.4\n'),
    expected: /^content\/public\/files\/aux\.pdf: \(file name\) — Windows cannot have a file or folder named "aux\.pdf", so the site's files could not be copied to a Windows computer — rename it/,
  },
  {
    rule: 'a file in content/public/ is in a folder the build fills itself',
    breakIt: (f) => f.write('content/public/og/services/portage-home-visiting.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello\n'),
    expected: /^content\/public\/og\/services\/portage-home-visiting\.vtt: \(file name\) — the build fills \/og\/ itself \(the social images\), so a file there would be replaced or refused — move it into a folder of its own, such as content\/public\/files\/$/,
  },
];

describe('a video that not everyone could use stops the build', () => {
  test('the demo videos pass', () => {
    expect(fixture.check()).toEqual([]);
  });

  for (const { rule, breakIt, expected } of cases) {
    test(`when ${rule}`, () => {
      breakIt(fixture);
      const lines = fixture.check();
      expect(lines.some((line) => expected.test(line)), `expected a line matching ${expected}, got:\n${lines.join('\n')}`).toBe(true);
    });
  }
});

describe('a file in content/public/ too big for some hosts', () => {
  test('is published, with a warning naming the file, its size and the fix', () => {
    // Sparse: as big as a long video, without writing the bytes. Its first bytes are still an MP4's.
    const video = join(fixture.root, 'content/public/videos/your-rights-at-16.mp4');
    truncateSync(video, HOST_FILE_LIMIT_BYTES + 1024 * 1024);
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toContain(
      'content/public/videos/your-rights-at-16.mp4: (file size) — the file is 26.0 MB, and some hosts refuse a file bigger than 25.0 MB (Cloudflare Pages does) — make it smaller (a video can be shorter, or saved at a lower quality), or publish on a host without that limit (docs/hosting.md, "File sizes")',
    );
  });

  test('one of exactly the limit is not warned about', () => {
    truncateSync(join(fixture.root, 'content/public/videos/your-rights-at-16.mp4'), HOST_FILE_LIMIT_BYTES);
    expect(fixture.warnings().filter((line) => line.includes('(file size)'))).toEqual([]);
  });
});

describe('webVttProblem', () => {
  test('accepts captions with hours left out and cue settings', () => {
    expect(webVttProblem('WEBVTT\n\n00:01.000 --> 00:04.000 line:85%\nHello\n')).toBeUndefined();
  });
  test('accepts a byte-order mark and a header note', () => {
    expect(webVttProblem('\uFEFFWEBVTT - demo captions\r\n\r\n00:00:01.000 --> 00:00:04.000\r\nHello\r\n')).toBeUndefined();
  });
  test('rejects a SubRip (.srt) file renamed to .vtt', () => {
    expect(webVttProblem('1\n00:00:01,000 --> 00:00:04,000\nHello\n')).toBe('the first line is not "WEBVTT"');
  });
});
