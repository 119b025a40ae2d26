import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { makeFixture, type Fixture } from '../fixture-content.ts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SERVICE = 'content/services/speech-and-language-therapy.json';
const TREE = 'content/navigator/which-support-applies.json';

let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.remove());

describe('the demo content', () => {
  test('is valid in every collection', () => {
    expect(fixture.check()).toEqual([]);
  });
  test('has nothing to look at either', () => {
    expect(fixture.warnings()).toEqual([]);
  });
});

describe('links to websites that are not secure (http://) are worth a look, but do not stop publishing', () => {
  test('a website field', () => {
    fixture.editJson(SERVICE, (d) => (d.contacts[0].website = 'http://www.example.org/speech'));
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([
      'content/services/speech-and-language-therapy.json: contacts[0].website — http://www.example.org/speech starts with http://, so browsers warn people that the website is not secure — open https://www.example.org/speech in a browser: if it works, use that address instead',
    ]);
  });

  test('links in Markdown fields and in page text, each named by its field or line', () => {
    fixture.editJson(SERVICE, (d) => (d.description += '\n\nSee [the leaflet](http://www.example.org/leaflet) and [the form](HTTP://forms.example.org/a).'));
    fixture.write('content/pages/privacy.mdx', fixture.read('content/pages/privacy.mdx') + '\nRead <a href="http://www.example.org/">their policy</a>. Our own [address](https://www.example.org/) is fine.\n');
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings().sort()).toEqual([
      expect.stringMatching(/^content\/pages\/privacy\.mdx: \(body, line \d+\) — http:\/\/www\.example\.org\/ starts with http:\/\//),
      expect.stringMatching(/^content\/services\/speech-and-language-therapy\.json: description — HTTP:\/\/forms\.example\.org\/a starts with http:\/\/.* — open https:\/\/forms\.example\.org\/a in a browser/),
      expect.stringMatching(/^content\/services\/speech-and-language-therapy\.json: description — http:\/\/www\.example\.org\/leaflet starts with http:\/\//),
    ]);
  });

  test('an address that only mentions http:// in passing is not a link', () => {
    fixture.editJson(SERVICE, (d) => (d.summary = 'Our old site (http://www.example.org) has closed.'));
    expect(fixture.warnings()).toEqual([]);
  });
});

/** One broken file per rule, and the start of the line an editor should read. */
const cases: { rule: string; file: string; breakIt: (f: Fixture) => void; expected: RegExp }[] = [
  { rule: 'a required field is missing', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => delete d.summary), expected: /^content\/services\/speech-and-language-therapy\.json: summary — this required field is missing — add "summary"/ },
  { rule: 'a field has the wrong type', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.cost.free = 'yes')), expected: /services\/speech-and-language-therapy\.json: cost\.free — found "yes" \(text\) — use true or false/ },
  { rule: 'an enum value is unknown', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.categories = ['heath'])), expected: /speech-and-language-therapy\.json: categories\[0\] — found "heath" — use one of these categories: education, health/ },
  { rule: 'a date is not a real date', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.lastReviewed = '2026-02-30')), expected: /speech-and-language-therapy\.json: lastReviewed — found "2026-02-30" — use a real calendar date/ },
  { rule: 'a date is in the wrong format', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.lastReviewed = '14/09/2026')), expected: /lastReviewed — found "14\/09\/2026" — use a date written as YYYY-MM-DD/ },
  { rule: 'an email address is not valid', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.contacts[0].email = 'slt at nhs')), expected: /contacts\[0\]\.email — found "slt at nhs" — use an email address/ },
  { rule: 'a web address is not http(s)', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.contacts[0].website = 'javascript:alert(1)')), expected: /contacts\[0\]\.website — found "javascript:alert\(1\)" — use a full web address starting with https:\/\// },
  { rule: 'a phone number is not a UK number', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.contacts[0].phone = '555-1234')), expected: /contacts\[0\]\.phone — found "555-1234" — use a UK phone number/ },
  { rule: 'a contact has no way to get in touch', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.contacts = [{ name: 'Reception' }])), expected: /contacts\[0\] — found .* — each contact needs at least one of "phone", "email" or "website"/ },
  { rule: 'the minimum age is above the maximum', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.ageRange = { min: 12, max: 5 })), expected: /ageRange\.min — found 12 — "min" must not be more than "max"/ },
  { rule: 'a summary is too long', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.summary = 'x'.repeat(201))), expected: /summary — found "x+…" \(201 characters\) — use a summary of 200 characters or fewer/ },
  { rule: 'a field name is misspelt', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => { d.sumary = d.summary; }), expected: /sumary — "sumary" is not a field this kind of entry has — did you mean "summary"\?/ },
  { rule: 'a reference points at nothing', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.organisation = 'kestrel-vale-nhs')), expected: /speech-and-language-therapy\.json: organisation — "kestrel-vale-nhs" does not match any file in content\/organisations\/ — did you mean "kestrel-vale-nhs-trust"\?/ },
  { rule: 'a reference 99,000 characters long is shown cut, not printed whole', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.relatedServices = ['x'.repeat(99_000)])), expected: /speech-and-language-therapy\.json: relatedServices\[0\] — "x{40}…" \(99000 characters\) does not match any file in content\/services\/ — use the file name/ },
  { rule: 'a locality is not in site.json', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.areaServed = ['Kestrelfod'])), expected: /areaServed\[0\] — "Kestrelfod" is not a locality in content\/site\.json — did you mean "Kestrelford"\?/ },
  { rule: 'a file is not valid JSON', file: SERVICE, breakIt: (f) => f.write(SERVICE, '{ "name": "Oops", }'), expected: /speech-and-language-therapy\.json: \(file\) — is not valid JSON/ },
  { rule: 'a file name is not a valid id', file: 'content/services/Speech Therapy.json', breakIt: (f) => f.write('content/services/Speech Therapy.json', f.read(SERVICE)), expected: /content\/services\/Speech Therapy\.json: \(file name\) — "Speech Therapy" is not a valid id.* such as speech-therapy\.json/ },
  { rule: 'a file name is one Windows keeps for a device', file: 'content/services/con.json', breakIt: (f) => f.write('content/services/con.json', f.read(SERVICE).replace('"Speech and language therapy"', '"Con"')), expected: /content\/services\/con\.json: \(file name\) — Windows cannot have a file named "con\.json", so the site's files could not be copied to a Windows computer — rename it, for example con-service\.json/ },
  { rule: 'a tree node points at a missing node', file: TREE, breakIt: (f) => f.editJson(TREE, (d) => (d.nodes.age.options[0].next = 'nowhere')), expected: /which-support-applies\.json: nodes\.age\.options\[0\]\.next — "nowhere" is not a node in this tree/ },
  { rule: 'a tree has a cycle', file: TREE, breakIt: (f) => f.editJson(TREE, (d) => (d.nodes['school-concern'].options[1].next = 'age')), expected: /which-support-applies\.json: nodes\.school-concern\.options — the answers go round in a loop: age → school-concern → age/ },
  { rule: 'a tree has an unreachable node', file: TREE, breakIt: (f) => f.editJson(TREE, (d) => (d.nodes.orphan = { type: 'outcome', title: 'Orphan', body: 'Nobody gets here.' })), expected: /which-support-applies\.json: nodes\.orphan — no answer leads to this node/ },
  { rule: 'a tree starts at a missing node', file: TREE, breakIt: (f) => f.editJson(TREE, (d) => (d.start = 'begin')), expected: /which-support-applies\.json: start — "begin" is not a node in this tree/ },
  { rule: 'a question has only one option', file: TREE, breakIt: (f) => f.editJson(TREE, (d) => d.nodes['school-concern'].options.pop()), expected: /which-support-applies\.json: nodes\.school-concern\.options — found .* — use at least 2 options/ },
  { rule: 'a feedback theme is not in site.json', file: 'content/feedback/2026-10-ehc-updates.json', breakIt: (f) => f.editJson('content/feedback/2026-10-ehc-updates.json', (d) => (d.theme = 'Parking')), expected: /2026-10-ehc-updates\.json: theme — "Parking" is not one of the themes in content\/site\.json/ },
  { rule: 'MDX frontmatter is missing a field', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/^title: .*\n/m, '')), expected: /content\/pages\/privacy\.mdx: title — this required field is missing/ },
  { rule: 'a page uses an id the site already uses', file: 'content/pages/services.mdx', breakIt: (f) => f.write('content/pages/services.mdx', f.read('content/pages/privacy.mdx')), expected: /content\/pages\/services\.mdx: \(file name\) — \/services\/ is already used by the site/ },
  { rule: 'a service uses an address the site already uses', file: 'content/services/shortlist.json', breakIt: (f) => f.write('content/services/shortlist.json', f.read(SERVICE)), expected: /content\/services\/shortlist\.json: \(file name\) — \/services\/shortlist\/ is already used by the site/ },
  { rule: 'site.json has a bad colour', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => (d.theme.primary = 'teal')), expected: /content\/site\.json: theme\.primary — found "teal" — use a six-digit hex colour/ },
  { rule: 'the header text is hard to read on the header colour', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => (d.theme.primaryText = '#2a7a90')), expected: /content\/site\.json: theme\.primaryText — "#2a7a90" on the header colour \(theme\.primary\) has a contrast of 1\.\d:1, too low to read easily — choose a darker or lighter colour: text needs a contrast of at least 4\.5:1/ },
  { rule: 'the link colour is hard to read on white', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => (d.theme.link = '#7fb2ff')), expected: /content\/site\.json: theme\.link — "#7fb2ff" on the white page has a contrast of \d\.\d:1/ },
  { rule: 'a plain-text field holds an HTML entity', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.name = 'Speech &amp; language therapy')), expected: /speech-and-language-therapy\.json: name — found &amp;, which the page would show just as it is typed — type the character itself instead/ },
  { rule: 'a file has a second extension', file: 'content/services/new-service.json.txt', breakIt: (f) => f.write('content/services/new-service.json.txt', '{}'), expected: /content\/services\/new-service\.json\.txt: \(file name\) — services\/ only holds \.json files — rename it to new-service\.json, or move it/ },
  { rule: 'a service names its organisation by its name, not its id', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.organisation = 'Saltmere Youth Trust')), expected: /speech-and-language-therapy\.json: organisation — "Saltmere Youth Trust" does not match any file in content\/organisations\/ — .*saltmere-youth-trust/ },
  { rule: 'a review date is in the future', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.lastReviewed = '2099-02-03')), expected: /speech-and-language-therapy\.json: lastReviewed — "2099-02-03" is in the future — use the date someone last checked the details \(today at the latest\)/ },
  { rule: 'a page\'s review date (a YAML date) is in the future', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/^lastReviewed: .*$/m, 'lastReviewed: 2099-02-03')), expected: /content\/pages\/privacy\.mdx: lastReviewed — "2099-02-03" is in the future/ },
  { rule: 'a YAML value has an unquoted " #"', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/^title: .*$/m, 'title: Privacy notice #2')), expected: /content\/pages\/privacy\.mdx: title — line 2: " #" starts a comment in YAML, so everything after it is lost — put the whole value in double quotes, such as title: "Privacy notice #2"/ },
  { rule: 'a service file was copied without a new name', file: 'content/services/speech-and-language-therapy-copy.json', breakIt: (f) => f.write('content/services/speech-and-language-therapy-copy.json', f.read(SERVICE)), expected: /content\/services\/speech-and-language-therapy\.json: name — "Children's speech and language therapy" is also the name of content\/services\/speech-and-language-therapy-copy\.json, from the same organisation — if one is a copy/ },
  { rule: 'site.json has the same field twice', file: 'content/site.json', breakIt: (f) => f.write('content/site.json', f.read('content/site.json').replace('"siteUrl":', '"name": "Another name",\n  "siteUrl":')), expected: /content\/site\.json: name — "name" appears twice in the same place, so one of them would be silently lost/ },
  { rule: 'a feedback theme has no letters a to z or numbers', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => d.feedbackThemes.push('تعليم')), expected: /content\/site\.json: feedbackThemes\[\d+\] — "تعليم" has no letters a to z or numbers, so it cannot make the address of its page — write the theme with letters a to z or numbers/ },
  { rule: 'two feedback themes make one page address', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => d.feedbackThemes.push(d.feedbackThemes[0].toUpperCase())), expected: /content\/site\.json: feedbackThemes\[\d+\] — ".+" and ".+" \(feedbackThemes\[0\]\) make the same page address, \/you-said-we-did\/theme\/.+\/, so one of them would lose its page/ },
  { rule: 'two localities make one page address', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => d.localities.push({ ...d.localities[0], name: d.localities[0].name.replace(/ /g, '-').toLowerCase() })), expected: /content\/site\.json: localities\[\d+\]\.name — ".+" and ".+" \(localities\[0\]\.name\) make the same page address, \/services\/find\/…\/.+\// },
  { rule: 'a service uses the service finder\'s address', file: 'content/services/find.json', breakIt: (f) => f.write('content/services/find.json', f.read(SERVICE).replace('"Children\'s speech and language therapy"', '"Find a childminder"')), expected: /content\/services\/find\.json: \(file name\) — \/services\/find\/ is already used by the site/ },
  { rule: 'a service is served nowhere (areaServed is empty)', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.areaServed = [])), expected: /speech-and-language-therapy\.json: areaServed — .*use \["whole-area"\]/ },
  { rule: 'a page the site links to by name is missing (the footer\'s accessibility statement)', file: 'content/pages/accessibility.mdx', breakIt: (f) => f.deleteFile('content/pages/accessibility.mdx'), expected: /^content\/pages\/accessibility\.mdx: \(file\) — is missing, but the site links to \/accessibility\/ from the footer of every page: it is the accessibility statement .* — add content\/pages\/accessibility\.mdx with your own content \(keep this file name\)/ },
  { rule: 'the service the site links to by name is a draft', file: 'content/services/send-information-advice-and-support.json', breakIt: (f) => f.editJson('content/services/send-information-advice-and-support.json', (d) => (d.draft = ['description — check it'])), expected: /^content\/services\/send-information-advice-and-support\.json: draft — is a draft, so it is not published, but the site links to \/services\/send-information-advice-and-support\/ from the home page/ },
  { rule: 'the glossary file is missing', file: 'content/glossary.json', breakIt: (f) => f.deleteFile('content/glossary.json'), expected: /^content\/glossary\.json: \(file\) — is missing: the glossary page, and the abbreviations search understands, are made from it — put it back .* or create it with an empty list, \[\]/ },
  { rule: 'a locality is written as its name alone, not a group of fields', file: 'content/site.json', breakIt: (f) => f.editJson('content/site.json', (d) => (d.localities[0] = 'Marshbury')), expected: /content\/site\.json: localities\[0\] — found "Marshbury" \(text\) — use a group of fields in curly brackets: \{ "name": …, "lat": …, "lng": … \}/ },
  { rule: 'a field is null, named in plain words', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.summary = null)), expected: /speech-and-language-therapy\.json: summary — found null \(an empty value\)/ },
  { rule: 'a service file holds a list, not one service', file: 'content/services/listed.json', breakIt: (f) => f.write('content/services/listed.json', '[]'), expected: /content\/services\/listed\.json: \(file\) — found a list — write one service as a group of fields in curly brackets: \{ "field": value, … \}/ },
  { rule: 'two glossary terms share an abbreviation', file: 'content/glossary.json', breakIt: (f) => f.editJson('content/glossary.json', (d) => { const [first, second] = d.filter((t: { abbreviations?: string[] }) => t.abbreviations?.length); second.abbreviations.push(first.abbreviations[0]); }), expected: /content\/glossary\.json: \[\d+\]\.abbreviations\[\d+\] — ".+" is already an abbreviation of ".+" at \[\d+\] — keep it on one term/ },
  { rule: 'a glossary term is defined twice', file: 'content/glossary.json', breakIt: (f) => f.editJson('content/glossary.json', (d) => d.push({ ...d[0] })), expected: /content\/glossary\.json: \[\d+\]\.term — ".*" is already defined at \[0\]/ },
  { rule: 'a video has no captions field', file: 'content/videos/test-video.mdx', breakIt: (f) => f.write('content/videos/test-video.mdx', '---\ntitle: Test\nsummary: A test video.\naudience: [young-people]\nduration: 60\nsource: { youtube: "aaaaaaaaaaa" }\nlastReviewed: 2026-01-01\n---\nTranscript.\n'), expected: /content\/videos\/test-video\.mdx: captions — this required field is missing/ },
  { rule: 'a captions file is missing', file: 'content/videos/test-video.mdx', breakIt: (f) => f.write('content/videos/test-video.mdx', '---\ntitle: Test\nsummary: A test video.\naudience: [young-people]\nduration: 60\nsource: { youtube: "aaaaaaaaaaa" }\ncaptions: /videos/none.vtt\nlastReviewed: 2026-01-01\n---\nTranscript.\n'), expected: /content\/videos\/test-video\.mdx: captions — the captions file content\/public\/videos\/none\.vtt does not exist/ },
  { rule: 'a page links to a service that does not exist', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx') + '\nSee [Portage](/services/portage-home-visitng/).\n'), expected: /content\/pages\/privacy\.mdx: \(body, line \d+\) — the link to \/services\/portage-home-visitng\/ goes nowhere: there is no services entry "portage-home-visitng" \(no file in content\/services\/\) — did you mean \/services\/portage-home-visiting\/\?/ },
  { rule: 'a page links to a service that is a draft', file: 'content/pages/privacy.mdx', breakIt: (f) => { f.editJson('content/services/portage-home-visiting.json', (d) => (d.draft = ['description — check it with the service'])); f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx') + '\nSee [Portage](/services/portage-home-visiting/).\n'); }, expected: /content\/pages\/privacy\.mdx: \(body, line \d+\) — the link to \/services\/portage-home-visiting\/ goes nowhere: content\/services\/portage-home-visiting\.json is a draft, which is not published — finish the draft and publish it/ },
  { rule: 'a description has a link with no words', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.description += '\n\nEmail [](mailto:slt@kestrelvale.example).')), expected: /speech-and-language-therapy\.json: description — the link to mailto:slt@kestrelvale\.example has no words, so a screen reader reads out only its address — write the words of the link in the square brackets/ },
  { rule: 'a description has a link whose address is not one', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.description += '\n\n[Survivor Pathway](<http:// https://www.survivorpathway.example/>)')), expected: /speech-and-language-therapy\.json: description — the link address "http:\/\/ https:\/\/www\.survivorpathway\.example\/" is not a web address — write the whole address without spaces/ },
  { rule: 'a description has an empty heading, or one that skips a level', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.description += '\n\n##\n\n## About\n\n#### Who it is for\n\nText.')), expected: /speech-and-language-therapy\.json: description — the heading "Who it is for" \(####\) is 2 levels below the one before it \(##\), so screen reader users would think a part was missing — use ###/ },
  { rule: 'a page links to a decision tree that does not exist', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx') + '\nSee [which support applies](/navigator/which-support-aplies/).\n'), expected: /content\/pages\/privacy\.mdx: \(body, line \d+\) — the link to \/navigator\/which-support-aplies\/ goes nowhere: .* — did you mean \/navigator\/which-support-applies\/\?/ },
  { rule: 'a service description links to a page that does not exist', file: SERVICE, breakIt: (f) => f.editJson(SERVICE, (d) => (d.description += '\n\nRead [our leaflet](/no-such-page/).')), expected: /speech-and-language-therapy\.json: description — the link to \/no-such-page\/ goes nowhere: there is no page \/no-such-page\// },
  { rule: 'a "you said, we did" link goes nowhere', file: 'content/feedback/2025-11-finding-information-search.json', breakIt: (f) => f.editJson('content/feedback/2025-11-finding-information-search.json', (d) => (d.links[0].href = '/glosary/')), expected: /2025-11-finding-information-search\.json: links\[0\]\.href — the link to \/glosary\/ goes nowhere: there is no page \/glosary\/.* — did you mean \/glossary\/\?/ },
  { rule: 'a file was saved with a byte-order mark', file: SERVICE, breakIt: (f) => f.write(SERVICE, `\uFEFF${f.read(SERVICE)}`), expected: /speech-and-language-therapy\.json: \(file\) — the file starts with an invisible byte-order mark.* — save the file as "UTF-8", not "UTF-8 with BOM"/ },
  { rule: 'site.json was saved with a byte-order mark', file: 'content/site.json', breakIt: (f) => f.write('content/site.json', `\uFEFF${f.read('content/site.json')}`), expected: /content\/site\.json: \(file\) — the file starts with an invisible byte-order mark/ },
  { rule: 'a page has only a comment and invisible spaces after the frontmatter', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/^(---\n[\s\S]*?\n---\n)[\s\S]*$/, '$1\n{/* todo: write this page */}\n\u00a0\u200b\n')), expected: /content\/pages\/privacy\.mdx: \(body\) — there is nothing to read after the frontmatter: only comments or invisible characters — write the page text below the second --- line/ },
  { rule: 'an MDX file has spaces after its first ---', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/^---\n/, '--- \n')), expected: /content\/pages\/privacy\.mdx: \(frontmatter\) — the first line has spaces after --- — delete the spaces after ---/ },
  { rule: 'an MDX file has old Mac line endings', file: 'content/pages/privacy.mdx', breakIt: (f) => f.write('content/pages/privacy.mdx', f.read('content/pages/privacy.mdx').replace(/\n/g, '\r')), expected: /content\/pages\/privacy\.mdx: \(frontmatter\) — the lines of the file end with a carriage return only/ },
  { rule: 'a video has no transcript', file: 'content/videos/test-video.mdx', breakIt: (f) => f.write('content/videos/test-video.mdx', '---\ntitle: Test\nsummary: A test video.\naudience: [young-people]\nduration: 60\nsource: { youtube: "aaaaaaaaaaa" }\ncaptions: /favicon.svg\nlastReviewed: 2026-01-01\n---\n'), expected: /content\/videos\/test-video\.mdx: \(body\) — there is nothing after the frontmatter — write the full transcript/ },
];

describe('a broken content file gets a message naming the file and the field', () => {
  for (const { rule, breakIt, expected } of cases) {
    test(`when ${rule}`, () => {
      breakIt(fixture);
      const lines = fixture.check();
      expect(lines.some((line) => expected.test(line)), `expected a line matching ${expected}, got:\n${lines.join('\n')}`).toBe(true);
    });
  }

  test('links to pages, entries, anchors and files that exist are not reported', () => {
    fixture.editJson(SERVICE, (d) => (d.description += '\n\n[Portage](/services/portage-home-visiting/), [words](/glossary/#ehc-plan), [by need](/services/need/sensory-and-physical/), [video](/videos/example.mp4), [home](/) and [timeline](/pathways/ehc-timeline/).'));
    expect(fixture.check()).toEqual([]);
  });

  test('a file that cannot be read is one problem, not also a false one in every file that names it', () => {
    const path = 'content/services/portage-home-visiting.json';
    fixture.write(path, fixture.read(path).replace(/\n\}\s*$/, ',\n}\n'));
    const lines = fixture.check();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^content\/services\/portage-home-visiting\.json: \(file\) — is not valid JSON/);
  });

  test('a mistyped "next" in a decision tree is one problem with a guess, not also one for each node it cuts off', () => {
    const path = 'content/navigator/which-support-applies.json';
    const source = fixture.read(path);
    const at = source.indexOf('"next": "school-concern"');
    expect(at).toBeGreaterThan(0);
    fixture.write(path, source.slice(0, at) + '"next": "school-concren"' + source.slice(at + '"next": "school-concern"'.length));
    const lines = fixture.check();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/which-support-applies\.json: nodes\.[\w-]+\.options\[\d+\]\.next — "school-concren" is not a node in this tree — did you mean "school-concern"\?/);
  });

  test('a date written day first gets one message, saying how to write that date', () => {
    fixture.editJson(SERVICE, (d) => (d.lastReviewed = '20/08/2025'));
    expect(fixture.check()).toEqual(['content/services/speech-and-language-therapy.json: lastReviewed — found "20/08/2025" — use a date written as YYYY-MM-DD: "20/08/2025" is written "2025-08-20"']);
  });

  test('every problem is reported at once, not just the first', () => {
    fixture.editJson(SERVICE, (d) => {
      delete d.summary;
      d.contacts[0].email = 'nope';
      d.levels = [];
    });
    expect(fixture.check().length).toBeGreaterThanOrEqual(3);
  });
});

describe("a page's section", () => {
  const PAGE = 'content/pages/whole-setting-assessment.mdx';
  const withSection = (f: Fixture, section: string) => f.write(PAGE, f.read(PAGE).replace(/^section: .*$/m, `section: ${section}`));
  test('"Provision" with a capital letter is the provision section, with nothing to look at', () => {
    withSection(fixture, 'Provision');
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([]);
  });
  test('a section that is nearly "provision" is worth a look, as the page would not be listed there', () => {
    withSection(fixture, 'provison');
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([`${PAGE}: section — "provison" is not "provision", so the page is not listed with the ordinarily available provision — write section: provision if it belongs there; any other word only groups pages for editors`]);
  });
});

describe('content the law asks for', () => {
  test('no "you said, we did" entries at all is worth a look, citing the law', () => {
    for (const file of readdirSync(join(fixture.root, 'content/feedback'))) fixture.deleteFile(`content/feedback/${file}`);
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([expect.stringMatching(/^content\/feedback\/: \(folder\) — holds no "you said, we did" entries, .* — .*section 30\(6\); SEND Regulations 2014, regulation 56\)/)]);
  });
});

describe('names the shared picture cannot draw', () => {
  test('a service named only in another alphabet is worth a look, as its picture would have no name; it still publishes', () => {
    fixture.editJson(SERVICE, (d) => (d.name = 'خواتین کا مرکز'));
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([expect.stringMatching(/^content\/services\/speech-and-language-therapy\.json: name — the picture shown when the page is shared cannot draw خ و ا ت ی … \(its font has only the Latin alphabet\), so it leaves them out — nothing stops the page/)]);
  });
  test('accents, curly quotes, dashes and the pound sign are drawn, so nothing is said', () => {
    fixture.editJson(SERVICE, (d) => (d.name = 'Zoë’s café – £2 “drop-in” Łódź'));
    expect(fixture.warnings()).toEqual([]);
  });
});

describe('honest tags', () => {
  test('a service tagged with all four areas of need and every level is worth a look, but still publishes', () => {
    fixture.editJson(SERVICE, (d) => {
      d.needs = ['communication-and-interaction', 'cognition-and-learning', 'social-emotional-and-mental-health', 'sensory-and-physical'];
      d.levels = ['universal', 'sen-support', 'specialist', 'ehc-plan'];
    });
    expect(fixture.check()).toEqual([]);
    expect(fixture.warnings()).toEqual([
      'content/services/speech-and-language-therapy.json: needs — the service is tagged with all four areas of need and every level of support, so it shows up whatever a parent filters by — keep only the needs and levels the service is really for; if it is open to every need, leave "needs" empty ([]) and choose its levels',
    ]);
  });
  test('open to every need (an empty list) at every level, or every need at some levels, is not warned about', () => {
    fixture.editJson(SERVICE, (d) => {
      d.needs = [];
      d.levels = ['universal', 'sen-support', 'specialist', 'ehc-plan'];
    });
    expect(fixture.warnings()).toEqual([]);
    fixture.editJson(SERVICE, (d) => {
      d.needs = ['communication-and-interaction', 'cognition-and-learning', 'social-emotional-and-mental-health', 'sensory-and-physical'];
      d.levels = ['specialist'];
    });
    expect(fixture.warnings()).toEqual([]);
  });
});
