import { ATTRIBUTION_KINDS } from '../../core/model';
import type { AttributionKindName, ProvenanceLink, SourcingView } from '../../shared/messages';
import { groupMediaNotices } from '../../core/explain/group-media';

export const KIND_LABEL: Record<AttributionKindName, string> = {
  'named-person': 'Named people',
  anonymous: 'Anonymous sources',
  organisation: 'Organisations',
  'group-media': "The group's own media",
  outlet: 'Other outlets',
  document: 'Documents',
  unattributed: 'Unattributed figures',
};

const ORDER: readonly AttributionKindName[] = ATTRIBUTION_KINDS;

export function SourcingSection(props: { sourcing: SourcingView | null; pageText?: string; provenance?: ProvenanceLink[]; onToggleMarks?: (on: boolean) => void; marksOn?: boolean; marksStatus?: string | null }) {
  const s = props.sourcing;
  if (!s) return null;
  const total = ORDER.reduce((n, k) => n + (s.counts[k] ?? 0), 0);
  const groupMedia = groupMediaNotices(s, props.pageText);
  return (
    <section aria-labelledby="h-sourcing" data-testid="sourcing">
      <h2 id="h-sourcing">Sourcing</h2>
      <p dir="auto" data-testid="sourcing-summary">{s.summary}</p>
      {groupMedia.map((n) => (
        <p class="notice" key={n.medium} data-testid="group-media-warning" data-medium={n.medium}>{n.text}</p>
      ))}
      {s.secondHand && (
        <div class="notice" data-testid="second-hand">
          <p style="margin:0">Second-hand: {s.secondHandReason ?? 'its core claims come from another outlet'}.</p>
          {(props.provenance ?? []).filter((p) => p.reportId).map((p) => (
            <p style="margin:4px 0 0" key={p.outlet}>
              <a href={`/src/library/index.html#report=${encodeURIComponent(p.reportId!)}`} target="_blank" data-testid="second-hand-report">
                The story from <bdi>{p.outlet}</bdi> in your library
              </a>
            </p>
          ))}
        </div>
      )}
      <div class="row" aria-label="Sources by kind">
        {ORDER.filter((k) => s.counts[k]).map((k) => (
          <span class={`chip kind-${k}`} key={k} data-kind={k}>{KIND_LABEL[k]}: {s.counts[k]}</span>
        ))}
      </div>
      {total > 0 && (
        <details data-testid="sourcing-details">
          <summary>Who is quoted ({s.items.length} statements)</summary>
          {ORDER.filter((k) => s.sources.some((x) => x.kind === k)).map((k) => (
            <div key={k}>
              <h3 class="muted" style="font-size:12px;margin:8px 0 2px">{KIND_LABEL[k]}</h3>
              <ul class="sources-list">
                {s.sources.filter((x) => x.kind === k).map((x) => (
                  <li key={`${k}-${x.source}`} data-testid="sourcing-source" data-kind={k}>
                    <bdi>{x.source}</bdi>
                    {x.role && <span class="muted">, <bdi>{x.role}</bdi></span>}
                    {x.via && <span class="muted"> — via <bdi>{x.via}</bdi></span>}
                    <span class="muted"> ({x.statements})</span>
                    <ul class="quotes">
                      {s.items.filter((it) => it.kind === k && it.source === x.source).slice(0, 3).map((it) => (
                        <li key={it.start} dir="auto" class="quote">“{it.quote}”</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      {props.onToggleMarks && total > 0 && (
        <label class="row" style="gap:6px">
          <input type="checkbox" checked={!!props.marksOn} onChange={(e) => props.onToggleMarks!((e.target as HTMLInputElement).checked)} data-testid="marks-toggle" />
          Mark the sources on the page
        </label>
      )}
      {props.marksStatus && <p class="muted" role="status" data-testid="marks-status">{props.marksStatus}</p>}
    </section>
  );
}
