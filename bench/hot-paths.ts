/**
 * Cost of the core on hostile and oversized input, in Node: the cases the fuzzer found slow
 * once (huge bylines and meta values, long runs of white space, 1 MB of pathological text for
 * the sourcing, 90 KB highlight contexts) and the library search over 100,000 reports.
 *
 *   npm run bench:hot-paths   (= npx tsx bench/hot-paths.ts [--runs N] [--no-write])
 *
 * Unit tests check that these inputs give the right answer and do not hang (a test timeout
 * far above the cost); how fast they are is measured here, with each case's budget, and
 * written to the "## Hostile and oversized input (npm run bench:hot-paths)" section of
 * bench/RESULTS.md (other sections are kept). Exit code 1 when a median is over its budget.
 */
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { anchor } from '../src/core/anchoring';
import { DEFAULT_PROFILE, detectTopic, quickCheck } from '../src/core/detect';
import { extractArticle } from '../src/core/extract';
import { parseHtml } from '../src/core/extract/parse-html';
import { cleanAuthor } from '../src/core/extract/strings';
import { MAX_PACK_BYTES } from '../src/core/packs/limits';
import { parsePackText } from '../src/core/packs/validate';
import { extractAttributions, outletsFromSources } from '../src/core/sourcing';
import { filterRows, NO_FILTERS, reportRow } from '../src/library/library-rows';
import type { ReportRecord } from '../src/core/packs/types';
import defaultPack from '../src/packs/default/pack.json';
import { writeResultsSection } from './lib/results-md';
import { fmt, median } from './lib/stats';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'RESULTS.md');
const HEADING = '## Hostile and oversized input (npm run bench:hot-paths)';
const args = process.argv.slice(2);
const RUNS = Math.max(5, Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 15) || 15);
const WRITE = !args.includes('--no-write');
const loadAvg = () => os.loadavg().map((x) => x.toFixed(1)).join(', ');
const loadAtStart = loadAvg();

interface Case {
  area: string;
  what: string;
  budgetMs: number;
  /** Builds the input once (untimed) and returns the timed call. */
  setup: () => () => unknown;
}

const paragraphs = (n: number, sentence: (i: number) => string) => Array.from({ length: n }, (_, i) => `<p>${sentence(i)}</p>`).join('');
const bridge = (i: number) => `Item ${i}: the council said on Tuesday that work on the old bridge would go on for several weeks.`;
const outlets = outletsFromSources((defaultPack as { sources: Parameters<typeof outletsFromSources>[0] }).sources);

const CASES: Case[] = [
  {
    area: 'extract',
    what: 'cleanAuthor on a 136 KB byline',
    budgetMs: 50,
    setup: () => {
      const s = 'y'.repeat(136_000);
      return () => cleanAuthor(s);
    },
  },
  {
    area: 'extract',
    what: 'extractArticle with a 200 KB author meta',
    budgetMs: 500,
    setup: () => {
      const doc = parseHtml(`<html><head><title>Works</title><meta name="author" content="${'y'.repeat(200_000)}"></head><body><article>${paragraphs(8, bridge)}</article></body></html>`);
      return () => extractArticle(doc);
    },
  },
  {
    area: 'extract',
    what: 'extractArticle on a page of 12,000 links and 3,000 paragraphs (Readability skipped)',
    budgetMs: 5000,
    setup: () => {
      const html = `<html><head><title>The old bridge - Site</title></head><body><nav><ul>${'<li><a href="/y">One more story from the list</a></li>'.repeat(12_000)}</ul></nav><article>${paragraphs(3000, bridge)}</article></body></html>`;
      const doc = parseHtml(html);
      return () => extractArticle(doc, { maxTextChars: 50_000 });
    },
  },
  {
    area: 'extract',
    what: 'extractArticle under a chain of 240 nested elements',
    budgetMs: 100,
    setup: () => {
      const doc = parseHtml(`<html><body>${'<div>'.repeat(240)}<p>${'A few words of text go here. '.repeat(20)}</p><p>That is all.</p></body></html>`);
      return () => extractArticle(doc);
    },
  },
  {
    area: 'extract',
    what: 'extractArticle with a run of 78,000 character references',
    budgetMs: 100,
    setup: () => {
      const doc = parseHtml(`<html><body><section><p>${'&amp;'.repeat(78_000)}</p><h1>Works</h1>${paragraphs(8, bridge)}</section></body></html>`);
      return () => extractArticle(doc);
    },
  },
  {
    area: 'detect',
    what: 'detectTopic with 30,000 newlines in the text',
    budgetMs: 150,
    setup: () => {
      const text = `ISIS said. ${'\n'.repeat(30_000)}y so-called IS fighters`;
      return () => detectTopic({ title: 'ISIS', text, lead: '', meta: '', lang: 'en' }, DEFAULT_PROFILE);
    },
  },
  {
    area: 'detect',
    what: 'quickCheck with 30,000 no-break spaces in the slice',
    budgetMs: 150,
    setup: () => {
      const text = `ISIS said. ${'\u00a0'.repeat(30_000)}y so-called IS fighters`;
      return () => quickCheck({ title: '', meta: '', textSlice: text, lang: 'en', articleSignals: 1 }, DEFAULT_PROFILE);
    },
  },
  ...[
    ['"said " × 200,000', () => 'said '.repeat(200_000)],
    ['1 MB of ",“"', () => ',“'.repeat(500_000)],
    ['"وقال " × 200,000', () => 'وقال '.repeat(200_000)],
    ['200 words of 5,000 letters', () => ('b'.repeat(5000) + ' ').repeat(200)],
    ['"1,000,000,000," × 75,000', () => '1,000,000,000,'.repeat(75_000)],
  ].map(
    ([what, make]): Case => ({
      area: 'sourcing',
      what: `extractAttributions on ${what as string}`,
      budgetMs: 1000,
      setup: () => {
        const text = (make as () => string)();
        return () => extractAttributions(text, { outlets });
      },
    }),
  ),
  {
    area: 'packs',
    what: 'parsePackText refuses a text over the 50 MiB limit',
    budgetMs: 50,
    setup: () => {
      const big = '{"y":"' + 'b'.repeat(MAX_PACK_BYTES) + '"}';
      return () => parsePackText(big);
    },
  },
  {
    area: 'anchoring',
    what: 'anchor with a 90 KB suffix',
    budgetMs: 50,
    setup: () => {
      const doc = parseHtml(`<html><body><article>${paragraphs(20, bridge)}</article></body></html>`);
      return () => anchor(doc.body, { quote: { type: 'TextQuoteSelector', exact: 'the', prefix: 'y', suffix: 'z'.repeat(93_000) } });
    },
  },
  {
    area: 'anchoring',
    what: 'anchor a one-letter quote on 200 KB',
    budgetMs: 50,
    setup: () => {
      const doc = parseHtml(`<html><body><article>${paragraphs(4000, (i) => `Line ${i}: a calm morning on the quay, with a ferry or two.`)}</article></body></html>`);
      return () => anchor(doc.body, { quote: { type: 'TextQuoteSelector', exact: 'a', prefix: 'the', suffix: 'qqqq qqqq qqqq' } }, { maxMs: 2000 });
    },
  },
  {
    area: 'library',
    what: 'search 100,000 reports (one keystroke)',
    budgetMs: 250,
    setup: () => {
      const rows = Array.from({ length: 100_000 }, (_, i) =>
        reportRow({ id: `r${i}`, title: `Report number ${i} on Mosul`, sourceId: 's', lang: 'en', summary: 'Recruitment online, as the court heard it.', tags: ['recruitment'], published: '2016-04-29' } satisfies ReportRecord, 'Outlet', 'Pack'),
      );
      return () => filterRows(rows, { ...NO_FILTERS, query: 'number 99999 on' });
    },
  },
];

const rows: string[] = [];
let misses = 0;
for (const c of CASES) {
  const run = c.setup();
  run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  const med = median(times);
  const ok = med <= c.budgetMs;
  if (!ok) misses++;
  const line = `| ${c.area} | ${c.what} | ${fmt(med)} | ${fmt(Math.max(...times))} | ${c.budgetMs} | ${ok ? 'PASS' : '**MISS**'} |`;
  rows.push(line);
  process.stderr.write(`${c.area}: ${c.what}: median ${fmt(med)} ms (budget ${c.budgetMs})\n`);
}

const body = [
  `Run ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} · ${os.cpus()[0]?.model ?? 'unknown CPU'} · ${os.cpus().length} cores · Node ${process.version} · ${RUNS} timed runs per case after one warm-up · load average (1, 5, 15 min) at the start ${loadAtStart}, at the end ${loadAvg()}.`,
  '',
  'Inputs the fuzzer once found slow, and the library search at scale. The unit tests beside each module check the answers on the same kind of input and only guard against a hang; the budgets live here.',
  '',
  '| area | case | median ms | max ms | budget ms | result |',
  '|---|---|---:|---:|---:|---|',
  ...rows,
].join('\n');
console.log(body);
if (WRITE) writeResultsSection(OUT, HEADING, body);
process.exit(misses ? 1 : 0);
