/**
 * Answers the popup's "mark the sources on the page" switch (contract method
 * 'content/show-marks'). The marking code (anchoring, drawing, legend) is imported only when
 * the user turns marks on.
 */
import type { ContentMethods } from '../shared/contract/content';

type ShowMarks = ContentMethods['content/show-marks'];

export async function showMarks({ on, items }: ShowMarks['args']): Promise<ShowMarks['result']> {
  const mod = await import('./sourcing-marks');
  if (!on) {
    mod.clearMarks();
    return { placed: 0, total: 0 };
  }
  return mod.showMarks(items);
}
