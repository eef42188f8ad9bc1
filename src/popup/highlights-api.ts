/** The popup's highlight calls: to the worker (store) and to the tab's content script (redraw). */
import browser from 'webextension-polyfill';
import type { HighlightColor } from '../store/db';
import type { HighlightView } from '../shared/highlight-messages';
import { callContent, callWorker } from '../shared/contract/call';

export async function listPageHighlights(url: string): Promise<HighlightView[]> {
  return (await callWorker('highlights/list', { url })).views;
}

export interface HighlightEdit {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  deleted?: boolean;
}

export async function editHighlight(id: string, edit: HighlightEdit): Promise<HighlightView> {
  return (await callWorker('highlights/edit', { id, ...edit })).view;
}

/** Ask the page to redraw its highlights (after a colour change, delete or undo). */
export async function redrawPage(tabId: number | null): Promise<void> {
  if (tabId === null) return;
  try {
    await callContent(tabId, 'content/highlights-refresh', {});
  } catch {
    // No content script in that tab: nothing drawn to update.
  }
}

/** The key the user has for "save-highlight" (they can change it in the browser's shortcut settings). */
export async function saveShortcut(): Promise<string | null> {
  try {
    const all = await browser.commands.getAll();
    return all.find((c) => c.name === 'save-highlight')?.shortcut || null;
  } catch {
    return null;
  }
}

/** "a, b ,, c" → ["a", "b", "c"]. */
export function parseTags(text: string): string[] {
  return text.split(/[,،]/).map((t) => t.trim()).filter(Boolean);
}
