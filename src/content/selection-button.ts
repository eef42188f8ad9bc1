/**
 * The small toolbar shown next to a selection: "Save highlight" and colour choices, then
 * "Saved" with colour and Undo. It lives in a closed shadow root on our own `<provenance-ui>`
 * host, fixed-positioned (out of the page's flow: no layout shift); the host's inline
 * `all: initial !important` and the shadow boundary keep page CSS from restyling it.
 * No text is typed here (a page can listen to key events), so notes and tags are edited in
 * the popup, an extension page.
 */
import { UI_TAG } from '../core/anchoring/text-model';
import { COLOR_NAMES, HIGHLIGHT_SWATCH } from '../shared/highlight-colors';
import type { HighlightColor } from '../store/db';
import { t, uiDir, uiLanguage } from '../shared/i18n';
import { colourName } from '../ui/colour-names';

const STYLE = `
.bar { display: flex; align-items: center; gap: 4px; padding: 4px 6px; box-sizing: border-box;
  font: 13px/1.3 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif;
  color: #111827; background: #ffffff; border: 1px solid #cbd5e1; border-radius: 8px;
  box-shadow: 0 2px 10px rgba(0, 0, 0, .18); white-space: nowrap; }
button { all: initial; box-sizing: border-box; font: inherit; color: inherit; cursor: pointer;
  border-radius: 6px; padding: 3px 8px; }
button:hover { background: #eef2ff; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
button.main { font-weight: 600; color: #1e3a8a; }
button.dot { width: 18px; height: 18px; padding: 0; border-radius: 50%; border: 2px solid rgba(0, 0, 0, .15); }
button.dot[aria-pressed="true"] { border-color: #111827; }
.msg { padding: 0 4px; color: #166534; font-weight: 600; }
@media (prefers-color-scheme: dark) {
  .bar { color: #e5e7eb; background: #1b1e25; border-color: #2d323c; }
  button:hover { background: #2d323c; }
  button.main { color: #93c5fd; }
  .msg { color: #86efac; }
  button.dot[aria-pressed="true"] { border-color: #e5e7eb; }
}
`;

const HOST_STYLE =
  'all: initial !important; display: block !important; position: fixed !important; z-index: 2147483647 !important; ' +
  'visibility: visible !important; opacity: 1 !important; pointer-events: auto !important; transform: none !important; ' +
  'margin: 0 !important; padding: 0 !important; border: 0 !important;';

export interface OfferHandlers {
  save(color: HighlightColor): void;
}
export interface SavedHandlers {
  recolor(color: HighlightColor): void;
  undo(): void;
}

export type UiState = 'hidden' | 'offer' | 'saved';

let host: HTMLElement | null = null;
let root: ShadowRoot | null = null;
let bar: HTMLElement | null = null;
let state: UiState = 'hidden';
let hideTimer: ReturnType<typeof setTimeout> | null = null;

export function uiState(): UiState {
  return state;
}

export function isOurHost(node: unknown): boolean {
  return !!host && node === host;
}

function ensureHost(): HTMLElement {
  if (host && root && bar) {
    if (!host.isConnected) document.documentElement.appendChild(host);
    return bar;
  }
  host = document.createElement(UI_TAG);
  host.setAttribute('style', HOST_STYLE + ' top: -1000px !important; left: 0 !important;');
  root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = STYLE;
  root.appendChild(style);
  bar = document.createElement('div');
  bar.className = 'bar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('content_toolbar'));
  // The interface's own direction, whatever the page's.
  bar.setAttribute('dir', uiDir());
  bar.setAttribute('lang', uiLanguage());
  // Keep the page's selection when our buttons are pressed, and keep our clicks to ourselves.
  bar.addEventListener('mousedown', (e) => e.preventDefault());
  for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'pointerup']) bar.addEventListener(type, (e) => e.stopPropagation());
  bar.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') hide();
    e.stopPropagation();
  });
  root.appendChild(bar);
  document.documentElement.appendChild(host);
  return bar;
}

function button(label: string, cls: string, onClick: () => void, aria?: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = label;
  if (aria) b.setAttribute('aria-label', aria);
  b.addEventListener('click', (e) => {
    e.preventDefault();
    onClick();
  });
  return b;
}

function dots(current: HighlightColor | null, pick: (c: HighlightColor) => void): HTMLButtonElement[] {
  return COLOR_NAMES.map((c) => {
    const b = button('', 'dot', () => pick(c), t(current ? 'content_colour' : 'content_save_in', colourName(c)));
    b.style.background = HIGHLIGHT_SWATCH[c];
    b.title = colourName(c);
    if (current) b.setAttribute('aria-pressed', String(c === current));
    return b;
  });
}

/** Place the bar under the selection (above it near the bottom of the window), inside the viewport. */
function position(rect: DOMRect): void {
  if (!host || !bar) return;
  const h = bar.offsetHeight || 32;
  const w = bar.offsetWidth || 240;
  let top = rect.bottom + 8;
  if (top + h > innerHeight - 4) top = Math.max(4, rect.top - h - 8);
  top = Math.min(Math.max(4, top), Math.max(4, innerHeight - h - 4)); // selection partly off-screen: stay visible
  const left = Math.min(Math.max(4, rect.left), Math.max(4, innerWidth - w - 4));
  host.setAttribute('style', `${HOST_STYLE} top: ${Math.round(top)}px !important; left: ${Math.round(left)}px !important;`);
}

function render(children: Node[], rect: DOMRect, next: UiState): void {
  const b = ensureHost();
  b.replaceChildren(...children);
  state = next;
  position(rect);
  if (hideTimer !== null) clearTimeout(hideTimer);
  hideTimer = null;
}

export function showOffer(rect: DOMRect, color: HighlightColor, h: OfferHandlers): void {
  render([button(t('ctx_save_highlight'), 'main', () => h.save(color), t('content_save_aria')), ...dots(null, (c) => h.save(c))], rect, 'offer');
}

export function showSaved(rect: DOMRect, color: HighlightColor, h: SavedHandlers): void {
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.setAttribute('role', 'status');
  msg.textContent = t('content_saved');
  const tip = t('content_saved_tip');
  msg.title = tip;
  render([msg, ...dots(color, (c) => { h.recolor(c); showSaved(rect, c, h); }), button(t('hl_undo'), 'main', () => h.undo(), t('content_undo_aria'))], rect, 'saved');
  hideTimer = setTimeout(hide, 8_000);
}

export function showMessage(rect: DOMRect, text: string): void {
  const msg = document.createElement('span');
  msg.className = 'msg';
  msg.setAttribute('role', 'status');
  msg.textContent = text;
  render([msg], rect, 'saved');
  hideTimer = setTimeout(hide, 3_000);
}

export function hide(): void {
  if (hideTimer !== null) clearTimeout(hideTimer);
  hideTimer = null;
  state = 'hidden';
  host?.remove();
}
