/**
 * Evaluation of extraction against the shared corpora (Node only; reads ../shared at run
 * time, never copies from it). Used by src/core/extract/corpus.test.ts; also runnable directly:
 *   npx tsx scripts/lib/extract-eval.ts [sharedDir]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cleanAuthor, extractArticle, normalizeDate, primaryLang } from '../../src/core/extract';
import { parseHtml } from '../../src/core/extract/parse-html';
import type { ExtractedArticle } from '../../src/core/model';
import { normalizeText, tokenize } from '../../src/core/text/normalize';

export function sharedDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const repoRoot = path.resolve(here, '../..');
  return process.env.PROVENANCE_SHARED ?? path.resolve(repoRoot, '../shared');
}

const norm = (s: string | null | undefined) => (s ? normalizeText(s).replace(/["'`]/g, '').trim() : '');

export function titleAgrees(actual: string, expected: string | null | undefined): { strict: boolean; lenient: boolean } {
  const a = norm(actual);
  const e = norm(expected);
  if (!e) return { strict: !a, lenient: true };
  const strict = a === e;
  const lenient = strict || (a.length >= 8 && e.includes(a)) || (e.length >= 8 && a.includes(e));
  return { strict, lenient };
}

function personAgrees(actual: string | null, expected: string | null | undefined): boolean {
  const a = norm(cleanAuthor(actual) ?? '');
  const e = norm(cleanAuthor(expected ?? null) ?? '');
  if (!a || !e) return !a && !e;
  return a === e || a.includes(e) || e.includes(a);
}

/** "http://www.tmz.com" and "tmz.com" name the same site. */
function siteKey(s: string | null | undefined): string | null {
  return s ? s.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '') : null;
}

function dateAgrees(actual: string | null, expected: string | null | undefined): boolean {
  const e = normalizeDate(expected ?? null);
  if (!e || !actual) return !e && !actual;
  // Same instant when both carry a time zone; otherwise the same calendar date.
  const zoned = (d: string) => /T.*(Z|[+-]\d{2}:\d{2})$/.test(d);
  if (zoned(actual) && zoned(e)) return Date.parse(actual) === Date.parse(e);
  return actual.slice(0, 10) === e.slice(0, 10);
}

export interface FieldRates {
  n: number;
  titleStrict: number;
  titleLenient: number;
  byline: number;
  bylineWhereExpected: number;
  siteName: number;
  siteNameWhereExpected: number;
  lang: number;
  langWhereExpected: number;
  published: number;
  publishedWhereExpected: number;
  medianMs: number;
  errors: string[];
  disagreements: { name: string; field: string; actual: unknown; expected: unknown }[];
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Run extraction over corpus/readability/<name>/source.html and compare with expected-metadata.json. */
export function evalReadabilityCorpus(shared = sharedDir()): FieldRates {
  const dir = path.join(shared, 'corpus', 'readability');
  const names = readdirSync(dir).filter((n) => existsSync(path.join(dir, n, 'source.html')));
  const counts = { titleStrict: 0, titleLenient: 0, byline: 0, bylineExp: 0, bylineExpN: 0, site: 0, siteExp: 0, siteExpN: 0, lang: 0, langExp: 0, langExpN: 0, pub: 0, pubExp: 0, pubExpN: 0 };
  const times: number[] = [];
  const errors: string[] = [];
  const disagreements: FieldRates['disagreements'] = [];
  for (const name of names) {
    const html = readFileSync(path.join(dir, name, 'source.html'), 'utf8');
    const expected = JSON.parse(readFileSync(path.join(dir, name, 'expected-metadata.json'), 'utf8'));
    let art: ExtractedArticle;
    try {
      const doc = parseHtml(html);
      const t0 = performance.now();
      art = extractArticle(doc);
      times.push(performance.now() - t0);
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    const t = titleAgrees(art.title, expected.title);
    if (t.strict) counts.titleStrict++;
    if (t.lenient) counts.titleLenient++;
    else disagreements.push({ name, field: 'title', actual: art.title, expected: expected.title });
    const b = personAgrees(art.byline, expected.byline);
    if (b) counts.byline++;
    else disagreements.push({ name, field: 'byline', actual: art.byline, expected: expected.byline });
    if (expected.byline) {
      counts.bylineExpN++;
      if (b) counts.bylineExp++;
    }
    const s = personAgrees(siteKey(art.siteName), siteKey(expected.siteName));
    if (s) counts.site++;
    else disagreements.push({ name, field: 'siteName', actual: art.siteName, expected: expected.siteName });
    if (expected.siteName) {
      counts.siteExpN++;
      if (s) counts.siteExp++;
    }
    const el = primaryLang(expected.lang);
    // Readability reports only declared languages; a detected one where none is declared is not a disagreement.
    if (el ? art.lang === el : true) counts.lang++;
    if (el) {
      counts.langExpN++;
      if (art.lang === el) counts.langExp++;
    }
    else disagreements.push({ name, field: 'lang', actual: art.lang, expected: expected.lang });
    const d = dateAgrees(art.published, expected.publishedTime);
    if (d) counts.pub++;
    else disagreements.push({ name, field: 'published', actual: art.published, expected: expected.publishedTime });
    if (expected.publishedTime) {
      counts.pubExpN++;
      if (d) counts.pubExp++;
    }
  }
  const n = names.length;
  const r = (x: number, d = n) => (d ? x / d : NaN);
  return {
    n,
    titleStrict: r(counts.titleStrict),
    titleLenient: r(counts.titleLenient),
    byline: r(counts.byline),
    bylineWhereExpected: r(counts.bylineExp, counts.bylineExpN),
    siteName: r(counts.site),
    siteNameWhereExpected: r(counts.siteExp, counts.siteExpN),
    lang: r(counts.lang),
    langWhereExpected: r(counts.langExp, counts.langExpN),
    published: r(counts.pub),
    publishedWhereExpected: r(counts.pubExp, counts.pubExpN),
    medianMs: median(times),
    errors,
    disagreements,
  };
}

/** Token-overlap F1 (multiset) between two texts, after normalisation. */
export function tokenF1(actual: string, expected: string): number {
  const a = tokenize(normalizeText(actual));
  const e = tokenize(normalizeText(expected));
  if (!a.length || !e.length) return a.length === e.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of e) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of a) {
    const c = counts.get(t);
    if (c) {
      overlap++;
      counts.set(t, c - 1);
    }
  }
  if (!overlap) return 0;
  const p = overlap / a.length;
  const r = overlap / e.length;
  return (2 * p * r) / (p + r);
}

export interface BenchmarkResult {
  n: number;
  errors: string[];
  f1: { name: string; f1: number; isArticle: boolean }[];
  medianF1: number;
  meanF1: number;
  medianMs: number;
  maxMs: number;
}

/** Run extraction over corpus/extraction-benchmark/*.html and compare bodies with ground-truth.json. */
export function evalExtractionBenchmark(shared = sharedDir()): BenchmarkResult {
  const dir = path.join(shared, 'corpus', 'extraction-benchmark');
  const truth: Record<string, { articleBody: string; url?: string }> = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
  const errors: string[] = [];
  const f1: BenchmarkResult['f1'] = [];
  const times: number[] = [];
  for (const f of files) {
    const name = f.replace(/\.html$/, '');
    const html = readFileSync(path.join(dir, f), 'utf8');
    const gt = truth[name];
    let art: ExtractedArticle;
    try {
      const doc = parseHtml(html, gt?.url);
      const t0 = performance.now();
      art = extractArticle(doc, { url: gt?.url });
      times.push(performance.now() - t0);
    } catch (e) {
      errors.push(`${name}: ${(e as Error).message}`);
      continue;
    }
    if (gt && typeof gt.articleBody === 'string') f1.push({ name, f1: tokenF1(art.text, gt.articleBody), isArticle: art.isArticle });
  }
  const scores = f1.map((x) => x.f1);
  return {
    n: files.length,
    errors,
    f1,
    medianF1: median(scores),
    meanF1: scores.reduce((a, b) => a + b, 0) / (scores.length || 1),
    medianMs: median(times),
    maxMs: times.length ? Math.max(...times) : NaN,
  };
}

const isMain = (() => {
  try {
    return process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();

if (isMain) {
  const shared = process.argv[2] ?? sharedDir();
  const r = evalReadabilityCorpus(shared);
  const { disagreements, ...rates } = r;
  console.log(JSON.stringify(rates, null, 1));
  if (process.env.SHOW_DISAGREEMENTS) for (const d of disagreements) console.log(JSON.stringify(d));
  const b = evalExtractionBenchmark(shared);
  const { f1, ...rest } = b;
  console.log(JSON.stringify(rest, null, 1));
  if (process.env.SHOW_F1) for (const x of [...f1].sort((a, c) => a.f1 - c.f1).slice(0, 40)) console.log(x.name.slice(0, 12), x.f1.toFixed(3), x.isArticle);
}
