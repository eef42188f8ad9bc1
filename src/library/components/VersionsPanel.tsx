/**
 * "Changed since you saved it" in the library: every saved (or highlighted) page seen later
 * in a different version, both versions side by side, paragraph by paragraph, changed words
 * marked (core/diff). The texts stay in this browser; all of it is rendered as text only.
 */
import { useEffect, useState } from 'preact/hooks';
import { callWorker } from '../../shared/contract/call';
import type { VersionsView } from '../../shared/messages';
import { alignParagraphs, wordDiff, type DiffOp } from '../../core/diff';
import { formatDate, t } from '../../shared/i18n';

const day = (ms: number) => formatDate(ms, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One side of a word diff: unchanged words, and the side's own changes marked. */
function Side(props: { ops: DiffOp[]; side: 'before' | 'after' }) {
  return (
    <>
      {props.ops.map((o, i) =>
        o.op === 'same' ? <span key={i}>{o.text}</span>
          : o.op === 'del' && props.side === 'before' ? <del key={i} data-testid="diff-del">{o.text}</del>
          : o.op === 'ins' && props.side === 'after' ? <ins key={i} data-testid="diff-ins">{o.text}</ins>
          : null,
      )}
    </>
  );
}

function Versions(props: { v: VersionsView }) {
  const { before, after } = props.v;
  const rows = alignParagraphs(before.paragraphs, after.paragraphs);
  const title = wordDiff(before.title, after.title);
  return (
    <li data-testid="versions">
      <div class="muted">
        <a href={/^https?:\/\//i.test(props.v.url) ? props.v.url : undefined} target="_blank" rel="noopener noreferrer" dir="auto">{props.v.url}</a>
        {' · '}{t('ver_saved_seen', day(props.v.savedAt), day(props.v.seenAt))}
      </div>
      <table class="versions">
        <thead>
          <tr><th>{t('ver_as_saved')}</th><th>{t('ver_now')}</th></tr>
        </thead>
        <tbody>
          <tr class={before.title !== after.title ? 'changed' : ''} data-testid="versions-title">
            <td dir="auto"><strong><Side ops={title} side="before" /></strong></td>
            <td dir="auto"><strong><Side ops={title} side="after" /></strong></td>
          </tr>
          {(before.published ?? '') !== (after.published ?? '') && (
            <tr class="changed" data-testid="versions-date"><td>{before.published ?? t('ver_no_date')}</td><td>{after.published ?? t('ver_no_date')}</td></tr>
          )}
          {rows.map((r, i) => {
            if (r.kind === 'same') return <tr key={i}><td dir="auto">{before.paragraphs[r.from]}</td><td dir="auto">{after.paragraphs[r.to]}</td></tr>;
            if (r.kind === 'removed') return <tr key={i} class="removed" data-testid="versions-removed"><td dir="auto"><del>{before.paragraphs[r.from]}</del></td><td class="muted">{t('ver_removed')}</td></tr>;
            if (r.kind === 'added') return <tr key={i} class="added" data-testid="versions-added"><td class="muted">{t('ver_added')}</td><td dir="auto"><ins>{after.paragraphs[r.to]}</ins></td></tr>;
            const ops = wordDiff(before.paragraphs[r.from], after.paragraphs[r.to]);
            return (
              <tr key={i} class="changed" data-testid="versions-edited">
                <td dir="auto"><Side ops={ops} side="before" /></td>
                <td dir="auto"><Side ops={ops} side="after" /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </li>
  );
}

export function VersionsPanel() {
  const [pages, setPages] = useState<VersionsView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    callWorker('changes/list').then((r) => setPages(r.pages), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <p class="notice" role="alert">{t('ver_error', error)}</p>;
  if (!pages || !pages.length) return null;
  return (
    <section aria-labelledby="h-lib-changes" id="changes" data-testid="library-changes">
      <h2 id="h-lib-changes">{t('ver_heading', pages.length)}</h2>
      <p class="muted">{t('ver_hint')}</p>
      <ul class="reports">
        {pages.map((v) => <Versions key={v.url} v={v} />)}
      </ul>
    </section>
  );
}
