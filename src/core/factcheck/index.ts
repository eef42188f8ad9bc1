/** Fact-check matching (see README.md). */
export { matchFactChecks, contentWords, figuresIn, type FactCheckMatch, type ClaimLike, type ReviewedLike } from './match';
