/**
 * The only highlight code loaded on every page: a look at the boot script's storage read (does
 * this URL have highlights?), cheap selection/keyboard listeners, and the message listener for the
 * context menu and keyboard command. Everything else (anchoring, drawing, the selection
 * button) is in `highlights-page.ts`, part of the page tools the worker injects
 * (page-tools.ts) only when a page has highlights, a link asks for one
 * (#provenance-hl=<id>), or the user selects text.
 */
import { focusIdFromHash, pageKey } from '../shared/highlight-colors';
import { isSaveShortcut, UI_HOST_TAG } from './highlight-triggers';
import type { ContentHandlers } from '../shared/contract/serve-content';
import type { Reply } from '../shared/contract/reply';
import type { ToolsPart } from './parts';
import { loadPart } from './load-part';

type Chunk = ToolsPart['highlights'];
let chunk: Promise<Chunk> | null = null;
let loaded: Chunk | null = null;
const load = (): Promise<Chunk> => {
  chunk ??= loadPart('tools').then((m) => (loaded = m.highlights));
  chunk.catch(() => (chunk = null)); // asked again on the next trigger
  return chunk;
};

function fromOurUi(e: Event): boolean {
  const t = e.target as Element | null;
  return !!t && t.nodeType === 1 && t.localName === UI_HOST_TAG;
}

function hasSelection(): boolean {
  const s = document.getSelection();
  return !!s && !s.isCollapsed && s.rangeCount > 0;
}

/**
 * `stored`: the boot script's one storage.local read at load (index.ts), holding this page's
 * `hl:` key (does this URL have highlights?).
 */
export function bootHighlights(stored: Promise<Record<string, unknown>>): void {
  if (document.contentType !== 'text/html' && document.contentType !== 'application/xhtml+xml') return;
  const focusId = focusIdFromHash(location.hash);
  const key = pageKey(location.href);
  void stored
    .then((got) => {
      if (got[key] || focusId) return load().then((m) => m.start(focusId));
    })
    .catch((e: unknown) => console.debug('Provenance: highlights', e));
  window.addEventListener('hashchange', () => {
    const id = focusIdFromHash(location.hash);
    if (id) void load().then((m) => m.start(id));
  });

  // Selection button: shown when a selection is finished (mouse up, or a pause in keyboard selection).
  let pointerDown = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    timer = null;
    if (hasSelection()) void load().then((m) => m.onSelection());
    else loaded?.onSelectionCleared();
  };
  const schedule = (ms: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(check, ms);
  };
  document.addEventListener('mousedown', (e) => {
    if (!fromOurUi(e)) pointerDown = true;
  }, true);
  document.addEventListener('mouseup', (e) => {
    if (fromOurUi(e)) return;
    pointerDown = false;
    schedule(10);
  }, true);
  document.addEventListener('selectionchange', () => {
    if (!pointerDown && (loaded || hasSelection())) schedule(300);
  });
  // Keyboard fallback for the command (Chromium does not always deliver extension shortcuts,
  // e.g. to input synthesised by automation); the chunk de-duplicates, so one press saves once.
  document.addEventListener('keydown', (e) => {
    if (isSaveShortcut(e) && hasSelection()) void load().then((m) => m.saveSelection());
  }, true);
}

/** A reply → its result, or the error thrown (the contract's listener turns it into the failure reply). */
function resultOf<R>(reply: Reply<R>): R {
  if (!reply.ok) throw new Error(reply.error);
  const { ok: _ok, ...result } = reply;
  return result as unknown as R;
}

/** The content-contract methods answered here (context menu and keyboard command; redraw after an edit in the popup). */
export const highlightHandlers: Pick<ContentHandlers, 'content/save-selection' | 'content/highlights-refresh'> = {
  'content/save-selection': () => load().then((m) => m.saveSelection()).then(resultOf),
  'content/highlights-refresh': () => load().then((m) => m.refresh()).then(resultOf),
};
