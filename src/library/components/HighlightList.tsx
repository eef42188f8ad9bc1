import type { HighlightRow } from '../library-rows';
import { openLink } from '../library-rows';
import { HIGHLIGHT_SWATCH } from '../../shared/highlight-colors';
import { t } from '../../shared/i18n';

/** Highlights in the library: quote, note, tags, page; orphans labelled; "Open" goes to the page at the highlight. */
export function HighlightList(props: { rows: HighlightRow[] }) {
  return (
    <ul class="reports highlights">
      {props.rows.map(({ h, outlet, orphan, date }) => {
        const link = openLink(h);
        return (
          <li key={h.id} data-testid="library-highlight" data-orphan={orphan ? 'true' : undefined}>
            <blockquote dir={h.dir ?? 'auto'} style={{ borderInlineStartColor: HIGHLIGHT_SWATCH[h.color] ?? 'var(--border)' }} data-testid="library-quote">
              {h.quote}
            </blockquote>
            {orphan && (
              <p class="notice" data-testid="library-orphan">
                {t('lib_orphan')}
              </p>
            )}
            {h.note && <p dir="auto" class="hl-note" data-testid="library-note">{h.note}</p>}
            {h.tags.length > 0 && <div>{h.tags.map((t) => <span key={t} class="chip" dir="auto">{t}</span>)}</div>}
            <div class="muted">
              <span dir="auto">{h.pageTitle ?? h.url}</span> · <span dir="auto">{outlet}</span> · {date}
            </div>
            {link && <a href={link} target="_blank" rel="noopener noreferrer" data-testid="library-open">{t('lib_open_highlight')}</a>}
          </li>
        );
      })}
    </ul>
  );
}
