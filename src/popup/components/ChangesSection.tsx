/**
 * "This article changed since you saved it": what differs from the version the user saved
 * (or highlighted) — headline, date line, paragraphs edited, added, removed. Computed in the
 * worker from the text kept locally; the library shows both versions side by side.
 */
import type { ChangesView } from '../../shared/messages';
import { formatDate, t, tp } from '../../shared/i18n';
import { tx } from '../../ui/tx';

/** The list of changes in words (also used by tests through the rendered list). */
export function changeLines(c: ChangesView): string[] {
  const out: string[] = [];
  if (c.titleBefore !== null || c.titleAfter !== null) out.push(t('chg_headline'));
  if (c.edited) out.push(tp('chg_edited', c.edited));
  if (c.added) out.push(tp('chg_added', c.added));
  if (c.removed) out.push(tp('chg_removed', c.removed));
  if (c.dateBefore !== null || c.dateAfter !== null) out.push(c.dateBefore || c.dateAfter ? t('chg_date_detail', c.dateBefore ?? t('chg_none'), c.dateAfter ?? t('chg_none')) : t('chg_date'));
  return out;
}

export function ChangesSection(props: { changes: ChangesView | null | undefined }) {
  const c = props.changes;
  if (!c) return null;
  const when = formatDate(c.savedAt);
  return (
    <section aria-labelledby="h-changes" data-testid="changes">
      <h2 id="h-changes">{t(c.reason === 'saved' ? 'chg_heading_saved' : 'chg_heading_highlighted')}</h2>
      <p class="notice" role="status">
        {tx(c.reason === 'saved' ? 'chg_differs_saved' : 'chg_differs_highlighted', <span data-testid="changes-date">{when}</span>)}
      </p>
      <ul data-testid="changes-list">
        {changeLines(c).map((l) => (
          <li key={l} data-testid="change">{l}</li>
        ))}
      </ul>
      {c.titleBefore !== null && (
        <p class="muted" dir="auto">{tx('chg_was', <q><bdi>{c.titleBefore}</bdi></q>)}</p>
      )}
      <a href="/src/library/index.html#changes" target="_blank" class="muted">{t('chg_compare')}</a>
    </section>
  );
}
