import { describe, expect, test } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { atomDate, atomFeed, feedUpdated } from '../../../src/lib/feedback/atom.ts';
import { escapeXml } from '../../../src/lib/text/xml.ts';
import { feedbackFeed, FEED_SIZE, shorten, type FeedbackFeedItem } from '../../../src/lib/feedback/feedback-feed.ts';

const SITE = { name: 'Kestrel Vale SEND Local Offer', localAuthority: 'Kestrel Vale Council', siteUrl: 'https://localoffer.kestrelvale.example', contact: { email: 'localoffer@kestrelvale.example' } };
const entry = (id: string, date: string, extra: Partial<FeedbackFeedItem> = {}): FeedbackFeedItem => ({
  id,
  date,
  theme: 'Health services',
  status: 'done',
  source: 'Parent carer forum survey',
  youSaid: `Said ${id}`,
  weDid: `Did ${id}`,
  links: [],
  ...extra,
});
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) }).parse(xml);

describe('XML escaping', () => {
  test('escapes the characters XML treats specially', () => {
    expect(escapeXml(`<b> & "quotes" 'too'`)).toBe('&lt;b&gt; &amp; &quot;quotes&quot; &apos;too&apos;');
  });
  test('drops control characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u0008c\td')).toBe('abc\td');
  });
  test('dates become RFC 3339 timestamps', () => {
    expect(atomDate('2026-10-14')).toBe('2026-10-14T00:00:00Z');
    expect(atomDate('2026-10-14T09:30:00.000Z')).toBe('2026-10-14T09:30:00Z');
  });
  test("the feed's updated date is the latest entry's, or the fallback when empty", () => {
    expect(feedUpdated([{ updated: '2026-01-01' }, { updated: '2026-03-01' }], '2020-01-01')).toBe('2026-03-01T00:00:00Z');
    expect(feedUpdated([], '2026-11-22')).toBe('2026-11-22T00:00:00Z');
  });
});

describe('the "you said, we did" feed', () => {
  const items = [entry('older', '2026-01-10'), entry('newest', '2026-10-14', { youSaid: 'Tell us <when> & "how"', links: [{ label: 'Pathways & plans', href: '/pathways/sen-support/' }] }), entry('middle', '2026-05-02', { status: 'planned' })];
  const xml = feedbackFeed(items, SITE, '2026-11-22');
  const feed = parse(xml).feed;

  test('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  test('is an Atom feed with the required id, title, updated, author and self link', () => {
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://localoffer.kestrelvale.example/you-said-we-did/feed.xml');
    expect(feed.title).toBe('You said, we did – Kestrel Vale SEND Local Offer');
    expect(feed.updated).toBe('2026-10-14T00:00:00Z');
    expect(feed.author.name).toBe('Kestrel Vale Council');
    expect(feed.link.find((l: any) => l['@rel'] === 'self')['@href']).toBe('https://localoffer.kestrelvale.example/you-said-we-did/feed.xml');
  });
  test('lists entries newest first, each with id, title, updated, link and content', () => {
    expect(feed.entry.map((e: any) => e.id)).toEqual([
      'https://localoffer.kestrelvale.example/you-said-we-did/#entry-newest',
      'https://localoffer.kestrelvale.example/you-said-we-did/#entry-middle',
      'https://localoffer.kestrelvale.example/you-said-we-did/#entry-older',
    ]);
    for (const e of feed.entry) {
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(e.link[0]['@href']).toBe(e.id);
      expect(e.content['@type']).toBe('html');
    }
  });
  test('escapes text so content cannot break the XML or inject markup', () => {
    const newest = feed.entry[0];
    expect(xml).not.toContain('<when>');
    expect(xml).toContain('<title>Health services: Tell us &lt;when&gt; &amp; &quot;how&quot;</title>');
    // A feed reader decodes the XML once and reads the HTML, in which the text is still escaped.
    expect(newest.title).toBe('Health services: Tell us <when> & "how"');
    expect(newest.content['#text']).toContain('<p><strong>You said:</strong> Tell us &lt;when&gt; &amp; &quot;how&quot;</p>');
  });
  test('links in entries are full addresses', () => {
    expect(xml).toContain('href=&quot;https://localoffer.kestrelvale.example/pathways/sen-support/&quot;');
  });
  test('an entry says its status and theme, and what was done in the right tense', () => {
    expect(feed.entry[1].category.map((c: any) => c['@term'])).toEqual(['Health services', 'Planned']);
    expect(feed.entry[1].content['#text']).toContain('<strong>What we will do:</strong> Did middle');
    expect(feed.entry[0].content['#text']).toContain('<strong>We did:</strong> Did newest');
  });
  test('with no entries it is still a valid feed', () => {
    const empty = feedbackFeed([], SITE, '2026-11-22');
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(parse(empty).feed.updated).toBe('2026-11-22T00:00:00Z');
  });
  test(`carries at most the newest ${FEED_SIZE} entries`, () => {
    const many = Array.from({ length: FEED_SIZE + 5 }, (_, i) => entry(`e${i}`, `2026-01-${String((i % 28) + 1).padStart(2, '0')}`));
    expect(parse(feedbackFeed(many, SITE, '2026-11-22')).feed.entry).toHaveLength(FEED_SIZE);
  });
  test('a general feed builder writes optional parts only when given', () => {
    const bare = atomFeed({ id: 'urn:x', title: 'T', self: 'https://x.example/f.xml', alternate: 'https://x.example/', author: { name: 'A' }, entries: [], fallbackUpdated: '2026-01-01' });
    expect(bare).not.toContain('<subtitle>');
    expect(bare).not.toContain('<email>');
  });
});

describe('shortening titles', () => {
  test('leaves short text alone', () => {
    expect(shorten('Short text.', 90)).toBe('Short text.');
  });
  test('cuts long text at a word boundary with an ellipsis', () => {
    const cut = shorten('We do not know where our request for an EHC needs assessment has got to, and nobody tells us.', 40);
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(cut).toBe('We do not know where our request for an…');
  });
});
