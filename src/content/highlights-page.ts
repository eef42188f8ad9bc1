/**
 * Highlights on the page (loaded on demand by highlights-boot.ts): save the selection,
 * re-anchor saved highlights on a visit (exact, position-hinted, fuzzy; time-bounded, in
 * slices), retry for a few seconds while the page is still adding content, draw them, and
 * report each outcome to the worker (unplaced ones are orphans: kept, listed, never deleted).
 *
 * Nothing about a highlight is written into the page: wrappers carry only a paint style;
 * the id of each wrapper is kept in this script's memory (the page cannot read notes, tags
 * or ids). Notes are never sent here at all.
 */
import { anchorAll, describe, drawHighlightsSliced, highlightRange, removeHighlights, TextModelBuilder, HIGHLIGHT_TAG, UI_TAG } from '../core/anchoring';
import type { AnchorResult, TextModel } from '../core/anchoring';
import { HIGHLIGHT_PAINT } from '../shared/highlight-colors';
import type { PageHighlight } from '../shared/highlight-messages';
import { HIGHLIGHT_LIMITS } from '../shared/contract/limits';
import { callWorkerFromContent, requestWorkerFromContent } from '../shared/contract/call';
import type { WorkerArgs, WorkerResult } from '../shared/contract/worker';
import { CallError, type Reply } from '../shared/contract/reply';
import type { ContentResult } from '../shared/contract/content';
import type { HighlightColor } from '../store/db';
import { t } from '../shared/i18n';
import * as ui from './selection-button';

/** How long to keep trying to place highlights on a page that is still changing. */
export const RETRY_WINDOW_MS = 5_000;
const RETRY_MIN_INTERVAL_MS = 250;
/** A second save of the same selection within this time is the same press (command + key fallback). */
const DEDUPE_MS = 2_000;

type Outcome = { id: string; status: 'exact' | 'position' | 'fuzzy' | 'orphan'; reason?: string };

const drawn = new Map<string, Element[]>();
let known: PageHighlight[] = [];
let lastColor: HighlightColor = 'yellow';
let focusWanted: string | null = null;
let lastSave = { sig: '', at: 0 };

// ---- helpers ------------------------------------------------------------------

const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

let queue: Promise<unknown> = Promise.resolve();
/** Run page-changing work one job at a time (a refresh never interleaves with a placement). */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const p = queue.then(fn, fn);
  queue = p.catch(() => undefined);
  return p;
}

/**
 * Send a save; if the worker was stopped mid-save (the message port closed) or is
 * restarting, send the same save (same id) again — the worker keeps one record.
 */
async function sendSave(args: WorkerArgs<'highlights/save'>): Promise<Reply<WorkerResult<'highlights/save'>>> {
  let error = 'not sent';
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    try {
      return { ok: true, ...(await callWorkerFromContent('highlights/save', args)) };
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      if (e instanceof CallError && e.kind !== 'unreachable') break; // refused or failed: the same save would fail again
    }
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
  }
  return { ok: false, error };
}
const SAVE_ATTEMPTS = 4;

export function paintStyle(color: HighlightColor): string {
  // Paint only (no box, no spacing): drawing causes no layout shift, and !important inline
  // declarations win over any page rule.
  return `all: unset !important; display: inline !important; background-color: ${HIGHLIGHT_PAINT[color]} !important; color: inherit !important; border-radius: 2px !important;`;
}

function paint(id: string, color: HighlightColor): void {
  for (const el of drawn.get(id) ?? []) el.setAttribute('style', paintStyle(color));
}

async function buildModel(root: Element): Promise<TextModel> {
  const builder = new TextModelBuilder(root);
  let model: TextModel | null;
  let t = performance.now();
  while (!(model = builder.step())) {
    if (performance.now() - t > 8) {
      await yieldToPage();
      t = performance.now();
    }
  }
  return model;
}

function report(outcomes: Outcome[]): void {
  if (outcomes.length) void requestWorkerFromContent('highlights/anchored', { results: outcomes });
}

function flash(id: string): boolean {
  const els = drawn.get(id);
  const color = known.find((k) => k.id === id)?.color;
  if (!els?.length || !color) return false;
  els[0].scrollIntoView({ block: 'center', behavior: 'auto' });
  const strong = `${paintStyle(color)} outline: 2px solid #f97316 !important; outline-offset: 1px !important;`;
  for (const el of els) el.setAttribute('style', strong);
  setTimeout(() => paint(id, known.find((k) => k.id === id)?.color ?? color), 2_000);
  return true;
}

function maybeFocus(): void {
  if (focusWanted && flash(focusWanted)) focusWanted = null;
}

// ---- placing saved highlights ------------------------------------------------------

/** Anchor `items` on the current DOM and draw the placed ones. */
async function place(items: PageHighlight[]): Promise<{ outcomes: Outcome[]; orphans: PageHighlight[] }> {
  const root = document.body;
  if (!root || !items.length) return { outcomes: [], orphans: items };
  const model = await buildModel(root);
  const { results } = await anchorAll(root, items.map((i) => i.selectors), { model, maxMs: 50, yield: yieldToPage });
  const offsets: { id: string; start: number; end: number }[] = [];
  const outcomes: Outcome[] = [];
  const orphans: PageHighlight[] = [];
  results.forEach((r: AnchorResult, i) => {
    const it = items[i];
    if (r.status === 'orphan') {
      orphans.push(it);
      outcomes.push({ id: it.id, status: 'orphan', reason: r.reason });
    } else {
      offsets.push({ id: it.id, start: r.start, end: r.end });
      outcomes.push({ id: it.id, status: r.status });
    }
  });
  if (offsets.length) {
    const { drawn: d } = await drawHighlightsSliced(document, root, offsets, { model, yield: yieldToPage });
    for (const it of items) {
      const els = d.get(it.id);
      if (!els?.length) continue;
      drawn.set(it.id, els);
      paint(it.id, it.color);
    }
  }
  maybeFocus();
  return { outcomes, orphans };
}

/** Orphans waiting for late content, and the one retry loop serving them. */
const waiting = new Map<string, Outcome>();
let retryLoop: { until: number; stop: () => void } | null = null;

function retryLater(): void {
  if (retryLoop || !waiting.size || !document.body) {
    if (retryLoop) retryLoop.until = Math.max(retryLoop.until, performance.now() + RETRY_WINDOW_MS);
    return;
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastRun = 0;
  const attempt = () =>
    serial(async () => {
      timer = null;
      lastRun = performance.now();
      const items = known.filter((k) => waiting.has(k.id) && !drawn.has(k.id));
      const { outcomes } = await place(items);
      const placed = outcomes.filter((o) => o.status !== 'orphan');
      for (const o of outcomes) if (o.status === 'orphan') waiting.set(o.id, o);
      for (const o of placed) waiting.delete(o.id);
      report(placed);
      if (!waiting.size) finish();
    });
  const observer = new MutationObserver(() => {
    if (timer !== null || !retryLoop) return;
    timer = setTimeout(() => void attempt(), Math.max(50, lastRun + RETRY_MIN_INTERVAL_MS - performance.now()));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  const finish = () => {
    if (!retryLoop) return;
    retryLoop = null;
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    clearTimeout(deadline);
    // Those still unplaced are orphans for this visit.
    report([...waiting.values()].map((o) => ({ id: o.id, status: 'orphan' as const, reason: o.reason ?? 'not-found' })));
    waiting.clear();
  };
  const check = () => {
    if (!retryLoop) return;
    const left = retryLoop.until - performance.now();
    if (left > 0) deadline = setTimeout(check, left);
    else void attempt().then(finish, finish);
  };
  let deadline = setTimeout(check, RETRY_WINDOW_MS);
  retryLoop = { until: performance.now() + RETRY_WINDOW_MS, stop: finish };
}

/**
 * Bring the page in line with the stored highlights: fetch them (no notes), remove deleted
 * ones, repaint recoloured ones, anchor and draw new or restored ones, report outcomes.
 */
export function refresh(): Promise<Reply<ContentResult<'content/highlights-refresh'>>> {
  return serial(async () => {
    const res = await requestWorkerFromContent('highlights/for-page');
    if (!res.ok) return { ok: false, error: res.error };
    known = res.highlights;
    const ids = new Set(known.map((k) => k.id));
    for (const [id, els] of drawn) {
      if (ids.has(id)) continue;
      removeHighlights(els);
      drawn.delete(id);
    }
    for (const k of known) if (drawn.has(k.id)) paint(k.id, k.color);
    const { outcomes, orphans } = await place(known.filter((k) => !drawn.has(k.id) && !waiting.has(k.id)));
    report(outcomes.filter((o) => o.status !== 'orphan'));
    for (const o of orphans) waiting.set(o.id, outcomes.find((x) => x.id === o.id)!);
    retryLater();
    maybeFocus();
    return { ok: true, drawn: drawn.size };
  });
}

/** First run on a page with highlights (or opened at one: `focusId`). */
export function start(focusId: string | null): Promise<Reply<ContentResult<'content/highlights-refresh'>>> {
  if (focusId) focusWanted = focusId;
  return refresh();
}

// ---- saving the selection -------------------------------------------------------------

function selectionRange(): Range | null {
  const s = document.getSelection();
  if (!s || s.isCollapsed || !s.rangeCount) return null;
  const range = s.getRangeAt(0);
  const node = range.commonAncestorContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || !document.body?.contains(el)) return null;
  // Form fields, editors and our own UI are not page text.
  if (el.closest(`input, textarea, select, [contenteditable=""], [contenteditable="true"], ${UI_TAG}`) || (el as HTMLElement).isContentEditable) return null;
  return range;
}

function dirAt(range: Range): 'ltr' | 'rtl' | undefined {
  const n = range.startContainer;
  const el = n.nodeType === 1 ? (n as Element) : n.parentElement;
  if (!el) return undefined;
  const d = getComputedStyle(el).direction;
  return d === 'rtl' ? 'rtl' : d === 'ltr' ? 'ltr' : undefined;
}

/**
 * Save the current selection (button, context menu, keyboard command or its key fallback).
 * The same selection saved again within 2 s is ignored, so a shortcut delivered both as a
 * command and as a key press saves once.
 */
export async function saveSelection(color: HighlightColor = lastColor): Promise<Reply<ContentResult<'content/save-selection'>>> {
  const range = selectionRange();
  if (!range) return { ok: true, saved: false, reason: 'no page text selected' };
  const root = document.body!;
  const selectors = describe(root, range);
  if (!selectors) return { ok: true, saved: false, reason: 'no page text selected' };
  if (selectors.quote.exact.length > HIGHLIGHT_LIMITS.quote) return { ok: true, saved: false, reason: 'selection too long' };
  const sig = `${selectors.position?.start}:${selectors.position?.end}:${selectors.quote.exact}`;
  const now = Date.now();
  if (sig === lastSave.sig && now - lastSave.at < DEDUPE_MS) return { ok: true, saved: false, reason: 'already saved' };
  lastSave = { sig, at: now };
  lastColor = color;
  const rect = range.getBoundingClientRect();
  const res = await sendSave({ id: crypto.randomUUID(), selectors, color, pageTitle: document.title.slice(0, HIGHLIGHT_LIMITS.pageTitle), dir: dirAt(range) });
  if (!res.ok) {
    lastSave = { sig: '', at: 0 };
    ui.showMessage(rect, t('content_save_failed'));
    return { ok: false, error: res.error };
  }
  const h = res.highlight;
  await serial(async () => {
    known = [...known.filter((k) => k.id !== h.id), h];
    // Drawn on the user's own range (still live: our splits keep it on the same text).
    drawn.set(h.id, highlightRange(document, range, HIGHLIGHT_TAG, {}, h.id));
    paint(h.id, h.color);
  });
  ui.showSaved(rect, h.color, {
    recolor: (c) => void recolor(h.id, c),
    undo: () => void undo(h.id, rect),
  });
  return { ok: true, saved: true };
}

async function recolor(id: string, color: HighlightColor): Promise<void> {
  lastColor = color;
  const res = await requestWorkerFromContent('highlights/page-edit', { id, color });
  if (!res.ok) return;
  known = known.map((k) => (k.id === id ? res.highlight : k));
  paint(id, color);
}

async function undo(id: string, rect: DOMRect): Promise<void> {
  const res = await requestWorkerFromContent('highlights/page-edit', { id, deleted: true });
  if (!res.ok) return ui.showMessage(rect, t('content_undo_failed'));
  await serial(async () => {
    known = known.filter((k) => k.id !== id);
    removeHighlights(drawn.get(id) ?? []);
    drawn.delete(id);
  });
  lastSave = { sig: '', at: 0 };
  ui.showMessage(rect, t('content_removed'));
}

// ---- the selection button -------------------------------------------------------

let scrollHooked = false;

/** A selection was made: offer the button next to it. */
export function onSelection(): void {
  const range = selectionRange();
  if (!range) {
    if (ui.uiState() === 'offer') ui.hide();
    return;
  }
  const rect = range.getBoundingClientRect();
  if (!rect.width && !rect.height) return;
  if (!scrollHooked) {
    scrollHooked = true;
    addEventListener('scroll', () => ui.uiState() !== 'hidden' && ui.hide(), { passive: true, capture: true });
  }
  ui.showOffer(rect, lastColor, { save: (c) => void saveSelection(c) });
}

export function onSelectionCleared(): void {
  if (ui.uiState() === 'offer') ui.hide();
}
