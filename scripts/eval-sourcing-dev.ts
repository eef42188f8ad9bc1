/**
 * Sourcing on the development sets (read at run time from <shared>/corpus/sourcing-en and
 * sourcing-ar; shared = $PROVENANCE_SHARED or ../shared), scored as their READMEs describe:
 *
 *   npx tsx scripts/eval-sourcing-dev.ts [--en N] [--half a|b] [--no-write] [--verbose] [--misses]
 *
 * Each article is rendered as a plain news page (`<article><h1>title</h1>[<p class=byline>]<p>…`)
 * and run through `analyzeHtml` with the CLI's outlets (the core of `provenance analyze
 * --jsonl`, in-process). Predicted items are placed in the body and matched to gold by token
 * overlap (scripts/eval-sourcing-score.ts). Prints precision, recall, F1 of attributed
 * statements, recall of reported speech, source accuracy, direct-quote speaker accuracy,
 * kind accuracy, relays P/R and second-hand agreement, per language and kind, beside a naive
 * baseline (every body sentence with a speech cue or a quotation mark). Writes the
 * "## Sourcing on the development sets" section of bench/EVAL.md (figures only, no corpus
 * text). `--half a|b` keeps every other article (tune on one half, check on the other).
 * Exit 2 when the corpora are missing, 1 when a figure falls under its regression gate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from '../bench/lib/results-md';
import { CLI_OUTLETS } from '../src/cli/record';
import { analyzeHtml } from '../src/core/analyze';
import { bareEnPronoun, f1, overlap, ratio, relayKey, sameSource, tokRange, wordTokens } from './eval-sourcing-score';
import { printDirectErrors, printMisses } from './eval-sourcing-debug';
import { baseline, bestMatch, EN_SPEECH, place, score, tally, type GoldX, type Tally } from './eval-sourcing-tally';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.PROVENANCE_SHARED ?? join(ROOT, '..', 'shared'));
const EN_DIR = join(SHARED, 'corpus', 'sourcing-en');
const AR_DIR = join(SHARED, 'corpus', 'sourcing-ar');
const OUT = join(ROOT, 'bench', 'EVAL.md');
const argv = process.argv.slice(2);
const arg = (k: string) => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : undefined;
};
const EN_N = Number(arg('--en') ?? 840);
const HALF = arg('--half');
const noWrite = argv.includes('--no-write') || !!HALF || EN_N < 840;
const verbose = argv.includes('--verbose');
/** `--misses`: print the English gold that is not reported speech, found (NSHIT) or missed (NSMISS) (beliefs, intentions, …), one a line, for development. */
const misses = argv.includes('--misses');
/** Debug: print every English direct quote with a named source that is missed or given the wrong speaker (figures unchanged). */
const directErrors = argv.includes('--direct-errors');

/** Regression gates: set at what the extractor reaches (not the goals of issue #13). */
const GATES = {
  // English precision traded from 0.981 to 0.972 for recall (issue #13 asks P ≥ 0.90).
  enP: 0.965,
  // Raised the afternoon of 2026-12-04 (EN R 0.612; AR R 0.914, source 0.917, relays 0.900).
  enR: 0.605,
  enSpeechR: 0.88,
  enSource: 0.905,
  enDirect: 0.915,
  // Raised 2026-12-04 to what the Arabic rules of that day reach (P 0.981, R 0.900, source 0.913, relays 0.875, second-hand 0.983).
  arP: 0.975,
  arR: 0.905,
  arSource: 0.91,
  arRelayR: 0.875,
  arSecondHand: 0.97,
};

if (!existsSync(join(EN_DIR, 'gold.jsonl')) || !existsSync(join(AR_DIR, 'gold.jsonl'))) {
  console.error(`Development sets not found in ${SHARED}/corpus (sourcing-en, sourcing-ar). Put the shared folder beside the repository (../shared) or set PROVENANCE_SHARED.`);
  process.exit(2);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Body = non-blank lines stripped, joined by a blank line; `map[i]` = raw offset of body offset i. */
function makeBody(lines: { text: string; at: number }[]): { body: string; toBody: (raw: number) => number } {
  const parts: string[] = [];
  const starts: { raw: number; body: number; len: number }[] = [];
  let pos = 0;
  for (const l of lines) {
    const lead = l.text.length - l.text.trimStart().length;
    const t = l.text.trim();
    if (!t) continue;
    if (parts.length) pos += 2;
    starts.push({ raw: l.at + lead, body: pos, len: t.length });
    parts.push(t);
    pos += t.length;
  }
  const toBody = (raw: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].raw <= raw) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const s = starts[best];
    if (!s) return 0;
    return s.body + Math.min(Math.max(0, raw - s.raw), s.len);
  };
  return { body: parts.join('\n\n'), toBody };
}

/** Where a direct quote's source stands: same paragraph before/after, previous or later paragraph, quote over paragraphs. */
function whereSource(body: string, src: number, cs: number, ce: number): string {
  const para = (i: number) => (body.slice(0, i).match(/\n\n/g) ?? []).length;
  const [sp, cp, cpe] = [para(src), para(cs), para(Math.max(cs, ce - 1))];
  if (cpe > cp && sp >= cp && sp <= cpe) return 'quote over paragraphs, source inside';
  if (sp < cp) return 'source in an earlier paragraph';
  if (sp > cpe) return 'source in a later paragraph';
  return src < cs ? 'source before, same paragraph' : 'source after, same paragraph';
}

function linesWithOffsets(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  let at = 0;
  for (const l of text.split('\n')) {
    out.push({ text: l, at });
    at += l.length + 1;
  }
  return out;
}

// ---------------------------------------------------------------- English

const t0 = performance.now();
const enProd = tally();
const enBase = tally();
const enGoldLines = readFileSync(join(EN_DIR, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean);
let enMs = 0;
let enCount = 0;
for (let n = 0; n < enGoldLines.length && enCount < EN_N; n++) {
  if (HALF && (n % 2 === 0) !== (HALF === 'a')) continue;
  enCount++;
  const g = JSON.parse(enGoldLines[n]);
  const raw = readFileSync(join(EN_DIR, g.text), 'utf8');
  const lines = linesWithOffsets(raw);
  const title = lines[0].text.trim();
  const { body, toBody } = makeBody(lines.slice(1));
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><article><h1>${esc(title)}</h1>${body
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</article></body></html>`;
  const s0 = performance.now();
  const a = analyzeHtml(html, { outlets: CLI_OUTLETS });
  enMs += performance.now() - s0;
  const btoks = wordTokens(body);
  const spans = (r: { spans: [number, number][] } | null) => (r ? r.spans.flatMap(([s, e]) => tokRange(btoks, toBody(s), toBody(e))) : []);
  const gold: GoldX[] = g.attributions.map((x: any) => {
    const src = x.source?.text ?? '';
    return {
      content: spans(x.content),
      source: spans(x.source),
      cue: spans(x.cue),
      core: true,
      direct: !!x.direct,
      speech: EN_SPEECH.test(x.cue?.text ?? '') || !!x.direct,
      named: /(?:^|\s)(?!(?:The|A|An|He|She|They|It|We|I|His|Her|Their|Our)\b)\p{Lu}\p{Ll}/u.test(src) && !bareEnPronoun(src),
      sourceTexts: src ? [src] : [],
      pronoun: !src || bareEnPronoun(src),
      where: x.direct && x.source && x.content ? whereSource(body, toBody(x.source.spans[0][0]), toBody(x.content.spans[0][0]), toBody(x.content.spans[x.content.spans.length - 1][1])) : undefined,
    };
  });
  const preds = place(enProd, a.sourcing.items, body, btoks, a.article.text, [title]);
  score(enProd, preds, gold, true);
  score(enBase, baseline(body, btoks, false), gold, false);
  if (misses) printMisses(g.id, preds, gold, g.attributions, raw);
  if (directErrors) printDirectErrors(g.id, preds, gold, g.attributions, body, btoks);
  if (verbose) {
    for (const p of preds) {
      const hit = gold.some((gg) => overlap(p.toks, gg) >= 0.5);
      if (!hit) console.log(`FP ${g.id}: [${p.item!.kind}] ${p.item!.source} | ${p.item!.quote.slice(0, 100)}`);
    }
    for (let j = 0; j < gold.length; j++) {
      const gx = gold[j];
      const x = g.attributions[j];
      const best = preds.filter((p) => overlap(p.toks, gx) >= 0.5);
      if (!best.length && gx.speech) console.log(`MISS ${g.id}: ${x.source?.text ?? '-'} | ${x.cue?.text} | ${body.slice(btoks[gx.content[0]]?.start ?? 0, (btoks[gx.content[0]]?.start ?? 0) + 60).replace(/\n/g, ' ')}`);
      else if (best.length && !gx.pronoun && !sameSource(best[0].item!.source, gx.sourceTexts)) console.log(`SRC ${g.id}: gold=${x.source?.text} pred=${best[0].item!.source} (${best[0].item!.kind})`);
    }
  }
}

// ---------------------------------------------------------------- Arabic

const arProd = tally();
const arBase = tally();
const arts = readFileSync(join(AR_DIR, 'articles.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const arGold = readFileSync(join(AR_DIR, 'gold.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
let arMs = 0;
function nearest(raw: string, needle: string, at: number): number {
  if (!needle) return -1;
  let best = -1;
  for (let i = raw.indexOf(needle); i >= 0; i = raw.indexOf(needle, i + 1)) if (best < 0 || Math.abs(i - at) < Math.abs(best - at)) best = i;
  return best;
}
for (let n = 0; n < arts.length; n++) {
  if (HALF && (n % 2 === 0) !== (HALF === 'a')) continue;
  const art = arts[n];
  const g = arGold[n];
  if (g.id !== art.id) throw new Error(`gold order differs at ${n}`);
  const raw: string = art.text;
  const { body, toBody } = makeBody(linesWithOffsets(raw));
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(art.title)}</title></head><body><article><h1>${esc(art.title)}</h1>${
    art.author ? `<p class="byline">${esc(art.author)}</p>` : ''
  }${body
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('')}</article></body></html>`;
  const s0 = performance.now();
  const a = analyzeHtml(html, { outlets: CLI_OUTLETS });
  arMs += performance.now() - s0;
  const btoks = wordTokens(body);
  const rng = (s: number, e: number) => tokRange(btoks, toBody(s), toBody(e));
  const gold: GoldX[] = g.attributions.map((x: any) => {
    const si = nearest(raw, x.source, x.start);
    const ci = nearest(raw, x.cue, x.start);
    return {
      content: rng(x.start, x.end),
      source: si >= 0 ? rng(si, si + x.source.length) : [],
      cue: ci >= 0 && x.cue ? rng(ci, ci + x.cue.length) : [],
      core: x.scope === 'core',
      direct: !!x.direct,
      speech: true,
      named: x.source_kind === 'named-person',
      kind: x.source_kind,
      implicit: !!x.implicit_source,
      sourceTexts: [x.source, x.source_name].filter(Boolean),
      pronoun: false,
    };
  });
  const preds = place(arProd, a.sourcing.items, body, btoks, a.article.text, [art.title, art.author ?? '']);
  score(arProd, preds, gold, true);
  score(arBase, baseline(body, btoks, true), gold, false);
  // relays
  const gk = new Map<string, string>();
  for (const r of g.relays as string[]) gk.set(relayKey(r), (g.relay_evidence?.[r] as string) ?? 'text');
  const pk = new Set(a.sourcing.relays.map(relayKey));
  arProd.relayGold += gk.size;
  arProd.relayPred += pk.size;
  for (const [k, ev] of gk) {
    const e = (arProd.relayByEv[ev] ??= { gold: 0, found: 0 });
    e.gold++;
    if (pk.has(k)) (arProd.relayTpGold++, e.found++);
  }
  for (const k of pk) if (gk.has(k)) arProd.relayTpPred++;
  arProd.shN++;
  if (a.sourcing.secondHand === !!g.second_hand) arProd.shAgree++;
  if (g.second_hand) (arProd.shGold++, a.sourcing.secondHand && arProd.shGoldFound++);
  if (verbose) {
    console.log(`AR ${n} ${art.id} relays gold=[${[...gk.keys()]}] pred=[${[...pk]}] sh gold=${g.second_hand} pred=${a.sourcing.secondHand}`);
    for (const p of preds) {
      const hit = gold.some((gg) => gg.core && overlap(p.toks, gg) >= 0.5);
      if (!hit) console.log(`  FP [${p.item!.kind}] ${p.item!.source} | ${p.item!.cue} | ${p.item!.quote.slice(0, 80)}`);
    }
    for (const gg of g.attributions as any[]) {
      if (gg.scope !== 'core') continue;
      const gx = gold[(g.attributions as any[]).indexOf(gg)];
      const best = preds.filter((p) => overlap(p.toks, gx) >= 0.5);
      if (!best.length) console.log(`  MISS [${gg.source_kind}] ${gg.source} | ${gg.cue}`);
      else if (!sameSource(best[0].item!.source, gx.sourceTexts) && gx.sourceTexts.length)
        console.log(`  SRC [${gg.source_kind}] gold=${gg.source_name || gg.source} pred=${best[0].item!.source} (${best[0].item!.kind})`);
      else if (gg.source_kind !== 'organisation' && best[0].item!.kind !== gg.source_kind) console.log(`  KIND gold=${gg.source_kind} pred=${best[0].item!.kind} ${best[0].item!.source}`);
    }
  }
}
const totalMs = performance.now() - t0;

// ---------------------------------------------------------------- report

const f3 = (x: number) => x.toFixed(3);
function figures(t: Tally) {
  const P = ratio(t.tp, t.predicted);
  const R = ratio(t.found, t.gold);
  return {
    P,
    R,
    F: f1(P, R),
    speechR: ratio(t.speechFound, t.speechGold),
    src: ratio(t.srcOk, t.srcN),
    srcRole: ratio(t.srcOrRoleOk, t.srcN),
    direct: ratio(t.directNamedOk, t.directNamed),
    kind: ratio(t.kindOk, t.kindN),
    kindAll: ratio(t.kindAllOk, t.kindAllN),
    greedyP: ratio(t.greedy, t.predicted),
    greedyR: ratio(t.greedy, t.gold),
    relayP: ratio(t.relayTpPred, t.relayPred),
    relayR: ratio(t.relayTpGold, t.relayGold),
    sh: ratio(t.shAgree, t.shN),
  };
}
const en = figures(enProd);
const enB = figures(enBase);
const ar = figures(arProd);
const arB = figures(arBase);

const lines: string[] = [];
const say = (s = '') => (console.log(s), lines.push(s));
say(`English (PolNeAR dev, ${enCount} articles${HALF ? `, half ${HALF}` : ''}): ${enProd.gold} gold attributions (${enProd.speechGold} reported speech), analysis ${(enMs / Math.max(1, enCount)).toFixed(1)} ms/page`);
say(`Arabic (SaudiNewsNet dev, ${arProd.articles} articles${HALF ? `, half ${HALF}` : ''}): ${arProd.gold} core gold attributions, analysis ${(arMs / Math.max(1, arProd.articles)).toFixed(1)} ms/page; total ${(totalMs / 1000).toFixed(1)} s`);
say('');
const row = (name: string, e: string, eb: string, a: string, ab: string) => say(`| ${name} | ${e} | ${eb} | ${a} | ${ab} |`);
say('| figure | English | English naive | Arabic | Arabic naive |');
say('| --- | ---: | ---: | ---: | ---: |');
row('statements predicted (kind ≠ unattributed)', String(enProd.predicted), String(enBase.predicted), String(arProd.predicted), String(arBase.predicted));
row('precision', f3(en.P), f3(enB.P), f3(ar.P), f3(arB.P));
row('recall', f3(en.R), f3(enB.R), f3(ar.R), f3(arB.R));
row('F1', f3(en.F), f3(enB.F), f3(ar.F), f3(arB.F));
row('one-to-one precision / recall', `${f3(en.greedyP)} / ${f3(en.greedyR)}`, `${f3(enB.greedyP)} / ${f3(enB.greedyR)}`, `${f3(ar.greedyP)} / ${f3(ar.greedyR)}`, `${f3(arB.greedyP)} / ${f3(arB.greedyR)}`);
row('recall of reported speech', f3(en.speechR), f3(enB.speechR), f3(ar.speechR), f3(arB.speechR));
row('source accuracy (matched, non-pronoun gold)', `${f3(en.src)} (${enProd.srcN})`, '—', `${f3(ar.src)} (${arProd.srcN})`, '—');
row('source accuracy, overlap ties to the first item', f3(ratio(enProd.srcFirstOk, enProd.srcN)), '—', f3(ratio(arProd.srcFirstOk, arProd.srcN)), '—');
row('source accuracy, source or role', f3(en.srcRole), '—', f3(ar.srcRole), '—');
row('direct-quote speaker accuracy (named; misses wrong)', `${f3(en.direct)} (${enProd.directNamed})`, '—', `${f3(ar.direct)} (${arProd.directNamed})`, '—');
row('implicit-source gold: source accuracy', '—', '—', `${f3(ratio(arProd.implicitOk, arProd.implicitN))} (${arProd.implicitN})`, '—');
row('kind accuracy (named-person, anonymous, outlet, document)', '—', '—', `${f3(ar.kind)} (${arProd.kindN})`, '—');
row('kind accuracy, with organisation (group media counted as organisation)', '—', '—', `${f3(ar.kindAll)} (${arProd.kindAllN})`, '—');
row('relays precision / recall', '—', '—', `${f3(ar.relayP)} / ${f3(ar.relayR)} (${arProd.relayGold} gold)`, '—');
row('second-hand agreement', '—', '—', `${f3(ar.sh)} (gold second-hand found ${arProd.shGoldFound}/${arProd.shGold})`, '—');
row('items only in title/byline (left out) / not placed', `${enProd.apart} / ${enProd.unplaced}`, '—', `${arProd.apart} / ${arProd.unplaced}`, '—');
say('');
say('English direct quotes with a named source, by where the source stands (right / wrong speaker / missed):');
say('');
say('| where | quotes | right | wrong speaker | missed |');
say('| --- | ---: | ---: | ---: | ---: |');
for (const [k, v] of Object.entries(enProd.directBy).sort((a, b) => b[1].right + b[1].wrong + b[1].missed - (a[1].right + a[1].wrong + a[1].missed))) {
  say(`| ${k} | ${v.right + v.wrong + v.missed} | ${v.right} | ${v.wrong} | ${v.missed} |`);
}
say('');
say('Arabic by gold kind:');
say('');
say('| gold kind | core gold | found (recall) | source right | kind right | kinds given |');
say('| --- | ---: | ---: | ---: | ---: | --- |');
for (const [k, v] of Object.entries(arProd.byKind)) {
  const given = Object.entries(v.given)
    .sort((a, b) => b[1] - a[1])
    .map(([kk, c]) => `${kk} ${c}`)
    .join(', ');
  say(`| ${k} | ${v.gold} | ${v.found} (${f3(ratio(v.found, v.gold))}) | ${f3(ratio(v.srcOk, v.srcN))} | ${f3(ratio(v.kindOk, v.found))} | ${given} |`);
}
say('');
say('Arabic relays recall by where the gold saw them: ' + Object.entries(arProd.relayByEv).map(([k, v]) => `${k} ${v.found}/${v.gold}`).join(', '));

const fails: string[] = [];
const gate = (name: string, v: number, min: number) => v < min && fails.push(`${name} ${f3(v)} < ${min}`);
if (!HALF && EN_N >= 840) {
  gate('English precision', en.P, GATES.enP);
  gate('English recall', en.R, GATES.enR);
  gate('English reported-speech recall', en.speechR, GATES.enSpeechR);
  gate('English source accuracy', en.src, GATES.enSource);
  gate('English direct-quote speaker accuracy', en.direct, GATES.enDirect);
  gate('Arabic precision', ar.P, GATES.arP);
  gate('Arabic recall', ar.R, GATES.arR);
  gate('Arabic source accuracy', ar.src, GATES.arSource);
  gate('Arabic relays recall', ar.relayR, GATES.arRelayR);
  gate('Arabic second-hand agreement', ar.sh, GATES.arSecondHand);
}

if (!noWrite) {
  let md = `Generated by \`npx tsx scripts/eval-sourcing-dev.ts\` (part of \`npm run eval\`) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}. `;
  md += `Development sets \`corpus/sourcing-en\` (PolNeAR, all ${enCount} articles) and \`corpus/sourcing-ar\` (60 SaudiNewsNet articles), scored as their READMEs say: each article rendered as a plain page (\`<article><h1>…</h1>[<p class=byline>…]<p>…\`) and run through \`analyzeHtml\` with the CLI's outlets (the core of \`provenance analyze --jsonl\`); items placed in the body by offsets or a loose search; a predicted item matches a gold attribution when its tokens, less the gold's source and cue tokens, overlap the gold content by at least half of the shorter; precision over items of a kind other than \`unattributed\`, recall over (core) gold; source accuracy on matched gold whose source is not a bare pronoun (normalised; comma/bracket segments cut before a preposition; equal, one inside the other, or the same last word); direct-quote speaker accuracy over gold direct quotes with a named source, a missed quote counting as wrong. "Reported speech" in English = gold whose cue is a speech word (said, told, according to, wrote, …) or whose content is a direct quote; beliefs and intentions ("believes", "wants", "plans") are in the recall; the product reports them in English as items of their own (\`mode\` belief / intention, the clause held as quote), so a belief reported inside speech ("officials said X believes …") is matched to its own, tighter item. Among predicted items whose overlap with a gold attribution ties (the overlap divides by the shorter of the two, so every item holding the whole content scores 1), the one holding the content with the fewest other tokens is taken, then the first in order. The naive reference flags every body sentence with a speech cue or a quotation mark. Code: \`scripts/eval-sourcing-dev.ts\`, \`scripts/eval-sourcing-score.ts\`.\n\n`;
  md += `**Gate** (regression floor at what the extractor reaches, not the goals of issue #13): English P ≥ ${GATES.enP}, R ≥ ${GATES.enR}, reported-speech R ≥ ${GATES.enSpeechR}, source ≥ ${GATES.enSource}, direct-quote speaker ≥ ${GATES.enDirect}; Arabic P ≥ ${GATES.arP}, R ≥ ${GATES.arR}, source ≥ ${GATES.arSource}, relays R ≥ ${GATES.arRelayR}, second-hand agreement ≥ ${GATES.arSecondHand}: ${fails.length ? 'FAILED' : 'passed'}.\n\n`;
  md += lines.join('\n') + '\n';
  md += `\n**Goals of issue #13** (reported-speech recall ≥ 0.85 at precision ≥ 0.90; source ≥ 0.90; direct-quote speaker ≥ 0.90; Arabic relays recall ≥ 0.8, second-hand agreement ≥ 0.9): `;
  md += [
    `English reported-speech recall ${f3(en.speechR)} at precision ${f3(en.P)} (${en.speechR >= 0.85 ? 'met' : 'not met'})`,
    `Arabic recall ${f3(ar.speechR)} at precision ${f3(ar.P)} (${ar.speechR >= 0.85 && ar.P >= 0.9 ? 'met' : 'not met'})`,
    `source ${f3(en.src)} / ${f3(ar.src)} (${en.src >= 0.9 && ar.src >= 0.9 ? 'met' : 'not met'})`,
    `direct-quote speaker ${f3(en.direct)} / ${f3(ar.direct)} (${en.direct >= 0.9 ? 'met' : 'not met'})`,
    `Arabic relays recall ${f3(ar.relayR)} (${ar.relayR >= 0.8 ? 'met' : 'not met'})`,
    `second-hand agreement ${f3(ar.sh)} (${ar.sh >= 0.9 ? 'met' : 'not met'})`,
  ].join('; ') + '.\n';
  md += `\nWhat the product reports: speech, writing, documents, polls, announcements and directives with a content; in English also beliefs and intentions ("believes", "fears", "wants", "plans") as items of their own kind (\`mode\`), the clearly worded ones only — the English gold includes them with many other mental states and positions (about a quarter of it), so the English overall recall still counts most of those as misses; the Arabic gold leaves them out and so does the Arabic analysis ("يعتقد"). Kinds: \`organisation\` (a body or a state speaking as one: "the Pentagon", "وزارة الداخلية", "تركيا") and \`group-media\` (the Islamic State's own media: Amaq, al-Naba, al-Furqan, al-Hayat Media Center, Dabiq, Rumiyah, Nashir, "a website used by the group") are kinds of their own; a dateline or byline wire credit ("Hong Kong (AFP) –", "القاهرة- د ب أ", "وكالات") is a relay of the whole story and makes it second-hand, not an item. The fixes were made by failure class, each with a case in \`tests/fixtures/sourcing/\`; split check (\`--half a\` / \`--half b\`, every other article): the figures of the two halves differ by less than 0.05 on every line above but Arabic kind and relays (few items).\n`;
  writeResultsSection(OUT, '## Sourcing on the development sets', md, '# Evaluation');
  console.log(`\nWrote the "## Sourcing on the development sets" section of ${OUT}`);
}
if (fails.length) {
  console.error(`\nSourcing development-set gate failed: ${fails.join('; ')}`);
  process.exit(1);
}
