import { useState } from 'preact/hooks';
import type { SourceView } from '../../shared/messages';
import { callWorker } from '../../shared/contract/call';
import { displayName, t, type MessageKey } from '../../shared/i18n';
import { tx } from '../../ui/tx';
import { joinList } from '../../core/i18n/translate';

const TYPE_LABEL: Record<string, MessageKey> = {
  wire: 'type_wire', newspaper: 'type_newspaper', broadcaster: 'type_broadcaster', regional: 'type_regional',
  syndicator: 'type_syndicator', 'state-affiliated': 'type_state_affiliated', magazine: 'type_magazine',
  'news-site': 'type_news_site', blog: 'type_blog', aggregator: 'type_aggregator', 'group-media': 'type_group_media',
};

export function SourceSection(props: { source: SourceView | null; host: string | null; siteName: string | null }) {
  const [source, setSource] = useState<SourceView | null>(props.source);
  const s = source;
  const isUserMade = s?.origin === 'your notes';
  return (
    <section aria-labelledby="h-source" data-testid="source">
      <h2 id="h-source">{t('source_heading')}</h2>
      {!s && (
        <p class="empty" data-testid="no-notes">
          {props.host ? t('source_no_notes_host', props.host) : t('source_no_notes')}
        </p>
      )}
      {s && (
        <>
          <p class="page-title" dir="auto" data-testid="source-name">{s.name}</p>
          {s.matchedBy && (
            <p class="muted" data-testid="source-claimed">
              {t(s.matchedBy === 'canonical' ? 'source_claimed_canonical' : 'source_claimed_name', props.host ?? t('source_unknown_host'))}
            </p>
          )}
          {!isUserMade && (
            <dl class="kv">
              <dt>{t('source_type')}</dt><dd>{TYPE_LABEL[s.type] ? t(TYPE_LABEL[s.type]) : s.type}</dd>
              {s.country && (<><dt>{t('source_country')}</dt><dd>{displayName('region', s.country)}</dd></>)}
              {s.languages.length > 0 && (<><dt>{t('source_languages')}</dt><dd>{joinList(s.languages.map((l) => displayName('language', l)))}</dd></>)}
              {s.ownership && (<><dt>{t('source_owner')}</dt><dd dir="auto"><bdi>{s.ownership}</bdi></dd></>)}
              {s.founded && (<><dt>{t('source_founded')}</dt><dd>{s.founded}</dd></>)}
            </dl>
          )}
          {s.notes && <p dir="auto" data-testid="source-notes" style="white-space:pre-line">{s.notes}</p>}
          {!isUserMade && <p class="muted">{tx('source_from', <bdi>{s.origin}</bdi>)}</p>}
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
    setStatus(t('common_saving'));
    try {
      const res = await callWorker('source/save-note', {
        ...(props.source ? { sourceId: props.source.id } : { host: props.host!, name: props.siteName ?? undefined }),
        note: draft,
      });
      props.onSaved(res.source);
      setEditing(false);
      setStatus(t('common_saved'));
    } catch (e) {
      setStatus(t('common_could_not_save', e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <div class="user-notes">
      {current && !editing && (
        <>
          <h3 class="muted" style="font-size:12px;margin:8px 0 2px">{t('source_your_notes')}</h3>
          <p dir="auto" data-testid="user-notes" style="white-space:pre-line">{current}</p>
        </>
      )}
      {editing ? (
        <>
          <label class="muted" for="note-input" style="display:block;margin-block:6px 2px">{t('source_notes_label')}</label>
          <textarea id="note-input" dir="auto" rows={3} style="width:100%;box-sizing:border-box" value={draft}
            onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)} maxLength={20000} data-testid="note-input" />
          <div class="row">
            <button class="primary" onClick={save} data-testid="note-save">{t('source_save_note')}</button>
            <button onClick={() => { setEditing(false); setDraft(current); }}>{t('common_cancel')}</button>
          </div>
        </>
      ) : (
        <div class="row">
          <button onClick={() => { setDraft(current); setEditing(true); setStatus(null); }} data-testid="note-edit">
            {current ? t('source_edit_notes') : t('source_add_note')}
          </button>
        </div>
      )}
      {status && <p class="muted" role="status">{status}</p>}
    </div>
  );
}
