import { describe, expect, it } from 'vitest';
import { checkSender, parseContentMessageStrict as parseContentRequest, parseWorkerMessage as parseWorkerRequest } from './contract/schemas';
import { WORKER_METHODS } from './contract/worker';

const HIGHLIGHT_CONTENT_ONLY = ['highlights/save', 'highlights/for-page', 'highlights/anchored', 'highlights/page-edit'] as const;
import { COLOR_NAMES, focusIdFromHash, pageKey, pageUrlOf } from './highlight-colors';
import { HIGHLIGHT_COLORS } from '../store/db';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT}/`;
const selectors = {
  quote: { type: 'TextQuoteSelector', exact: 'dozens of engineers left', prefix: 'said that ', suffix: ' the city' },
  position: { type: 'TextPositionSelector', start: 10, end: 34 },
};
const save = { type: 'highlights/save', selectors, color: 'green', pageTitle: 'A page' };

describe('highlight messages', () => {
  it('accepts well-formed requests', () => {
    for (const m of [
      save,
      { ...save, dir: 'rtl', note: 'n', tags: ['a'] },
      { type: 'highlights/for-page' },
      { type: 'highlights/anchored', results: [{ id: 'a-1', status: 'orphan', reason: 'not-found' }, { id: 'b', status: 'fuzzy' }] },
      { type: 'highlights/page-edit', id: 'abc', color: 'pink' },
      { type: 'highlights/list', url: 'https://a.example/x' },
      { type: 'highlights/edit', id: 'abc', note: 'x', tags: ['t'], deleted: false },
    ]) expect(parseWorkerRequest(m).ok, JSON.stringify(m)).toBe(true);
    expect(parseContentRequest({ type: 'content/save-selection' }).ok).toBe(true);
    expect(parseContentRequest({ type: 'content/highlights-refresh' }).ok).toBe(true);
  });
  it('rejects bad shapes, naming the path', () => {
    const bad: [unknown, RegExp][] = [
      [{ ...save, color: 'red' }, /color/],
      [{ ...save, selectors: { ...selectors, quote: { ...selectors.quote, exact: '' } } }, /selectors/],
      [{ ...save, selectors: { ...selectors, quote: { ...selectors.quote, exact: 'x'.repeat(10_001) } } }, /selectors/],
      [{ ...save, selectors: { ...selectors, position: { type: 'TextPositionSelector', start: 9, end: 3 } } }, /position/],
      [{ ...save, selectors: { ...selectors, position: { type: 'TextPositionSelector', start: -1, end: 3 } } }, /selectors/],
      [{ ...save, tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, /tags/],
      [{ ...save, note: 'x'.repeat(20_001) }, /note/],
      [{ type: 'highlights/edit', id: 'bad id\u0000with control and spaces', note: 'x' }, /id/],
      [{ type: 'highlights/edit', id: 'a', deleted: 'yes' }, /deleted/],
      [{ type: 'highlights/anchored', results: [{ id: 'a', status: 'lost' }] }, /status/],
    ];
    for (const [m, path] of bad) {
      const r = parseWorkerRequest(m);
      expect(r.ok, JSON.stringify(m).slice(0, 100)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(path);
    }
  });
  it('content-script messages only from a tab; list/edit only from extension pages', () => {
    const content = { id: EXT, url: 'https://news.example/a', tab: { id: 3 }, frameId: 0 };
    const popup = { id: EXT, url: `${ORIGIN}src/popup/index.html` };
    for (const t of HIGHLIGHT_CONTENT_ONLY) {
      expect(WORKER_METHODS[t].from).toBe('content');
      expect(checkSender(t, content, EXT, ORIGIN)).toBeNull();
      expect(checkSender(t, popup, EXT, ORIGIN)).toMatch(/from a tab/);
      expect(checkSender(t, { ...content, frameId: 1 }, EXT, ORIGIN)).toMatch(/top frame/);
    }
    for (const t of ['highlights/list', 'highlights/edit'] as const) {
      expect(checkSender(t, popup, EXT, ORIGIN)).toBeNull();
      expect(checkSender(t, content, EXT, ORIGIN)).toMatch(/extension pages/);
    }
  });
});

describe('highlight keys and colours', () => {
  it('colour names are the store colours', () => {
    expect(COLOR_NAMES).toEqual([...HIGHLIGHT_COLORS]);
  });
  it('page keys and focus fragments', () => {
    expect(pageUrlOf('https://a.example/p?q=1#provenance-hl=x')).toBe('https://a.example/p?q=1');
    expect(pageKey('https://a.example/p#top')).toBe('hl:https://a.example/p');
    expect(focusIdFromHash('#provenance-hl=0b6c-44aa_Z')).toBe('0b6c-44aa_Z');
    expect(focusIdFromHash('#provenance-hl=<img>')).toBeNull();
    expect(focusIdFromHash('#other')).toBeNull();
  });
});
