/**
 * In-page marks for the article's attributed statements, coloured by kind, with a small
 * legend. Loaded only when the user switches marks on in the popup (off by default).
 *
 * - Marks wrap page text in `<provenance-mark>` elements (unknown custom elements are
 *   inline and boxless) whose inline, !important styles only paint a background: no layout
 *   shift, and page CSS cannot restyle them.
 * - Nothing about the statements is written into the DOM: no attributes but the style.
 * - The legend lives in a closed shadow root on our own `<provenance-ui>` host.
 * - Anchoring runs in slices (anchorAll), so a long article never blocks the page.
 */
import type { AttributionKind } from '../core/model';
import { t, uiDir, uiLanguage, type MessageKey } from '../shared/i18n';
import { anchorAll, buildTextModel, highlightRange, rangeFromOffsets, removeHighlights, UI_TAG } from '../core/anchoring';

export type MarkKind = AttributionKind;

export const MARK_TAG = 'provenance-mark';

const COLOURS: Record<MarkKind, string> = {
  'named-person': 'rgba(59, 130, 246, 0.28)',
  anonymous: 'rgba(234, 179, 8, 0.38)',
  organisation: 'rgba(34, 197, 94, 0.28)',
  'group-media': 'rgba(239, 68, 68, 0.26)',
  outlet: 'rgba(139, 92, 246, 0.30)',
  document: 'rgba(20, 184, 166, 0.30)',
  unattributed: 'rgba(156, 163, 175, 0.35)',
};

const LABELS: Record<MarkKind, MessageKey> = {
  'named-person': 'mark_named_person',
  anonymous: 'mark_anonymous',
  organisation: 'mark_organisation',
  'group-media': 'mark_group_media',
  outlet: 'mark_outlet',
  document: 'mark_document',
  unattributed: 'mark_unattributed',
};

let drawn: Element[] = [];
let legend: HTMLElement | null = null;

function markStyle(kind: MarkKind): string {
  return `all: unset !important; display: inline !important; background-color: ${COLOURS[kind]} !important; color: inherit !important; border-radius: 2px !important;`;
}

export function clearMarks(): void {
  removeHighlights(drawn);
  drawn = [];
  legend?.remove();
  legend = null;
}

function showLegend(counts: Map<MarkKind, number>): void {
  legend?.remove();
  const host = document.createElement(UI_TAG);
  host.setAttribute('style', 'all: initial !important; position: fixed !important; inset-block-end: 12px !important; inset-inline-end: 12px !important; z-index: 2147483647 !important;');
  const root = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('style', 'font: 12px/1.4 system-ui, sans-serif; background: #fff; color: #111; border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 10px; box-shadow: 0 2px 8px rgba(0,0,0,.15);');
  const title = document.createElement('div');
  box.setAttribute('dir', uiDir());
  box.setAttribute('lang', uiLanguage());
  title.textContent = t('mark_legend_title');
  title.setAttribute('style', 'font-weight: 600; margin-block-end: 4px;');
  box.appendChild(title);
  for (const [kind, n] of counts) {
    const row = document.createElement('div');
    const swatch = document.createElement('span');
    swatch.setAttribute('style', `display: inline-block; width: 10px; height: 10px; margin-inline-end: 6px; border-radius: 2px; background: ${COLOURS[kind]};`);
    row.appendChild(swatch);
    row.appendChild(document.createTextNode(t('mark_legend_row', t(LABELS[kind]), n)));
    box.appendChild(row);
  }
  const close = document.createElement('button');
  close.textContent = t('mark_hide');
  close.setAttribute('style', 'margin-block-start: 6px; font: inherit; cursor: pointer;');
  close.addEventListener('click', () => clearMarks());
  box.appendChild(close);
  root.appendChild(box);
  document.documentElement.appendChild(host);
  legend = host;
}

/** Draw marks for the statements; returns how many could be placed on the page. */
export async function showMarks(items: { kind: MarkKind; quote: string }[]): Promise<{ placed: number; total: number }> {
  clearMarks();
  const root = document.body;
  if (!root || !items.length) return { placed: 0, total: items.length };
  const model = buildTextModel(root);
  const res = await anchorAll(
    root,
    items.map((it) => ({ quote: { type: 'TextQuoteSelector' as const, exact: it.quote, prefix: '', suffix: '' } })),
    { model, maxMs: 20, yield: () => new Promise((r) => setTimeout(r, 0)) },
  );
  // Draw from the end of the page backwards so earlier offsets stay valid while text nodes split.
  const placedItems = res.results
    .map((r, i) => ({ r, kind: items[i].kind }))
    .filter((x): x is { r: { status: 'exact' | 'position' | 'fuzzy'; start: number; end: number; score: number }; kind: MarkKind } => x.r.status !== 'orphan')
    .sort((a, b) => b.r.start - a.r.start);
  const counts = new Map<MarkKind, number>();
  let lastStart = Number.POSITIVE_INFINITY;
  for (const { r, kind } of placedItems) {
    if (r.end > lastStart) continue; // overlapping statements: keep the first drawn
    const range = rangeFromOffsets(model, r.start, r.end);
    if (!range) continue;
    drawn.push(...highlightRange(document, range, MARK_TAG, { style: markStyle(kind) }));
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
    lastStart = r.start;
  }
  if (counts.size) showLegend(counts);
  return { placed: [...counts.values()].reduce((a, b) => a + b, 0), total: items.length };
}
