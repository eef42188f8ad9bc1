import { useEffect, useState } from 'preact/hooks';
import type { HighlightColor } from '../../store/db';
import type { HighlightView } from '../../shared/highlight-messages';
import { COLOR_NAMES, HIGHLIGHT_SWATCH } from '../../shared/highlight-colors';
import { editHighlight, listPageHighlights, parseTags, redrawPage, saveShortcut, type HighlightEdit } from '../highlights-api';
import '../highlights.css';
import { t, type MessageKey } from '../../shared/i18n';
import { colourName } from '../../ui/colour-names';
import { tx } from '../../ui/tx';

/** The current page's highlights: quote, colour, note and tags (editable), delete with undo, orphans labelled. */
export function HighlightsSection(props: { tabId: number | null; url: string; changedParagraphs?: string[] }) {
  const [items, setItems] = useState<HighlightView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shortcut, setShortcut] = useState<string | null>(null);

  useEffect(() => {
    setItems(null);
    listPageHighlights(props.url)
      .then(setItems)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    void saveShortcut().then(setShortcut);
  }, [props.url]);

  const replace = (v: HighlightView) => setItems((list) => (list ?? []).map((x) => (x.id === v.id ? v : x)));
  const edit = async (id: string, change: HighlightEdit): Promise<HighlightView> => {
    const v = await editHighlight(id, change);
    replace(v);
    if (change.color !== undefined || change.deleted !== undefined) void redrawPage(props.tabId);
    return v;
  };

  const live = (items ?? []).filter((h) => !h.deletedAt);
  return (
    <section aria-labelledby="h-highlights" data-testid="highlights">
      <h2 id="h-highlights">{items && live.length > 0 ? t('hl_heading_count', live.length) : t('hl_heading')}</h2>
      {error && <p class="notice" role="alert">{t('hl_load_error', error)}</p>}
      {!items && !error && <p class="muted">{t('common_loading')}</p>}
      {items && live.length === 0 && (
        <p class="empty" data-testid="highlights-empty">
          {shortcut ? tx('hl_empty_shortcut', <kbd dir="ltr">{shortcut}</kbd>) : t('hl_empty')}
        </p>
      )}
      {items && items.length > 0 && (
        <ul class="highlights">
          {items.map((h) =>
            h.deletedAt ? (
              <li key={h.id} class="deleted" data-testid="highlight-deleted">
                <span>{t('hl_deleted')}</span>
                <button onClick={() => void edit(h.id, { deleted: false })} data-testid="highlight-undo">{t('hl_undo')}</button>
              </li>
            ) : (
              <HighlightItem key={h.id} h={h} onEdit={(change) => edit(h.id, change)} changed={onChangedParagraph(h.quote, props.changedParagraphs)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** Whether a quote sits in one of the paragraphs edited or removed since the page was saved. */
function onChangedParagraph(quote: string, paragraphs: string[] | undefined): boolean {
  const q = quote.replace(/\s+/g, ' ').trim();
  if (!q || !paragraphs?.length) return false;
  return paragraphs.some((p) => p.includes(q) || (q.length > 60 && p.includes(q.slice(0, 60))));
}

function HighlightItem(props: { h: HighlightView; onEdit: (change: HighlightEdit) => Promise<HighlightView>; changed?: boolean }) {
  const { h } = props;
  const [note, setNote] = useState(h.note ?? '');
  const [tags, setTags] = useState(h.tags.join(', '));
  const [status, setStatus] = useState<string | null>(null);
  const dirty = note !== (h.note ?? '') || tags !== h.tags.join(', ');
  const run = (what: MessageKey, change: HighlightEdit) => {
    setStatus(t(what));
    props.onEdit(change).then(
      (v) => {
        // Show what was stored (tags trimmed and de-duplicated).
        setNote(v.note ?? '');
        setTags(v.tags.join(', '));
        setStatus(what === 'common_saving' ? t('common_saved') : null);
      },
      (e: unknown) => setStatus(t('common_could_not_save', e instanceof Error ? e.message : String(e))),
    );
  };
  const orphan = h.anchor?.status === 'orphan';
  return (
    <li data-testid="highlight" data-orphan={orphan ? 'true' : undefined}>
      <blockquote dir={h.dir ?? 'auto'} style={{ borderInlineStartColor: HIGHLIGHT_SWATCH[h.color] }} data-testid="highlight-quote">
        {h.quote}
      </blockquote>
      {props.changed && (
        <p class="notice" data-testid="highlight-changed">{t('hl_changed')}</p>
      )}
      {orphan && (
        <p class="notice orphan" data-testid="highlight-orphan">
          {t('hl_orphan')}
        </p>
      )}
      <div class="row">
        <span class="swatches" role="group" aria-label={t('hl_colour')}>
          {COLOR_NAMES.map((c: HighlightColor) => (
            <button key={c} class="swatch" style={{ background: HIGHLIGHT_SWATCH[c] }} aria-pressed={c === h.color} aria-label={t('hl_colour_name', colourName(c))} title={colourName(c)}
              onClick={() => c !== h.color && run('hl_changing_colour', { color: c })} />
          ))}
        </span>
        <button onClick={() => run('hl_deleting', { deleted: true })} data-testid="highlight-delete">{t('hl_delete')}</button>
      </div>
      <label for={`note-${h.id}`}>{t('hl_note')}</label>
      <textarea id={`note-${h.id}`} dir="auto" rows={2} maxLength={20000} value={note} data-testid="highlight-note"
        onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      <label for={`tags-${h.id}`}>{t('hl_tags')}</label>
      <input id={`tags-${h.id}`} type="text" dir="auto" value={tags} data-testid="highlight-tags"
        onInput={(e) => setTags((e.target as HTMLInputElement).value)} />
      <div class="row">
        <button class="primary" disabled={!dirty} onClick={() => run('common_saving', { note, tags: parseTags(tags) })} data-testid="highlight-save">{t('hl_save')}</button>
        {status && <span class="muted" role="status">{status}</span>}
      </div>
    </li>
  );
}
