/**
 * What other features use from the directory. Everything else in this folder is the directory's
 * own: another feature imports from here, never from a file inside (tests/unit/architecture.test.ts).
 */
export { ageBands } from './age-bands.ts';
export { facetsOf, type ServiceFacets } from './service-filter.ts';
export { SERVICE_KIND } from './search-filters.ts';
