/** The popup's highlight calls: to the worker (store) and to the tab's content script (redraw). */
import browser from 'webextension-polyfill';
import type { HighlightColor } from '../store/db';
import type { HighlightView } from '../shared/highlight-messages';
import type { WorkerResponse } from '../shared/messages';

export async function listPageHighlights(url: string): Promise<HighlightView[]> {
  const res = (await browser.runtime.sendMessage({ type: 'highlights/list', url })) as WorkerResponse;
  if (!res?.ok || !('views' in res)) throw new Error(res && !res.ok ? res.error : 'No answer from the background worker');
  return res.views;
}

export interface HighlightEdit {
  color?: HighlightColor;
  note?: string;
  tags?: string[];
  deleted?: boolean;
}

export async function editHighlight(id: string, edit: HighlightEdit): Promise<HighlightView> {
  const res = (await browser.runtime.sendMessage({ type: 'highlights/edit', id, ...edit })) as WorkerResponse;
  if (!res?.ok || !('view' in res)) throw new Error(res && !res.ok ? res.error : 'No answer from the background worker');
  return res.view;
}

/** Ask the page to redraw its highlights (after a colour change, delete or undo). */
export async function redrawPage(tabId: number | null): Promise<void> {
  if (tabId === null) return;
  try {
    await browser.tabs.sendMessage(tabId, { type: 'content/highlights-refresh' });
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
