import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkContent } from '../../src/lib/editors/content-check.ts';
import { copyProject, npmScriptArgs, runInCopy } from '../../scripts/lib/project-copy.ts';

/**
 * An editor adds and changes a service in the browser, what Decap writes passes the same
 * content check as the build, and the site builds with it into the pages people read.
 * decap-server saves into a temporary copy of content/ (playwright.cms.config.ts), which the
 * last test turns into a copy of the whole project to build; it is deleted afterwards.
 */
const root = process.env.CMS_TEST_ROOT!;
const project = resolve(import.meta.dirname, '../..');
const servicesDir = join(root, 'content', 'services');

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  cpSync(join(project, 'content'), join(root, 'content'), { recursive: true });
});

test.afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Problems the content checker finds in the temporary copy. */
function contentProblems() {
  return checkContent({ rootDir: root, contentDir: join(root, 'content'), publicDir: join(project, 'public') }).problems;
}

/** A file's fields, or undefined while decap-server is still writing it. */
function readJson(file: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Records CSP violations and script errors, which must not happen on /admin/ either. */
async function watchForErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy|Refused to/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

async function signIn(page: Page) {
  await page.goto('/admin/');
  // The front door says whose editor this is and what to do, above the sign-in box.
  const front = page.locator('[data-cms-front]');
  await expect(front.getByRole('heading', { level: 1 })).toContainText('Content editor for the');
  await expect(front.getByRole('status')).toHaveText('The editor has loaded. Sign in below to start.');
  // The local backend needs no password: the button goes straight in.
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('link', { name: /services/i }).first()).toBeVisible();
  // Once signed in, the editor has the whole page.
  await expect(front).toBeHidden();
}

/** The top-level input Decap renders for a field (ids are "<name>-field-<n>"). */
const input = (page: Page, name: string) => page.locator(`[id^="${name}-field-"]`).first();

/** Picks an option in a select or relation field by typing part of its label. */
async function choose(page: Page, name: string, label: string) {
  await input(page, name).click();
  await input(page, name).pressSequentially(label);
  await page.locator('[id*="-option-"]', { hasText: label }).first().click();
}

/** Types into a Markdown field (rich-text or raw mode alike). */
async function writeMarkdown(page: Page, name: string, text: string) {
  const field = page.locator(`label[for^="${name}-field-"]`).first().locator('xpath=../..');
  const editor = field.locator('[contenteditable="true"], textarea').first();
  await editor.click();
  await page.keyboard.type(text);
}

async function publish(page: Page) {
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await page.getByText('Publish now', { exact: true }).click();
}

test('an editor adds a service in the browser and the file passes the content check', async ({ page }) => {
  const errors = await watchForErrors(page);
  expect(contentProblems(), 'the copy of content/ starts clean').toEqual([]);
  await signIn(page);
  await page.goto('/admin/#/collections/services/new');

  await input(page, 'name').fill("Zoë's Saturday Sensory Club");
  await choose(page, 'organisation', 'Saltmere Play');
  await input(page, 'summary').fill('Relaxed sensory play sessions on Saturday mornings for disabled children and their brothers and sisters.');
  await writeMarkdown(page, 'description', 'Soft play, music and messy play in a quiet room, with trained staff.');
  await choose(page, 'categories', 'Short breaks and activities');
  await choose(page, 'needs', 'Sensory and/or physical');
  await choose(page, 'levels', 'Universal');
  await input(page, 'min').fill('2');
  await input(page, 'max').fill('11');
  await choose(page, 'routes', 'Drop in');
  await choose(page, 'relatedServices', 'Friday Social');
  await writeMarkdown(page, 'howTo', 'Just come along. Booking is not needed.');
  // Is it free? Three answers, not a switch: untouched, the cost is not stated.
  const free = page.getByRole('radiogroup', { name: 'Is it free?' });
  await expect(free.getByRole('radio', { name: 'Not known' })).toBeChecked();
  await free.getByRole('radio', { name: 'Free', exact: true }).check();
  await page.getByRole('button', { name: 'Add contacts' }).click();
  await input(page, 'email').fill('sensory@saltmereplay.example');
  // Lists of small forms: a place and its opening times.
  await page.getByRole('button', { name: 'Add locations' }).click();
  // The place's own name is the last "name" on the form, after the service's and the contact's.
  await page.locator('[id^="name-field-"]').last().fill('Saltmere Play Centre');
  await input(page, 'address').fill('2 Harbour Road, Saltmere');
  await input(page, 'postcode').fill('KV4 1PL');
  await page.getByRole('button', { name: /^Add opening times$/i }).click();
  await choose(page, 'days', 'Saturday');
  await input(page, 'opens').fill('09:30');
  await input(page, 'closes').fill('12:00');
  // Dates have the browser's date picker and save as YYYY-MM-DD.
  await expect(input(page, 'lastReviewed')).toHaveAttribute('type', 'date');
  await input(page, 'lastReviewed').fill('2026-11-01');
  // The preview beside the form is laid out like the service page, in the site's own styles.
  const preview = page.frameLocator('#preview-pane');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText("Zoë's Saturday Sensory Club");
  await expect(preview.locator('dl.summary-list')).toContainText('Ages 2 to 11');
  await expect(preview.locator('link[rel="stylesheet"][href^="/_astro/global."]')).toHaveCount(1);
  await publish(page);

  const file = join(servicesDir, 'zoes-saturday-sensory-club.json');
  await expect.poll(() => existsSync(file) && readJson(file) !== undefined, { message: 'the new service is saved under an id made from its name', timeout: 15_000 }).toBe(true);
  const saved = readJson(file);
  expect(saved).toMatchObject({
    name: "Zoë's Saturday Sensory Club",
    organisation: 'saltmere-play-and-leisure',
    categories: ['short-breaks-and-activities'],
    needs: ['sensory-and-physical'],
    levels: ['universal'],
    ageRange: { min: 2, max: 11 },
    access: { routes: ['drop-in'] },
    cost: { free: true },
    contacts: [{ email: 'sensory@saltmereplay.example' }],
    locations: [{ name: 'Saltmere Play Centre', address: '2 Harbour Road, Saltmere', postcode: 'KV4 1PL' }],
    hours: [{ days: ['sat'], opens: '09:30', closes: '12:00' }],
    areaServed: ['whole-area'],
    status: 'active',
    lastReviewed: '2026-11-01',
    relatedServices: ['friday-social-club'],
  });
  expect(contentProblems()).toEqual([]);
  expect(errors).toEqual([]);
});

test('an editor says a free service now has a charge, and the file says so, with what it costs', async ({ page }) => {
  const errors = await watchForErrors(page);
  const file = join(servicesDir, 'autism-family-support-and-courses.json');
  const before = readJson(file)!;
  expect(before.cost, 'the demo service starts free').toEqual({ free: true });
  await signIn(page);
  await page.goto('/admin/#/collections/services/entries/autism-family-support-and-courses');
  const free = page.getByRole('radiogroup', { name: 'Is it free?' });
  await expect(free.getByRole('radio', { name: 'Free', exact: true })).toBeChecked();
  await free.getByRole('radio', { name: 'There is a charge' }).check();
  await input(page, 'details').fill('£5 a day.');
  await expect(page.frameLocator('#preview-pane').locator('dl.summary-list')).toContainText('There is a charge. £5 a day.');
  await publish(page);

  await expect.poll(() => readJson(file)?.cost, { timeout: 15_000 }).toEqual({ free: false, details: '£5 a day.' });
  expect(readJson(file)).toEqual({ ...before, cost: { free: false, details: '£5 a day.' } });
  expect(contentProblems()).toEqual([]);
  expect(errors).toEqual([]);
});

test('an editor changes one field of a service and only that field changes in the file', async ({ page }) => {
  const errors = await watchForErrors(page);
  const file = join(servicesDir, 'portage-home-visiting.json');
  const original = readFileSync(file, 'utf8');
  const before = JSON.parse(original);
  await signIn(page);
  await page.goto('/admin/#/collections/services/entries/portage-home-visiting');
  await expect(input(page, 'summary')).toHaveValue(before.summary);

  const summary = 'Home visits that help parents support the play and learning of young children with significant SEND.';
  await input(page, 'summary').fill(summary);
  await publish(page);

  await expect.poll(() => readJson(file)?.summary, { timeout: 15_000 }).toBe(summary);
  const saved = readFileSync(file, 'utf8');
  expect(JSON.parse(saved)).toEqual({ ...before, summary });
  // Line by line, too: the file keeps its layout and only the summary line changes.
  const changed = (a: string, b: string) => a.split('\n').filter((line, index) => line !== b.split('\n')[index]);
  expect(saved.split('\n')).toHaveLength(original.split('\n').length);
  expect(changed(saved, original)).toEqual([`  "summary": ${JSON.stringify(summary)},`]);
  expect(contentProblems()).toEqual([]);
  expect(errors).toEqual([]);
});

test('the editor is kept out of the sitemap, search and search engines, and only it has the looser policy', async ({ request }) => {
  const admin = await (await request.get('/admin/')).text();
  expect(admin).toContain('<meta name="robots" content="noindex, nofollow">');
  expect(admin).not.toContain('data-pagefind-body');
  const policy = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(policy(admin)).toContain("'unsafe-eval'");
  expect(policy(admin)).toMatch(/connect-src 'self' https:\/\/api\.github\.com;/);
  const home = policy(await (await request.get('/')).text());
  expect(home).not.toContain("'unsafe-eval'");
  expect(home).not.toContain('api.github.com');
  expect(await (await request.get('/robots.txt')).text()).toContain('Disallow: /admin/');
  const sitemap = await (await request.get('/sitemap-0.xml')).text();
  expect(sitemap).toContain('/services/');
  expect(sitemap).not.toContain('/admin/');
  // Decap itself is served from this site, not a CDN.
  expect(admin).not.toMatch(/<script[^>]+src="https?:/);
  expect((await request.get('/admin/decap/decap-cms.js')).status()).toBe(200);
});

test('what the editor saved passes npm run check and builds into the pages people read', async ({ page }) => {
  // A full build of the site: about a minute on a quiet machine, more on a busy one.
  test.setTimeout(360_000);
  copyProject(project, root, { keep: ['content'] });
  const check = await runInCopy(root, 'node', npmScriptArgs('check'));
  expect(check.status, check.output).toBe(0);
  const build = await runInCopy(root, 'astro', ['build']);
  expect(build.status, build.output).toBe(0);

  // Look at the built pages in the browser, served from the copy's dist/.
  const dist = join(root, 'dist');
  await page.route('http://built.example/**', (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    const file = join(dist, path, path.endsWith('/') ? 'index.html' : '');
    return file.startsWith(dist) && existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404, body: 'not built' });
  });
  const response = await page.goto('http://built.example/services/zoes-saturday-sensory-club/');
  expect(response?.status()).toBe(200);
  const main = page.locator('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText("Zoë's Saturday Sensory Club");
  await expect(main.locator('.lead')).toHaveText('Relaxed sensory play sessions on Saturday mornings for disabled children and their brothers and sisters.');
  await expect(main).toContainText('Soft play, music and messy play in a quiet room, with trained staff.');
  await expect(main).toContainText('Just come along. Booking is not needed.');
  await expect(main).toContainText('Ages 2 to 11');
  await expect(main).toContainText('Saltmere Play and Leisure Trust');
  await expect(main).toContainText('2 Harbour Road, Saltmere');
  await expect(main.locator('.opening-hours')).toHaveText('Saturday, 9:30am to midday');
  await expect(main.getByRole('link', { name: 'sensory@saltmereplay.example' })).toHaveAttribute('href', 'mailto:sensory@saltmereplay.example');
  await expect(main.locator('section[aria-labelledby="related-title"]').getByRole('heading', { level: 3 })).toHaveText(['Friday Social: evening club for young adults']);
  // It is listed with the other services and in the sitemap, like any service written by hand.
  await page.goto('http://built.example/services/');
  await expect(page.locator('main').getByRole('link', { name: "Zoë's Saturday Sensory Club" })).toHaveAttribute('href', '/services/zoes-saturday-sensory-club/');
  expect(readFileSync(join(dist, 'sitemap-0.xml'), 'utf8')).toContain('/services/zoes-saturday-sensory-club/</loc>');

  // The service changed in the browser shows its new summary.
  await page.goto('http://built.example/services/portage-home-visiting/');
  await expect(page.locator('main .lead')).toHaveText('Home visits that help parents support the play and learning of young children with significant SEND.');
});
