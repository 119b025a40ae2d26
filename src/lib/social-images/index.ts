/** What other features use of the social images: which characters their font can draw. */
export { socialImageRanges, undrawable, type CodeRanges } from './font-coverage.ts';
