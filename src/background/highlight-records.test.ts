import { describe, expect, it } from 'vitest';
import { applyEdit, byPageOrder, newHighlight, normalizeTags, purgeable, textDir, toPageHighlight, toView, withAnchor, type SaveInput } from './highlight-records';

const input = (over: Partial<SaveInput> = {}): SaveInput => ({
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: 'the media office lost its engineers', prefix: 'officials said ', suffix: ' last spring' },
    position: { type: 'TextPositionSelector', start: 120, end: 155 },
  },
  color: 'yellow',
  pageTitle: '  Mosul report ',
  ...over,
});

describe('newHighlight', () => {
  it('builds the stored record: URL without fragment, quote from the selector, placed, not deleted', () => {
    const h = newHighlight('id1', 'https://news.example/a?x=1#section-2', input({ tags: [' mosul ', 'Mosul', '', 'media'], note: '  check numbers  ' }), 1000);
    expect(h.url).toBe('https://news.example/a?x=1');
    expect(h.quote).toBe('the media office lost its engineers');
    expect(h.selectors.position).toEqual({ type: 'TextPositionSelector', start: 120, end: 155 });
    expect(h.pageTitle).toBe('Mosul report');
    expect(h.tags).toEqual(['mosul', 'media']);
    expect(h.note).toBe('check numbers');
    expect(h.dir).toBe('ltr');
    expect(h).toMatchObject({ color: 'yellow', createdAt: 1000, updatedAt: 1000, anchor: { status: 'exact', at: 1000 } });
    expect(h.deletedAt).toBeUndefined();
  });
  it('drops extra fields a sender might add to selectors, and omits empty optional fields', () => {
    const sel = input().selectors as unknown as Record<string, unknown>;
    const h = newHighlight('id2', 'https://a.example/', { ...input(), selectors: { ...sel, evil: 1, quote: { ...(sel.quote as object), extra: 2 } } as never, pageTitle: ' ' }, 5);
    expect(Object.keys(h.selectors).sort()).toEqual(['position', 'quote']);
    expect(Object.keys(h.selectors.quote).sort()).toEqual(['exact', 'prefix', 'suffix', 'type']);
    expect('pageTitle' in h).toBe(false);
    expect('note' in h).toBe(false);
  });
  it('takes the direction from the first strong character when the page did not say', () => {
    const ar = newHighlight('id3', 'https://a.example/', input({ selectors: { quote: { type: 'TextQuoteSelector', exact: '«٢٠» نقل المعتقلين', prefix: '', suffix: '' } } }), 1);
    expect(ar.dir).toBe('rtl');
    expect(textDir('123 — ...')).toBeNull();
    expect(newHighlight('id4', 'https://a.example/', input({ dir: 'rtl' }), 1).dir).toBe('rtl');
  });
});

describe('applyEdit', () => {
  const h = newHighlight('id', 'https://a.example/', input({ note: 'first' }), 10);
  it('changes only what is given, and an empty note removes it', () => {
    const e1 = applyEdit(h, { color: 'blue' }, 20);
    expect(e1).toMatchObject({ color: 'blue', note: 'first', updatedAt: 20, createdAt: 10 });
    const e2 = applyEdit(e1, { note: '   ', tags: ['a', 'A', 'b'] }, 30);
    expect('note' in e2).toBe(false);
    expect(e2.tags).toEqual(['a', 'b']);
    expect(h.color).toBe('yellow'); // not mutated
  });
  it('soft-deletes and undoes: the record is kept, deletedAt set then cleared, deleting twice keeps the first time', () => {
    const d = applyEdit(h, { deleted: true }, 40);
    expect(d.deletedAt).toBe(40);
    expect(applyEdit(d, { deleted: true }, 50).deletedAt).toBe(40);
    const u = applyEdit(d, { deleted: false }, 60);
    expect('deletedAt' in u).toBe(false);
    expect(u.quote).toBe(h.quote);
  });
});

describe('views and order', () => {
  it('the page view has no note or tags; the popup view has no selectors but the position', () => {
    const h = newHighlight('id', 'https://a.example/', input({ note: 'private', tags: ['t'] }), 1);
    const p = toPageHighlight(h);
    expect(JSON.stringify(p)).not.toContain('private');
    expect(Object.keys(p).sort()).toEqual(['color', 'id', 'selectors']);
    const v = toView(h);
    expect('selectors' in v).toBe(false);
    expect(v.position).toBe(120);
    expect(v.note).toBe('private');
  });
  it('orders by stored position, then creation; highlights without a position go last', () => {
    const a = newHighlight('a', 'u', input(), 3);
    const b = newHighlight('b', 'u', input({ selectors: { ...input().selectors, position: { type: 'TextPositionSelector', start: 5, end: 9 } } }), 4);
    const c = newHighlight('c', 'u', input({ selectors: { quote: input().selectors.quote } }), 1);
    const d = newHighlight('d', 'u', input(), 2);
    expect([a, b, c, d].sort(byPageOrder).map((x) => x.id)).toEqual(['b', 'd', 'a', 'c']);
  });
  it('records anchoring outcomes, with the reason for orphans only', () => {
    const h = newHighlight('id', 'u', input(), 1);
    expect(withAnchor(h, { id: 'id', status: 'orphan', reason: 'not-found' }, 9).anchor).toEqual({ status: 'orphan', at: 9, reason: 'not-found' });
    expect(withAnchor(h, { id: 'id', status: 'fuzzy', reason: 'x' }, 9).anchor).toEqual({ status: 'fuzzy', at: 9 });
  });
  it('normalises tags: trims, collapses spaces, dedupes case-insensitively, caps the count', () => {
    expect(normalizeTags(['  foreign   fighters ', 'Foreign fighters', 'x'])).toEqual(['foreign fighters', 'x']);
    expect(normalizeTags(Array.from({ length: 50 }, (_, i) => `t${i}`))).toHaveLength(30);
  });
});

describe('purge', () => {
  it('purges deleted highlights only after the 30-day undo period', () => {
    const now = Date.UTC(2026, 10, 22);
    const day = 86_400_000;
    const rows = [
      { id: 'live' },
      { id: 'recent', deletedAt: now - 29 * day },
      { id: 'old', deletedAt: now - 31 * day },
    ];
    expect(purgeable(rows, now)).toEqual(['old']);
  });
});
