import type { ClaimView, SourcingView } from '../../shared/messages';
import { claimGroupMediaNote } from '../../core/explain/group-media';
import { t } from '../../shared/i18n';
import { tx } from '../../ui/tx';

export function ClaimsSection(props: { claims: ClaimView[]; sourcing?: SourcingView | null }) {
  if (!props.claims.length) return null;
  return (
    <section aria-labelledby="h-claims" data-testid="claims">
      <h2 id="h-claims">{t('clm_heading')}</h2>
      <ul class="claims-list">
        {props.claims.map((c, i) => {
          const groupMedia = claimGroupMediaNote(c, props.sourcing);
          return (
          <li key={i} data-testid="claim">
            <div dir="auto">
              {c.figure && <strong><bdi>{c.figure}</bdi></strong>} <bdi>{c.subject}</bdi>
            </div>
            <div class="muted" dir="auto">
              {c.attributedTo ? (c.via ? tx('clm_source_via', <bdi>{c.attributedTo}</bdi>, <bdi>{c.via}</bdi>) : tx('clm_source', <bdi>{c.attributedTo}</bdi>)) : t('clm_no_source')}
            </div>
            {groupMedia && <div class="notice" data-testid="claim-group-media">{groupMedia}</div>}
            {(c.factChecks ?? []).map((f, k) => (
              <div key={`fc${k}`} class="factchecked" data-testid="claim-factcheck">
                {f.rating ? tx('clm_factchecked_rating', <span class="verdict badge-warn">{t('clm_factchecked')}</span>, <bdi>{f.reviewer}</bdi>, <strong><bdi>{f.rating}</bdi></strong>) : tx('clm_factchecked_by', <span class="verdict badge-warn">{t('clm_factchecked')}</span>, <bdi>{f.reviewer}</bdi>)}
                {f.url && /^https?:\/\//i.test(f.url) ? <>{' '}{tx('clm_review_link', <a href={f.url} target="_blank" rel="noopener noreferrer">{t('clm_review')}</a>)}</> : null}
                <div class="muted" dir="auto" data-testid="claim-factcheck-reason">{tx('clm_reviewed', <q><bdi>{f.claimReviewed}</bdi></q>, f.reason)}</div>
              </div>
            ))}
            {c.elsewhere.length > 0 && (
              <ul class="elsewhere">
                {c.elsewhere.map((e) => (
                  <li key={e.reportId} data-testid="claim-elsewhere" data-relation={e.relation}>
                    <span class={`verdict ${e.relation === 'agrees' ? 'badge-on' : 'badge-warn'}`}>{e.relation === 'agrees' ? t('clm_agrees') : t('clm_differs')}</span>{' '}
                    <bdi>{e.outlet}</bdi>: <span dir="auto">{e.otherText}</span>
                  </li>
                ))}
              </ul>
            )}
          </li>
          );
        })}
      </ul>
    </section>
  );
}
