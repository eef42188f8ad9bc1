/**
 * Claims evaluation on the hand-annotated development sample (tests/gold/claims-dev.jsonl,
 * rules in tests/gold/claims-dev.README.md); article texts are read at run time from
 * <shared>/corpus (shared = $PROVENANCE_SHARED or ../shared):
 *
 *   npx tsx scripts/eval-claims.ts [--no-write] [--quiet]
 *
 * Each article text goes through the core path `provenance analyze` uses once the page text
 * is extracted (`analyzeSourcing` with the default pack's outlets: attributions, then claims).
 * A gold figure is found when an extracted figure overlaps its span with the same value (both
 * null for vague quantities). Who gives it: the claim's `attributedTo` against the gold speaker
 * ("author" = no attribution), names compared on their folded content words.
 *
 * Writes a "## Claims" section into bench/EVAL.md. Exit 2 when the corpus is missing, 1 when
 * a figure falls under the regression gate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from '../bench/lib/results-md';
import { outletsFromSources } from '../src/core/sourcing';
import { analyzeSourcing } from '../src/core/sourcing/page-sourcing';
import { foldArabic } from '../src/core/text/normalize';
import type { PageClaim } from '../src/core/claims';
import defaultPack from '../src/packs/default/pack.json';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.PROVENANCE_SHARED ?? join(ROOT, '..', 'shared'));
const CORPUS = join(SHARED, 'corpus');
const GOLD = join(ROOT, 'tests', 'gold', 'claims-dev.jsonl');
const OUT = join(ROOT, 'bench', 'EVAL.md');
const noWrite = process.argv.includes('--no-write');
const quiet = process.argv.includes('--quiet');

/**
 * Regression gate: a hair under the figures reached when it was set (2026-12-03: en P 0.960
 * R 0.970 who 0.979; ar P 0.944 R 0.992 who 0.898 once merged with the new sourcing grammar —
 * Arabic who-gives-it fell from 0.924 and is below the 0.9 goal of issue #13; the Arabic
 * sourcing work of #13 brought it back to 0.924, and the Arabic gate to 0.91).
 */
const GATE: Record<'en' | 'ar', { recall: number; precision: number; speaker: number }> = {
  en: { recall: 0.95, precision: 0.94, speaker: 0.96 },
  ar: { recall: 0.98, precision: 0.93, speaker: 0.91 },
};

interface GoldFigure {
  id: string;
  lang: 'en' | 'ar';
  start: number;
  end: number;
  value: number | null;
  qualifier: string;
  unit: string;
  speaker: string;
  speakerAlt?: string[];
}

const EN_TEXT = join(CORPUS, 'sourcing-en', 'polnear', 'text');
const AR_FILE = join(CORPUS, 'sourcing-ar', 'articles.jsonl');
if (!existsSync(EN_TEXT) || !existsSync(AR_FILE)) {
  console.error(
    `Corpus not found (${EN_TEXT}, ${AR_FILE}).\n` +
      'The claims evaluation needs the shared folder beside the repository (../shared) or a path in PROVENANCE_SHARED.',
  );
  process.exit(2);
}

const articles: { id: string; lang: 'en' | 'ar' }[] = [];
const gold: GoldFigure[] = [];
for (const line of readFileSync(GOLD, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  if (o.article) articles.push({ id: o.article, lang: o.lang });
  else gold.push(o as GoldFigure);
}
const arTexts = new Map<string, string>();
for (const line of readFileSync(AR_FILE, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line) as { id: string; text: string };
  arTexts.set(o.id, o.text);
}
function textOf(a: { id: string; lang: 'en' | 'ar' }): string {
  if (a.lang === 'ar') {
    const t = arTexts.get(a.id);
    if (t === undefined) throw new Error(`Arabic article ${a.id} missing from ${AR_FILE}`);
    return t;
  }
  return readFileSync(join(EN_TEXT, `${a.id}.txt`), 'utf8');
}

const STOP = new Set(
  'the a an of in on at to by for from with and new its his her their this that said says according mr mrs ms dr sen gov من في عن الى علي و ب ل نفسه'.split(' '),
);
function words(s: string): string[] {
  return foldArabic(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .map((w) => (/^[\u0600-\u06ff]/.test(w) ? w.replace(/^(?:[وبلف]?ال|لل)(?=[\u0600-\u06ff]{2})/, '') : w))
    .filter((w) => w.length > 1 && !STOP.has(w));
}
/** Same speaker: "author" against no attribution; else a shared content word. */
function sameSpeaker(g: GoldFigure, c: PageClaim): boolean {
  if (!c.attributedTo) return g.speaker === 'author' || !!g.speakerAlt?.includes('author');
  const got = new Set(words(c.attributedTo));
  // A known outlet is named by the list's canonical name: any of its names counts.
  const o = c.attributedId ? outlets.find((x) => x.sourceId === c.attributedId) : undefined;
  if (o) for (const n of [o.name, ...o.aliases]) for (const w of words(n)) got.add(w);
  return [g.speaker, ...(g.speakerAlt ?? [])].some((s) => s !== 'author' && words(s).some((w) => got.has(w)));
}
const sameValue = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= Math.max(1e-6, Math.abs(a) * 1e-6));

interface LangStats { gold: number; extracted: number; found: number; speakerOk: number }
const stats: Record<'en' | 'ar', LangStats> = { en: { gold: 0, extracted: 0, found: 0, speakerOk: 0 }, ar: { gold: 0, extracted: 0, found: 0, speakerOk: 0 } };
const errors: string[] = [];
const outlets = outletsFromSources(defaultPack.sources as Parameters<typeof outletsFromSources>[0]);
const t0 = performance.now();
for (const a of articles) {
  const text = textOf(a);
  const { claims } = analyzeSourcing({ text, lang: a.lang } as Parameters<typeof analyzeSourcing>[0], outlets);
  const figs = (claims as PageClaim[]).filter((c) => c.figure);
  const gs = gold.filter((g) => g.id === a.id);
  const st = stats[a.lang];
  st.gold += gs.length;
  st.extracted += figs.length;
  const used = new Set<PageClaim>();
  for (const g of gs) {
    const overl = figs.filter((c) => !used.has(c) && c.figure!.start < g.end && c.figure!.end > g.start);
    const c = overl.find((x) => sameValue(x.quantity, g.value));
    const where = `${a.id} @${g.start}`;
    if (!c) {
      errors.push(overl.length ? `${a.lang} VALUE   ${where}: gold ${g.value} ${g.unit}, got ${overl.map((x) => `${x.quantity} (${x.figure!.text})`).join(', ')}` : `${a.lang} MISSED  ${where}: ${g.value ?? g.qualifier} ${g.unit} [${text.slice(g.start, g.end)}]`);
      continue;
    }
    used.add(c);
    st.found++;
    if (sameSpeaker(g, c)) st.speakerOk++;
    else errors.push(`${a.lang} SPEAKER ${where}: ${g.value ?? g.qualifier} ${g.unit}: gold "${g.speaker}", got "${c.attributedTo ?? 'author'}"${c.attributedKind ? ` (${c.attributedKind})` : ''}`);
  }
  for (const c of figs) if (!used.has(c)) errors.push(`${a.lang} EXTRA   ${a.id} @${c.figure!.start}: ${c.quantity ?? c.qualifier} [${c.figure!.text}] ${c.unit ?? ''}`);
}
const ms = performance.now() - t0;

const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '–');
const rows = (['en', 'ar'] as const).map((l) => {
  const s = stats[l];
  const p = s.found / Math.max(1, s.extracted);
  const r = s.found / Math.max(1, s.gold);
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return { l, ...s, p, r, f, sp: s.speakerOk / Math.max(1, s.found), spAll: s.speakerOk / Math.max(1, s.gold) };
});
const failed: string[] = [];
for (const x of rows) {
  const g = GATE[x.l];
  if (x.r < g.recall) failed.push(`${x.l} recall ${f3(x.r)} < ${g.recall}`);
  if (x.p < g.precision) failed.push(`${x.l} precision ${f3(x.p)} < ${g.precision}`);
  if (x.sp < g.speaker) failed.push(`${x.l} who-gives-it ${f3(x.sp)} < ${g.speaker}`);
}

console.log(`Claims evaluation: ${articles.length} articles, ${gold.length} gold figures, ${ms.toFixed(0)} ms\n`);
console.log('lang  gold  extracted  found  precision  recall     F1  who-gives-it (found)  (all gold)');
for (const x of rows)
  console.log(`${x.l.padEnd(4)} ${String(x.gold).padStart(5)} ${String(x.extracted).padStart(10)} ${String(x.found).padStart(6)} ${f3(x.p).padStart(10)} ${f3(x.r).padStart(7)} ${f3(x.f).padStart(6)} ${f3(x.sp).padStart(21)} ${f3(x.spAll).padStart(11)}`);
if (!quiet && errors.length) console.log(`\nErrors (${errors.length}):\n  ${errors.join('\n  ')}`);
console.log(failed.length ? `\nGate FAILED: ${failed.join('; ')}` : '\nGate passed.');

if (!noWrite) {
  let md = `Generated by \`npx tsx scripts/eval-claims.ts\` (part of \`npm run eval\`) on ${new Date().toISOString().slice(0, 10)}. `;
  md += `${articles.length} development articles (20 English from PolNeAR, 20 Arabic from SaudiNewsNet, picked by the fixed rules in \`tests/gold/claims-dev.README.md\`), ${gold.length} figures annotated by reading. `;
  md += `Each text goes through \`analyzeSourcing\` (attributions, then \`extractClaims\`) with the default pack's outlets. A figure is found when an extracted figure overlaps the gold span with the same value; who-gives-it compares the claim's \`attributedTo\` with the gold speaker (\`author\` = none) over found figures, and over all gold figures (missed = wrong) in the last column. Node ${process.version}, ${ms.toFixed(0)} ms.\n\n`;
  md += `**Gate** (${(['en', 'ar'] as const).map((l) => `${l}: recall ≥ ${GATE[l].recall}, precision ≥ ${GATE[l].precision}, who-gives-it ≥ ${GATE[l].speaker}`).join('; ')}): ${failed.length ? `FAILED (${failed.join('; ')})` : 'passed'}.\n\n`;
  md += `Caveat: the same reader annotated the sample and tuned the extractor on it, so these are development figures, not a held-out measure.\n\n`;
  md += '| lang | gold | extracted | found | precision | recall | F1 | who-gives-it (found) | who-gives-it (all gold) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n';
  for (const x of rows) md += `| ${x.l} | ${x.gold} | ${x.extracted} | ${x.found} | ${f3(x.p)} | ${f3(x.r)} | ${f3(x.f)} | ${f3(x.sp)} | ${f3(x.spAll)} |\n`;
  const kinds = ['MISSED', 'VALUE', 'SPEAKER', 'EXTRA'];
  md += `\nErrors by type: ${kinds.map((k) => `${k.toLowerCase()} ${errors.filter((e) => e.slice(3).startsWith(k)).length}`).join(', ')} (listed by the script, with offsets only).\n`;
  writeResultsSection(OUT, '## Claims', md, '# Evaluation');
}
process.exit(failed.length ? 1 : 0);
