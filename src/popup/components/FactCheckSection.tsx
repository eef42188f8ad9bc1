/**
 * The page's own fact-checks (schema.org ClaimReview it carries): the claim reviewed, who
 * made it, the rating with its scale ("False (1 of 5)"), the reviewer and the date. All of it
 * comes from the page: rendered as text only.
 */
import type { ClaimReviewView } from '../../shared/messages';
import { ratingLabel } from '../../core/extract/claim-review';

const safeUrl = (u: string | null) => (u && /^https?:\/\//i.test(u) ? u : null);

export function FactCheckSection(props: { reviews: ClaimReviewView[] | undefined }) {
  const reviews = props.reviews ?? [];
  if (!reviews.length) return null;
  return (
    <section aria-labelledby="h-factcheck" data-testid="factcheck">
      <h2 id="h-factcheck">Fact-check on this page</h2>
      <ul class="claims-list">
        {reviews.map((r, i) => {
          const rating = ratingLabel(r);
          const link = safeUrl(r.url);
          return (
            <li key={i} data-testid="factcheck-review">
              <div dir="auto">
                Claim: <q data-testid="factcheck-claim"><bdi>{r.claimReviewed}</bdi></q>
              </div>
              <dl class="kv">
                {r.claimAuthor && (<><dt>Made by</dt><dd data-testid="factcheck-author"><bdi>{r.claimAuthor}</bdi></dd></>)}
                {r.appearance && (<><dt>Appeared</dt><dd dir="auto"><bdi>{r.appearance}</bdi></dd></>)}
                <dt>Rating</dt>
                <dd data-testid="factcheck-rating"><strong>{rating ? <bdi>{rating}</bdi> : 'not given'}</strong></dd>
                {r.reviewer && (<><dt>Reviewed by</dt><dd data-testid="factcheck-reviewer"><bdi>{r.reviewer}</bdi></dd></>)}
                {r.datePublished && (<><dt>Date</dt><dd data-testid="factcheck-date"><bdi>{r.datePublished}</bdi></dd></>)}
              </dl>
              {link && <a href={link} target="_blank" rel="noopener noreferrer" class="muted">The fact-check</a>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
