import { ATTRIBUTION_KINDS } from '../../core/model';
import type { AttributionKindName, ProvenanceLink, SourcingView } from '../../shared/messages';
import { groupMediaNotices } from '../../core/explain/group-media';
import { num, t, tp, type MessageKey } from '../../shared/i18n';
import { tx } from '../../ui/tx';

const KIND_KEY: Record<AttributionKindName, MessageKey> = {
  'named-person': 'kind_named_person',
  anonymous: 'kind_anonymous',
  organisation: 'kind_organisation',
  'group-media': 'kind_group_media',
  outlet: 'kind_outlet',
  document: 'kind_document',
  unattributed: 'kind_unattributed',
};

/** The heading of each kind of source, in the reader's language. */
export const kindLabel = (k: AttributionKindName): string => t(KIND_KEY[k]);

const ORDER: readonly AttributionKindName[] = ATTRIBUTION_KINDS;

export function SourcingSection(props: { sourcing: SourcingView | null; pageText?: string; provenance?: ProvenanceLink[]; onToggleMarks?: (on: boolean) => void; marksOn?: boolean; marksStatus?: string | null }) {
  const s = props.sourcing;
  if (!s) return null;
  const total = ORDER.reduce((n, k) => n + (s.counts[k] ?? 0), 0);
  const groupMedia = groupMediaNotices(s, props.pageText);
  // Beliefs and intentions ("X believes …", "X plans to …") are listed apart from what people said.
  const statements = s.items.filter((it) => !it.mode);
  const views = s.items.filter((it) => it.mode && it.kind !== 'unattributed').slice(0, 12);
  return (
    <section aria-labelledby="h-sourcing" data-testid="sourcing">
      <h2 id="h-sourcing">{t('sourcing_heading')}</h2>
      <p dir="auto" data-testid="sourcing-summary">{s.summary}</p>
      {groupMedia.map((n) => (
        <p class="notice" key={n.medium} data-testid="group-media-warning" data-medium={n.medium}>{n.text}</p>
      ))}
      {s.secondHand && (
        <div class="notice" data-testid="second-hand">
          <p style="margin:0">{t('sourcing_second_hand', s.secondHandReason ?? t('sourcing_sh_default'))}</p>
          {(props.provenance ?? []).filter((p) => p.reportId).map((p) => (
            <p style="margin:4px 0 0" key={p.outlet}>
              <a href={`/src/library/index.html#report=${encodeURIComponent(p.reportId!)}`} target="_blank" data-testid="second-hand-report">
                {tx('sourcing_story_from', <bdi>{p.outlet}</bdi>)}
              </a>
            </p>
          ))}
        </div>
      )}
      <div class="row" aria-label={t('sourcing_by_kind')}>
        {ORDER.filter((k) => s.counts[k]).map((k) => (
          <span class={`chip kind-${k}`} key={k} data-kind={k}>{t('sourcing_chip', kindLabel(k), num(s.counts[k] ?? 0))}</span>
        ))}
      </div>
      {(total > 0 || views.length > 0) && (
        <details data-testid="sourcing-details">
          <summary>{tp('sourcing_who', statements.length)}</summary>
          {ORDER.filter((k) => s.sources.some((x) => x.kind === k)).map((k) => (
            <div key={k}>
              <h3 class="muted" style="font-size:12px;margin:8px 0 2px">{kindLabel(k)}</h3>
              <ul class="sources-list">
                {s.sources.filter((x) => x.kind === k).map((x) => (
                  <li key={`${k}-${x.source}`} data-testid="sourcing-source" data-kind={k}>
                    <bdi>{x.source}</bdi>
                    {x.role && <span class="muted">, <bdi>{x.role}</bdi></span>}
                    {x.via && <span class="muted">{' '}{tx('sourcing_via', <bdi>{x.via}</bdi>)}</span>}
                    <span class="muted"> ({num(x.statements)})</span>
                    <ul class="quotes">
                      {statements.filter((it) => it.kind === k && it.source === x.source).slice(0, 3).map((it) => (
                        <li key={it.start} dir="auto" class="quote">“{it.quote}”</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          {views.length > 0 && (
            <div data-testid="sourcing-views">
              <h3 class="muted" style="font-size:12px;margin:8px 0 2px">{t('sourcing_views_heading')}</h3>
              <ul class="sources-list">
                {views.map((it) => (
                  <li key={`v-${it.start}-${it.source}`} data-testid="sourcing-view" data-mode={it.mode} data-kind={it.kind}>
                    {tx(it.mode === 'intention' ? 'sourcing_mode_intention' : 'sourcing_mode_belief', <bdi>{it.source}</bdi>)}
                    <ul class="quotes">
                      <li dir="auto" class="quote">“{it.quote}”</li>
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </details>
      )}
      {props.onToggleMarks && total > 0 && (
        <label class="row" style="gap:6px">
          <input type="checkbox" checked={!!props.marksOn} onChange={(e) => props.onToggleMarks!((e.target as HTMLInputElement).checked)} data-testid="marks-toggle" />
          {t('sourcing_mark')}
        </label>
      )}
      {props.marksStatus && <p class="muted" role="status" data-testid="marks-status">{props.marksStatus}</p>}
    </section>
  );
}
