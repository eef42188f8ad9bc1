import { describe, expect, it } from 'vitest';
import { filterRows, highlightRow, NO_FILTERS, openLink, outletResolver, reportRow } from './library-rows';
import type { StoredHighlight } from '../store/db';
import type { ReportRecord } from '../core/packs/types';

const hl = (over: Partial<StoredHighlight> = {}): StoredHighlight => ({
  id: 'h1', url: 'https://www.tigris.example/iraq/a', pageTitle: 'Engineers leave Mosul', quote: 'dozens of engineers walked away',
  selectors: { quote: { type: 'TextQuoteSelector', exact: 'dozens of engineers walked away', prefix: '', suffix: '' } },
  tags: ['defectors'], color: 'yellow', createdAt: Date.UTC(2024, 2, 5), updatedAt: 0, note: 'Compare with the ministry figure', ...over,
});
const rep = (id: string, over: Partial<ReportRecord> = {}): ReportRecord => ({
  id, title: `Report ${id}`, sourceId: 's', lang: 'en', summary: 'A summary about recruitment online.', tags: ['recruitment'], published: '2016-04-29', ...over,
});
const outletFor = outletResolver([{ name: 'Tigris Observer', domains: ['tigris.example'] }]);

describe('library rows', () => {
  it('finds highlights by quote, note, page title and tag; Arabic folded', () => {
    const rows = [highlightRow(hl(), outletFor), highlightRow(hl({ id: 'h2', quote: 'نقل المعتقلين إلى السجن', pageTitle: 'نقل', note: undefined, tags: [] }), outletFor)];
    const q = (query: string) => filterRows(rows, { ...NO_FILTERS, query }).map((r) => r.h.id);
    expect(q('engineers walked')).toEqual(['h1']);
    expect(q('MINISTRY figure')).toEqual(['h1']);
    expect(q('leave mosul')).toEqual(['h1']);
    expect(q('المعتقلين')).toEqual(['h2']);
    expect(q('nothing like this')).toEqual([]);
    expect(filterRows(rows, { ...NO_FILTERS, tag: 'defectors' }).map((r) => r.h.id)).toEqual(['h1']);
  });
  it('outlet from stored profiles (subdomains too), else the host', () => {
    expect(highlightRow(hl(), outletFor).outlet).toBe('Tigris Observer');
    expect(highlightRow(hl({ url: 'https://news.tigris.example/x' }), outletFor).outlet).toBe('Tigris Observer');
    expect(highlightRow(hl({ url: 'http://127.0.0.1:8080/x' }), outletFor).outlet).toBe('127.0.0.1');
  });
  it('date range and orphans', () => {
    const a = highlightRow(hl(), outletFor);
    const o = highlightRow(hl({ id: 'o', anchor: { status: 'orphan', at: 1, reason: 'not-found' } }), outletFor);
    expect(o.orphan).toBe(true);
    expect(filterRows([a], { ...NO_FILTERS, from: '2024-03-05', to: '2024-03-05' })).toHaveLength(1);
    expect(filterRows([a], { ...NO_FILTERS, from: '2024-03-06' })).toHaveLength(0);
    const r = reportRow(rep('r1'), 'Outlet', 'Pack');
    expect(filterRows([r], { ...NO_FILTERS, to: '2016-04-28' })).toHaveLength(0);
    expect(filterRows([reportRow(rep('r2', { published: undefined }), 'O', 'P')], { ...NO_FILTERS, from: '2000-01-01' })).toHaveLength(0);
  });
  it('"Open" links only to http(s) pages, at the highlight', () => {
    expect(openLink({ id: 'abc', url: 'https://a.example/p?x=1' })).toBe('https://a.example/p?x=1#provenance-hl=abc');
    expect(openLink({ id: 'abc', url: 'javascript:alert(1)' })).toBeNull();
    expect(openLink({ id: 'abc', url: 'not a url' })).toBeNull();
  });
  // How fast this is per keystroke is measured by `npm run bench:hot-paths` (budget 250 ms); here, the answer.
  it('searches 100k reports and finds the one that matches', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => reportRow(rep(`r${i}`, { title: `Report number ${i} on Mosul` }), 'Outlet', 'Pack'));
    expect(filterRows(rows, { ...NO_FILTERS, query: 'number 99999 on' }).map((r) => r.report.id)).toEqual(['r99999']);
    expect(filterRows(rows, { ...NO_FILTERS, query: 'number 9999 on' }).map((r) => r.report.id)).toEqual(['r9999']);
  });
});
