import type { ClaimView, SourcingView } from '../../shared/messages';
import { claimGroupMediaNote } from '../../core/explain/group-media';

export function ClaimsSection(props: { claims: ClaimView[]; sourcing?: SourcingView | null }) {
  if (!props.claims.length) return null;
  return (
    <section aria-labelledby="h-claims" data-testid="claims">
      <h2 id="h-claims">Claims and figures</h2>
      <ul class="claims-list">
        {props.claims.map((c, i) => {
          const groupMedia = claimGroupMediaNote(c, props.sourcing);
          return (
          <li key={i} data-testid="claim">
            <div dir="auto">
              {c.figure && <strong><bdi>{c.figure}</bdi></strong>} <bdi>{c.subject}</bdi>
            </div>
            <div class="muted" dir="auto">
              {c.attributedTo ? <>Source: <bdi>{c.attributedTo}</bdi>{c.via ? <> via <bdi>{c.via}</bdi></> : null}</> : 'No source given'}
            </div>
            {groupMedia && <div class="notice" data-testid="claim-group-media">{groupMedia}</div>}
            {(c.factChecks ?? []).map((f, k) => (
              <div key={`fc${k}`} class="factchecked" data-testid="claim-factcheck">
                <span class="verdict badge-warn">Fact-checked</span> by <bdi>{f.reviewer}</bdi>{f.rating ? <>: <strong><bdi>{f.rating}</bdi></strong></> : null}
                {f.url && /^https?:\/\//i.test(f.url) ? <> (<a href={f.url} target="_blank" rel="noopener noreferrer">review</a>)</> : null}
                <div class="muted" dir="auto" data-testid="claim-factcheck-reason">Reviewed claim: <q><bdi>{f.claimReviewed}</bdi></q>. Why this matches: {f.reason}.</div>
              </div>
            ))}
            {c.elsewhere.length > 0 && (
              <ul class="elsewhere">
                {c.elsewhere.map((e) => (
                  <li key={e.reportId} data-testid="claim-elsewhere" data-relation={e.relation}>
                    <span class={`verdict ${e.relation === 'agrees' ? 'badge-on' : 'badge-warn'}`}>{e.relation === 'agrees' ? 'Agrees' : 'Differs'}</span>{' '}
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
