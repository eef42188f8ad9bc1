/**
 * Topic-detection evaluation on the labelled corpus in ../shared (or $PROVENANCE_SHARED).
 *
 *   npx tsx scripts/eval.ts [--dump /tmp/features.jsonl] [--no-write]
 *
 * - saudinewsnet/*.zip#N: already-extracted Arabic articles → detectTopic({title, text}).
 * - readability/*, extraction-benchmark/*: whole HTML pages → parseHtml + extractArticle
 *   → detectTopic (the product's full path).
 * - ../seeds/*.txt: first line = headline when it looks like one (short, no final period).
 * - english/*.jsonl (labels in english/labels.jsonl): real English and French articles,
 *   {title, text, lang}; their notes sort them into headline / judged about / judged passing /
 *   hard negative / not named; `borderline` notes are left out of the scores and listed apart.
 * - `mention` items count as on/off when judged in tests/labels/mention-judged.jsonl;
 *   the others only feed "share of mentions flagged on".
 *
 * Writes bench/EVAL.md (figures, error list by path, score and reason; no corpus text)
 * and prints the error list with titles on stdout. The binary question is "about or partly
 * about" (`onTopic`) vs the rest; the three-way confusion (about / partly / none) is printed
 * per gold category. Exits 2 when the corpus is missing, 1 when a gate figure (MIN_* below,
 * set at what the detector reaches) is not met.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_PROFILE, analyzeTopic, quickCheck, QUICK_DEEP_CHARS } from '../src/core/detect/index';
import type { DetailedVerdict, DetectInput } from '../src/core/detect/index';
import type { QuickInput } from '../src/core/types';
import { readQuickInput } from '../src/core/extract/quick-input';
import { detectInput } from '../src/core/article-input';
import { confusionTable, decodeEntities, seedInput, englishArticle, englishLabels, goldKind, half, isJudged, type GoldKind, type Level } from './eval-english';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.PROVENANCE_SHARED ?? join(ROOT, '..', 'shared'));
const CORPUS = join(SHARED, 'corpus');
const LABELS = join(CORPUS, 'labels.jsonl');
const JUDGED = join(ROOT, 'tests', 'labels', 'mention-judged.jsonl');
const OUT = join(ROOT, 'bench', 'EVAL.md');

const args = process.argv.slice(2);
const dumpPath = args.includes('--dump') ? args[args.indexOf('--dump') + 1] : null;
const noWrite = args.includes('--no-write');

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.93;
/** Gate on the languages of the english/ set and on judged mentions (at what the detector reaches). */
const MIN_FR_PRECISION = 0.95;
const MIN_FR_RECALL = 0.9;
const MIN_JUDGED_ACCURACY = 0.85;
/** Gold on-topic pages the quick pass may skip: none (it reads names up to QUICK_DEEP_CHARS into the body). */
const MAX_QUICK_GOLD_MISSES = 0;

interface LabelRow {
  path: string;
  lang: string;
  label: 'on' | 'off' | 'mention';
  source: string;
  note: string;
}

interface Item {
  row: LabelRow;
  /** on/off gold label; null for unjudged mentions. */
  gold: 'on' | 'off' | null;
  judged: boolean;
  title: string;
  verdict: DetailedVerdict | null;
  quickWorth: boolean | null;
  error?: string;
  ms: number;
  /** 'jul' / 'aug' for SaudiNewsNet (held-out split), '' otherwise. */
  month: string;
  kind: GoldKind;
  level: Level;
}

if (!existsSync(LABELS)) {
  console.error(
    `Corpus not found: ${LABELS}\n` +
      'The evaluation needs the shared corpus beside the repository (../shared) or a path in PROVENANCE_SHARED.',
  );
  process.exit(2);
}

const t0 = performance.now();
const rows: LabelRow[] = readFileSync(LABELS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const englishRows = englishLabels<LabelRow>(CORPUS);
if (!englishRows.length) console.warn(`No english/labels.jsonl under ${CORPUS}: the English/French set is skipped.`);
for (const r of englishRows) rows.push({ ...r, source: `english/${r.source}` });
const judged = new Map<string, 'on' | 'off'>();
if (existsSync(JUDGED)) {
  for (const l of readFileSync(JUDGED, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const j = JSON.parse(l) as { path: string; judged: 'on' | 'off' };
    judged.set(j.path, j.judged);
  }
}

// --- loaders ---------------------------------------------------------------

const zipCache = new Map<string, { title: string; content: string; source: string }[]>();
function snnArticle(path: string) {
  const [file, n] = path.split('#');
  let arr = zipCache.get(file);
  if (!arr) {
    const files = unzipSync(new Uint8Array(readFileSync(join(CORPUS, file))));
    const name = Object.keys(files).find((k) => k.endsWith('.json'));
    if (!name) throw new Error(`no JSON in ${file}`);
    arr = JSON.parse(strFromU8(files[name])) as { title: string; content: string; source: string }[];
    zipCache.clear(); // labels are ordered by file: keep one archive in memory
    zipCache.set(file, arr);
  }
  const a = arr[Number(n)];
  if (!a) throw new Error(`no article #${n} in ${file}`);
  return a;
}

type ExtractMod = {
  extractArticle: (doc: Document, opts?: { url?: string }) => import('../src/core/types').ExtractedArticle;
};
type ParseMod = { parseHtml: (html: string, url?: string) => Document };
let extractMod: ExtractMod | null = null;
let parseMod: ParseMod | null = null;
let extractProblem = '';
try {
  extractMod = (await import('../src/core/extract/index')) as unknown as ExtractMod;
  parseMod = (await import('../src/core/extract/parse-html')) as unknown as ParseMod;
  if (typeof extractMod.extractArticle !== 'function' || typeof parseMod.parseHtml !== 'function') {
    throw new Error('extractArticle / parseHtml not exported');
  }
} catch (e) {
  extractProblem = (e as Error).message;
  extractMod = null;
  parseMod = null;
}

// --- run -------------------------------------------------------------------

const items: Item[] = [];
let detectMs = 0;
let detectN = 0;
let quickMs = 0;
let quickN = 0;

for (const row of rows) {
  const kind = goldKind(row.label, row.note ?? '', judged.get(row.path) ?? null);
  // Borderline items are listed apart, not scored.
  const gold = kind === 'borderline' ? null : row.label === 'mention' ? (judged.get(row.path) ?? null) : row.label;
  const item: Item = { row, gold, judged: isJudged(kind), title: '', verdict: null, quickWorth: null, ms: 0, month: '', kind, level: 'none' };
  try {
    let input: DetectInput | null = null;
    let quick: QuickInput | null = null;
    if (row.path.startsWith('saudinewsnet/')) {
      const a = snnArticle(row.path);
      const title = decodeEntities(a.title ?? '');
      input = { title, text: a.content ?? '', lang: 'ar' };
      quick = { title, meta: '', textSlice: (a.content ?? '').slice(0, QUICK_DEEP_CHARS), lang: 'ar', articleSignals: 1 };
      item.month = /-07-/.test(row.path) ? 'jul' : 'aug';
    } else if (row.path.startsWith('english/')) {
      const a = englishArticle(CORPUS, row.path);
      input = { title: a.title ?? '', text: a.text ?? '', lang: a.lang || row.lang };
      quick = { title: input.title, meta: '', textSlice: input.text.slice(0, QUICK_DEEP_CHARS), lang: input.lang ?? null, articleSignals: 1 };
    } else if (row.path.startsWith('../seeds/')) {
      const txt = readFileSync(join(CORPUS, row.path), 'utf8');
      input = seedInput(txt);
      quick = { title: input.title, meta: '', textSlice: input.text.slice(0, QUICK_DEEP_CHARS), lang: 'en', articleSignals: 1 };
    } else if (extractMod && parseMod) {
      const html = readFileSync(join(CORPUS, row.path), 'utf8');
      const doc = parseMod.parseHtml(html);
      // The content script's own two steps: the quick pass's reads, then extraction.
      quick = readQuickInput(doc);
      const art = extractMod.extractArticle(doc);
      input = detectInput(art);
    } else {
      item.error = `extractor unavailable: ${extractProblem}`;
    }
    if (input) {
      item.title = input.title;
      const s = performance.now();
      item.verdict = analyzeTopic(input, DEFAULT_PROFILE);
      item.ms = performance.now() - s;
      const lv = (item.verdict as { level?: Level }).level;
      item.level = lv ?? (item.verdict.onTopic ? 'about' : 'none');
      detectMs += item.ms;
      detectN++;
    }
    if (quick) {
      const s = performance.now();
      item.quickWorth = quickCheck(quick, DEFAULT_PROFILE).worth;
      quickMs += performance.now() - s;
      quickN++;
    }
  } catch (e) {
    item.error = (e as Error).message;
  }
  items.push(item);
}
const totalMs = performance.now() - t0;

// --- metrics ---------------------------------------------------------------

interface Conf {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const conf = (): Conf => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function add(c: Conf, it: Item) {
  if (!it.verdict || !it.gold) return;
  const on = it.verdict.onTopic;
  if (it.gold === 'on') on ? c.tp++ : c.fn++;
  else on ? c.fp++ : c.tn++;
}
const prf = (c: Conf) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : NaN;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : NaN;
  const f = p + r ? (2 * p * r) / (p + r) : NaN;
  return { p, r, f };
};
const fmt = (x: number) => (Number.isNaN(x) ? '—' : x.toFixed(3));
function table(title: string, groups: Map<string, Conf>): string {
  let s = `\n### ${title}\n\n| group | on (gold) | off (gold) | TP | FP | FN | precision | recall | F1 |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n`;
  for (const [k, c] of [...groups.entries()].sort()) {
    const m = prf(c);
    s += `| ${k} | ${c.tp + c.fn} | ${c.fp + c.tn} | ${c.tp} | ${c.fp} | ${c.fn} | ${fmt(m.p)} | ${fmt(m.r)} | ${fmt(m.f)} |\n`;
  }
  return s;
}
function group(key: (it: Item) => string | null): Map<string, Conf> {
  const g = new Map<string, Conf>();
  for (const it of items) {
    if (!it.verdict || !it.gold) continue;
    const k = key(it);
    if (k === null) continue;
    if (!g.has(k)) g.set(k, conf());
    add(g.get(k)!, it);
  }
  return g;
}

const byLang = group((it) => it.row.lang);
// All pages that are not Arabic news: English, undetermined and other languages (HTML pages and seeds).
const nonArabic = group((it) => (it.row.lang === 'ar' ? null : 'all non-Arabic pages'));
for (const [k, c] of nonArabic) byLang.set(k, c);
const bySource = group((it) => it.row.source);
const byPaper = group((it) => (it.row.path.startsWith('saudinewsnet/') ? it.row.note || '?' : null));
const monthName = (m: string) => (m === 'jul' ? 'July (tuning)' : 'August (held out)');
const bySplit = group((it) => (it.month ? `ar ${monthName(it.month)}` : null));
for (const [k, c] of group((it) => (it.month && it.judged ? `judged mentions, ${monthName(it.month)}` : null))) bySplit.set(k, c);
const byKind = group((it) => `${it.kind} (${it.row.lang})`);
const byHalf = group((it) => (it.row.path.startsWith('english/') ? `english/ ${it.row.lang} half ${half(it.row.path)}` : null));
const judgedScored = items.filter((it) => it.judged && it.gold && it.verdict);
const judgedRight = judgedScored.filter((it) => it.verdict!.onTopic === (it.gold === 'on')).length;
const judgedAcc = judgedScored.length ? judgedRight / judgedScored.length : NaN;
const judgedByLang = new Map<string, [number, number]>();
for (const it of judgedScored) {
  const k = `${it.row.lang} ${it.gold === 'on' ? 'judged about' : 'judged passing'}`;
  const v = judgedByLang.get(k) ?? [0, 0];
  v[0] += it.verdict!.onTopic === (it.gold === 'on') ? 1 : 0;
  v[1]++;
  judgedByLang.set(k, v);
}
const hardNeg = items.filter((it) => it.kind === 'off: hard negative' && it.verdict);
const hardHits = hardNeg.filter((it) => it.verdict!.onTopic);
const borderline = items.filter((it) => it.kind === 'borderline' && it.verdict);

const mentions = items.filter((it) => it.row.label === 'mention' && it.verdict);
const mentionOn = mentions.filter((it) => it.verdict!.onTopic).length;
const unjudged = mentions.filter((it) => !it.judged);
const unjudgedOn = unjudged.filter((it) => it.verdict!.onTopic).length;
const judgedItems = items.filter((it) => it.judged);
const judgedOn = judgedItems.filter((it) => it.gold === 'on').length;

const errors = items.filter((it) => it.verdict && it.gold && it.verdict.onTopic !== (it.gold === 'on'));
const failed = items.filter((it) => it.error);
// The first pass must let through every page that is on-topic (gold) or that the detector calls about/partly.
const quickMisses = items.filter((it) => (it.gold === 'on' || it.kind === 'borderline' || it.verdict?.onTopic) && it.quickWorth === false);
// Of those, pages the detector itself calls about/partly (must be none) vs gold-on pages it misses anyway.
const quickMissesCalled = quickMisses.filter((it) => it.verdict?.onTopic);
const quickPassOff = items.filter((it) => it.verdict && !it.verdict.onTopic && it.quickWorth === true).length;
const quickRejected = items.filter((it) => it.quickWorth === false).length;

// Timing on long articles: the slowest and an average over articles ≥ 3000 words.
const long = items.filter((it) => it.verdict && it.verdict.features.words >= 3000);
const longAvg = long.length ? long.reduce((s, it) => s + it.ms, 0) / long.length : NaN;
const longWords = long.length ? long.reduce((s, it) => s + it.verdict!.features.words, 0) / long.length : NaN;

const gate: string[] = [];
for (const lang of ['en', 'ar', 'all non-Arabic pages']) {
  const c = byLang.get(lang);
  if (!c) {
    gate.push(`${lang}: no items evaluated`);
    continue;
  }
  const m = prf(c);
  if (!(m.p >= MIN_PRECISION)) gate.push(`${lang}: precision ${fmt(m.p)} < ${MIN_PRECISION}`);
  if (!(m.r >= MIN_RECALL)) gate.push(`${lang}: recall ${fmt(m.r)} < ${MIN_RECALL}`);
}
const fr = byLang.get('fr');
if (fr && englishRows.length) {
  const m = prf(fr);
  if (!(m.p >= MIN_FR_PRECISION)) gate.push(`fr: precision ${fmt(m.p)} < ${MIN_FR_PRECISION}`);
  if (!(m.r >= MIN_FR_RECALL)) gate.push(`fr: recall ${fmt(m.r)} < ${MIN_FR_RECALL}`);
}
if (!(judgedAcc >= MIN_JUDGED_ACCURACY)) gate.push(`judged mentions classified right ${fmt(judgedAcc)} < ${MIN_JUDGED_ACCURACY}`);
if (hardHits.length) gate.push(`${hardHits.length} hard negative(s) flagged on`);
if (quickMissesCalled.length) gate.push(`${quickMissesCalled.length} page(s) called about/partly skipped by the quick pass`);
if (quickMisses.length > MAX_QUICK_GOLD_MISSES) gate.push(`${quickMisses.length} on-topic/partly page(s) skipped by the quick pass`);
if (failed.length) gate.push(`${failed.length} item(s) could not be evaluated`);

// --- report ----------------------------------------------------------------

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
let md = `# Topic detection — evaluation\n\n`;
md += `Generated by \`npx tsx scripts/eval.ts\` (\`npm run eval\`) on ${new Date().toISOString().slice(0, 10)}. Profile: \`${DEFAULT_PROFILE.id}\`, threshold ${DEFAULT_PROFILE.thresholds.on}.\n\n`;
md += `Gold labels: \`on\`/\`off\` from \`corpus/labels.jsonl\`; \`mention\` items count only when judged in \`tests/labels/mention-judged.jsonl\` (${judgedItems.length} judged: ${judgedOn} on, ${judgedItems.length - judgedOn} off). `;
md += `SaudiNewsNet is split by month: the detector was tuned looking at July only; August is held out.\n\n`;
md += `**Gate** (precision ≥ ${MIN_PRECISION}, recall ≥ ${MIN_RECALL} for en, for ar, and for all non-Arabic pages together): ${gate.length ? 'FAILED — ' + gate.join('; ') : 'passed'}.\n`;
md += table('By language', byLang);
md += table('Arabic by month (tuning vs held out)', bySplit);
md += table('By gold category (note) and language', byKind);
md += table('english/ set split in two halves (generality check)', byHalf);
md += confusionTable('Three-way verdict, English (all English items)', items.filter((it) => it.verdict && it.row.lang === 'en'));
md += confusionTable('Three-way verdict, French', items.filter((it) => it.verdict && it.row.lang === 'fr'));
md += confusionTable('Three-way verdict, Arabic', items.filter((it) => it.verdict && it.row.lang === 'ar'));
md += `\n### Judged by reading\n\nItems named only in the text and judged by reading (english/ notes \`judged by reading\`, and \`mention\` items judged in \`tests/labels/mention-judged.jsonl\`), borderline ones excluded: **${judgedRight} of ${judgedScored.length}** classified right (${fmt(judgedAcc)}).\n\n| group | right | total |\n| --- | ---: | ---: |\n`;
for (const [k, [r, n]] of [...judgedByLang.entries()].sort()) md += `| ${k} | ${r} | ${n} |\n`;
md += `\n### Hard negatives\n\n${hardNeg.length} items (the letters without the group); flagged on: **${hardHits.length}**${hardHits.length ? ' (' + hardHits.map((h) => h.row.path).join(', ') + ')' : ''}.\n`;
md += `\n### Borderline (not scored)\n\n| path | gold label | level | reason |\n| --- | --- | --- | --- |\n`;
for (const it of borderline) md += `| ${it.row.path} | ${it.row.label} | ${it.level} | ${it.verdict!.reason.replace(/\|/g, '/')} |\n`;
md += table('By source', bySource);
md += table('By Arabic newspaper (SaudiNewsNet `note`)', byPaper);
md += `\n### Mentions\n\n`;
md += `- \`mention\` items flagged on: ${mentionOn} of ${mentions.length} (${pct(mentionOn, mentions.length)}).\n`;
md += `- Unjudged \`mention\` items flagged on: ${unjudgedOn} of ${unjudged.length} (${pct(unjudgedOn, unjudged.length)}).\n`;
md += `\n### Quick pass (\`quickCheck\`)\n\n`;
md += `- Pages called about/partly that the quick pass would skip: **${quickMissesCalled.length}**.\n`;
md += `- Pages on-topic (gold, borderline included) or called about/partly that the quick pass would skip: **${quickMisses.length}**${quickMisses.length ? ' (' + quickMisses.map((q) => q.row.path).join(', ') + ')' : ''}.\n`;
md += `- Pages skipped by the quick pass: ${quickRejected} of ${quickN} (${pct(quickRejected, quickN)}); let through but off after detection: ${quickPassOff}.\n`;
md += `\n### Timing (Node ${process.version}, this machine)\n\n`;
md += `- Whole evaluation: ${(totalMs / 1000).toFixed(1)} s for ${items.length} items (HTML extraction and unzipping included).\n`;
md += `- detectTopic: ${(detectMs / Math.max(1, detectN)).toFixed(3)} ms mean over ${detectN} articles; ${fmt(longAvg)} ms mean over the ${long.length} articles of ≥ 3000 words (mean ${Number.isNaN(longWords) ? '—' : Math.round(longWords)} words).\n`;
md += `- quickCheck: ${((1000 * quickMs) / Math.max(1, quickN)).toFixed(1)} µs mean over ${quickN} pages.\n`;
md += `\n### Errors (${errors.length})\n\nPaths only (no corpus text is copied here; titles are printed on stdout). "Names found" lists the profile terms that matched.\n\n| path | gold | label | level | score | names found | reason |\n| --- | --- | --- | --- | ---: | --- | --- |\n`;
for (const it of errors) {
  const found = [...new Set(it.verdict!.evidence.filter((e) => e.kind === 'name').map((e) => `${e.term} (${e.where})`))].join(', ');
  md += `| ${it.row.path} | ${it.gold} | ${it.row.label}${it.judged ? ' (judged)' : ''} | ${it.level} | ${it.verdict!.score.toFixed(3)} | ${found || '—'} | ${it.verdict!.reason.replace(/\|/g, '/')} |\n`;
}
if (failed.length) {
  md += `\n### Not evaluated (${failed.length})\n\n`;
  for (const it of failed.slice(0, 50)) md += `- ${it.row.path}: ${it.error}\n`;
}

if (!noWrite) {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
}
if (dumpPath) {
  const lines = items
    .filter((it) => it.verdict && (it.verdict.features.titleNames + it.verdict.features.bodyNames + it.verdict.features.leadNames > 0 || it.gold === 'on'))
    .map((it) =>
      JSON.stringify({ path: it.row.path, label: it.row.label, gold: it.gold, kind: it.kind, level: it.level, lang: it.row.lang, title: it.title.slice(0, 100), month: it.month, on: it.verdict!.onTopic, score: it.verdict!.score, f: it.verdict!.features }),
    );
  writeFileSync(dumpPath, lines.join('\n') + '\n');
}

// stdout: summary + errors with titles (local use; not written to the repo).
const summary = (name: string, c: Conf | undefined) => {
  if (!c) return `${name}: —`;
  const m = prf(c);
  return `${name}: P ${fmt(m.p)} R ${fmt(m.r)} F1 ${fmt(m.f)} (TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn})`;
};
console.log(summary('en', byLang.get('en')));
console.log(summary('ar', byLang.get('ar')));
console.log(summary('fr', byLang.get('fr')));
for (const [k, c] of bySource) if (k.startsWith('english/')) console.log(summary(k, c));
for (const [k, c] of byHalf) console.log(summary(k, c));
for (const [k, c] of bySplit) console.log(summary(k, c));
for (const [k, c] of byKind) if (/judged|hard|headline/.test(k)) console.log(summary(k, c));
console.log(`judged by reading classified right: ${judgedRight}/${judgedScored.length} (${fmt(judgedAcc)}); ${[...judgedByLang.entries()].map(([k, [r, n]]) => `${k} ${r}/${n}`).join(', ')}`);
console.log(`hard negatives flagged on: ${hardHits.length}/${hardNeg.length}; borderline (not scored): ${borderline.length}`);
console.log(`mentions flagged on: ${mentionOn}/${mentions.length}; quick-pass misses (on-topic or partly pages skipped): ${quickMisses.length}; not evaluated: ${failed.length}${extractProblem ? ' (extractor: ' + extractProblem + ')' : ''}`);
for (const q of quickMisses) console.log(`  quick pass skips ${q.row.path} (gold ${q.gold ?? q.kind}, level ${q.level}, first name at ${q.verdict?.evidence.find((e) => e.kind === 'name')?.positions[0] ?? '?'})`);
console.log(`time ${(totalMs / 1000).toFixed(1)} s; detectTopic mean ${(detectMs / Math.max(1, detectN)).toFixed(3)} ms; long-article mean ${fmt(longAvg)} ms`);
console.log(`\nErrors (${errors.length}):`);
for (const it of errors) {
  console.log(`  [${it.gold} ${it.row.label}${it.judged ? '*' : ''} ${it.level}] ${it.row.path}  ${it.verdict!.score.toFixed(3)}  ${it.title.slice(0, 90)}\n      ${it.verdict!.reason}`);
}
if (!noWrite) console.log(`\nWrote ${OUT}`);
if (gate.length) {
  console.log(`\nGATE FAILED: ${gate.join('; ')}`);
  process.exit(1);
}
