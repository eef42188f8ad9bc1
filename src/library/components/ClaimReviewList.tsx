/** The fact-checks (schema.org ClaimReview) a saved report keeps, as text. */
import type { ClaimReviewRecord } from '../../core/packs/types';
import { num, t } from '../../shared/i18n';
import { tx } from '../../ui/tx';

function rating(r: ClaimReviewRecord): string | null {
  const scale = r.ratingValue !== undefined ? (r.bestRating !== undefined ? t('cr_scale', r.ratingValue, r.bestRating) : num(r.ratingValue)) : null;
  if (r.ratingName && scale) return `${r.ratingName} (${scale})`;
  return r.ratingName ?? scale;
}

export function ClaimReviewList(props: { reviews: ClaimReviewRecord[] | undefined }) {
  if (!props.reviews?.length) return null;
  return (
    <ul class="claims" data-testid="library-factchecks">
      {props.reviews.map((r, i) => (
        <li key={i} dir="auto" data-testid="library-factcheck">
          {tx('cr_factcheck', <q>{r.claimReviewed}</q>)}
          {r.claimAuthor ? ` ${t('cr_claim_by', r.claimAuthor)}` : ''} — <strong>{rating(r) ?? t('cr_no_rating')}</strong>
          {r.reviewer ? <>, {t('cr_reviewed_by', r.reviewer)}</> : ''}{r.datePublished ? `, ${r.datePublished}` : ''}
        </li>
      ))}
    </ul>
  );
}
