/**
 * The service finder without JavaScript: area of need × age band × place, one question a page
 * (GOV.UK "one thing per page"), each answer a plain link, ending at a pre-built listing of the
 * services that fit all three. A static host cannot read a form's choices from the address, so
 * the choices are in the path: /services/find/<need>/<age>/<place>/.
 *
 * Page count: every need (or "any", for a parent not sure of it) × every age band × every place
 * with a service, 50 services a page: 150 combinations. At 5,000 synthetic services that is
 * about 2,400 pages (the build makes about 7,200 without them); with "any" at every step and 20
 * a page it would have been 12,000. Age and place are facts a parent knows, so they have no "any".
 *
 * Pure and framework-free, so a page's data (and a cache key for it) follows from the services
 * and localities alone. Uses matchesCriteria, the same rule as the filter on /services/.
 */
import { needs, type Need } from '../../contract/vocabulary.ts';
import { ageBands, type AgeBandId } from './age-bands.ts';
import { slugify } from '../text/slug.ts';
import { matchesCriteria, type FilterCriteria, type ServiceFacets } from './service-filter.ts';

/** The path segment for "no choice" at a step. */
export const ANY = 'any';

/** Services a finder result page lists: as many as an A to Z page, to keep the page count down. */
export const FINDER_PAGE_SIZE = 50;

export const FINDER_ROOT = '/services/find/';

export interface FinderChoice {
  need: Need | typeof ANY;
  age: AgeBandId;
  /** A locality's slug. */
  place: string;
}

/** One option of a step: its label, the path it leads to and how many services it leaves. */
export interface FinderOption {
  value: string;
  label: string;
  href: string;
  count: number;
}

export function placeSlug(locality: string): string {
  return slugify(locality);
}

function criteriaOf(choice: Partial<FinderChoice>, localities: string[]): FilterCriteria {
  const criteria: FilterCriteria = {};
  if (choice.need && choice.need !== ANY) criteria.need = choice.need;
  if (choice.age) criteria.age = choice.age;
  if (choice.place) criteria.locality = localities.find((l) => placeSlug(l) === choice.place);
  return criteria;
}

/** The path of a step or result page for the choices made so far. */
export function finderPath(choice: Partial<FinderChoice>): string {
  const parts = [choice.need, choice.need && choice.age, choice.need && choice.age && choice.place].filter(Boolean);
  return `${FINDER_ROOT}${parts.map((p) => `${p}/`).join('')}`;
}

/** Words for the choices made, such as "communication and interaction, ages 5 to 10, in Saltmere". */
export function choiceLabels(choice: Partial<FinderChoice>, localities: string[]): { need: string; age: string; place: string } {
  return {
    need: !choice.need || choice.need === ANY ? 'Any area of need' : needs.label(choice.need),
    age: ageBands.find((b) => b.id === choice.age)?.label ?? 'Any age',
    place: localities.find((l) => placeSlug(l) === choice.place) ?? 'Anywhere in the area',
  };
}

export type FinderStep = 'need' | 'age' | 'place';

/** The question a step asks, and its options with their counts, given the earlier answers. */
export function finderStep(step: FinderStep, before: Partial<FinderChoice>, services: ServiceFacets[], localities: string[]): { question: string; options: FinderOption[] } {
  const option = (value: string, label: string): FinderOption => {
    const choice = { ...before, [step]: value };
    const criteria = criteriaOf(choice, localities);
    return { value, label, href: finderPath(choice), count: services.filter((s) => matchesCriteria(s, criteria)).length };
  };
  if (step === 'need') return { question: 'What is the main area of need?', options: [...needs.values.map((n) => option(n, needs.label(n))), option(ANY, 'Not sure, or more than one')] };
  if (step === 'age') return { question: 'How old is the child or young person?', options: ageBands.map((b) => option(b.id, b.label)) };
  return { question: 'Where do you live?', options: localities.map((l) => option(placeSlug(l), l)) };
}

/**
 * Every combination of choices that some service fits, each with the ids of those services (in
 * the order given). A combination nobody fits gets no page: its option is not a link.
 */
export function finderResults(services: ServiceFacets[], localities: string[]): { choice: FinderChoice; ids: string[] }[] {
  const needValues = [...needs.values, ANY] as FinderChoice['need'][];
  const ageValues = ageBands.map((b) => b.id);
  const placeValues = localities.map(placeSlug);
  return needValues.flatMap((need) =>
    ageValues.flatMap((age) =>
      placeValues.map((place) => {
        const choice = { need, age, place };
        const criteria = criteriaOf(choice, localities);
        return { choice, ids: services.filter((s) => matchesCriteria(s, criteria)).map((s) => s.id) };
      }),
    ),
  ).filter((result) => result.ids.length > 0);
}

/** The step pages: the first question, then one page per answer so far. */
export function finderSteps(localities: string[]): { step: FinderStep; before: Partial<FinderChoice> }[] {
  const needValues = [...needs.values, ANY] as FinderChoice['need'][];
  return [
    { step: 'need' as const, before: {} },
    ...needValues.map((need) => ({ step: 'age' as const, before: { need } })),
    ...needValues.flatMap((need) => ageBands.map((b) => ({ step: 'place' as const, before: { need, age: b.id } }))),
  ].filter(() => localities.length > 0);
}

/** How many pages the finder adds: step pages plus result pages. */
export function finderPageCount(services: ServiceFacets[], localities: string[], pageSize = FINDER_PAGE_SIZE): { steps: number; results: number } {
  const results = finderResults(services, localities).reduce((sum, r) => sum + Math.ceil(r.ids.length / pageSize), 0);
  return { steps: finderSteps(localities).length, results };
}
