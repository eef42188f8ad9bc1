/**
 * Pages and packs over the caps: 5–20 MB pages, 10,000 levels of nesting, 200,000
 * elements, multi-megabyte attributes, words and JSON-LD, 20 MB and deeply nested packs.
 * Each must come back promptly (within its limit) with a capped or clear result, never a
 * throw. Built here, at run time.
 */
import { analyzeHtml } from '../../../src/core/analyze';
import { anchor, buildTextModel, describe as describeRange } from '../../../src/core/anchoring';
import { DEFAULT_PROFILE, detectTopic, quickCheck } from '../../../src/core/detect';
import { DEFAULT_MAX_TEXT_CHARS } from '../../../src/core/extract';
import { parseHtml } from '../../../src/core/extract/parse-html';
import { readQuickInput } from '../../../src/core/extract/quick-input';
import { QUICK_DEEP_CHARS } from '../../../src/core/detect/quick-scan';
import { MAX_PACK_BYTES } from '../../../src/core/packs';
import { parsePackText, validatePack } from '../../../src/core/packs';
import { analyzeSourcing } from '../../../src/core/sourcing/page-sourcing';
import type { Analysis } from '../../../src/core/types';
import { describeError } from './harness';
import { OUTLETS } from './page-targets';
import { SENTENCES_AR, SENTENCES_EN } from './text-pools';

export interface CapResult {
  name: string;
  /** What was fed in. */
  input: string;
  ms: number;
  limitMs: number;
  ok: boolean;
  /** What was wrong with the answer (null when it was right, whatever the time). */
  problem: string | null;
  /** What came back (or what went wrong). */
  detail: string;
}

interface CapCase {
  name: string;
  limitMs: number;
  /** Builds the input; returns the check to time (it returns a problem or null, and a summary). */
  make: () => { input: string; run: () => { problem: string | null; detail: string } };
}

const MB = 1024 * 1024;

function paragraphs(bytes: number, pool: string[] = SENTENCES_EN): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const p = `<p>${pool[i % pool.length]} ${pool[(i * 7 + 3) % pool.length]} (${i})</p>\n`;
    out.push(p);
    n += p.length;
  }
  return out.join('');
}

const page = (body: string, head = '<title>Over the cap</title>') => `<!doctype html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

function analysisProblem(a: Analysis, expectTruncated: boolean): string | null {
  if (a.article.text.length > DEFAULT_MAX_TEXT_CHARS) return `text ${a.article.text.length} chars over the cap`;
  if (expectTruncated && !a.article.truncated) return 'not marked truncated';
  if (a.article.title.length > 100_000) return `title of ${a.article.title.length} chars`;
  return null;
}

const summary = (a: Analysis) =>
  `text ${a.article.text.length} chars${a.article.truncated ? ' (truncated)' : ''}, isArticle ${a.article.isArticle}, title ${a.article.title.length} chars, ${a.sourcing.items.length} attributions`;

function pageCase(name: string, limitMs: number, build: () => string, expectTruncated: boolean): CapCase {
  return {
    name,
    limitMs,
    make: () => {
      const html = build();
      return {
        input: `${(html.length / MB).toFixed(1)} MB page`,
        run: () => {
          const a = analyzeHtml(html, { outlets: OUTLETS });
          return { problem: analysisProblem(a, expectTruncated), detail: summary(a) };
        },
      };
    },
  };
}

function anchorCase(name: string, limitMs: number, build: () => string): CapCase {
  return {
    name,
    limitMs,
    make: () => {
      const html = build();
      const doc = parseHtml(html);
      return {
        input: `${(html.length / MB).toFixed(1)} MB page, parsed`,
        run: () => {
          const model = buildTextModel(doc.body);
          let i = model.nodes.length - 1;
          while (i > 0 && !model.nodes[i].data.trim()) i--;
          const last = model.nodes[i];
          if (!last) return { problem: null, detail: 'no text' };
          const sel = describeRange(doc.body, { startContainer: last, startOffset: 0, endContainer: last, endOffset: last.data.length }, { model });
          if (!sel) return { problem: null, detail: 'nothing to describe' };
          // Anchor with a position that is off, so the search has to look around.
          const r = anchor(doc.body, { quote: { ...sel.quote, exact: sel.quote.exact + ' changed' }, position: { type: 'TextPositionSelector', start: 0, end: 10 } }, { model });
          return { problem: null, detail: `raw text ${model.raw.length} chars, anchor → ${r.status}${r.status === 'orphan' ? ` (${r.reason})` : ''}` };
        },
      };
    },
  };
}

function packText(reports: number, extra = ''): string {
  const rs: string[] = [];
  for (let i = 0; i < reports; i++) {
    rs.push(
      JSON.stringify({ id: `r${i}`, title: `Report ${i}: ${SENTENCES_EN[i % SENTENCES_EN.length]}`, sourceId: 's', lang: i % 2 ? 'ar' : 'en', summary: `${SENTENCES_AR[i % SENTENCES_AR.length]} ${SENTENCES_EN[(i + 3) % SENTENCES_EN.length]}`, tags: ['t', 'mosul'], url: `https://s.example/${i}`, keywords: ['a', 'b'] }),
    );
  }
  return `{"format":"provenance-pack/1","id":"big","name":"Big","version":"1.0.0","publisher":"Fuzz","updated":"2024-01-01",${extra}"sources":[{"id":"s","name":"S","domains":["s.example"],"type":"wire","country":"IQ","languages":["en"],"notes":""}],"reports":[${rs.join(',')}]}`;
}

function packCase(name: string, limitMs: number, build: () => string, expectOk: boolean): CapCase {
  return {
    name,
    limitMs,
    make: () => {
      const text = build();
      return {
        input: `${(text.length / MB).toFixed(1)} MB pack text`,
        run: () => {
          const r = parsePackText(text);
          const detail = r.ok ? `accepted (${r.pack.reports.length} reports)` : `refused: ${r.problems[0]?.path} ${r.problems[0]?.message.slice(0, 100)}${r.problems.length > 1 ? ` (+${r.problems.length - 1})` : ''}`;
          return { problem: r.ok === expectOk ? null : `expected ${expectOk ? 'accepted' : 'refused'}, got ${detail}`, detail };
        },
      };
    },
  };
}

export const CAP_CASES: CapCase[] = [
  pageCase('page 5 MB', 3_000, () => page(`<article><h1>Five megabytes</h1>${paragraphs(5 * MB)}</article>`), true),
  pageCase('page 20 MB', 10_000, () => page(`<article><h1>Twenty megabytes</h1>${paragraphs(20 * MB)}</article>`), true),
  pageCase('page 5 MB Arabic, RTL', 3_000, () => page(`<article><h1>عنوان</h1>${paragraphs(5 * MB, SENTENCES_AR)}</article>`).replace('lang="en"', 'lang="ar" dir="rtl"'), true),
  pageCase('nesting 10,000 levels (closed)', 3_000, () => page(`${'<div>'.repeat(10_000)}<p>${SENTENCES_EN[0]}</p>${'</div>'.repeat(10_000)}`), true),
  pageCase('nesting 10,000 levels (unclosed div/span)', 3_000, () => page(`${'<div><span>x '.repeat(10_000)}<p>${SENTENCES_EN[1]}</p>`), true),
  pageCase('nesting 10,000 levels inside <article> with text', 3_000, () => page(`<article>${`<div><p>${SENTENCES_EN[2]}</p>`.repeat(10_000)}</article>`), true),
  pageCase('200,000 elements', 5_000, () => page(`<article>${'<p>word <b>bold</b></p>'.repeat(100_000)}</article>`), true),
  pageCase('200,000 empty <div>s, no text', 5_000, () => page('<div></div>'.repeat(200_000)), false),
  pageCase('5 MB attribute (og:title)', 3_000, () => page(paragraphs(20_000), `<title>t</title><meta property="og:title" content="${'Headline '.repeat(600_000)}">`), false),
  pageCase('5 MB attribute on <p>', 3_000, () => page(`<article><p title="${'x'.repeat(5 * MB)}">${SENTENCES_EN[3]}</p>${paragraphs(20_000)}</article>`), false),
  pageCase('5 MB word without spaces', 3_000, () => page(`<article><p>${'x'.repeat(5 * MB)}</p></article>`), true),
  pageCase('5 MB <title>', 3_000, () => page(paragraphs(20_000), `<title>${'Title words '.repeat(450_000)}</title>`), false),
  pageCase('5 MB JSON-LD', 3_000, () => page(paragraphs(20_000), `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${'h'.repeat(5 * MB)}"}</script>`), false),
  pageCase('JSON-LD nested 100,000 levels', 3_000, () => page(paragraphs(20_000), `<script type="application/ld+json">${'['.repeat(100_000)}${']'.repeat(100_000)}</script>`), false),
  pageCase('5 MB of one unclosed comment', 3_000, () => page(`<p>${SENTENCES_EN[4]}</p><!--${'c '.repeat(2_500_000)}`), false),
  pageCase('5 MB inline script', 3_000, () => page(`<script>${'var a=1;'.repeat(650_000)}</script>${paragraphs(20_000)}`), false),
  {
    name: 'detection and sourcing on 5 MB of text',
    limitMs: 3_000,
    make: () => {
      const text = paragraphs(5 * MB).replace(/<\/?p>/g, '');
      return {
        input: `${(text.length / MB).toFixed(1)} MB text`,
        run: () => {
          const v = detectTopic({ title: 'x', text, lead: text.slice(0, 400), meta: '', lang: 'en' }, DEFAULT_PROFILE);
          const q = quickCheck({ title: 'x', meta: text, textSlice: text, lang: 'en', articleSignals: 3 }, DEFAULT_PROFILE);
          const s = analyzeSourcing({ text, lang: 'en', siteName: null, canonicalUrl: null, url: null }, OUTLETS);
          return { problem: null, detail: `score ${v.score.toFixed(2)}, quick ${q.worth}, ${s.sourcing.items.length} attributions, ${s.claims.length} claims` };
        },
      };
    },
  },
  {
    name: 'quick pass (readQuickInput) on a 20 MB page',
    limitMs: 5_000,
    make: () => {
      const doc = parseHtml(page(`<article>${paragraphs(20 * MB)}</article>`));
      return {
        input: '20 MB page, parsed',
        run: () => {
          const q = readQuickInput(doc);
          const text = q.textSlice + (q.more?.() ?? '');
          return { problem: text.length > QUICK_DEEP_CHARS + 2_000 ? `textSlice ${text.length} chars` : null, detail: `textSlice ${text.length} chars, meta ${q.meta.length} chars` };
        },
      };
    },
  },
  anchorCase('anchoring on a 5 MB page', 3_000, () => page(`<article>${paragraphs(5 * MB)}</article>`)),
  anchorCase('anchoring on 10,000 levels of nesting', 3_000, () => page(`${'<div><span>x '.repeat(10_000)}<p>${SENTENCES_EN[5]}</p>`)),
  packCase('pack 20 MB (40,000 reports)', 8_000, () => packText(40_000), true),
  packCase('pack nested 100,000 levels', 3_000, () => packText(1, `"deep":${'['.repeat(100_000)}${']'.repeat(100_000)},`), false),
  packCase('pack nested 100,000 levels, truncated', 3_000, () => packText(1, `"deep":${'['.repeat(100_000)}`), false),
  packCase('pack text over the 50 MiB limit', 2_000, () => ' '.repeat(MAX_PACK_BYTES + 1), false),
  packCase('pack with a 5 MB string', 3_000, () => packText(1, `"description":"${'d'.repeat(5 * MB)}",`), false),
  {
    name: 'validatePack on 100,000-level nested object',
    limitMs: 3_000,
    make: () => {
      let deep: unknown = 1;
      for (let i = 0; i < 100_000; i++) deep = { d: deep };
      const pack = { format: 'provenance-pack/1', id: 'x', name: 'X', version: '1', publisher: 'P', updated: '2024-01-01', sources: [], reports: [], deep };
      return {
        input: 'object nested 100,000 levels',
        run: () => {
          const r = validatePack(pack);
          return { problem: r.ok ? 'accepted' : null, detail: r.ok ? 'accepted' : `refused: ${r.problems[0]?.message}` };
        },
      };
    },
  },
];

/** Run the cap cases (optionally only those whose name matches `filter`). A case over its limit is run once more (noisy machine). */
export function runCaps(filter?: (name: string) => boolean): CapResult[] {
  const out: CapResult[] = [];
  for (const c of CAP_CASES) {
    if (filter && !filter(c.name)) continue;
    let made: ReturnType<CapCase['make']>;
    try {
      made = c.make();
    } catch (e) {
      const problem = `building the input failed: ${describeError(e)}`;
      out.push({ name: c.name, input: '?', ms: 0, limitMs: c.limitMs, ok: false, problem, detail: problem });
      continue;
    }
    const attempt = () => {
      const t0 = performance.now();
      try {
        const r = made.run();
        return { ms: performance.now() - t0, problem: r.problem, detail: r.detail };
      } catch (e) {
        return { ms: performance.now() - t0, problem: `threw ${describeError(e)}`, detail: '' };
      }
    };
    let r = attempt();
    if (!r.problem && r.ms > c.limitMs) {
      const again = attempt();
      if (again.ms < r.ms) r = again;
    }
    const ok = !r.problem && r.ms <= c.limitMs;
    out.push({ name: c.name, input: made.input, ms: r.ms, limitMs: c.limitMs, ok, problem: r.problem, detail: r.problem ? `${r.problem}${r.detail ? ` — ${r.detail}` : ''}` : r.detail });
  }
  return out;
}
