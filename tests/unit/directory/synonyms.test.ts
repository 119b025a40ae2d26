import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { expandSynonyms, mentionsTerm, searchWordTiers } from '../../../src/lib/directory/synonyms.ts';

const glossary = [
  { term: 'Speech and language therapy', abbreviations: ['SALT', 'SLT'], synonyms: ['speech therapy'] },
  { term: 'Autism', abbreviations: ['ASC', 'ASD'], synonyms: ['autistic', 'autism spectrum condition'] },
  { term: 'Attention deficit hyperactivity disorder', abbreviations: ['ADHD', 'ADD'], synonyms: [] },
  { term: 'Short breaks', abbreviations: [], synonyms: ['respite'] },
];

test('a term in the text brings in its abbreviations and synonyms', () => {
  expect(expandSynonyms('Children’s speech and language therapy', glossary)).toEqual(['SALT', 'SLT', 'speech therapy']);
});
test('an abbreviation or synonym in the text brings in the full term and the others', () => {
  expect(expandSynonyms('Saturday club for autistic children', glossary)).toEqual(['Autism', 'ASC', 'ASD', 'autism spectrum condition']);
  expect(expandSynonyms('Overnight respite', glossary)).toEqual(['Short breaks']);
});
test('words already in the text are not repeated, and each word appears once', () => {
  expect(expandSynonyms('Autism (ASD) and autistic young people; SLT', glossary)).toEqual(['Speech and language therapy', 'SALT', 'speech therapy', 'ASC', 'autism spectrum condition']);
});
test('abbreviations only match in capitals and as whole words', () => {
  expect(mentionsTerm('Add your name to the list', glossary[2]!)).toBe(false);
  expect(mentionsTerm('Assessment for ADHD', glossary[2]!)).toBe(true);
  expect(mentionsTerm('CASCADE project', glossary[1]!)).toBe(false);
  expect(expandSynonyms('A walk in the park', glossary)).toEqual([]);
});
test('the real glossary expands the abbreviations parents search for', () => {
  const real = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { term: string; abbreviations: string[]; synonyms: string[] }[];
  expect(expandSynonyms('Child and adolescent mental health services', real)).toContain('CAMHS');
  expect(expandSynonyms('Physiotherapy', real)).toContain('physio');
  expect(expandSynonyms('Occupational therapy', real)).toContain('OT');
  expect(expandSynonyms('EHC plan', real)).toContain('EHCP');
  expect(expandSynonyms('Short breaks', real)).toContain('respite');
  expect(expandSynonyms('Social, emotional and mental health', real)).toContain('SEMH');
});

test('old names and search-only words still find the term they belong to', () => {
  const plan = { term: 'Education, health and care plan', abbreviations: ['EHCP'], synonyms: [], usedToBeCalled: ['statement of special educational needs'], searchWords: ['EHC'] };
  expect(mentionsTerm('Ask about your statement of special educational needs', plan)).toBe(true);
  expect(expandSynonyms('Education, health and care plan reviews', [plan])).toEqual(['EHCP', 'statement of special educational needs', 'EHC']);
});

test('in the real glossary, abolished and different terms are not listed as the same thing', () => {
  const real = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { term: string; synonyms: string[]; usedToBeCalled?: string[] }[];
  const synonymsOf = (term: string) => real.find((e) => e.term === term)!.synonyms.map((s) => s.toLowerCase());
  expect(synonymsOf('Education, health and care plan')).not.toContain('statement of special educational needs');
  expect(real.find((e) => e.term === 'Education, health and care plan')!.usedToBeCalled).toContain('statement of special educational needs');
  expect(synonymsOf('SEN support')).not.toContain('school action');
  expect(synonymsOf('Personal budget')).not.toContain('direct payment');
  expect(synonymsOf('Mediation')).not.toContain('disagreement resolution');
  expect(synonymsOf('High needs block')).not.toContain('top-up funding');
});

test('a plural in the text mentions a singular term, and a singular a plural one', () => {
  const real = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { term: string; abbreviations: string[]; synonyms: string[] }[];
  // "Specific learning difficulty" (SpLD) from its plural, as parents write it.
  expect(expandSynonyms('Help for specific learning difficulties', real)).toContain('SpLD');
  expect(expandSynonyms('An overnight short break', real)).toContain('respite');
  expect(expandSynonyms('Children with hearing impairments', real)).toContain('HI');
});

test('plurals do not stretch a word into a different one', () => {
  expect(mentionsTerm('Autistics and shortcuts', glossary[3]!)).toBe(false);
  expect(mentionsTerm('The breakfast club', glossary[3]!)).toBe(false);
  // Abbreviations stay exact: "ASDs" is not taken for "ASD".
  expect(mentionsTerm('ASDs', glossary[1]!)).toBe(false);
});

test('a page is found most strongly by the other words for the term its title names first', () => {
  const real = JSON.parse(readFileSync('content/glossary.json', 'utf8')) as { term: string; abbreviations: string[]; synonyms: string[] }[];
  const plan = searchWordTiers('The EHC plan', [], 'From the draft plan to the final plan.', real);
  expect(plan.topic).toContain('EHCP');
  // "EHC" in "EHC needs assessment" belongs to that longer term, not to "EHC plan".
  const assessment = searchWordTiers('Asking for an EHC needs assessment', [], '', real);
  expect(assessment.topic).toContain('EHCNA');
  expect([...assessment.topic, ...assessment.words]).not.toContain('EHCP');
  // An editor's keywords do not take the topic's words down a tier.
  const autism = searchWordTiers('Autism family support', ['ASC', 'parent course'], '', real);
  expect(autism.topic).toEqual(expect.arrayContaining(['ASC', 'ASD', 'autistic']));
  expect(autism.words).toEqual(['parent course']);
  // Words the description alone brings in count least.
  expect(searchWordTiers('What is preparing for adulthood?', [], 'How long an EHC plan can last.', real).more).toContain('EHCP');
});
