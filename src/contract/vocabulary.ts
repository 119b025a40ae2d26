/**
 * The shared vocabularies of the content model (content-model.md), in one place.
 * Schemas, filters, search facets and labels people read all come from here.
 */

/** Builds a closed vocabulary: the ordered values and the label a person reads for each. */
function vocabulary<const T extends string>(labels: Record<T, string>) {
  const values = Object.keys(labels) as [T, ...T[]];
  return {
    values,
    labels,
    label: (value: T): string => labels[value],
    is: (value: unknown): value is T => typeof value === 'string' && value in labels,
  };
}

/** The four broad areas of need (SEND Code of Practice 2015, paragraph 6.28). */
export const needs = vocabulary({
  'communication-and-interaction': 'Communication and interaction',
  'cognition-and-learning': 'Cognition and learning',
  'social-emotional-and-mental-health': 'Social, emotional and mental health',
  'sensory-and-physical': 'Sensory and/or physical needs',
});
export type Need = (typeof needs.values)[number];

/** Where support sits in the graduated response. */
export const levels = vocabulary({
  universal: 'Universal (available to everyone)',
  'sen-support': 'SEN support',
  specialist: 'Specialist support',
  'ehc-plan': 'Education, health and care (EHC) plan',
});
export type Level = (typeof levels.values)[number];

/** Short labels for levels, for tags and filters where space is tight. */
export const levelShortLabels: Record<Level, string> = {
  universal: 'Universal',
  'sen-support': 'SEN support',
  specialist: 'Specialist',
  'ehc-plan': 'EHC plan',
};

/** Phases of education from birth to 25, with the ages they cover. */
export const phases = vocabulary({
  'early-years': 'Early years (0 to 5)',
  primary: 'Primary (5 to 11)',
  secondary: 'Secondary (11 to 16)',
  'post-16': 'Post-16 (16 to 25)',
});
export type Phase = (typeof phases.values)[number];

/** The ages (in years) each phase covers, inclusive. */
export const phaseAges: Record<Phase, { min: number; max: number }> = {
  'early-years': { min: 0, max: 5 },
  primary: { min: 5, max: 11 },
  secondary: { min: 11, max: 16 },
  'post-16': { min: 16, max: 25 },
};

export const categories = vocabulary({
  education: 'Education',
  health: 'Health',
  'social-care': 'Social care',
  'short-breaks-and-activities': 'Short breaks and activities',
  transport: 'Travel and transport',
  'preparing-for-adulthood': 'Preparing for adulthood',
  'information-and-advice': 'Information and advice',
  'early-years-and-childcare': 'Early years and childcare',
});
export type Category = (typeof categories.values)[number];

export const accessRoutes = vocabulary({
  'self-referral': 'You can contact them yourself',
  'professional-referral': 'A professional refers you',
  'school-or-setting-request': 'The school, college or setting asks',
  'ehc-plan-required': 'Needs an EHC plan',
  'drop-in': 'Drop in, no appointment',
});
export type AccessRoute = (typeof accessRoutes.values)[number];

export const serviceStatuses = vocabulary({
  active: 'Open',
  'temporarily-closed': 'Temporarily closed',
  closed: 'Closed',
});
export type ServiceStatus = (typeof serviceStatuses.values)[number];

export const weekdays = vocabulary({
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
});
export type Weekday = (typeof weekdays.values)[number];

export const audiences = vocabulary({
  'young-people': 'Young people',
  parents: 'Parents and carers',
  professionals: 'Professionals',
});
export type Audience = (typeof audiences.values)[number];

export const feedbackStatuses = vocabulary({
  done: 'Done',
  'in-progress': 'In progress',
  planned: 'Planned',
});
export type FeedbackStatus = (typeof feedbackStatuses.values)[number];

export const indicatorUnits = vocabulary({
  percent: 'Percentage',
  count: 'Number',
  weeks: 'Weeks',
});
export type IndicatorUnit = (typeof indicatorUnits.values)[number];

/** Levels that ordinarily available provision may describe. */
export const provisionLevels = vocabulary({
  universal: 'Quality-first teaching (universal)',
  'sen-support': 'SEN support',
});
export type ProvisionLevel = (typeof provisionLevels.values)[number];

/**
 * Video topics: the four preparing-for-adulthood outcomes (SEND Code of Practice 2015, 8.5)
 * and young people's own rights from 16. Each is a page at /young-people/topics/<topic>/.
 */
export const videoTopics = vocabulary({
  'education-and-employment': 'Education and employment',
  'independent-living': 'Independent living',
  'friends-relationships-and-community': 'Friends, relationships and community',
  'good-health': 'Good health',
  'your-rights': 'Your rights at 16 and over',
});
export type VideoTopic = (typeof videoTopics.values)[number];
