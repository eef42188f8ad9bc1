import type { SourceView } from '../../shared/messages';

const TYPE_LABEL: Record<string, string> = {
  wire: 'News agency', newspaper: 'Newspaper', broadcaster: 'Broadcaster', regional: 'Regional outlet',
  syndicator: 'Syndicator / aggregator', 'state-affiliated': 'State-affiliated media', magazine: 'Magazine',
  'news-site': 'News site', blog: 'Blog', aggregator: 'Aggregator',
};

export function SourceSection(props: { source: SourceView | null; host: string | null }) {
  const s = props.source;
  return (
    <section aria-labelledby="h-source" data-testid="source">
      <h2 id="h-source">Source</h2>
      {!s ? (
        <p class="empty" data-testid="no-notes">
          No notes for this outlet yet{props.host ? ` (${props.host})` : ''}.
        </p>
      ) : (
        <>
          <p class="page-title" dir="auto" data-testid="source-name">{s.name}</p>
          <dl class="kv">
            <dt>Type</dt><dd>{TYPE_LABEL[s.type] ?? s.type}</dd>
            <dt>Country</dt><dd>{s.country}</dd>
            {s.languages.length > 0 && (<><dt>Languages</dt><dd>{s.languages.join(', ')}</dd></>)}
            {s.ownership && (<><dt>Owner</dt><dd dir="auto">{s.ownership}</dd></>)}
            {s.founded && (<><dt>Founded</dt><dd>{s.founded}</dd></>)}
          </dl>
          <p dir="auto" data-testid="source-notes" style="white-space:pre-line">{s.notes}</p>
          <p class="muted">From: {s.origin}</p>
        </>
      )}
    </section>
  );
}
