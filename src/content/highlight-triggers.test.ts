import { describe, expect, it } from 'vitest';
import { isSaveShortcut, UI_HOST_TAG } from './highlight-triggers';
import { UI_TAG } from '../core/anchoring/text-model';

describe('highlight triggers', () => {
  it('the host tag is the anchoring UI tag (left out of the text model)', () => {
    expect(UI_HOST_TAG).toBe(UI_TAG);
  });
  it('Alt+Shift+H by key position, not with Ctrl or Meta', () => {
    const k = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false, code: 'KeyH' };
    expect(isSaveShortcut(k)).toBe(true);
    expect(isSaveShortcut({ ...k, ctrlKey: true })).toBe(false);
    expect(isSaveShortcut({ ...k, shiftKey: false })).toBe(false);
    expect(isSaveShortcut({ ...k, code: 'KeyJ' })).toBe(false);
  });
});
