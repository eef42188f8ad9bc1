/** The popup's "This article" section: the topic verdict (about / partly about / not about) and why, the article's metadata, and a one-click full analysis for pages that are not about the topic. */
import type { PageReport, ProvenanceLink } from '../../shared/messages';
import { formatDate, num, t, type MessageKey } from '../../shared/i18n';
import { joinList } from '../../core/i18n/translate';

const WHERE: Record<string, MessageKey> = { title: 'art_where_title', meta: 'art_where_meta', lead: 'art_where_lead', body: 'art_where_body' };

/** The topic's name in the reader's language (the profile's label for topics we have no translation of). */
export function topicName(label: string): string {
  return label === 'Islamic State' ? t('topic_islamic_state') : label;
}

export function ArticleSection(props: { page: PageReport; provenance: ProvenanceLink[]; onAnalyse?: () => void }) {
  const { page, provenance } = props;
  const v = page.verdict;
  const names = v.evidence.filter((e) => e.kind === 'name');
  const vocab = [...new Set(v.evidence.filter((e) => e.kind === 'vocab').map((e) => e.term))];
  // Verdicts from before the three-way answer have no level: onTopic then means "about".
  const level = v.level ?? (v.onTopic ? 'about' : 'none');
  const topic = topicName(v.topicLabel);
  const label = t(level === 'about' ? 'art_about' : level === 'partly' ? 'art_partly' : 'art_not_about', topic);
  const reason = level === 'partly' ? t('art_partly_reason', topic, lowerFirst(v.reason)) : v.reason;
  return (
    <section aria-labelledby="h-article" data-testid="article">
      <h2 id="h-article">{t('art_heading')}</h2>
      <span class={`verdict ${level === 'about' ? 'badge-on' : level === 'partly' ? 'badge-warn' : 'badge-off'}`} data-testid="verdict" data-level={level}>
        {label}
      </span>{' '}
      <span class="muted">{t('art_score', num(v.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))}</span>
      <p class="page-title" dir="auto" data-testid="page-title">
        {page.title || t('art_untitled')}
        {page.titleDerived && <span class="muted">{' '}{t('art_title_derived')}</span>}
      </p>
      <p dir="auto" data-testid="reason">{reason}</p>
      {names.length > 0 && (
        <div class="row" aria-label={t('art_names_label')}>
          {names.slice(0, 8).map((e) => (
            <span class="chip" key={`${e.term}-${e.where}`}>
              <bdi>{e.term}</bdi> · {WHERE[e.where] ? t(WHERE[e.where]) : e.where} ×{num(e.count)}
            </span>
          ))}
        </div>
      )}
      {vocab.length > 0 && (
        <p class="muted" dir="auto">
          {t('art_related_terms', joinList(vocab.slice(0, 8)))}
        </p>
      )}
      {(page.byline || page.published) && (
        <dl class="kv">
          {page.byline && (<><dt>{t('art_by')}</dt><dd dir="auto">{page.byline}</dd></>)}
          {page.published && (<><dt>{t('art_published')}</dt><dd>{formatDate(page.published)}</dd></>)}
        </dl>
      )}
      {provenance.length > 0 && (
        <>
          <h3 class="muted" style="font-size:12px;margin:8px 0 2px">{t('art_where_from')}</h3>
          <ul class="chain" data-testid="provenance">
            {provenance.map((p) => (
              <li dir="auto" key={`${p.kind}-${p.outlet}`}>{p.text}</li>
            ))}
          </ul>
        </>
      )}
      {!v.onTopic && !page.requested && props.onAnalyse && (
        <div class="row">
          <button onClick={props.onAnalyse} data-testid="analyse-anyway" title={t('art_analyse_title')}>
            {page.stage === 'quick' ? t('art_analyse_page') : t('art_analyse_sourcing')}
          </button>
        </div>
      )}
    </section>
  );
}

/** "Named twice …" → "named twice …" (the reason follows a colon). */
function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

export { formatDate };
