/**
 * Extraction over the shared corpora (read at run time from ../shared or $PROVENANCE_SHARED;
 * skipped when absent). Floors are set a little under the measured figures so that a real
 * regression fails while run-to-run noise does not.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evalExtractionBenchmark, evalReadabilityCorpus, sharedDir } from '../../../scripts/lib/extract-eval';

const shared = sharedDir();
const haveReadability = existsSync(path.join(shared, 'corpus', 'readability'));
const haveBenchmark = existsSync(path.join(shared, 'corpus', 'extraction-benchmark', 'ground-truth.json'));

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

describe.skipIf(!haveReadability)('readability corpus metadata', () => {
  it('agrees with expected-metadata.json', { timeout: 180_000 }, () => {
    const r = evalReadabilityCorpus(shared);
    console.log(
      `[extract] readability corpus: n=${r.n} title ${pct(r.titleStrict)} (lenient ${pct(r.titleLenient)}), ` +
        `byline ${pct(r.byline)} (where expected ${pct(r.bylineWhereExpected)}), ` +
        `siteName ${pct(r.siteName)} (where expected ${pct(r.siteNameWhereExpected)}), lang ${pct(r.lang)} (where expected ${pct(r.langWhereExpected)}), ` +
        `published ${pct(r.published)} (where expected ${pct(r.publishedWhereExpected)}), median ${r.medianMs.toFixed(1)} ms/page`,
    );
    expect(r.errors).toEqual([]);
    expect(r.n).toBeGreaterThanOrEqual(100);
    expect(r.titleStrict).toBeGreaterThanOrEqual(0.8);
    expect(r.titleLenient).toBeGreaterThanOrEqual(0.88);
    expect(r.bylineWhereExpected).toBeGreaterThanOrEqual(0.8);
    expect(r.siteNameWhereExpected).toBeGreaterThanOrEqual(0.9);
    expect(r.langWhereExpected).toBeGreaterThanOrEqual(0.95);
    expect(r.publishedWhereExpected).toBeGreaterThanOrEqual(0.9);
  });
});

describe.skipIf(!haveBenchmark)('extraction benchmark bodies', () => {
  it('extracts every page without throwing and matches the ground-truth bodies', { timeout: 180_000 }, () => {
    const b = evalExtractionBenchmark(shared);
    const articles = b.f1.filter((x) => x.isArticle).length;
    console.log(
      `[extract] extraction benchmark: n=${b.n} token F1 median ${b.medianF1.toFixed(3)} mean ${b.meanF1.toFixed(3)}, ` +
        `isArticle ${articles}/${b.f1.length}, median ${b.medianMs.toFixed(1)} ms/page, max ${b.maxMs.toFixed(0)} ms`,
    );
    expect(b.errors).toEqual([]);
    expect(b.n).toBeGreaterThanOrEqual(140);
    expect(b.f1.length).toBe(b.n);
    expect(b.medianF1).toBeGreaterThanOrEqual(0.95);
    expect(b.meanF1).toBeGreaterThanOrEqual(0.9);
    expect(articles / b.f1.length).toBeGreaterThanOrEqual(0.9);
  });
});
