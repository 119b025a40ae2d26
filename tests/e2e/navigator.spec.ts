import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axe } from './helpers.ts';

/**
 * Walks every journey of every decision tree, from the start page to each result, with
 * JavaScript off (plain links only), and checks each result's links. With JavaScript on,
 * "Your answers" lists the answers given, in order, with working change links.
 */
interface Option { label: string; next: string }
interface Node { type: 'question' | 'outcome'; question?: string; title?: string; options?: Option[] }
interface Tree { title: string; start: string; nodes: Record<string, Node> }
interface Step { node: string; option: number }

const trees = readdirSync('content/navigator')
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ id: f.replace(/\.json$/, ''), tree: JSON.parse(readFileSync(`content/navigator/${f}`, 'utf8')) as Tree }));

/** Every journey as the option chosen at each question, ending at an outcome. */
function journeys(tree: Tree): { steps: Step[]; outcome: string }[] {
  const out: { steps: Step[]; outcome: string }[] = [];
  const walk = (id: string, steps: Step[]) => {
    const node = tree.nodes[id]!;
    if (node.type === 'outcome') return void out.push({ steps, outcome: id });
    node.options!.forEach((option, index) => walk(option.next, [...steps, { node: id, option: index }]));
  };
  walk(tree.start, []);
  return out;
}

const total = trees.reduce((sum, t) => sum + journeys(t.tree).length, 0);

test('the trees have journeys to walk', () => {
  // Printed so the number of paths walked is easy to report.
  console.log(`Decision-tree journeys walked with JavaScript off: ${total}`);
  expect(total).toBeGreaterThan(20);
});

async function walk(page: Page, treeId: string, tree: Tree, steps: Step[]) {
  await page.goto(`/navigator/${treeId}/`);
  await page.getByRole('link', { name: 'Start now' }).click();
  await answer(page, treeId, tree, steps);
}

/**
 * With JavaScript, the page's script remembers an answer and points the back link at the question
 * answered. A click before it has run follows the plain link (the journey still works, but is not
 * remembered), so the tests wait for it before they click, as a person would take longer than
 * that to read the page.
 */
async function scriptReady(page: Page) {
  await page.waitForFunction(() => customElements.get('navigator-journey') !== undefined);
}

/** From the page of the first step's question, checks each question and follows the chosen answer's link. */
async function answer(page: Page, treeId: string, tree: Tree, steps: Step[]) {
  for (const step of steps) {
    const node = tree.nodes[step.node]!;
    await expect(page).toHaveURL(new RegExp(`/navigator/${treeId}/${step.node}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(node.question!);
    // Two answers may share a label in different questions, never within one question.
    // Wait for the navigation the click starts: on a busy machine it can take a while.
    const next = node.options![step.option]!.next;
    if (!withoutScripts.has(page)) await scriptReady(page);
    await Promise.all([page.waitForURL(new RegExp(`/navigator/${treeId}/${next}/(\\?[^/]*)?$`)), page.locator('main a[data-option-index]').nth(step.option).click()]);
  }
}

/** How many answers two journeys share from the start. */
function sharedSteps(a: Step[], b: Step[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count]!.node === b[count]!.node && a[count]!.option === b[count]!.option) count++;
  return count;
}

/** Pages opened with JavaScript off. */
const withoutScripts = new WeakSet<Page>();

async function withoutJs(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  withoutScripts.add(page);
  return { context, page };
}

for (const { id, tree } of trees) {
  const all = journeys(tree);
  // Group journeys by the first answer so big trees run in parallel.
  const groups = new Map<number, typeof all>();
  for (const journey of all) groups.set(journey.steps[0]!.option, [...(groups.get(journey.steps[0]!.option) ?? []), journey]);

  for (const [first, group] of groups) {
    test(`${id}: every journey after answer ${first + 1} reaches its result with JavaScript off`, async ({ browser }) => {
      test.setTimeout(30_000 + group.length * 8_000);
      const { context, page } = await withoutJs(browser);
      let previous: Step[] | undefined;
      for (const journey of group) {
        await test.step(journey.steps.map((s) => `${s.node}[${s.option}]`).join(' → ') + ` → ${journey.outcome}`, async () => {
          // Journeys come depth first, so each shares its first answers with the one before, whose
          // walk followed those links from the start page. Without JavaScript a question's page is
          // the same however it is reached, so the walk goes on from the question where they part.
          const shared = previous ? sharedSteps(previous, journey.steps) : 0;
          if (shared === 0) await walk(page, id, tree, journey.steps);
          else {
            await page.goto(`/navigator/${id}/${journey.steps[shared]!.node}/`);
            await answer(page, id, tree, journey.steps.slice(shared));
          }
          previous = journey.steps;
          await expect(page).toHaveURL(new RegExp(`/navigator/${id}/${journey.outcome}/$`));
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(tree.nodes[journey.outcome]!.title!);
        });
      }
      await context.close();
    });
  }

  test(`${id}: every result page links to pathways, services and provision that exist`, async ({ page, request }) => {
    const outcomes = Object.entries(tree.nodes).filter(([, n]) => n.type === 'outcome');
    test.setTimeout(30_000 + outcomes.length * 3_000);
    const checked = new Set<string>();
    for (const [nodeId] of outcomes) {
      await page.goto(`/navigator/${id}/${nodeId}/`);
      const hrefs = await page.locator('main [data-outcome-links] a, main .prose a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
      expect(hrefs.length, `${nodeId} should link somewhere useful`).toBeGreaterThan(0);
      for (const href of hrefs) {
        const path = href.split('#')[0]!;
        if (checked.has(path)) continue;
        checked.add(path);
        expect((await request.get(path)).status(), `${nodeId} links to ${href}`).toBe(200);
      }
    }
  });
}

/** The questions with an answer leading to each page of a tree. */
function parentsIn(tree: Tree): Map<string, string[]> {
  const parents = new Map<string, string[]>(Object.keys(tree.nodes).map((nodeId) => [nodeId, []]));
  for (const [nodeId, node] of Object.entries(tree.nodes)) {
    for (const option of node.options ?? []) if (!parents.get(option.next)!.includes(nodeId)) parents.get(option.next)!.push(nodeId);
  }
  return parents;
}

test('without JavaScript, the back link goes to a question that leads to this page', async ({ browser }) => {
  const { context, page } = await withoutJs(browser);
  await page.goto('/navigator/which-support-applies/school-tried/');
  await page.locator('main [data-back-link]').click();
  await expect(page).toHaveURL(/\/navigator\/which-support-applies\/school-significant\/$/);
  await context.close();
});

test('without JavaScript, no page shows a back link to a question that may not be the one answered', async ({ browser }) => {
  // A page that several questions lead to cannot know which one was answered: it shows no link
  // rather than one that may send a parent down the wrong branch.
  const { context, page } = await withoutJs(browser);
  for (const { id, tree } of trees) {
    const parents = parentsIn(tree);
    for (const nodeId of Object.keys(tree.nodes)) {
      await page.goto(`/navigator/${id}/${nodeId}/`);
      const back = page.locator('main [data-back-link]');
      const from = parents.get(nodeId)!;
      if (from.length > 1) await expect(back, `${id}/${nodeId} (${from.length} questions lead here)`).toBeHidden();
      else await expect(back, `${id}/${nodeId}`).toHaveAttribute('href', from.length === 1 ? `/navigator/${id}/${from[0]}/` : `/navigator/${id}/`);
    }
  }
  await context.close();
});

test.describe('with JavaScript', () => {
  const { id, tree } = trees.find((t) => t.id === 'which-support-applies')!;
  // One journey to each result: the shortest.
  const byOutcome = new Map<string, Step[]>();
  for (const j of journeys(tree)) if (!byOutcome.has(j.outcome) || byOutcome.get(j.outcome)!.length > j.steps.length) byOutcome.set(j.outcome, j.steps);

  test('"Your answers" on each result matches the journey taken', async ({ page }) => {
    test.setTimeout(30_000 + byOutcome.size * 6_000);
    for (const [outcome, steps] of byOutcome) {
      await test.step(outcome, async () => {
        await walk(page, id, tree, steps);
        const panel = page.locator('[data-your-answers]');
        await expect(panel.getByRole('heading', { name: 'Your answers' })).toBeVisible();
        const rows = panel.locator('.summary-list__row');
        await expect(rows).toHaveCount(steps.length);
        for (const [index, step] of steps.entries()) {
          const node = tree.nodes[step.node]!;
          await expect(rows.nth(index).locator('dt')).toHaveText(node.question!);
          await expect(rows.nth(index).locator('dd').first()).toHaveText(node.options![step.option]!.label);
        }
      });
    }
  });

  test('a change link goes back to the question, and a new answer replaces the old journey', async ({ page }) => {
    await walk(page, id, tree, [{ node: 'age', option: 1 }, { node: 'school-concern', option: 1 }, { node: 'school-where', option: 0 }, { node: 'school-need', option: 2 }, { node: 'school-significant', option: 1 }, { node: 'school-tried', option: 0 }]);
    await expect(page).toHaveURL(/sen-support-outcome\/$/);
    await page.getByRole('link', { name: 'Change your answer to: What has the school already done to help?' }).click();
    await expect(page).toHaveURL(/school-tried\/$/);
    await scriptReady(page);
    await page.getByRole('link', { name: /SEN support and advice from a specialist/ }).click();
    await expect(page).toHaveURL(/ehc-assessment-outcome\/$/);
    const rows = page.locator('[data-your-answers] .summary-list__row');
    await expect(rows).toHaveCount(6);
    await expect(rows.last().locator('dd').first()).toHaveText(/SEN support and advice from a specialist/);
  });

  test('on a page several questions lead to, the back link goes to the one answered', async ({ page }) => {
    const parents = parentsIn(tree);
    // A journey to a page with several ways in, through a question other than the first of them.
    const journey = journeys(tree).find((j) => {
      const last = j.steps.at(-1)!.node;
      const from = parents.get(j.outcome)!;
      return from.length > 1 && last !== from[0];
    });
    expect(journey, 'the tree has a result that several questions lead to').toBeDefined();
    await walk(page, id, tree, journey!.steps);
    await scriptReady(page);
    await page.locator('main [data-back-link]').click();
    await expect(page).toHaveURL(new RegExp(`/navigator/${id}/${journey!.steps.at(-1)!.node}/$`));
  });

  test('the back link follows the journey actually taken', async ({ page }) => {
    await walk(page, id, tree, [{ node: 'age', option: 2 }, { node: 'post-16-plan', option: 1 }, { node: 'post-16-where', option: 1 }]);
    await expect(page).toHaveURL(/post-16-concern\/$/);
    await scriptReady(page);
    await page.locator('main [data-back-link]').click();
    await expect(page).toHaveURL(/post-16-where\/$/);
  });

  test('a shared link shows the same answers in a fresh browser, and the result can be printed', async ({ page, browser, baseURL }) => {
    await walk(page, id, tree, [{ node: 'age', option: 0 }, { node: 'early-years-plan', option: 0 }, { node: 'early-years-plan-help', option: 0 }]);
    const link = page.getByLabel('Link to this result, with your answers');
    // The script fills the link in once the page has loaded.
    await expect(link).toHaveValue(/\/navigator\/which-support-applies\/phase-transfer\/\?answers=0\.0\.0$/);
    const shared = await link.inputValue();
    await expect(page.getByRole('button', { name: 'Print this result' })).toBeVisible();
    const fresh = await browser.newContext({ baseURL });
    const other = await fresh.newPage();
    await other.goto(new URL(shared).pathname + new URL(shared).search);
    await expect(other.locator('[data-your-answers] .summary-list__row')).toHaveCount(3);
    await expect(other.locator('[data-your-answers] dt').first()).toHaveText(tree.nodes.age!.question!);
    await fresh.close();
  });

  test('a result showing "Your answers" and the share tools has no axe violations', async ({ page }) => {
    await page.goto(`/navigator/${id}/ehc-assessment-outcome/?answers=1.1.0.2.1.3`);
    await expect(page.locator('[data-your-answers] .summary-list__row')).toHaveCount(6);
    const results = await axe(page);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // On paper (A4 less margins) "Change" does nothing: printed with its address, it squeezed each
    // answer into a column a word or two wide.
    await page.setViewportSize({ width: 680, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('heading', { name: 'Your answers' })).toBeVisible();
    for (const change of await page.locator('.your-answers__change').all()) await expect(change).toBeHidden();
    const answerWidths = await page.locator('[data-your-answers] dd').evaluateAll((dds) => dds.filter((dd) => dd.getClientRects().length > 0).map((dd) => dd.getBoundingClientRect().width));
    expect(answerWidths).toHaveLength(6);
    expect(Math.min(...answerWidths), 'each answer has room on paper').toBeGreaterThan(250);
    // The printed page address has no answers: the link that has them is printed under them.
    await expect(page.locator('.your-answers__link')).toBeVisible();
    await expect(page.locator('.your-answers__link')).toContainText(`/navigator/${id}/ehc-assessment-outcome/?answers=1.1.0.2.1.3`);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.your-answers__link')).toBeHidden();
  });

  test('at phone width the print and copy buttons stack flush with the text, not set in', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL, viewport: { width: 320, height: 640 } });
    const phone = await context.newPage();
    await phone.goto(`/navigator/${id}/ehc-assessment-outcome/?answers=1.1.0.2.1.3`);
    const print = phone.getByRole('button', { name: 'Print this result' });
    const copy = phone.getByRole('button', { name: 'Copy a link to this result' });
    await expect(copy).toBeVisible();
    const [a, b] = [(await print.boundingBox())!, (await copy.boundingBox())!];
    expect(b.y).toBeGreaterThan(a.y + a.height);
    expect(b.x).toBe(a.x);
    await context.close();
  });

  test('a result reached without answering shows no "Your answers"', async ({ page }) => {
    await page.goto(`/navigator/${id}/urgent-help/`);
    await expect(page.locator('[data-your-answers]')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Print this result' })).toBeVisible();
  });
});

test('the editors\' map lists every node and where each answer leads', async ({ page }) => {
  for (const { id, tree } of trees) {
    await page.goto(`/navigator/${id}/map/`);
    for (const [nodeId, node] of Object.entries(tree.nodes)) {
      await expect(page.locator(`#node-${nodeId}`), `${id} map shows ${nodeId}`).toHaveCount(1);
      for (const option of node.options ?? []) {
        await expect(page.locator(`#node-${nodeId} a[href="#node-${option.next}"]`).first()).toBeVisible();
      }
    }
  }
});

test('the editors\' map shows the public no node ids or file paths, and counts journeys instead of listing them', async ({ page }) => {
  for (const { id, tree } of trees) {
    await page.goto(`/navigator/${id}/map/`);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('content/navigator');
    expect(text).not.toMatch(/node id/i);
    // Ids that are more than one word cannot be mistaken for ordinary words on the page.
    for (const nodeId of Object.keys(tree.nodes).filter((n) => n.includes('-'))) expect(text, `${id} map shows the id ${nodeId}`).not.toContain(nodeId);
    await expect(page.locator('main .lead')).toContainText(/\d+ different journeys? from the first question/);
  }
});
