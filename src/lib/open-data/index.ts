/**
 * What other features use from the open data. Other features import from here, never from a
 * file inside (tests/unit/architecture.test.ts).
 */
export { areaNameOf } from './oruk.ts';
