/**
 * How each highlight colour is painted, on pages and in extension pages. Dependency-free so
 * the content script can use it without loading the store (Dexie).
 */
import type { HighlightColor } from '../store/db';

/** Translucent backgrounds: readable over light and dark page text. */
export const HIGHLIGHT_PAINT: Readonly<Record<HighlightColor, string>> = {
  yellow: 'rgba(250, 204, 21, 0.45)',
  green: 'rgba(74, 222, 128, 0.40)',
  blue: 'rgba(96, 165, 250, 0.40)',
  pink: 'rgba(244, 114, 182, 0.40)',
  purple: 'rgba(167, 139, 250, 0.42)',
};

/** Opaque swatches for pickers. */
export const HIGHLIGHT_SWATCH: Readonly<Record<HighlightColor, string>> = {
  yellow: '#facc15',
  green: '#4ade80',
  blue: '#60a5fa',
  pink: '#f472b6',
  purple: '#a78bfa',
};

export const COLOR_NAMES = Object.keys(HIGHLIGHT_PAINT) as HighlightColor[];

export function isHighlightColor(c: unknown): c is HighlightColor {
  return typeof c === 'string' && Object.prototype.hasOwnProperty.call(HIGHLIGHT_PAINT, c);
}

/** The URL a highlight is stored under: the page URL without its fragment. */
export function pageUrlOf(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/** storage.local key telling the content script that a page has highlights (value: count). */
export function pageKey(url: string): string {
  return 'hl:' + pageUrlOf(url);
}

/** Fragment of a link that opens a page at one highlight ("Open" in the library). */
export const FOCUS_FRAGMENT = 'provenance-hl=';

export function focusIdFromHash(hash: string): string | null {
  // (Most pages have no such hash: no regex is compiled for them, at every page load.)
  if (!hash.startsWith('#provenance-hl=')) return null;
  const m = /^#provenance-hl=([A-Za-z0-9_-]{1,80})$/.exec(hash);
  return m ? m[1] : null;
}
