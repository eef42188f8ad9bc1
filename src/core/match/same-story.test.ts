/**
 * Same story on abridged copies: containment estimated from the page's shingles and a
 * report's MinHash, the same-story rule, and the reason in words. Texts are generated from
 * a seeded word list (no real articles).
 */
import { describe, expect, it } from 'vitest';
import { minhashText } from '../packs/fingerprint';
import { containment, shingleSketch, sketchMinhash } from './containment';
import { sameStoryOf } from './same-story';
import { matchReports, type MatchableReport } from './match';
import { describeReason } from '../explain/reasons';
import type { ReportRecord } from '../packs/types';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const VOCAB = 'minister border convoy village council police army court city river bridge market school hospital governor refugees camp talks envoy statement spokesman province district attack fighters security forces officials residents water power road airport'.split(' ');
/** A text of `n` sentences, 12 words each, drawn from a shared vocabulary with numbered tokens so sentences differ. */
function sentences(seed: number, n: number): string[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => Array.from({ length: 12 }, (_, j) => (j === 5 ? `w${seed}x${i}` : VOCAB[Math.floor(r() * VOCAB.length)])).join(' ') + '.');
}

const full = sentences(1, 60);
const fullText = full.join(' ');
const abridged = full.slice(0, 18).join(' ') + ' ' + sentences(7, 2).join(' '); // 30 % of the story, plus a local line
const other = sentences(2, 60).join(' '); // same vocabulary (same event), different story

describe('containment estimates', () => {
  it('the sketch gives the same MinHash as the pack fingerprint', () => {
    expect(sketchMinhash(shingleSketch(fullText))).toEqual(minhashText(fullText));
  });
  it('an abridged copy is largely contained in the full story, both ways round', () => {
    const reportShort = containment(shingleSketch(fullText), minhashText(abridged))!;
    expect(reportShort.reportInPage).toBeGreaterThan(0.7);
    expect(reportShort.pageInReport).toBeLessThan(0.5);
    const pageShort = containment(shingleSketch(abridged), minhashText(fullText))!;
    expect(pageShort.pageInReport).toBeGreaterThan(0.7);
    expect(pageShort.reportInPage).toBeLessThan(0.5);
    expect(pageShort.reportSize).toBeGreaterThan(400);
    expect(pageShort.reportSize).toBeLessThan(1000);
  });
  it('different stories share almost nothing', () => {
    const c = containment(shingleSketch(fullText), minhashText(other))!;
    expect(c.reportInPage).toBeLessThan(0.1);
    expect(c.pageInReport).toBeLessThan(0.2);
  });
});

describe('same story', () => {
  const same = (page: string, report: string) => sameStoryOf(minhashText(page), minhashText(report), () => shingleSketch(page));
  it('a near copy is "copy", an abridged page or report is named as such', () => {
    expect(same(fullText, fullText.replace('minister', 'ministers'))?.details[1]).toBe('copy');
    expect(same(abridged, fullText)?.details[1]).toBe('page-abridged');
    expect(same(fullText, abridged)?.details[1]).toBe('report-abridged');
  });
  it('a different story about the same event is not the same story', () => {
    expect(same(fullText, other)).toBeNull();
    expect(same(abridged, other)).toBeNull();
  });
  it('ranks the full report first with an "abridged copy" reason for the abridged page', () => {
    const rec = (id: string): ReportRecord => ({ id, title: id, sourceId: 'wire', lang: 'en', summary: '', tags: [] });
    const mk = (id: string, text: string): MatchableReport => ({ id, sourceId: 'wire', terms: {}, entityKeys: [], urls: [], figures: [], minhash: minhashText(text) });
    const page = { url: null, canonicalUrl: null, title: 'x', text: abridged, sourceId: null, relayedSourceIds: [], minhash: minhashText(abridged) };
    const m = matchReports(page, [mk('other', other), mk('full', fullText)], { docCount: 2, df: () => 1, entityDf: () => 1 });
    expect(m[0].reportId).toBe('full');
    expect(m.find((x) => x.reportId === 'other')?.reasons.some((r) => r.kind === 'same-story') ?? false).toBe(false);
    const words = describeReason(m[0].reasons[0], (id) => id, rec('full'));
    expect(words).toMatch(/^Same story: this page is an abridged copy of this report \(about \d+ % of its wording is in the report\)$/);
  });
});
