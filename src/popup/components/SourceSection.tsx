import { useState } from 'preact/hooks';
import type { SourceView } from '../../shared/messages';
import { callWorker } from '../../shared/contract/call';

const TYPE_LABEL: Record<string, string> = {
  wire: 'News agency', newspaper: 'Newspaper', broadcaster: 'Broadcaster', regional: 'Regional outlet',
  syndicator: 'Syndicator / aggregator', 'state-affiliated': 'State-affiliated media', magazine: 'Magazine',
  'news-site': 'News site', blog: 'Blog', aggregator: 'Aggregator', 'group-media': "The group's own media",
};

export function SourceSection(props: { source: SourceView | null; host: string | null; siteName: string | null }) {
  const [source, setSource] = useState<SourceView | null>(props.source);
  const s = source;
  const isUserMade = s?.origin === 'your notes';
  return (
    <section aria-labelledby="h-source" data-testid="source">
      <h2 id="h-source">Source</h2>
      {!s && (
        <p class="empty" data-testid="no-notes">
          No notes for this outlet yet{props.host ? ` (${props.host})` : ''}.
        </p>
      )}
      {s && (
        <>
          <p class="page-title" dir="auto" data-testid="source-name">{s.name}</p>
          {s.matchedBy && (
            <p class="muted" data-testid="source-claimed">
              Recognised from the page's own {s.matchedBy === 'canonical' ? 'canonical link' : 'declared site name'}, not from its
              address ({props.host ?? 'unknown host'}): this may be a copy, a mirror — or a page passing itself off as this outlet.
            </p>
          )}
          {!isUserMade && (
            <dl class="kv">
              <dt>Type</dt><dd>{TYPE_LABEL[s.type] ?? s.type}</dd>
              {s.country && (<><dt>Country</dt><dd>{s.country}</dd></>)}
              {s.languages.length > 0 && (<><dt>Languages</dt><dd>{s.languages.join(', ')}</dd></>)}
              {s.ownership && (<><dt>Owner</dt><dd dir="auto">{s.ownership}</dd></>)}
              {s.founded && (<><dt>Founded</dt><dd>{s.founded}</dd></>)}
            </dl>
          )}
          {s.notes && <p dir="auto" data-testid="source-notes" style="white-space:pre-line">{s.notes}</p>}
          {!isUserMade && <p class="muted">From: {s.origin}</p>}
        </>
      )}
      <NoteEditor
        source={s}
        host={props.host}
        siteName={props.siteName}
        onSaved={setSource}
      />
    </section>
  );
}

function NoteEditor(props: { source: SourceView | null; host: string | null; siteName: string | null; onSaved: (s: SourceView) => void }) {
  const current = props.source?.userNotes ?? '';
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(current);
  const [status, setStatus] = useState<string | null>(null);
  if (!props.source && !props.host) return null;

  const save = async () => {
    setStatus('Saving…');
    try {
      const res = await callWorker('source/save-note', {
        ...(props.source ? { sourceId: props.source.id } : { host: props.host!, name: props.siteName ?? undefined }),
        note: draft,
      });
      props.onSaved(res.source);
      setEditing(false);
      setStatus('Saved.');
    } catch (e) {
      setStatus(`Could not save: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div class="user-notes">
      {current && !editing && (
        <>
          <h3 class="muted" style="font-size:12px;margin:8px 0 2px">Your notes</h3>
          <p dir="auto" data-testid="user-notes" style="white-space:pre-line">{current}</p>
        </>
      )}
      {editing ? (
        <>
          <label class="muted" for="note-input" style="display:block;margin-block:6px 2px">Your notes on this outlet (kept when packs update)</label>
          <textarea id="note-input" dir="auto" rows={3} style="width:100%;box-sizing:border-box" value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} maxLength={20000} data-testid="note-input" />
          <div class="row">
            <button class="primary" onClick={save} data-testid="note-save">Save note</button>
            <button onClick={() => { setEditing(false); setDraft(current); }}>Cancel</button>
          </div>
        </>
      ) : (
        <div class="row">
          <button onClick={() => { setDraft(current); setEditing(true); setStatus(null); }} data-testid="note-edit">
            {current ? 'Edit your notes' : 'Add a note on this outlet'}
          </button>
        </div>
      )}
      {status && <p class="muted" role="status">{status}</p>}
    </div>
  );
}
