import { useState } from 'preact/hooks';
import type { RelatedView } from '../../shared/messages';
import { formatDate, t } from '../../shared/i18n';

export function RelatedSection(props: { related: RelatedView[]; onTopic: boolean }) {
  return (
    <section aria-labelledby="h-related" data-testid="related">
      <h2 id="h-related">{t('related_heading')}</h2>
      {props.related.length === 0 ? (
        <p class="empty" data-testid="no-related">
          {props.onTopic ? t('related_none') : t('related_off_topic')}
        </p>
      ) : (
        <ul class="related">
          {props.related.map((r) => <RelatedItem r={r} key={r.reportId} />)}
        </ul>
      )}
    </section>
  );
}

function RelatedItem({ r }: { r: RelatedView }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="related-item" data-report-id={r.reportId}>
      <div class="r-title" dir="auto">{r.title}</div>
      <div class="muted">
        <span dir="auto">{r.outlet}</span>
        {r.published && <> · {formatDate(r.published)}{r.publishedEstimate ? ` ${t('related_estimated')}` : ''}</>}
      </div>
      <ul class="reasons" aria-label={t('related_why')}>
        {r.reasons.map((x) => <li dir="auto" key={x}>{x}</li>)}
      </ul>
      <div class="row">
        <button aria-expanded={open} onClick={() => setOpen(!open)}>{open ? t('related_hide_summary') : t('related_summary')}</button>
        {r.url && isHttp(r.url) && <a href={r.url} target="_blank" rel="noopener noreferrer">{t('related_open')}</a>}
        <a href={`/src/library/index.html#report=${encodeURIComponent(r.reportId)}`} target="_blank" data-testid="open-in-library">{t('related_in_library')}</a>
      </div>
      {open && <p dir="auto" data-testid="related-summary">{r.summary}</p>}
    </li>
  );
}

/** Only http(s) links are ever made clickable (pack URLs are validated too; this is the last line). */
function isHttp(url: string): boolean {
  return /^https?:\/\//i.test(url);
}
