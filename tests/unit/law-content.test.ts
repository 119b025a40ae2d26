import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';

/** What the demo content tells families about the law, checked where a wrong word would mislead. */
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const text = (file: string) => readFileSync(file, 'utf8');

describe('what the Local Offer covers (SEND Regulations 2014, Schedule 2, and Code of Practice chapter 4)', () => {
  const items = json('content/statutory-coverage.json').items as { requirement: string; source: string; pages: string[] }[];
  const covering = (pattern: RegExp) => items.find((i) => pattern.test(i.requirement));

  test.each([
    ['provision outside the area, with the section 41 list', /outside the area.*section 41/i, /Schedule 2, paragraphs 1\(d\), 1\(f\), 2 and 3\(b\)/],
    ['alternative provision and pupil referral units', /Alternative provision and pupil referral units/, /Schedule 2, paragraphs 1\(g\) and 3\(c\)/],
    ["higher education and Disabled Students' Allowances", /higher education.*Disabled Students' Allowances/, /Schedule 2/],
    ['the short breaks services statement', /short breaks services statement/, /Breaks for Carers of Disabled Children Regulations 2011/],
    ['the travel policy statements', /post-16 transport policy statement/, /Education Act 1996, sections 508B, 508F and 509AA/],
    ['the personal budgets policy', /personal budgets policy/, /section 49/],
    ['childcare for disabled children up to 18', /Childcare for disabled children and young people up to 18/, /Childcare Act 2006/],
  ])('%s has an item, its source and a page', (_, requirement, source) => {
    const item = covering(requirement);
    expect(item, String(requirement)).toBeDefined();
    expect(item!.source).toMatch(source);
    expect(item!.pages.length).toBeGreaterThan(0);
    for (const page of item!.pages.filter((p) => !/^\/(services|pathways)\//.test(p))) expect(existsSync(`content/pages${page.replace(/\/$/, '')}.mdx`), page).toBe(true);
  });
});

describe('"What is changing in SEND, and what is not"', () => {
  const page = text('content/pages/what-is-changing-in-send.mdx');
  test('says the current law still applies until it changes, with a review date and sources', () => {
    expect(page).toMatch(/^title: What is changing in SEND, and what is not$/m);
    expect(page).toMatch(/^lastReviewed: \d{4}-\d{2}-\d{2}$/m);
    expect(page).toMatch(/The law today still applies in full/);
    expect(page).toMatch(/23 February 2026/);
    expect(page).toMatch(/not bring them in before September 2030/);
    expect(page).toMatch(/\*Sources: .*Children and Families Act 2014/);
  });
});

describe('what services and indicators tell families', () => {
  test('post-16 transport is free for learners aged 19 to 25 with an EHC plan; only 16 to 18 may pay (Education Act 1996, section 508F)', () => {
    const service = json('content/services/post-16-travel-support.json');
    expect(service.cost.details).toMatch(/Students aged 16 to 18 may be asked to pay/);
    expect(service.cost.details).toMatch(/aged 19 to 25 with an EHC plan pay nothing/);
    expect(service.description).toMatch(/508F/);
  });

  test('mediation is run by an organisation independent of the council', () => {
    const service = json('content/services/send-mediation.json');
    expect(service.organisation).not.toBe('kestrel-vale-council');
    expect(service.description).toMatch(/must be independent of the council/);
  });

  test('the number of requests for an assessment is not presented as "lower is better"', () => {
    const indicator = json('content/indicators/requests-for-assessment.json');
    expect(indicator.higherIsBetter).toBeUndefined();
    expect(indicator.description).not.toMatch(/Fewer requests can mean/);
  });

  test('the glossary does not present the graduated response as steps to wait through', () => {
    const entry = (json('content/glossary.json') as { term: string; definition: string }[]).find((e) => e.term === 'Graduated response')!;
    expect(entry.definition).toMatch(/at any time/);
    expect(entry.definition).toMatch(/do not have to wait/);
  });
});

describe('what the pathways say', () => {
  test('no pathway uses "very complex" as the test for an assessment, or says most children with SEN are met by universal support', () => {
    expect(text('content/pathways/early-years-sen-support.mdx')).not.toMatch(/very complex/);
    expect(text('content/pathways/universal-support.mdx')).not.toMatch(/Most children with special educational needs have their needs met this way/);
  });

  test('the £6,000 figure is for mainstream schools, and best endeavours does not cover independent specialist colleges', () => {
    expect(text('content/pathways/post-16-sen-support.mdx')).not.toMatch(/£6,000/);
    expect(text('content/pathways/post-16-sen-support.mdx')).toMatch(/Independent specialist colleges and training providers do not have this duty/);
    expect(text('content/pathways/ehc-plan.mdx')).toMatch(/A mainstream school pays for the first £6,000/);
  });

  test('ending a plan: not at 19 by itself, kept during an appeal, and reviewed first for an 18+ leaving education', () => {
    const page = text('content/pathways/preparing-for-adulthood.mdx');
    expect(page).toMatch(/cannot end just because the young person is 19 or over/);
    expect(page).toMatch(/If there is an appeal, the plan stays in place until the appeal is decided/);
    expect(page).toMatch(/aged 18 or over leaves education or training, the council must first review the plan/);
  });

  test('phase transfer: before 15 February, before 31 March only into post-16, 5 months between post-16 places', () => {
    const page = text('content/pathways/moving-between-phases.mdx');
    expect(page).toMatch(/Before 15 February in the calendar year of the move/);
    expect(page).toMatch(/Before 31 March in the calendar year of the move">\s+Only for a move from secondary school/);
    expect(page).toMatch(/at least 5 months before the move/);
  });

  test('four exceptions to the 16 and 20 weeks, including an early years setting closing', () => {
    expect(text('content/pathways/ehc-needs-assessment.mdx')).toMatch(/in four cases[\s\S]*nursery or other early years setting/);
    expect(text('content/pathways/ehc-plan.mdx')).toMatch(/Four exceptions apply/);
  });

  test('appeals and complaints: re-assessment, disability discrimination within 6 months, school complaints to the Department for Education', () => {
    const page = text('content/pathways/disagreements.mdx');
    expect(page).toMatch(/re-assessment/);
    expect(page).toMatch(/within \*\*6 months\*\*/);
    expect(page).toMatch(/About a school[^\n]*Department for Education/);
    expect(page).toMatch(/will not usually look at a matter you could take to the SEND Tribunal/);
  });
});
