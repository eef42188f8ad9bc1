/**
 * Checks on the shared labelled corpus (../shared or $PROVENANCE_SHARED), on one
 * SaudiNewsNet day to keep the run short. Skipped when the corpus is absent (a user's
 * clone). The full evaluation is scripts/eval.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, detectTopic, quickCheck, QUICK_SLICE_CHARS } from './index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SHARED = resolve(process.env.PROVENANCE_SHARED ?? join(ROOT, '..', 'shared'));
const LABELS = join(SHARED, 'corpus', 'labels.jsonl');
const DAY = 'saudinewsnet/2015-08-10.zip';
const available = existsSync(LABELS) && existsSync(join(SHARED, 'corpus', DAY));

describe.skipIf(!available)(`corpus: ${DAY}`, () => {
  const load = () => {
    const labels = readFileSync(LABELS, 'utf8')
      .split('\n')
      .filter((l) => l.includes(DAY + '#'))
      .map((l) => JSON.parse(l) as { path: string; label: string });
    const files = unzipSync(new Uint8Array(readFileSync(join(SHARED, 'corpus', DAY))));
    const json = Object.keys(files).find((k) => k.endsWith('.json'))!;
    const articles = JSON.parse(strFromU8(files[json])) as { title: string; content: string }[];
    return labels.map((l) => ({ label: l.label, a: articles[Number(l.path.split('#')[1])] }));
  };

  it('headline-named articles are on, unnamed ones off, and the quick pass keeps every "on"', () => {
    const items = load();
    expect(items.length).toBeGreaterThan(500);
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let quickMiss = 0;
    for (const { label, a } of items) {
      const v = detectTopic({ title: a.title, text: a.content, lang: 'ar' }, DEFAULT_PROFILE);
      if (label === 'on') v.onTopic ? tp++ : fn++;
      if (label === 'off' && v.onTopic) fp++;
      if (v.onTopic) {
        const q = quickCheck({ title: a.title, meta: '', textSlice: a.content.slice(0, QUICK_SLICE_CHARS), lang: 'ar', articleSignals: 1 }, DEFAULT_PROFILE);
        if (!q.worth) quickMiss++;
      }
    }
    expect(tp).toBeGreaterThan(20);
    expect(fn).toBe(0);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(quickMiss).toBe(0);
  });
});
