/**
 * "This article changed since you saved it": what differs from the version the user saved
 * (or highlighted) — headline, date line, paragraphs edited, added, removed. Computed in the
 * worker from the text kept locally; the library shows both versions side by side.
 */
import type { ChangesView } from '../../shared/messages';

const plural = (n: number, one: string) => `${n} paragraph${n === 1 ? '' : 's'} ${one}`;

/** The list of changes in words (also used by tests through the rendered list). */
export function changeLines(c: ChangesView): string[] {
  const out: string[] = [];
  if (c.titleBefore !== null || c.titleAfter !== null) out.push('Headline changed');
  if (c.edited) out.push(plural(c.edited, 'edited'));
  if (c.added) out.push(plural(c.added, 'added'));
  if (c.removed) out.push(plural(c.removed, 'removed'));
  if (c.dateBefore !== null || c.dateAfter !== null) out.push(`Date line changed${c.dateBefore || c.dateAfter ? ` (${c.dateBefore ?? 'none'} → ${c.dateAfter ?? 'none'})` : ''}`);
  return out;
}

export function ChangesSection(props: { changes: ChangesView | null | undefined }) {
  const c = props.changes;
  if (!c) return null;
  const when = new Date(c.savedAt).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
  return (
    <section aria-labelledby="h-changes" data-testid="changes">
      <h2 id="h-changes">Changed since you {c.reason === 'saved' ? 'saved' : 'highlighted'} it</h2>
      <p class="notice" role="status">
        This page differs from the version you {c.reason === 'saved' ? 'saved' : 'highlighted'} on <span data-testid="changes-date">{when}</span>:
      </p>
      <ul data-testid="changes-list">
        {changeLines(c).map((l) => (
          <li key={l} data-testid="change">{l}</li>
        ))}
      </ul>
      {c.titleBefore !== null && (
        <p class="muted" dir="auto">Was: <q><bdi>{c.titleBefore}</bdi></q></p>
      )}
      <a href="/src/library/index.html#changes" target="_blank" class="muted">Compare both versions in the library</a>
    </section>
  );
}
