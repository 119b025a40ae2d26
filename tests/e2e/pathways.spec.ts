import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axe } from './helpers.ts';

async function expectAccessible(page: Page) {
  const results = await axe(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Pathway pages, the step-by-step component and the EHC timeline calculator. */

test.describe('step-by-step navigation', () => {
  test('without JavaScript every step is open and there is no "Show all" button', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/pathways/ehc-needs-assessment/');
    const panels = page.locator('.step-by-step__panel');
    expect(await panels.count()).toBeGreaterThanOrEqual(4);
    for (const panel of await panels.all()) await expect(panel).toBeVisible();
    await expect(page.getByRole('button', { name: /all steps/ })).toHaveCount(0);
    await expect(page.getByText('Within 6 weeks of receiving the request')).toBeVisible();
    await context.close();
  });

  test('with JavaScript steps collapse, open one at a time, and open all together', async ({ page }) => {
    await page.goto('/pathways/ehc-needs-assessment/');
    const panels = page.locator('.step-by-step__panel');
    await expect(panels.first()).toBeHidden();
    const step = page.getByRole('button', { name: 'The council decides whether to assess' });
    await expect(step).toHaveAttribute('aria-expanded', 'false');
    await step.click();
    await expect(step).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByText('Within 6 weeks of receiving the request')).toBeVisible();
    await page.getByRole('button', { name: 'Show all steps' }).click();
    for (const panel of await panels.all()) await expect(panel).toBeVisible();
    await page.getByRole('button', { name: 'Hide all steps' }).click();
    await expect(panels.first()).toBeHidden();
    await expectAccessible(page);
  });
});

test('each pathway says who decides, who pays, the threshold and what the family can do, and cites its sources', async ({ page }) => {
  await page.goto('/pathways/');
  const links = await page.locator('main .card__title a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(links.length).toBeGreaterThanOrEqual(10);
  for (const href of links) {
    await page.goto(href);
    await expect(page.getByText('Who decides', { exact: true })).toBeVisible();
    await expect(page.getByText('Who pays', { exact: true })).toBeVisible();
    await expect(page.locator('main .prose')).toContainText('Sources:');
    await expect(page.getByRole('heading', { level: 2, name: 'The threshold in plain English' })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 2, name: /^What (you|the young person) can do$/ })).toHaveCount(1);
  }
});

/** Types a date into a GOV.UK date input (day, month and year fields) named by its legend. */
async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

test.describe('EHC timeline calculator', () => {
  test('without JavaScript it shows each deadline as weeks from the request', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/pathways/ehc-timeline/');
    const table = page.locator('main table');
    await expect(table).toContainText('6 weeks');
    await expect(table).toContainText('16 weeks');
    await expect(table).toContainText('20 weeks');
    await expect(page.getByRole('group', { name: 'Date the council received the request' })).toBeHidden();
    await expect(page.getByText(/does not move any date because of a holiday/)).toBeVisible();
    await expect(page.getByText(/The calculator that turns these limits into dates needs JavaScript/)).toBeVisible();
    await context.close();
  });

  test('with JavaScript it shows the dates and makes a calendar file', async ({ page }) => {
    await page.goto('/pathways/ehc-timeline/');
    await fillDate(page, 'Date the council received the request', '31', '12', '2027');
    await page.getByRole('button', { name: 'Show the dates' }).click();
    const results = page.locator('[data-results-list]');
    await expect(results).toContainText('Friday 11 February 2028 (6 weeks)');
    await expect(results).toContainText('Friday 21 April 2028 (16 weeks)');
    await expect(results).toContainText('Friday 19 May 2028 (20 weeks)');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Add to calendar (.ics file)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('ehc-deadlines.ics');
    const ics = readFileSync((await file.path())!, 'utf8');
    expect(ics).toContain('DTSTART;VALUE=DATE:20280211');
    expect(ics).toContain('DTSTART;VALUE=DATE:20280519');
    await expectAccessible(page);
    // Printed, the deadlines say the date they count from (the fields that held it do not print),
    // and the questions, with no fields to fill in on paper, are left out.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('[data-results]')).toContainText('Counted from Friday 31 December 2027, the day the council received the request.');
    await expect(results).toBeVisible();
    for (const question of await page.locator('main legend, main label').all()) await expect(question).toBeHidden();
    await expect(page.getByText('The file works with Outlook')).toBeHidden();
    await expect(page.getByRole('heading', { name: 'When is the last day to appeal?' })).toBeHidden();
  });

  test('it explains a missing date instead of guessing', async ({ page }) => {
    await page.goto('/pathways/ehc-timeline/');
    await page.getByRole('button', { name: 'Show the dates' }).click();
    const summary = page.locator('[data-error-summary]').filter({ hasText: 'There is a problem' }).first();
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link', { name: 'Enter the date the council received the request' })).toBeVisible();
    await expect(page.getByText('Error: Enter the date the council received the request')).toBeVisible();
    await expectAccessible(page);
  });

  test('it works out the last day to appeal, using a later mediation certificate', async ({ page }) => {
    await page.goto('/pathways/ehc-timeline/');
    await fillDate(page, 'Date of the decision letter', '31', '12', '2027');
    await page.getByRole('button', { name: 'Show the last day to appeal' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'last day' })).toContainText('Tuesday 29 February 2028');
    await expect(page.getByRole('status').filter({ hasText: 'last day' })).toContainText('Worked out from a decision letter dated Friday 31 December 2027.');
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: 'When is the last day to appeal?' })).toBeVisible();
    await expect(page.getByRole('group', { name: 'Date of the decision letter' })).toBeHidden();
    await page.emulateMedia({ media: 'screen' });
    await fillDate(page, 'Date of the mediation certificate (if you have one)', '15', '2', '2028');
    await page.getByRole('button', { name: 'Show the last day to appeal' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'last day' })).toContainText('Wednesday 15 March 2028: 1 month after the mediation certificate');
    // A last day on a weekend: the tribunal's rule 12 moves it to the next working day.
    await fillDate(page, 'Date of the mediation certificate (if you have one)', '', '', '');
    await fillDate(page, 'Date of the decision letter', '26', '12', '2027');
    await page.getByRole('button', { name: 'Show the last day to appeal' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'last day' })).toContainText('Saturday 26 February 2028: 2 months after the decision letter. That is a weekend, so an appeal the tribunal receives by Monday 28 February 2028 is still in time.');
  });
});
