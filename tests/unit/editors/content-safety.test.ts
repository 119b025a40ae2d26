import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { unpublishableReason } from '../../../src/lib/site/public-files.ts';
import { misleadingText, unsafeUrl } from '../../../src/contract/url-safety.ts';
import { makeFixture, type Fixture } from '../fixture-content.ts';

/**
 * Files and fields an attacker (or a careless paste) could put in content/, and the content
 * check's plain-English answer: file, field, what was found, the fix.
 */
let fixture: Fixture;
beforeEach(() => {
  fixture = makeFixture();
});
afterEach(() => fixture.remove());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('a file in content/public/ that could run script on the site', () => {
  const publish = (path: string, bytes: string | Buffer) => {
    mkdirSync(join(fixture.root, 'content/public', path, '..'), { recursive: true });
    writeFileSync(join(fixture.root, 'content/public', path), bytes);
  };

  test.each([
    ['an SVG poster', 'videos/poster.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>', /"\.svg" files are not published from content\/public\/ — export it as PNG or JPEG/],
    ['an HTML page', 'files/offer.html', '<script>fetch("/admin/")</script>', /"\.html" files are not published .* — put the text in a page/],
    ['an XHTML page', 'files/offer.xhtml', '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', /"\.xhtml" files are not published/],
    ['an XML file', 'files/feed.xml', '<?xml version="1.0"?><x/>', /"\.xml" files are not published/],
    ['a script', 'files/app.js', 'alert(1)', /"\.js" files are not published .* — remove it: content cannot add code/],
    ['a style sheet', 'files/site.css', 'body{display:none}', /"\.css" files are not published/],
    ['an unknown kind of file', 'files/data.bin', 'x', /"\.bin" files are not published .* publishes only MP4 or WebM video/],
    ['a file without an extension', 'files/README', 'x', /a file without an extension is not published/],
    ['an Apache configuration file', '.htaccess', 'AddType text/html .png', /a name starting with "\." or "_" is a host's configuration file/],
    ['a Netlify redirects file', '_redirects', '/admin/* https://evil.example/ 200', /a name starting with "\." or "_"/],
    ['a script renamed to .png', 'videos/poster.png', '<script>alert(1)</script>', /the file is named \.png but is not a PNG image — save it again as a PNG image/],
    ['HTML renamed to .pdf', 'files/leaflet.pdf', '<html><script>alert(1)</script></html>', /the file is named \.pdf but is not a PDF document/],
  ])('%s is refused by the content check, with the fix', (_what, path, bytes, message) => {
    publish(path, bytes);
    expect(fixture.check()).toContainEqual(expect.stringMatching(new RegExp(`^content/public/${path.replace(/\./g, '\\.')}: \\(file type\\) — ${message.source}`)));
  });

  test('a PDF that runs JavaScript when it is opened is refused, with the fix', () => {
    publish('files/leaflet.pdf', '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction 3 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
    expect(fixture.check()).toContainEqual(
      'content/public/files/leaflet.pdf: (file contents) — the PDF has JavaScript in it, which a PDF reader or browser may run when the file is opened — save or export it again as an ordinary PDF, without a password or protection (in Word: File, Save As, PDF; or print it to PDF), and put that file here instead',
    );
  });

  test('a link to a file elsewhere on the machine is refused', () => {
    symlinkSync('/etc/hostname', join(fixture.root, 'content/public/hostname.png'));
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/public\/hostname\.png: \(file type\) — it is a link to another file/));
  });

  test('real PNG, JPEG, video, captions and PDF files are published', () => {
    publish('files/map.png', PNG);
    publish('files/leaflet.pdf', '%PDF-1.7\n');
    expect(fixture.check()).toEqual([]);
    expect(unpublishableReason('videos/a.webm')).toBeUndefined();
    expect(unpublishableReason('videos/a.VTT')).toBeUndefined();
  });
});

describe('theme settings in site.json', () => {
  test.each([
    ['a misspelt key', { primary: '#005a70', primaryText: '#ffffff', acent: '#ffdd00' }, /content\/site\.json: theme\.acent — "acent" is not a field this kind of entry has — did you mean "accent"\?/],
    ['a key that would write CSS', { primary: '#005a70', primaryText: '#ffffff', 'x:red}body{display:none}/*': '#ffffff' }, /content\/site\.json: theme\.x:red\}body\{display:none\}\/\* — .* is not a field this kind of entry has — remove it, or use one of: primary, primaryText, accent, link, linkVisited/],
    ['a value that is not a colour', { primary: '#005a70;}body{display:none', primaryText: '#ffffff' }, /content\/site\.json: theme\.primary — found .* — use a six-digit hex colour/],
    ['an accent that cannot be seen against the header', { primary: '#005a70', primaryText: '#ffffff', accent: '#00607a' }, /content\/site\.json: theme\.accent — "#00607a" beside the header colour \(theme\.primary\) has a contrast of 1\.\d:1, too low to see — .*at least 3:1/],
  ])('%s is refused', (_what, theme, message) => {
    fixture.editJson('content/site.json', (site) => {
      site.theme = theme;
    });
    expect(fixture.check()).toContainEqual(expect.stringMatching(message));
  });
});

describe('links and text that impersonate', () => {
  test('a website with credentials before the host is refused', () => {
    fixture.editJson('content/organisations/kestrel-vale-council.json', (org) => {
      org.website = 'https://kestrelvale.gov.uk@evil.example/';
    });
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/organisations\/kestrel-vale-council\.json: website — .*no "name@"/));
  });

  test('a Markdown link with credentials in a description is refused', () => {
    fixture.editJson('content/services/portage-home-visiting.json', (service) => {
      service.description += ' [Apply here](https://kestrelvale.gov.uk@evil.example/apply).';
    });
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/services\/portage-home-visiting\.json: description — the link "https:\/\/kestrelvale\.gov\.uk@evil\.example\/apply" is not safe: .*really goes to evil\.example/));
  });

  test('a name with bidirectional override characters is refused', () => {
    fixture.editJson('content/services/portage-home-visiting.json', (service) => {
      service.name = 'Portage \u202Egnitisiv emoh\u202C';
    });
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/services\/portage-home-visiting\.json: name — the text looks fine but it has hidden characters that reverse the direction of text/));
  });

  test('a summary made only of invisible characters is refused', () => {
    fixture.editJson('content/services/portage-home-visiting.json', (service) => {
      service.summary = '\u200B\u200B\u2060\u00AD';
    });
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/services\/portage-home-visiting\.json: summary — the text looks fine but it has only invisible characters, so it looks empty — retype the text/));
  });

  test.each([
    ['javascript:alert(1)', /"javascript:"/],
    [' java\tscript:alert(1)', /"javascript:"/],
    ['&#106;avascript:alert(1)', /"javascript:"/],
    ['&amp;#106;avascript:alert(1)', /"javascript:"/],
    ['javascript&colon;alert(1)', /"javascript:"/],
    ['JaVaScRiPt:alert(1)', /"javascript:"/],
    ['data:text/html,<script>alert(1)</script>', /"data:"/],
    ['vbscript:msgbox(1)', /"vbscript:"/],
    ['file:///etc/passwd', /"file:"/],
    ['https://council.gov.uk@evil.example/', /really goes to evil\.example/],
    ['https://council.gov.uk:pw@evil.example/', /really goes to evil\.example/],
    ['//evil.example/', /starts with \/\//],
    ['/\\evil.example/', /starts with \/\//],
    ['https://evil.example/\u202Egpj.exe', /reverse the direction/],
  ])('the address %j is refused', (address, reason) => {
    expect(unsafeUrl(address)).toMatch(reason);
  });

  test.each(['https://www.kestrelvale.gov.uk/send/', 'http://example.org/', 'mailto:send@kestrelvale.example', 'tel:01632960100', '/pathways/', '#steps', '../pages/', 'ehc-plan/?a=1&b=2'])('the address %j is allowed', (address) => {
    expect(unsafeUrl(address)).toBeUndefined();
  });

  test('ordinary text with a right-to-left language is allowed', () => {
    expect(misleadingText('مرحبا Hello')).toBeUndefined();
    expect(misleadingText('')).toBeUndefined();
  });
});

describe('an MDX component the page could not render', () => {
  test('used without its import fails npm run check with the file, the line and the import to add', () => {
    const source = fixture.read('content/pages/privacy.mdx') + '\n<Step title="Ask us">\nCall the SEND team.\n</Step>\n';
    fixture.write('content/pages/privacy.mdx', source);
    const line = source.split('\n').indexOf('<Step title="Ask us">') + 1;
    expect(fixture.check()).toContainEqual(`content/pages/privacy.mdx: (body, line ${line}) — found <Step> without its import — add this line at the top of the body, after the second ---: import Step from '../../src/components/Step.astro'`);
  });

  test('imported from a path that does not exist fails npm run check with the right import', () => {
    const source = fixture.read('content/pages/privacy.mdx').replace(/^(---\n[\s\S]*?\n---\n)/, "$1import Step from '../../src/components/Steps.astro'\n");
    fixture.write('content/pages/privacy.mdx', source);
    expect(fixture.check()).toContainEqual(expect.stringMatching(/^content\/pages\/privacy\.mdx: \(body, line \d+\) — found import from "\.\.\/\.\.\/src\/components\/Steps\.astro" — there is no content component at "\.\.\/\.\.\/src\/components\/Steps\.astro": did you mean import Step from '\.\.\/\.\.\/src\/components\/Step\.astro'\?/));
  });

  test('in a pathway, whose page provides the step-by-step components, passes', () => {
    expect(fixture.read('content/pathways/sen-support.mdx')).toContain('<Step ');
    expect(fixture.check()).toEqual([]);
  });
});
