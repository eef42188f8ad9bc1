/**
 * Answers the popup's "mark the sources on the page" switch (contract method
 * 'content/show-marks'). The marking code (anchoring, drawing, legend) is in the page tools
 * the worker injects (page-tools.ts), asked for only when the user turns marks on.
 */
import type { ContentMethods } from '../shared/contract/content';
import { partIfLoaded } from './parts';
import { loadPart } from './load-part';

type ShowMarks = ContentMethods['content/show-marks'];

export async function showMarks({ on, items }: ShowMarks['args']): Promise<ShowMarks['result']> {
  if (!on) {
    // Nothing to clear on a page that never had the tools.
    partIfLoaded('tools')?.marks.clearMarks();
    return { placed: 0, total: 0 };
  }
  return (await loadPart('tools')).marks.showMarks(items);
}
