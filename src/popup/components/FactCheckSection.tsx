/**
 * The page's own fact-checks (schema.org ClaimReview it carries): the claim reviewed, who
 * made it, the rating with its scale ("False (1 of 5)"), the reviewer and the date. All of it
 * comes from the page: rendered as text only.
 */
import type { ClaimReviewView } from '../../shared/messages';
import { ratingLabel } from '../../core/extract/claim-review';
import { t } from '../../shared/i18n';
import { tx } from '../../ui/tx';

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

export function FactCheckSection(props: { reviews: ClaimReviewView[] | undefined }) {
  const reviews = props.reviews ?? [];
  if (!reviews.length) return null;
  return (
    <section aria-labelledby="h-factcheck" data-testid="factcheck">
      <h2 id="h-factcheck">{t('fc_heading')}</h2>
      <ul class="claims-list">
        {reviews.map((r, i) => {
          const rating = ratingLabel(r);
          const link = safeUrl(r.url);
          return (
            <li key={i} data-testid="factcheck-review">
              <div dir="auto">
                {tx('fc_claim', <q data-testid="factcheck-claim"><bdi>{r.claimReviewed}</bdi></q>)}
              </div>
              <dl class="kv">
                {r.claimAuthor && (<><dt>{t('fc_made_by')}</dt><dd data-testid="factcheck-author"><bdi>{r.claimAuthor}</bdi></dd></>)}
                {r.appearance && (<><dt>{t('fc_appeared')}</dt><dd dir="auto"><bdi>{r.appearance}</bdi></dd></>)}
                <dt>{t('fc_rating')}</dt>
                <dd data-testid="factcheck-rating"><strong>{rating ? <bdi>{rating}</bdi> : t('fc_not_given')}</strong></dd>
                {r.reviewer && (<><dt>{t('fc_reviewed_by')}</dt><dd data-testid="factcheck-reviewer"><bdi>{r.reviewer}</bdi></dd></>)}
                {r.datePublished && (<><dt>{t('fc_date')}</dt><dd data-testid="factcheck-date"><bdi>{r.datePublished}</bdi></dd></>)}
              </dl>
              {link && <a href={link} target="_blank" rel="noopener noreferrer" class="muted">{t('fc_link')}</a>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
