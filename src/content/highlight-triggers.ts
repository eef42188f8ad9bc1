/** Small pure checks used by the always-loaded highlight boot code. */

/** = UI_TAG of core/anchoring (not imported: that module would join every page's bundle). */
export const UI_HOST_TAG = 'provenance-ui';

/** The keyboard fallback for the "save-highlight" command (Alt+Shift+H, by key position so layouts and macOS Option work). */
export function isSaveShortcut(e: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyH';
}
