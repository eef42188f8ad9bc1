/** Fact-check matching (see README.md). */
export { matchFactChecks, matchPrepared, prepareReview, type PreparedReview, contentWords, figuresIn, type FactCheckMatch, type ClaimLike, type ReviewedLike } from './match';
