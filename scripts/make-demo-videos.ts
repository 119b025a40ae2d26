/**
 * Makes the demo videos for the Kestrel Vale example content: for each script below, slides
 * (rendered by Chromium in the site's font and colours), narration (espeak-ng, a British
 * English voice), an H.264/AAC MP4 small enough for a phone on a slow connection, a poster
 * image, a WebVTT captions file timed from the narration itself, and the content entry
 * content/videos/<id>.mdx whose body is the full transcript.
 *
 * Captions and transcripts come from the same sentences the voice speaks, so they stay accurate.
 * The media are committed; this script is not run in CI. To run it again:
 *
 *   apt-get install -y ffmpeg espeak-ng
 *   npx node scripts/make-demo-videos.ts            (all videos)
 *   npx node scripts/make-demo-videos.ts <id> …     (some of them)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { buildWebVtt, sentenceCues, type Cue } from '../src/lib/young-people/videos.ts';

interface Scene {
  /** The slide heading. */
  heading: string;
  /** Short lines shown under the heading. */
  points?: string[];
  /** What the narrator says, one sentence per item (each becomes one or more caption cues). */
  say: string[];
}

interface DemoVideo {
  id: string;
  title: string;
  summary: string;
  audience: ('young-people' | 'parents' | 'professionals')[];
  topics: string[];
  relatedServices: string[];
  /** The ages the video is for, when not every age. */
  ageRange?: { min: number; max: number };
  /** Publish on YouTube instead: only the poster and captions are made here, no MP4. */
  youtube?: string;
  /** When its words were last checked, if later than LAST_REVIEWED. */
  lastReviewed?: string;
  scenes: Scene[];
}

const LAST_REVIEWED = '2026-11-20';

const videos: DemoVideo[] = [
  {
    id: 'your-rights-at-16',
    title: 'Your rights at 16 and over',
    summary: 'From the end of the school year you turn 16, you make your own decisions about your support. What that means and where to get free advice.',
    audience: ['young-people'],
    topics: ['your-rights'],
    relatedServices: ['send-information-advice-and-support', 'send-mediation'],
    ageRange: { min: 16, max: 25 },
    scenes: [
      { heading: 'Your rights at 16 and over', points: ['Kestrel Vale Local Offer'], say: ['This video is about the decisions you can make about your own support as you get older.'] },
      {
        heading: 'You make the decisions',
        points: ['From the end of the school year you turn 16', 'For most people, that is the end of Year 11'],
        say: [
          'From the end of the school year in which you turn 16, the law says you can make decisions about your own support.',
          'That includes your education, health and care plan, if you have one.',
        ],
      },
      {
        heading: 'What you can do',
        points: ['Ask for an EHC needs assessment', 'Say which school or college you want', 'Appeal if you disagree'],
        say: [
          'You can ask the council for an EHC needs assessment yourself.',
          'You can say which school or college you would like to go to.',
          'And if you disagree with a decision, you can appeal to the SEND Tribunal.',
        ],
      },
      {
        heading: 'Your family can still help',
        points: ['You choose who helps you', 'Someone you trust can speak for you'],
        say: [
          'Your parents or carers can still help you, if you want them to.',
          'You can ask someone you trust to speak for you.',
          'If you cannot make a particular decision, even with help, a parent or someone else can make it for you, in your best interests.',
        ],
      },
      {
        heading: 'Free, confidential advice',
        points: ['SENDIASS helpline: 01632 960 300', 'For young people up to age 25'],
        say: [
          'For free and confidential advice, contact SENDIASS, the SEND information, advice and support service.',
          'They help young people up to the age of 25.',
        ],
      },
    ],
  },
  {
    id: 'asking-for-an-ehc-needs-assessment',
    title: 'Asking for an EHC needs assessment yourself',
    summary: 'You can ask the council for an education, health and care (EHC) needs assessment yourself from the end of the school year you turn 16. How to ask, and the time limits.',
    audience: ['young-people', 'parents'],
    topics: ['your-rights', 'education-and-employment'],
    relatedServices: ['send-information-advice-and-support', 'send-mediation'],
    scenes: [
      {
        heading: 'Asking for an EHC needs assessment',
        points: ['Kestrel Vale Local Offer'],
        say: ['You can ask the council for an EHC needs assessment yourself.', 'Here is how.'],
      },
      {
        heading: 'When you can ask',
        points: ['From the end of the school year you turn 16', 'For most people, that is the end of Year 11'],
        say: [
          'You can ask for yourself from the end of the school year in which you turn 16.',
          'For most people, that is the end of Year 11.',
          'Before then, your parents or your school can ask for you.',
        ],
      },
      {
        heading: 'What it is',
        points: ['A close look at the help you need', 'It can lead to an EHC plan'],
        say: [
          'An EHC needs assessment is a detailed look at your needs and the help you should get.',
          'EHC stands for education, health and care.',
          'The assessment can lead to an EHC plan.',
        ],
      },
      {
        heading: 'How to ask',
        points: ['Email or write to the council', 'Say what you find hard', 'Say what help you have had'],
        say: [
          "Send an email or a letter to the council's SEND team.",
          'Say what you find hard, and what help you have had so far.',
          'You do not need a special form.',
        ],
      },
      {
        heading: 'What happens next',
        points: ['A decision within 6 weeks', 'A final plan within 20 weeks'],
        say: [
          'The council must tell you within 6 weeks whether it will do the assessment.',
          'If it does, and decides you need a plan, the final plan must be ready within 20 weeks of your request.',
        ],
      },
      {
        heading: 'Help with asking',
        points: ['SENDIASS can help you write it', 'If the answer is no, you can appeal'],
        say: ['SENDIASS can help you write your request.', 'If the council says no, it must tell you why, and you can appeal.'],
      },
    ],
  },
  {
    id: 'supported-internships-explained',
    title: 'Supported internships explained',
    summary: 'A year learning a real job at an employer, with a job coach. Who supported internships are for and how to start.',
    audience: ['young-people'],
    topics: ['education-and-employment'],
    relatedServices: ['supported-internships'],
    ageRange: { min: 16, max: 24 },
    scenes: [
      { heading: 'Supported internships', points: ['Kestrel Vale Local Offer'], say: ['Want a paid job?', 'A supported internship could help.'] },
      {
        heading: 'What it is',
        points: ['Most of the week at a real employer', 'Usually about a year'],
        say: ['A supported internship is a study programme where you spend most of your week at a real employer.', 'It usually lasts about a year.'],
      },
      {
        heading: 'Who helps you',
        points: ['A job coach', 'College for English, maths and work skills'],
        say: ['A job coach helps you learn the job and settle in.', 'You also spend some time at college, working on English, maths and work skills.'],
      },
      {
        heading: 'Who it is for',
        points: ['Aged 16 to 24', 'With an EHC plan', 'You want a paid job'],
        say: ['Supported internships are for young people aged 16 to 24 with an EHC plan, who want a paid job and need extra support to get one.'],
      },
      {
        heading: 'How to start',
        points: ['Talk about it at your annual review', 'Brackenbridge College runs taster days'],
        say: ['Talk about it at your next annual review.', 'In Kestrel Vale, Brackenbridge College runs supported internships and holds taster days.'],
      },
    ],
  },
  {
    id: 'learning-to-travel-on-your-own',
    lastReviewed: '2026-12-07',
    title: 'Learning to travel on your own',
    summary: 'Travel training helps you learn a route step by step, so you can get to college, work and friends. What you practise and how to ask for it.',
    audience: ['young-people'],
    topics: ['independent-living'],
    relatedServices: ['home-to-school-travel-assistance'],
    scenes: [
      {
        heading: 'Learning to travel on your own',
        points: ['Kestrel Vale Local Offer'],
        say: ['Getting around on your own means you can get to college or work, and see your friends.'],
      },
      {
        heading: 'Travel training',
        points: ['Practise a route with a trainer', 'Step by step, at your own pace'],
        say: [
          'Travel training helps you learn a route, such as from home to college.',
          'A trainer goes with you at first, then steps back as you get more confident.',
        ],
      },
      {
        heading: 'Things you practise',
        points: ['Buying a ticket', 'What to do if the bus is late', 'Who to call for help'],
        say: ['You practise things like buying a ticket, what to do if the bus is late, and who to call if you need help.'],
      },
      {
        heading: 'Help with travel after 16',
        points: ["The council's transport policy for ages 16 to 18", "Your college's bursary fund"],
        say: [
          'Every year, the council publishes a transport policy for students aged 16 to 18.',
          'It also covers you if you are older, on a course you started before you were 19.',
          'Your college may help with travel costs too, from its bursary fund.',
        ],
      },
      {
        heading: 'Ask for travel training',
        points: ['At your annual review', 'Or call the travel assistance team'],
        say: ['Ask about travel training at your annual review, or contact the council’s travel assistance team.'],
      },
    ],
  },
  {
    id: 'friends-and-things-to-do',
    title: 'Friends and things to do',
    summary: 'Clubs, short breaks, volunteering and staying safe when you meet people. Ideas for spending time with friends and finding activities near you.',
    audience: ['young-people'],
    topics: ['friends-relationships-and-community'],
    relatedServices: ['inclusive-holiday-play-scheme', 'youth-wellbeing-drop-in'],
    scenes: [
      {
        heading: 'Friends and things to do',
        points: ['Kestrel Vale Local Offer'],
        say: ['Spending time with friends and doing things you enjoy matters as much as school or work.'],
      },
      {
        heading: 'Some ideas',
        points: ['Clubs and youth groups', 'Sport and arts', 'Volunteering'],
        say: ['You could join a club or youth group, try a sport or an arts group, or volunteer for something you care about.'],
      },
      {
        heading: 'Short breaks',
        points: ['Activities for disabled young people', 'Up to age 18', 'Some are free'],
        say: [
          'Short breaks are activities and clubs for disabled children and young people up to the age of 18.',
          'They give families a break too, and some are free.',
        ],
      },
      {
        heading: 'Staying safe',
        points: ['Online and in person', 'Trust your feelings', 'Tell someone if something is wrong'],
        say: ['Whether you meet people online or in person, trust your feelings.', 'If something does not feel right, tell someone you trust.'],
      },
      {
        heading: 'Find something near you',
        points: ['Search the Local Offer', 'Ask at your annual review'],
        say: ['Search the Local Offer for activities near you, or ask about them at your annual review.'],
      },
    ],
  },
  {
    id: 'moving-to-adult-health-services',
    title: 'Moving to adult health services',
    summary: 'Your health care moves from children’s to adult services, usually between 16 and 18. Planning early, your say in your care, and annual health checks.',
    audience: ['young-people', 'parents'],
    topics: ['good-health'],
    relatedServices: ['speech-and-language-therapy', 'youth-wellbeing-drop-in'],
    ageRange: { min: 14, max: 25 },
    scenes: [
      {
        heading: 'Moving to adult health services',
        points: ['Kestrel Vale Local Offer'],
        say: ["As you get older, your health care moves from children's services to adult services."],
      },
      {
        heading: 'Plan early',
        points: ['The move is usually between 16 and 18', 'Planning should start by Year 9'],
        say: ['The move usually happens between the ages of 16 and 18.', 'NHS guidance says planning should start early, by the time you are in Year 9.'],
      },
      {
        heading: 'Your health, your say',
        points: ['From 16 you can agree to your own treatment', 'You can see a doctor on your own'],
        say: ['From 16, you can usually agree to your own medical treatment.', 'You can ask to see a doctor or nurse on your own.'],
      },
      {
        heading: 'Annual health check',
        points: ['From age 14', 'If you have a learning disability', 'Free, with your GP'],
        say: [
          'If you are 14 or over and have a learning disability, you can have a free health check with your GP every year.',
          'Ask your GP surgery to put you on their learning disability register.',
        ],
      },
      {
        heading: 'Look after your mind too',
        points: ['Talk to someone you trust', 'Your GP or a youth drop-in can help'],
        say: ['Your mental health matters too.', 'If you feel worried or low, talk to someone you trust, your GP, or a youth wellbeing drop-in.'],
      },
    ],
  },
  {
    id: 'what-is-preparing-for-adulthood',
    lastReviewed: '2026-12-07',
    title: 'What is preparing for adulthood?',
    summary: 'The four areas of preparing for adulthood, when planning starts, and how long an EHC plan can last. Plays from YouTube when you choose.',
    audience: ['young-people', 'parents'],
    topics: ['education-and-employment', 'independent-living', 'friends-relationships-and-community', 'good-health'],
    relatedServices: ['supported-internships', 'send-information-advice-and-support'],
    youtube: 'Kv7pFa2q9Xw',
    scenes: [
      { heading: 'What is preparing for adulthood?', points: ['Kestrel Vale Local Offer'], say: ['Preparing for adulthood means planning for the life you want after school.'] },
      {
        heading: 'Four areas',
        points: ['Education and employment', 'Independent living', 'Friends, relationships and community', 'Good health'],
        say: ['It covers four areas: education and employment, independent living, friends, relationships and community, and good health.'],
      },
      {
        heading: 'From Year 9',
        points: ['Your annual review looks ahead'],
        say: ['If you have an EHC plan, every annual review from Year 9 must include planning for adulthood.'],
      },
      {
        heading: 'Until the end of the school or college year in which you turn 25',
        points: ['If you stay in education or training', 'It usually ends at university or a paid job'],
        say: [
          'An EHC plan can continue until the end of the school or college year in which you turn 25, if you stay in education or training and still need it.',
          'It usually ends if you go to university, or leave education for a paid job.',
        ],
      },
      {
        heading: 'Your future, your say',
        points: ['Say what you want', 'Ask for the help you need'],
        say: ['It is your future, so your views come first.', 'Say what you want, and ask for the help you need.'],
      },
    ],
  },
];

const WIDTH = 640;
const HEIGHT = 360;
const VOICE = 'en-gb';
const WORDS_PER_MINUTE = 150;
const GAP_BETWEEN_SENTENCES = 0.4;
const GAP_BETWEEN_SCENES = 0.9;

const root = resolve(import.meta.dirname, '..');
const site = JSON.parse(readFileSync(join(root, 'content/site.json'), 'utf8')) as { theme: { primary: string } };
const font = (weight: number) =>
  readFileSync(join(root, `node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-${weight}-normal.woff2`)).toString('base64');

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A slide as HTML. The lower fifth is left plain, because captions are drawn there. */
function slideHtml(scene: Scene, index: number, count: number): string {
  const title = index === 0;
  return `<!doctype html><html><head><style>
@font-face { font-family: A; font-weight: 400; src: url(data:font/woff2;base64,${font(400)}) format('woff2'); }
@font-face { font-family: A; font-weight: 700; src: url(data:font/woff2;base64,${font(700)}) format('woff2'); }
html, body { margin: 0; width: ${WIDTH}px; height: ${HEIGHT}px; overflow: hidden; }
body { font-family: A, sans-serif; background: ${title ? site.theme.primary : '#ffffff'}; color: ${title ? '#ffffff' : '#0b0c0c'};
  box-sizing: border-box; padding: 34px 40px; border-left: ${title ? 0 : 14}px solid ${site.theme.primary}; }
h1 { font-size: ${title ? 44 : 36}px; line-height: 1.1; margin: ${title ? '54px' : '0'} 0 18px; }
ul { margin: 0; padding-left: 1.1em; font-size: 24px; line-height: 1.35; }
li { margin-bottom: 6px; }
p { font-size: 22px; margin: 0; }
.count { position: absolute; right: 24px; top: 14px; font-size: 14px; color: ${title ? '#ffffff' : '#505a5f'}; }
</style></head><body>
<h1>${escapeHtml(scene.heading)}</h1>
${title ? `<p>${escapeHtml(scene.points?.join(' · ') ?? '')}</p>` : `<ul>${(scene.points ?? []).map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`}
${title ? '' : `<span class="count">${index + 1} of ${count}</span>`}
</body></html>`;
}

interface Wav {
  sampleRate: number;
  samples: Buffer;
}

/** Reads the 16-bit mono PCM WAV that espeak-ng writes. */
function readWav(path: string): Wav {
  const file = readFileSync(path);
  let offset = 12;
  let sampleRate = 22050;
  while (offset < file.length - 8) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'fmt ') sampleRate = file.readUInt32LE(offset + 12);
    // espeak-ng writes a placeholder size when it streams; the data runs to the end of the file.
    if (id === 'data') return { sampleRate, samples: file.subarray(offset + 8, Math.min(file.length, offset + 8 + (size || file.length))) };
    offset += 8 + size;
  }
  throw new Error(`${path}: no audio data`);
}

function writeWav(path: string, sampleRate: number, samples: Buffer) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  writeFileSync(path, Buffer.concat([header, samples]));
}

const silence = (sampleRate: number, seconds: number) => Buffer.alloc(Math.round(sampleRate * seconds) * 2);

/** Text as the voice should say it: "EHC" letter by letter, "SENDIASS" as one word. */
function spoken(text: string): string {
  return text.replace(/\bSEND Tribunal\b/g, 'send tribunal').replace(/\bSENDIASS\b/g, 'send eye ass').replace(/\bSEND\b/g, 'send').replace(/\bGP\b/g, 'G P');
}

function transcript(video: DemoVideo): string {
  const paragraphs = video.scenes.map((scene) => {
    const onScreen = [scene.heading, ...(scene.points ?? [])].map((line) => (/[.?!]$/.test(line) ? line : `${line}.`)).join(' ');
    return `*On screen: ${onScreen}*\n\n${scene.say.join(' ')}`;
  });
  return `The narrator is a computer-generated voice. Each part of the video shows a slide; its words are given first.\n\n${paragraphs.join('\n\n')}\n`;
}

function frontmatter(video: DemoVideo, duration: number): string {
  const list = (items: string[]) => `[${items.join(', ')}]`;
  const source = video.youtube ? `source:\n  youtube: "${video.youtube}"` : `source:\n  file: /videos/${video.id}.mp4`;
  return [
    '---',
    `title: "${video.title}"`,
    `summary: "${video.summary}"`,
    `audience: ${list(video.audience)}`,
    `topics: ${list(video.topics)}`,
    `duration: ${duration}`,
    source,
    `captions: /videos/${video.id}.vtt`,
    `poster: /videos/${video.id}.jpg`,
    `relatedServices: ${list(video.relatedServices)}`,
    ...(video.ageRange ? [`ageRange: { min: ${video.ageRange.min}, max: ${video.ageRange.max} }`] : []),
    `lastReviewed: ${video.lastReviewed ?? LAST_REVIEWED}`,
    '---',
  ].join('\n');
}

async function main() {
  const wanted = process.argv.slice(2);
  const work = mkdtempSync(join(tmpdir(), 'demo-videos-'));
  const out = join(root, 'content/public/videos');
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  try {
    for (const video of videos.filter((v) => wanted.length === 0 || wanted.includes(v.id))) {
      const dir = join(work, video.id);
      mkdirSync(dir);
      let sampleRate = 22050;
      const audio: Buffer[] = [];
      const cues: Cue[] = [];
      const slides: { image: string; seconds: number }[] = [];
      let clock = 0.5;
      audio.push(silence(sampleRate, clock));
      for (const [index, scene] of video.scenes.entries()) {
        const image = join(dir, `slide-${index}.png`);
        await page.setContent(slideHtml(scene, index, video.scenes.length));
        await page.evaluate(() => document.fonts.ready);
        await page.screenshot({ path: image });
        const sceneStart = clock;
        for (const [n, sentence] of scene.say.entries()) {
          const wavPath = join(dir, `say-${index}-${n}.wav`);
          execFileSync('espeak-ng', ['-v', VOICE, '-s', String(WORDS_PER_MINUTE), '-w', wavPath, spoken(sentence)]);
          const wav = readWav(wavPath);
          sampleRate = wav.sampleRate;
          const seconds = wav.samples.length / 2 / sampleRate;
          cues.push(...sentenceCues({ text: sentence, start: clock, end: clock + seconds }));
          audio.push(wav.samples, silence(sampleRate, GAP_BETWEEN_SENTENCES));
          clock += seconds + GAP_BETWEEN_SENTENCES;
        }
        audio.push(silence(sampleRate, GAP_BETWEEN_SCENES));
        clock += GAP_BETWEEN_SCENES;
        slides.push({ image, seconds: clock - (index === 0 ? 0 : sceneStart) });
      }
      const narration = join(dir, 'narration.wav');
      writeWav(narration, sampleRate, Buffer.concat(audio));
      const duration = Math.ceil(clock);

      writeFileSync(join(out, `${video.id}.vtt`), buildWebVtt(cues));
      await page.setContent(slideHtml(video.scenes[0]!, 0, video.scenes.length));
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(out, `${video.id}.jpg`), type: 'jpeg', quality: 70 });

      if (!video.youtube) {
        const list = join(dir, 'slides.txt');
        const last = slides.at(-1)!;
        writeFileSync(list, [...slides.map((s) => `file '${s.image}'\nduration ${s.seconds.toFixed(3)}`), `file '${last.image}'`].join('\n'));
        const mp4 = join(out, `${video.id}.mp4`);
        execFileSync('ffmpeg', [
          '-y', '-loglevel', 'error',
          '-f', 'concat', '-safe', '0', '-i', list,
          '-i', narration,
          '-vf', 'fps=5,format=yuv420p',
          '-c:v', 'libx264', '-preset', 'veryslow', '-tune', 'stillimage', '-crf', '30', '-profile:v', 'main', '-g', '25',
          '-c:a', 'aac', '-b:a', '24k', '-ac', '1',
          '-shortest', '-movflags', '+faststart',
          mp4,
        ]);
        process.stdout.write(`${video.id}.mp4: ${duration} s, ${statSync(mp4).size} bytes\n`);
      }
      writeFileSync(join(root, 'content/videos', `${video.id}.mdx`), `${frontmatter(video, duration)}\n${transcript(video)}`);
      process.stdout.write(`${video.id}: ${cues.length} captions\n`);
    }
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
