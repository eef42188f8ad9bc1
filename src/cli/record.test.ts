/**
 * `--sourcing on-topic` and the text output skip sourcing and claims where they are not
 * wanted; every field they do print must be exactly what the full analysis gives.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sourcingFlag } from './analyze';
import { analyzeItem, type AnalyzeItem } from './record';

const DEMO = ['mosul-it-experts.html', 'isis-goddess.html', 'detainees-transfer-ar.html', 'passing-mention.html', 'social-media-app.html', 'nasdaq-repost.html'];
const item = (f: string): AnalyzeItem => ({ kind: 'html', label: f, html: readFileSync(`public/demo/${f}`, 'utf8'), url: `https://news.example/${f}` });

describe('sourcing scope', () => {
  it('on-topic: ON pages get the full record, off pages the same record with sourcing and claims null', () => {
    const seen = new Set<boolean>();
    for (const f of DEMO) {
      const full = analyzeItem(item(f)).record;
      const scoped = analyzeItem(item(f), 'on-topic');
      seen.add(full.onTopic as boolean);
      if (full.onTopic) {
        expect(scoped.record).toEqual(full);
        expect(scoped.analysis).toBeDefined();
      } else {
        expect(scoped.record).toEqual({ ...full, sourcing: null, claims: null });
        expect(scoped.analysis).toBeUndefined();
      }
      expect(JSON.stringify(Object.keys(scoped.record))).toBe(JSON.stringify(Object.keys(full))); // same field order
    }
    expect([...seen].sort()).toEqual([false, true]); // both kinds of page were tried
  });

  it('none (the text output): no page gets sourcing or claims, every other field unchanged', () => {
    for (const f of DEMO) {
      const full = analyzeItem(item(f)).record;
      expect(analyzeItem(item(f), 'none').record).toEqual({ ...full, sourcing: null, claims: null });
    }
  });

  it('--sourcing takes all or on-topic, in either spelling', () => {
    expect(sourcingFlag(['--sourcing', 'on-topic', 'a.html'])).toEqual({ scope: 'on-topic', rest: ['a.html'] });
    expect(sourcingFlag(['--sourcing=all', '--jsonl'])).toEqual({ scope: 'all', rest: ['--jsonl'] });
    expect(sourcingFlag(['x'])).toEqual({ scope: 'all', rest: ['x'] });
    expect(sourcingFlag(['--sourcing', 'some']).error).toMatch(/all or on-topic/);
  });
});
