import { describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

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

/**
 * Schedule 2 to the SEND Regulations 2014 (SI 2014/1530), "Information to be published by a local
 * authority in its local offer": the paragraphs whose text we have read, with the words that matter.
 * Read from legislation.gov.uk: /uksi/2014/1530/schedule/2/made (paragraphs 1 to 3) and
 * /uksi/2014/1530/schedule/2/paragraph/5 (paragraph 5). A coverage item may cite only these.
 * Paragraph 3(d) was read only in part ("the arrangements the local authority has for funding
 * children a…"), and paragraph 4 and paragraphs 6 onwards not at all, so none of them is here.
 */
const SCHEDULE_2_READ: Record<string, string> = {
  '1': 'special educational provision and training provision … expects to be available in its area … by—',
  '1(a)': 'providers of relevant early years education',
  '1(b)': 'maintained schools, including provision made available in any separate unit',
  '1(c)': 'Academies, including provision made available in any separate unit',
  '1(d)': 'non-maintained special schools',
  '1(e)': 'post-16 institutions',
  '1(f)': 'institutions approved under section 41 of the Act',
  '1(g)': 'pupil referral units',
  '1(h)': 'persons commissioned by the local authority to support children and young people with SEN or a disability',
  '2': 'provision … expects to be made outside its area by persons specified in sub-paragraphs (a) to (g) of paragraph 1',
  '3': 'the information in paragraphs 1 and 2 must include information about—',
  '3(a)': 'provision by mainstream schools and mainstream post-16 institutions including any support … in relation to learning or the curriculum',
  '3(b)': 'provision by special schools and special post-16 institutions, and those approved under section 41',
  '3(c)': 'provision secured by the local authority in mainstream schools, mainstream post-16 institutions, pupil referral units and alternative provision Academies',
  '5': 'information, in relation to the persons specified in paragraphs 1 and 2, about—',
  '5(a)': 'their approach to teaching',
  '5(b)': 'how they adapt the curriculum and the learning environment',
  '5(c)': 'the additional learning support available',
  '5(d)': 'how progress towards outcomes will be assessed and reviewed, and how children, parents and young people take part',
  '5(e)': 'how the effectiveness of provision will be assessed and evaluated, and how children, parents and young people take part',
  '5(f)': 'how facilities that are available can be accessed',
  '5(g)': 'what activities (including physical activities) are available in addition to the curriculum',
  '5(h)': 'what support is available',
  '5(i)': 'how expertise … is secured for teaching staff and others',
  '5(j)': 'how the emotional, mental and social development … will be supported and improved',
};

/**
 * Items that still cite Schedule 2 with no paragraph, and why. Each stays at "Schedule 2" until
 * someone reads the paragraph that covers it (its text was not in any source we could reach; a
 * guide that gives a number without the text is not enough).
 */
const LEFT_AT_SCHEDULE_2: Record<string, string> = {
  'Health provision': 'health provision: paragraph not read',
  'Social care provision': 'social care provision: paragraph not read',
  'Travel arrangements': 'travel arrangements: paragraph not read (the duty itself is cited from CFA 2014, section 30(2)(d))',
  'Support to prepare for adulthood': 'preparing for adulthood: paragraph not read (CFA 2014, section 30(2)(e) and (3) are cited)',
  'Childcare, leisure and activities': 'childcare and leisure: paragraph 5(g) is about activities run by schools and settings, not this row; the right paragraph was not read',
  'Sources of information, advice and support': 'information, advice and support: a guide names paragraph 15, but its text was not read',
  'How to make a complaint': 'complaints and appeals: a guide names paragraph 17, but its text was not read',
  'Support for moving between phases': 'moving between phases: paragraph not read',
  'Support for young people in higher education': 'higher education: paragraph not read',
  'The short breaks services statement': 'short breaks statement: paragraph not read',
  'The home-to-school travel policy': 'travel policies: paragraph not read',
  'Childcare for disabled children': 'childcare: paragraph not read',
};

/** "paragraphs 1(d), 1(f), 2 and 3(b)" or "paragraph 5(d) to (j)" as ["1(d)", "1(f)", "2", "3(b)"] or ["5(d)", …, "5(j)"]. */
const paragraphsCited = (list: string): string[] => {
  const out: string[] = [];
  let paragraph = '';
  for (const part of list.split(/,\s*|\s+and\s+/)) {
    const m = /^(\d+)?(?:\(([a-z])\))?(?:\s+to\s+\(([a-z])\))?$/.exec(part.trim());
    if (!m || (!m[1] && !m[2])) throw new Error(`cannot read the paragraph reference "${part}" in "${list}"`);
    if (m[1]) paragraph = m[1];
    if (!m[2]) {
      out.push(paragraph);
      continue;
    }
    const last = (m[3] ?? m[2]).charCodeAt(0);
    for (let c = m[2].charCodeAt(0); c <= last; c++) out.push(`${paragraph}(${String.fromCharCode(c)})`);
  }
  return out;
};

/** The Schedule 2 paragraphs an item cites: null when it cites none, [] when it cites Schedule 2 alone. */
const schedule2Citation = (source: string): string[] | null => {
  const part = source.split(/;\s*/).find((s) => /^SEND Regulations 2014\b.*Schedule 2/.test(s));
  if (!part) return null;
  const m = /Schedule 2, paragraphs? (.+)$/.exec(part);
  return m ? paragraphsCited(m[1]!) : [];
};

describe('Schedule 2 paragraph numbers in the coverage map', () => {
  const items = json('content/statutory-coverage.json').items as { requirement: string; source: string }[];
  const leftFor = (requirement: string) => Object.keys(LEFT_AT_SCHEDULE_2).find((k) => requirement.startsWith(k));

  test('every item that cites Schedule 2 names a paragraph we have read, or is on the list of items left at "Schedule 2"', () => {
    const problems: string[] = [];
    for (const item of items) {
      const cited = schedule2Citation(item.source);
      if (cited === null) continue;
      if (cited.length === 0 && !leftFor(item.requirement)) problems.push(`"${item.requirement}" cites Schedule 2 with no paragraph`);
      for (const p of cited) if (!(p in SCHEDULE_2_READ)) problems.push(`"${item.requirement}" cites paragraph ${p}, which we have not read`);
      if (cited.length > 0 && leftFor(item.requirement)) problems.push(`"${item.requirement}" now names a paragraph: take it off LEFT_AT_SCHEDULE_2`);
    }
    expect(problems).toEqual([]);
  });

  test('the list of items left at "Schedule 2" names only items that exist', () => {
    for (const key of Object.keys(LEFT_AT_SCHEDULE_2)) expect(items.filter((i) => i.requirement.startsWith(key)), key).toHaveLength(1);
  });

  test.each([
    ['provision outside the area', /outside the area/, ['1(d)', '1(f)', '2', '3(b)']],
    ['alternative provision and pupil referral units', /^Alternative provision/, ['1(g)', '3(c)']],
    ['provision in early years settings, schools and colleges', /^Special educational provision in early years/, ['1', '3(a)', '3(b)', '3(c)']],
    ['ordinarily available provision', /ordinarily available provision/, ['3(a)', '5(a)', '5(b)', '5(c)']],
    ['how settings check progress, involve families, train staff and support wellbeing', /check progress and whether support is working/, ['5(d)', '5(e)', '5(f)', '5(g)', '5(h)', '5(i)', '5(j)']],
  ])('%s cites the paragraphs that say so', (_, requirement, paragraphs) => {
    const item = items.find((i) => requirement.test(i.requirement));
    expect(item, String(requirement)).toBeDefined();
    expect(schedule2Citation(item!.source)).toEqual(paragraphs);
  });

  test('a paragraph reference is read the way a person reads it', () => {
    expect(paragraphsCited('1(d), 1(f), 2 and 3(b)')).toEqual(['1(d)', '1(f)', '2', '3(b)']);
    expect(paragraphsCited('5(c) and (d)')).toEqual(['5(c)', '5(d)']);
    expect(paragraphsCited('1 and 3(a) to (c)')).toEqual(['1', '3(a)', '3(b)', '3(c)']);
    expect(() => paragraphsCited('twelve')).toThrow(/cannot read/);
    expect(schedule2Citation('Children Act 1989, Schedule 2, paragraph 6; SEND Regulations 2014, Schedule 2')).toEqual([]);
    expect(schedule2Citation('Children and Families Act 2014, section 49')).toBeNull();
  });

  test('the page "What the Local Offer must cover" does not claim to list every requirement', () => {
    const page = text('src/pages/what-the-local-offer-covers.astro');
    expect(page).not.toMatch(/shows each requirement|Each thing the law says/);
    expect(page).toMatch(/It is not a full list\./);
    expect(page).toMatch(/we have not yet matched that row to a paragraph/);
  });
});

describe('"What is changing in SEND, and what is not"', () => {
  const page = text('content/pages/what-is-changing-in-send.mdx');
  test('says the current law still applies until it changes, with a review date and sources', () => {
    expect(page).toMatch(/^title: What is changing in SEND, and what is not$/m);
    expect(page).toMatch(/^lastReviewed: \d{4}-\d{2}-\d{2}$/m);
    expect(page).toMatch(/The law today still applies in full/);
    expect(page).toMatch(/23 February 2026/);
    // The government's own text starts Individual Support Plans and the first reassessments in
    // September 2029; an earlier version of this page said "not before September 2030", which was wrong.
    expect(page).toMatch(/first changes would start in September 2029 at the earliest/);
    expect(page).not.toMatch(/2030/);
    expect(page).toMatch(/\*Sources: .*Children and Families Act 2014/);
  });
});

describe('what services and indicators tell families', () => {
  test('post-16 transport is free for learners aged 19 to 25 with an EHC plan; only 16 to 18 may pay (Education Act 1996, section 508F)', () => {
    const service = json('content/services/post-16-travel-support.json');
    expect(service.cost.details).toMatch(/Students aged 16 to 18 may be asked to pay/);
    expect(service.cost.details).toMatch(/aged 19 to 25 with an EHC plan who started their course at 19 or over pay nothing/);
    // Section 509AC: a student who started before 19 is still of sixth form age.
    expect(service.cost.details).toMatch(/started their course before they turned 19 come under the post-16 policy/);
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
    // Funding guidance, not law: never a threshold for an assessment or a plan.
    expect(text('content/pathways/ehc-plan.mdx')).toMatch(/A mainstream school is expected to pay for up to £6,000 a year of extra help from its own budget\. This is a funding rule, not a legal test\./);
  });

  test('ending a plan: not at 19 by itself, kept during an appeal, and reviewed first for an 18+ leaving education', () => {
    const page = text('content/pathways/preparing-for-adulthood.mdx');
    expect(page).toMatch(/cannot end just because the young person is 19 or over/);
    // Section 45(4): not before the time to appeal has passed, nor while an appeal is heard.
    expect(page).toMatch(/the plan stays in place until the time to appeal has passed\. If there is an appeal, it stays until the appeal is decided/);
    // Regulations 29 and 30: under 18, leaving education is no reason to end the plan.
    expect(page).toMatch(/under 18 leaves education or training, the council cannot end the plan for that reason/);
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

/**
 * The findings of a check of every statement of law in the content against the Act, the
 * Regulations and the Tribunal rules (7 December 2026). Each was wrong or misleading before.
 */
describe('the law as checked on 7 December 2026', () => {
  const all = () => ['content/pages', 'content/pathways', 'content/navigator', 'content/services', 'content/videos'].flatMap((dir) => readdirSync(dir).map((f) => `${dir}/${f}`)).map((f) => [f, text(f)] as const);

  test('careers guidance from Year 7 cites the Education (Careers Guidance in Schools) Act 2022, not the Skills Act', () => {
    expect(text('content/pathways/universal-support.mdx')).toMatch(/Education Act 1997, section 42A, as amended by the Education \(Careers Guidance in Schools\) Act 2022/);
    expect(text('content/pages/whole-setting-transition.mdx')).toMatch(/Education \(Careers Guidance in Schools\) Act 2022/);
  });

  test('the timeline calculator page lists all four exceptions to the 16 and 20 weeks, the early years closure too (regulations 10(4) and 13(3)), and claims no more than "similar" ones for the 6 weeks (regulation 5(4))', () => {
    const page = text('src/pages/pathways/ehc-timeline.astro');
    const list = page.slice(page.indexOf('When the council can take longer'), page.indexOf('Even then'));
    expect(list.match(/<li>/g)).toHaveLength(4);
    expect(list).toMatch(/nursery or other early years provider/);
    expect(list).toMatch(/The 16-week and 20-week limits do not apply[^<]*\(regulations 10\(4\) and 13\(3\)\)/);
    expect(list).not.toMatch(/6-week, 16-week and 20-week limits do not apply/);
    expect(list).toMatch(/Similar exceptions apply to the 6-week limit \(regulation 5\(4\)\)/);
  });

  test('travel help from 16 cites both duties: the post-16 statement for ages 16 to 18 (section 509AA) and learners aged 19 to 25 (section 508F)', () => {
    expect(text('content/services/home-to-school-travel-assistance.json')).toMatch(/section 509AA for students aged 16 to 18, and section 508F for learners aged 19 to 25/);
  });

  test('the 31 March date is for a move into a college or other post-16 institution, not a school sixth form (regulation 2; section 83(2))', () => {
    for (const [file, body] of all()) expect(body, file).not.toMatch(/college, sixth form or other post-16/);
    expect(text('content/pathways/moving-between-phases.mdx')).toMatch(/A move into a school sixth form is not covered by this date/);
  });

  test('SEN is measured against what children of the same age usually get, not what one school gives (sections 20 and 21)', () => {
    expect(text('content/pathways/sen-support.mdx')).toMatch(/what children of the same age usually get in mainstream schools/);
    expect(text('content/pathways/early-years-sen-support.mdx')).toMatch(/what children of the same age usually get in nurseries, pre-schools and schools/);
  });

  test('the duty to name a school applies to state schools, non-maintained special schools and the section 41 list only (sections 38 and 39)', () => {
    expect(text('content/pages/schools-and-colleges-outside-kestrel-vale.mdx')).toMatch(/An independent school or college that is not on that list is different\. The council must think about your request, but it does not have to follow these rules/);
  });

  test('no appeal needs mediation first when it is only about the school named, its type, or no school being named (section 55)', () => {
    for (const [file, body] of all()) expect(body, file).not.toMatch(/only (disagree with|about) the school or college named in the plan[.)]/);
  });

  test('no page says a request for an assessment must be in writing, or that a plan ends by itself at university', () => {
    for (const [file, body] of all()) {
      expect(body, file).not.toMatch(/ask the council in writing for an/);
      expect(body, file).not.toMatch(/The council ends it when the young person starts their course/);
    }
    expect(text('content/pathways/ehc-needs-assessment.mdx')).toMatch(/The law does not say how\. An email or letter is best/);
  });

  test('mental capacity is cited by regulation (63 to 65 and Schedule 3), not by a Part number', () => {
    for (const [file, body] of all()) expect(body, file).not.toMatch(/Part 6 \(mental capacity\)/);
  });

  test('the SEND Tribunal is not called SENDIST, and best endeavours is not limited to a few kinds of school', () => {
    const glossary = json('content/glossary.json') as { term: string; abbreviations: string[]; definition: string; searchWords?: string[] }[];
    const tribunal = glossary.find((e) => e.term === 'SEND Tribunal')!;
    expect(tribunal.abbreviations).not.toContain('SENDIST');
    expect(tribunal.searchWords).toContain('SENDIST');
    expect(tribunal.definition).toMatch(/disabled child/);
    expect(glossary.find((e) => e.term === 'Best endeavours')!.definition).toMatch(/academies, nursery schools run by the council and pupil referral units/);
  });

  test('every whole-setting page of the ordinarily available provision cites its sources', () => {
    for (const file of readdirSync('content/pages').filter((f) => f.startsWith('whole-setting-'))) expect(text(`content/pages/${file}`), file).toMatch(/\*Sources: /);
  });
});

/**
 * Who can make a formal request, what the 20 weeks is for, and the test for a young person over 18:
 * findings of a later check of the decision trees against the Act and the Regulations.
 */
describe('the assessment questions, as checked against the Act and the Regulations', () => {
  const tree = json('content/navigator/ask-for-an-ehc-needs-assessment.json') as {
    nodes: Record<string, { question?: string; hint?: string; options?: { label: string; next: string }[]; whoDecides?: string; body?: string }>;
  };

  test('a nursery school run by the council is a school, so it can make a formal request (section 36(1); Education Act 1996, sections 4 and 6)', () => {
    const who = tree.nodes['who-is-asking']!.options!;
    // Only a person acting for a school or post-16 institution may ask for a setting: not a
    // private or voluntary nursery or a childminder, but a maintained nursery school, which is a school.
    expect(who.find((o) => o.next === 'age-band')!.label).toMatch(/nursery school run by the council/);
    expect(who.find((o) => o.next === 'bring-to-attention')!.label).not.toMatch(/such as a nursery,/);
    const result = tree.nodes['bring-to-attention']!;
    expect(result.body).not.toMatch(/such as nursery staff/);
    expect(result.body).toMatch(/A nursery school run by the council is a school, so it can ask/);
    expect(result.whoDecides).toMatch(/A nursery school run by the council is a school/);
  });
});

describe('what the 20 weeks is for (SEND Regulations 2014, regulations 10(1) and 13(2))', () => {
  test('the assessment questions do not promise a final plan to everyone the council assesses', () => {
    const body = (json('content/navigator/ask-for-an-ehc-needs-assessment.json') as { nodes: Record<string, { body?: string }> }).nodes['ask-now']!.body!;
    // 20 weeks is the limit for a final plan the council decides to issue; a decision not to issue one is due by 16 weeks.
    expect(body).not.toMatch(/If it assesses, the final plan is due/);
    expect(body).toMatch(/decides not to issue a plan, it must tell you within \*\*16 weeks\*\*/);
    expect(body).toMatch(/If it decides to issue a plan, the final plan is due within \*\*20 weeks\*\*/);
    expect(body).toMatch(/regulations 5\(1\), 10\(1\) and 13\(2\)/);
  });
});

describe('the test for a young person over 18 (Children and Families Act 2014, section 36(10))', () => {
  test('the assessment questions give the test the law sets: more time than others of the same age to finish education or training', () => {
    const hint = (json('content/navigator/ask-for-an-ehc-needs-assessment.json') as { nodes: Record<string, { hint?: string }> }).nodes['over-19-education']!.hint!;
    // Section 36(10) applies from over 18, not 19, and asks about additional time compared with others
    // of the same age without SEN, not whether more time "would help them reach their goals".
    expect(hint).not.toMatch(/reach their goals/);
    expect(hint).toMatch(/over 18/);
    expect(hint).toMatch(/more time to finish their education or training than most people their age without special educational needs/);
    expect(hint).toMatch(/section 36\(10\)/);
  });
});
