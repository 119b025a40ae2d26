/** One schema per concern; this index lets the content checker and Astro share them. */
export { isDraft, serviceSchema, publishingProblems } from './service.ts';
export { organisationSchema } from './organisation.ts';
export { pathwaySchema } from './pathway.ts';
export { navigatorSchema } from './navigator.ts';
export { provisionSchema } from './provision.ts';
export { videoSchema } from './video.ts';
export { feedbackSchema } from './feedback.ts';
export { inSection, pageSchema, PROVISION_SECTION } from './page.ts';
export { glossaryTermSchema } from './glossary.ts';
export { indicatorSchema } from './indicator.ts';
export { siteSchema } from './site.ts';
export { idRef, ID_PATTERN, WINDOWS_DEVICE_NAME, type RefFactory, type CollectionName } from './common.ts';
