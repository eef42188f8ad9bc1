/**
 * Matching evaluation in the real extension (built dist/, headless Chromium, real
 * IndexedDB), on material read at run time from ../shared (or $PROVENANCE_SHARED):
 *
 *   npx tsx scripts/eval-match.ts [--no-write] [--store 5000] [--seed 1]
 *
 * The store: the default pack is removed and replaced by one pack built at run time with
 * the default pack's outlets and its five seed reports — now carrying fingerprints of the
 * seed texts as the core extractor reads them (seed wrapped in a page, `analyzeHtml`) —
 * plus a few thousand SaudiNewsNet reports (bench/lib/match-corpus.ts): every on-topic
 * article and judged mention not held out, and off-topic articles to fill.
 *
 * (a) Same story: each seed is re-dressed (scripts/lib/seed-variant.ts: same text, new
 *     headline, different layout and page furniture), served from a local server and opened
 *     in a tab; the popup's first related report must be that seed's report with a reason
 *     starting "Same story", and no other seed's report may carry a "Same story" reason.
 * (b) Topical precision: held-out on-topic corpus articles (label "on", and the detector
 *     agrees) are sent as 'match/related' queries: ≥ 90 % of the top-5 related reports must
 *     be on-topic (gold: labels.jsonl on/off, mentions as judged in
 *     tests/labels/mention-judged.jsonl; unjudged mentions are kept out of the store).
 *     Off-topic queries (held-out off articles and mentions judged off, sent with the
 *     verdict set to on-topic so the ranker runs on them): an on-topic report may rank above
 *     an off-topic one only when it shares a named entity other than the topic's own names
 *     with the page ("Same people, places or groups: …") or is the same story; every other
 *     such pair is a violation.
 * (c) Provenance: the variant of the nasdaq.com repost says it is republished from The Wall
 *     Street Journal, and the variant of the seed quoting Novosti and citing the WSJ names both.
 * (d) Same story on wire copies (scripts/lib/wire-eval.ts): real cross-newspaper copies of
 *     the same agency story (containment of the shorter text ≥ 0.5), one side stored and the
 *     other queried: ≥ 95 % flagged "Same story"; different stories about the same event: 0.
 *
 * Writes the "## Matching" section of bench/EVAL.md (figures, ids and paths; no text).
 * Exit 2 when ../shared or the built extension is missing, 1 when a gate fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DIST, launchWithExtension, openPopup, openTab, waitForAnalysis } from './lib/browser';
import { startStaticServer } from './lib/static-server';
import { seedVariantHtml, variantHeadline } from './lib/seed-variant';
import { writeResultsSection } from '../bench/lib/results-md';
import {
  buildCorpusPack, loadCorpus, outletHosts, outletId, outletProfiles, reportEntry, requireCorpus, sharedDir, shuffled, topicOf, type CorpusArticle,
} from '../bench/lib/match-corpus';
import { arabicArticleHtml, pageReportFromHtml } from '../bench/lib/page-report';
import { rng } from '../bench/lib/huge-page';
import { analyzeHtml } from '../src/core/analyze';
import { entityKey } from '../src/core/match/features';
import { seedHtml, loadGold } from '../tests/gold/compare';
import { runWirePairs, selectWirePairs, wireConsole, wireMarkdown, type WireFigures } from './lib/wire-eval';
import defaultPack from '../src/packs/default/pack.json' with { type: 'json' };
import type { PageReport } from '../src/shared/messages';
import type { PackSourceReport } from '../src/core/packs';
import type { SourceProfile } from '../src/core/packs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = sharedDir(ROOT);
const SEEDS = path.join(SHARED, 'seeds');
const OUT = path.join(ROOT, 'bench', 'EVAL.md');
const args = process.argv.slice(2);
const arg = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const NO_WRITE = args.includes('--no-write');
const STORE_SIZE = Number(arg('--store') ?? 5000);
const SEED = Number(arg('--seed') ?? 1);
const ON_QUERIES = 60;
const OFF_QUERIES = 60;
const MIN_TOPICAL_PRECISION = 0.9;
const TOP_K = 5;
const PACK_ID = 'eval-match';

const SAME_STORY = /^Same story/;
const SHARED_ENTITY = /^Same people, places or groups:\s*(.*)$/;
/** The topic's own names: sharing only these with the page does not excuse an on-topic report's rank. */
const TOPIC_NAMES = new Set(['داعش', 'تنظيم داعش', 'تنظيم الدولة', 'الدولة الإسلامية', 'تنظيم الدولة الإسلامية', 'Islamic State', 'ISIS', 'ISIL', 'IS', 'Daesh'].map(entityKey));
/** True when a reason names a shared entity other than the topic itself. */
function sharesOtherEntity(reason: string): boolean {
  const m = SHARED_ENTITY.exec(reason);
  return !!m && m[1].split(',').map((x) => entityKey(x)).some((k) => k && !TOPIC_NAMES.has(k));
}

function fail(msg: string): never {
  console.error(msg);
  process.exit(2);
}

if (!existsSync(SEEDS)) fail(`Seed reports not found in ${SEEDS}.\nThe matching evaluation needs the shared folder beside the repository (../shared) or its path in PROVENANCE_SHARED.`);
try {
  requireCorpus(SHARED);
} catch (e) {
  fail((e as Error).message);
}
if (!existsSync(path.join(DIST, 'manifest.json'))) fail(`No built extension in ${DIST}: run "npm run build" first.`);

// ---------------------------------------------------------------- the store

const gold = loadGold();
interface Seed {
  file: string;
  text: string;
  reportId: string;
  headline: boolean;
}
const seeds: Seed[] = Object.entries(gold.seeds).map(([file, g]) => {
  if (!existsSync(path.join(SEEDS, file))) fail(`Seed ${file} not found in ${SEEDS}.`);
  // The seed's outlet in the default pack: by name ("Nasdaq" ~ "Nasdaq.com") or by host.
  const norm = (x: string) => x.toLowerCase().replace(/\.(com|net|org)$/, '');
  const site = defaultPack.sources.find((s) => norm(s.name) === norm(g.site) || s.domains.some((d) => norm(d) === norm(g.site)));
  const report = defaultPack.reports.find((r) => (g.url && r.url === g.url) || (!g.url && site && r.sourceId === site.id));
  if (!report) fail(`No report of the default pack matches seed ${file} (url ${g.url}, site ${g.site}).`);
  return { file, text: readFileSync(path.join(SEEDS, file), 'utf8'), reportId: report.id, headline: g.headline };
});
const seedReportIds = new Set(seeds.map((s) => s.reportId));

const t0 = performance.now();
const articles = loadCorpus(SHARED, ROOT);
const r = rng(SEED ^ 0xe7a1);
const onTopic = shuffled(articles.filter((a) => a.label === 'on'), r);
const judgedOff = shuffled(articles.filter((a) => a.label === 'mention' && a.judged === 'off'), r);
const off = shuffled(articles.filter((a) => a.label === 'off'), r);
const onQueryPool = onTopic.slice(0, ON_QUERIES);
const offQueryPool = [...judgedOff.slice(0, OFF_QUERIES / 2), ...off.slice(0, OFF_QUERIES - Math.min(OFF_QUERIES / 2, judgedOff.length))];
const heldOut = new Set([...onQueryPool, ...offQueryPool].map((a) => a.key));
// (d): wire pairs away from the held-out queries; the opened sides are kept out of the store, the stored sides put in.
const t0w = performance.now();
const wire = selectWirePairs(articles, rng(SEED ^ 0x51e), heldOut);
console.log(`Wire pairs: ${wire.positives.length} copies, ${wire.negatives.length} same-event pairs (found in ${((performance.now() - t0w) / 1000).toFixed(1)} s)`);
const wireOpened = new Set([...wire.positives, ...wire.negatives].map((p) => p.opened.key));
const storeOn = [...onTopic.slice(ON_QUERIES), ...articles.filter((a) => a.label === 'mention' && a.judged && !heldOut.has(a.key))].filter((a) => !wireOpened.has(a.key));
const storeOff = off.filter((a) => !heldOut.has(a.key) && !wireOpened.has(a.key)).slice(0, Math.max(0, STORE_SIZE - storeOn.length));
const storeArticles = [...storeOn, ...storeOff];
const topicById = new Map<string, 'on' | 'off' | null>(storeArticles.map((a) => [a.id, topicOf(a)]));
for (const id of seedReportIds) topicById.set(id, 'on'); // the seed reports are about the topic
for (const p of [...wire.positives, ...wire.negatives]) topicById.set(p.stored.id, topicOf(p.stored));

const hosts = outletHosts(articles);
const inStore = new Set(storeArticles.map((a) => a.key));
const wireStored = [...wire.positives, ...wire.negatives].map((p) => p.stored).filter((a) => !inStore.has(a.key));
const entries: PackSourceReport[] = [...storeArticles, ...wireStored].map((a) => reportEntry(a, outletId('snn', a.source)));
for (const s of seeds) {
  const g = gold.seeds[s.file];
  const text = analyzeHtml(seedHtml(s.text, g), { url: g.url ?? undefined }).article.text;
  const rec = defaultPack.reports.find((x) => x.id === s.reportId)!;
  entries.push({ file: `reports/${rec.id}.json`, json: { ...rec }, text });
}
const { json: packJson, bytes: packBytes } = buildCorpusPack(
  { id: PACK_ID, name: 'Matching evaluation', description: 'The default pack\'s outlets and seed reports with fingerprints, and SaudiNewsNet reports; generated at run time, not for distribution.' },
  [...(defaultPack.sources as SourceProfile[]), ...outletProfiles('snn', hosts)],
  entries,
);
console.log(`Store: ${entries.length} reports (${storeOn.length} on-topic corpus articles, ${storeOff.length} off-topic, ${seeds.length} seed reports), pack ${(packBytes / 1e6).toFixed(1)} MB, built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// ---------------------------------------------------------------- queries

interface Query {
  key: string;
  title: string;
  page: PageReport;
}
function queryOf(a: CorpusArticle): Query {
  const html = arabicArticleHtml({ title: a.title, content: a.content, date: a.date, siteName: hosts.get(a.source) ?? a.source });
  return { key: a.key, title: a.title, page: pageReportFromHtml(html, a.url) };
}
const onQueries = onQueryPool.map(queryOf);
const onAnswered = onQueries.filter((q) => q.page.verdict.onTopic);
const offQueries = offQueryPool.map(queryOf).map((q) => ({ ...q, page: { ...q.page, verdict: { ...q.page.verdict, onTopic: true } } }));

// ---------------------------------------------------------------- browser

const variants = new Map(seeds.map((s) => [`/variant/${s.file.slice(0, 3)}.html`, seedVariantHtml(s.text, { headline: variantHeadline(s.file), dropFirstLine: s.headline })]));
const server = await startStaticServer({}, (req, res) => {
  const html = variants.get(new URL(req.url ?? '/', 'http://x').pathname);
  if (!html) return false;
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
  return true;
});
const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'provenance-eval-match-'));
const { context, extensionId } = await launchWithExtension({ userDataDir });

interface Related {
  reportId: string;
  reasons: string[];
}
interface SeedResult {
  seed: string;
  reportId: string;
  top: string | null;
  topSameStory: boolean;
  rankOfOwn: number;
  falseSameStory: string[];
  provenance: string[];
  related: Related[];
}
const seedResults: SeedResult[] = [];
const onResults: { key: string; top: Related[]; on: number; off: number; unknown: number }[] = [];
const offResults: { key: string; related: Related[]; violations: string[]; excused: number }[] = [];
let wireFigures: WireFigures | null = null;
try {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  const send = (msg: unknown) => ext.evaluate((m) => chrome.runtime.sendMessage(m), msg as never) as Promise<any>;
  const removed = await send({ type: 'packs/remove', packId: 'default' });
  if (!removed?.ok) throw new Error(`could not remove the default pack: ${removed?.error}`);
  const t1 = performance.now();
  const imported = await send({ type: 'packs/import', text: packJson });
  if (!imported?.ok) throw new Error(`the evaluation pack was not imported: ${imported?.error} ${JSON.stringify(imported?.problems ?? []).slice(0, 500)}`);
  console.log(`Imported ${imported.reports} reports in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  // (a) + (c): the variants in tabs, read from the popup.
  for (const s of seeds) {
    const { page, tabId } = await openTab(context, `${server.origin}/variant/${s.file.slice(0, 3)}.html`);
    const analysed = await waitForAnalysis(context, tabId, 60_000);
    let related: Related[] = [];
    let provenance: string[] = [];
    if (analysed) {
      const popup = await openPopup(context, extensionId, tabId);
      await popup.waitForTimeout(100);
      ({ related, provenance } = await readPopup(popup));
      await popup.close();
    }
    await page.close();
    const own = related.findIndex((x) => x.reportId === s.reportId);
    seedResults.push({
      seed: s.file, reportId: s.reportId, top: related[0]?.reportId ?? null,
      topSameStory: related[0]?.reportId === s.reportId && related[0].reasons.some((x) => SAME_STORY.test(x)),
      rankOfOwn: own < 0 ? -1 : own + 1,
      falseSameStory: related.filter((x) => x.reportId !== s.reportId && x.reasons.some((y) => SAME_STORY.test(y))).map((x) => x.reportId),
      provenance, related,
    });
  }

  // (b): queries through 'match/related'.
  const ask = async (page: PageReport): Promise<Related[]> => {
    const res = await send({ type: 'match/related', page });
    if (!res?.ok) throw new Error(`match/related failed: ${res?.error}`);
    return (res.related as Related[]).map((x) => ({ reportId: x.reportId, reasons: x.reasons }));
  };
  for (const q of onAnswered) {
    const top = (await ask(q.page)).slice(0, TOP_K);
    const t = top.map((x) => topicById.get(x.reportId) ?? null);
    onResults.push({ key: q.key, top, on: t.filter((x) => x === 'on').length, off: t.filter((x) => x === 'off').length, unknown: t.filter((x) => x === null).length });
  }
  for (const q of offQueries) {
    const related = await ask(q.page);
    const violations: string[] = [];
    let excused = 0;
    related.forEach((a, i) => {
      if (topicById.get(a.reportId) !== 'on') return;
      const below = related.slice(i + 1).find((b) => topicById.get(b.reportId) === 'off');
      if (!below) return;
      if (a.reasons.some((x) => sharesOtherEntity(x) || SAME_STORY.test(x))) excused++;
      else violations.push(`${a.reportId} (#${i + 1}) above ${below.reportId} (#${related.indexOf(below) + 1})`);
    });
    offResults.push({ key: q.key, related, violations, excused });
  }

  // (d): the opened side of each wire pair, with the verdict set to on-topic.
  wireFigures = await runWirePairs(wire, async (a) => {
    const q = queryOf(a);
    return ask({ ...q.page, verdict: { ...q.page.verdict, onTopic: true } });
  });
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

async function readPopup(popup: Page): Promise<{ related: Related[]; provenance: string[] }> {
  const related = await popup.getByTestId('related-item').evaluateAll((els) =>
    els.map((e) => ({ reportId: e.getAttribute('data-report-id') ?? '', reasons: [...e.querySelectorAll('.reasons li')].map((li) => (li.textContent ?? '').trim()) })),
  );
  const provenance = await popup.locator('[data-testid="provenance"] li').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()));
  return { related, provenance };
}

// ---------------------------------------------------------------- figures and gates

const nasdaq = seedResults.find((x) => x.reportId.startsWith('nasdaq'));
const relaying = seedResults.find((x) => x.reportId.startsWith('mennews'));
const provChecks = [
  {
    name: 'the nasdaq.com repost variant: "republished from The Wall Street Journal"',
    ok: !!nasdaq && nasdaq.provenance.some((t) => /republish\w*\s+(from\s+)?(the\s+)?Wall Street Journal/i.test(t)),
    detail: nasdaq?.provenance.join(' | ') || '(no provenance shown)',
  },
  {
    name: 'the variant of the seed relaying Novosti and the WSJ names both',
    ok: !!relaying && relaying.provenance.some((t) => /Novosti/i.test(t)) && relaying.provenance.some((t) => /Wall Street Journal/i.test(t)),
    detail: relaying?.provenance.join(' | ') || '(no provenance shown)',
  },
];
const sameStoryOk = seedResults.filter((x) => x.topSameStory).length;
const falseSame = seedResults.flatMap((x) => x.falseSameStory.map((id) => `${x.seed.slice(0, 3)} → ${id}`));
const onItems = onResults.reduce((a, x) => a + x.on, 0);
const offItems = onResults.reduce((a, x) => a + x.off, 0);
const precision = onItems + offItems ? onItems / (onItems + offItems) : 0;
const noRelated = onResults.filter((x) => x.top.length === 0).length;
const violations = offResults.filter((x) => x.violations.length);
const gates = {
  sameStory: sameStoryOk === seeds.length,
  noFalseSameStory: falseSame.length === 0,
  precision: precision >= MIN_TOPICAL_PRECISION && onItems + offItems > 0,
  offTopic: violations.length === 0,
  provenance: provChecks.every((c) => c.ok),
  wireCopies: !!wireFigures?.ok,
};
const passed = Object.values(gates).every(Boolean);
const f3 = (x: number) => x.toFixed(3);

console.log('\n(a) Same story, seed variants:');
for (const s of seedResults) {
  console.log(`  ${s.seed.slice(0, 3)} ${s.reportId}: top ${s.top ?? '—'}${s.topSameStory ? ' [Same story]' : ''}; own report at #${s.rankOfOwn}; false same-story: ${s.falseSameStory.join(', ') || 'none'}`);
  for (const x of s.related.slice(0, 5)) console.log(`      ${x.reportId}: ${x.reasons.join(' · ')}`);
}
console.log('\n(b) Topical precision:');
console.log(`  on-topic queries: ${onQueries.length} held out, ${onAnswered.length} called on-topic by the detector; top-${TOP_K} items on ${onItems}, off ${offItems} → precision ${f3(precision)}; ${noRelated} queries without related reports`);
for (const q of onResults.filter((x) => x.off)) console.log(`    ${q.key} (${onQueries.find((y) => y.key === q.key)?.title.slice(0, 80)}): off-topic in top ${TOP_K}: ${q.top.filter((x) => topicById.get(x.reportId) === 'off').map((x) => x.reportId).join(', ')}`);
console.log(`  off-topic queries: ${offQueries.length}; with a violation: ${violations.length}; on-topic reports ranked above an off-topic one with a shared entity: ${offResults.reduce((a, x) => a + x.excused, 0)}`);
for (const v of violations) console.log(`    ${v.key}: ${v.violations.join('; ')}`);
console.log('\n(c) Provenance:');
for (const c of provChecks) console.log(`  ${c.ok ? 'ok' : 'FAILED'} ${c.name}: ${c.detail}`);
if (wireFigures) console.log(wireConsole(wireFigures));

let md = `Generated by \`npx tsx scripts/eval-match.ts\` (\`npm run eval:match\`, last part of \`npm run eval\`) on ${new Date().toISOString().slice(0, 10)}, in the built extension (headless Chromium, real IndexedDB). `;
md += `The store: the default pack removed and replaced by one pack built at run time with its outlets and its five seed reports, now fingerprinted from the seed texts as \`analyzeHtml\` extracts them, plus ${storeOn.length + storeOff.length} SaudiNewsNet reports (seed ${SEED}): all ${storeOn.length} on-topic articles and judged mentions that are not held out as queries, and ${storeOff.length} off-topic articles; unjudged mentions are left out so that every stored report has a gold topic. Reports as in \`bench/lib/match-corpus.ts\` (title, URL, date, outlet, 300-character summary, gazetteer places/organisations, fingerprint; no text).\n\n`;
md += `**Gates**: ${passed ? 'passed' : 'FAILED'} — same story ${gates.sameStory ? 'ok' : 'FAILED'}, no false same story ${gates.noFalseSameStory ? 'ok' : 'FAILED'}, topical precision ${gates.precision ? 'ok' : 'FAILED'}, off-topic ordering ${gates.offTopic ? 'ok' : 'FAILED'}, provenance ${gates.provenance ? 'ok' : 'FAILED'}, same story on wire copies ${gates.wireCopies ? 'ok' : 'FAILED'}.\n\n`;
md += `### (a) Same story\n\nEach seed re-dressed at run time (\`scripts/lib/seed-variant.ts\`: same text, a new headline in our words, another layout with a read-also box inside the article, rails, newsletter box, comments, cookie notice), served from 127.0.0.1 and opened in a tab; read from the popup. Pass: the first related report is the seed's own, with a reason starting "Same story"; fail also when another seed's report (a different story on the same topic) carries a "Same story" reason.\n\n`;
md += `| seed | report | first related | "Same story" | own report's rank | other reports labelled same story |\n| --- | --- | --- | --- | ---: | --- |\n`;
for (const s of seedResults) md += `| ${s.seed.slice(0, 3)} | ${s.reportId} | ${s.top ?? '—'} | ${s.topSameStory ? 'yes' : 'no'} | ${s.rankOfOwn > 0 ? s.rankOfOwn : '—'} | ${s.falseSameStory.join(', ') || 'none'} |\n`;
md += `\n### (b) Topical precision\n\n`;
md += `On-topic queries: ${onQueries.length} held-out articles labelled \`on\`, of which ${onAnswered.length} the detector also calls on-topic (the others get no related coverage in the product and are not counted), sent as \`match/related\` from an extension page. `;
md += `Precision = on-topic reports / reports with a gold topic among the first ${TOP_K} related reports of each query (seed reports count as on-topic).\n\n`;
md += `| queries | with related reports | top-${TOP_K} reports on-topic | off-topic | precision (gate ≥ ${MIN_TOPICAL_PRECISION}) |\n| ---: | ---: | ---: | ---: | ---: |\n`;
md += `| ${onAnswered.length} | ${onAnswered.length - noRelated} | ${onItems} | ${offItems} | **${f3(precision)}** ${gates.precision ? 'PASS' : 'MISS'} |\n\n`;
md += `Off-topic queries: ${offQueries.length} held-out articles (${Math.min(OFF_QUERIES / 2, judgedOff.length)} mentions judged off, the rest labelled \`off\`), sent with the verdict set to on-topic so that the ranker runs on them. `;
md += `Operational rule: in a query's related list, an on-topic report may rank above an off-topic ("unrelated but similar": it matched the page, yet is not about the topic) report only if it shares a named entity other than the topic's own names (داعش, تنظيم الدولة, Islamic State, ISIS…) with the page (a reason "Same people, places or groups: …") or is the same story; each other such pair is a violation. `;
md += `Queries with a violation: **${violations.length}** of ${offQueries.length} ${gates.offTopic ? 'PASS' : 'MISS'}; related reports returned: ${offResults.reduce((a, x) => a + x.related.length, 0)} (${offResults.reduce((a, x) => a + x.related.filter((y) => topicById.get(y.reportId) === 'on').length, 0)} on-topic); on-topic reports ranked above an off-topic one and excused by a shared entity: ${offResults.reduce((a, x) => a + x.excused, 0)}.\n`;
if (violations.length) md += `\n| query | violations |\n| --- | --- |\n${violations.map((v) => `| ${v.key} | ${v.violations.join('; ')} |`).join('\n')}\n`;
md += `\n### (c) Provenance\n\n| check | result |\n| --- | --- |\n${provChecks.map((c) => `| ${c.name} | ${c.ok ? 'ok' : 'FAILED'} |`).join('\n')}\n`;
if (wireFigures) md += `\n${wireMarkdown(wireFigures)}`;
if (!NO_WRITE) {
  writeResultsSection(OUT, '## Matching', md, '# Evaluation');
  console.log(`\nWrote the "## Matching" section of ${OUT}`);
}
if (!passed) {
  console.error(`\nMatching gate failed: ${Object.entries(gates).filter(([, ok]) => !ok).map(([k]) => k).join(', ')}.`);
  process.exit(1);
}
