/** The fact-checks (schema.org ClaimReview) a saved report keeps, as text. */
import type { ClaimReviewRecord } from '../../core/packs/types';

function rating(r: ClaimReviewRecord): string | null {
  const scale = r.ratingValue !== undefined ? (r.bestRating !== undefined ? `${r.ratingValue} of ${r.bestRating}` : String(r.ratingValue)) : null;
  if (r.ratingName && scale) return `${r.ratingName} (${scale})`;
  return r.ratingName ?? scale;
}

export function ClaimReviewList(props: { reviews: ClaimReviewRecord[] | undefined }) {
  if (!props.reviews?.length) return null;
  return (
    <ul class="claims" data-testid="library-factchecks">
      {props.reviews.map((r, i) => (
        <li key={i} dir="auto" data-testid="library-factcheck">
          Fact-check: <q>{r.claimReviewed}</q>
          {r.claimAuthor ? ` (claim by ${r.claimAuthor})` : ''} — <strong>{rating(r) ?? 'no rating'}</strong>
          {r.reviewer ? `, reviewed by ${r.reviewer}` : ''}{r.datePublished ? `, ${r.datePublished}` : ''}
        </li>
      ))}
    </ul>
  );
}
