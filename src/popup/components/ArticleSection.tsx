/** The popup's "This article" section: the topic verdict (about / partly about / not about) and why, the article's metadata, and a one-click full analysis for pages that are not about the topic. */
import type { PageReport, ProvenanceLink } from '../../shared/messages';

const WHERE: Record<string, string> = { title: 'headline', meta: 'metadata', lead: 'opening', body: 'body' };

export function ArticleSection(props: { page: PageReport; provenance: ProvenanceLink[]; onAnalyse?: () => void }) {
  const { page, provenance } = props;
  const v = page.verdict;
  const names = v.evidence.filter((e) => e.kind === 'name');
  const vocab = [...new Set(v.evidence.filter((e) => e.kind === 'vocab').map((e) => e.term))];
  // Verdicts from before the three-way answer have no level: onTopic then means "about".
  const level = v.level ?? (v.onTopic ? 'about' : 'none');
  const label =
    level === 'about' ? `About ${v.topicLabel}` : level === 'partly' ? `Partly about ${v.topicLabel}` : `Not about ${v.topicLabel}`;
  const reason = level === 'partly' ? `Partly about the ${v.topicLabel}: ${lowerFirst(v.reason)}` : v.reason;
  return (
    <section aria-labelledby="h-article" data-testid="article">
      <h2 id="h-article">This article</h2>
      <span class={`verdict ${level === 'about' ? 'badge-on' : level === 'partly' ? 'badge-warn' : 'badge-off'}`} data-testid="verdict" data-level={level}>
        {label}
      </span>{' '}
      <span class="muted">score {v.score.toFixed(2)}</span>
      <p class="page-title" dir="auto" data-testid="page-title">
        {page.title || '(untitled page)'}
        {page.titleDerived && <span class="muted"> (no headline on the page; taken from its first sentence)</span>}
      </p>
      <p dir="auto" data-testid="reason">{reason}</p>
      {names.length > 0 && (
        <div class="row" aria-label="Names found">
          {names.slice(0, 8).map((e) => (
            <span class="chip" key={`${e.term}-${e.where}`}>
              <bdi>{e.term}</bdi> · {WHERE[e.where] ?? e.where} ×{e.count}
            </span>
          ))}
        </div>
      )}
      {vocab.length > 0 && (
        <p class="muted" dir="auto">
          Related terms: {vocab.slice(0, 8).join(', ')}
        </p>
      )}
      {(page.byline || page.published) && (
        <dl class="kv">
          {page.byline && (<><dt>By</dt><dd dir="auto">{page.byline}</dd></>)}
          {page.published && (<><dt>Published</dt><dd>{formatDate(page.published)}</dd></>)}
        </dl>
      )}
      {provenance.length > 0 && (
        <>
          <h3 class="muted" style="font-size:12px;margin:8px 0 2px">Where this comes from</h3>
          <ul class="chain" data-testid="provenance">
            {provenance.map((p) => (
              <li dir="auto" key={`${p.kind}-${p.outlet}`}>{p.text}</li>
            ))}
          </ul>
        </>
      )}
      {!v.onTopic && !page.requested && props.onAnalyse && (
        <div class="row">
          <button onClick={props.onAnalyse} data-testid="analyse-anyway" title="Who this article quotes, its figures and its outlet, although it is not about the topic">
            {page.stage === 'quick' ? 'Analyse this page anyway' : 'Analyse sourcing anyway'}
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

export function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
