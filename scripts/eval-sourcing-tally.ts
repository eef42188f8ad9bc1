/**
 * Per-article tallies of the sourcing development-set evaluation (scripts/eval-sourcing-dev.ts):
 * gold classes (reported speech), placing predicted items in the page body, matching them to
 * gold (rules in scripts/eval-sourcing-score.ts), and the naive baseline (every body sentence
 * with a speech cue or a quotation mark).
 */
import { splitSentences } from '../src/core/sourcing/sentences';
import type { Attribution } from '../src/core/sourcing/types';
import { foldArabic } from '../src/core/text/normalize';
import { fit, looseFind, overlap, sameSource, tokRange, type GoldItem, type Tok } from './eval-sourcing-score';

// ---------------------------------------------------------------- speech cues (gold classes, baseline)

export const EN_SPEECH =
  /\b(?:said|say|says|saying|told|tell|tells|telling|according|added|adds|asked|asks|ask|wrote|writes|write|written|stated|states|declared|announced|announces|announcing|explained|explains|noted|notes|claimed|claims|claim|insisted|argued|argues|warned|warns|tweeted|tweets|replied|responded|remarked|acknowledged|admitted|conceded|recalled|suggested|suggests|urged|urges|confirmed|denied|denies|reported|reports|quoted|described|describes|testified|predicted|promised|vowed|pledged|boasted|complained|joked|stressed|emphasized|pointed out|shouted|interview|statement|called|calls|accused|accuses|criticized|praised|blasted|slammed|mocked|charged|contended|disputed|questioned|answered|retorted|continued|concluded|cited|citing|asserted|alleged|announce|declare|deny|repeated|reiterated|thanked|speech|spoke|speaking|told)\b/i;
const AR_SPEECH_WORDS = new Set(
  ('قال قالت يقول تقول قالوا يقولون اكد اكدت يؤكد تؤكد اكدوا اوضح اوضحت يوضح اشار اشارت يشير ذكر ذكرت يذكر صرح صرحت اعلن اعلنت يعلن افاد افادت بين بينت لفت لفتت شدد شددت حذر حذرت نفى نفت اعترف اقر ادعى زعم اعتبر اعتبرت يرى ترى وصف استبعد ابلغ بحسب حسب حسبما وفق وفقا طالب طالبت دعا دعت ناشد حث هدد تعهد اضاف اضافت تابع مشيرا مؤكدا لافتا موضحا مضيفا مبينا مضيفة مشيرة مؤكدة كشف كشفت نقلت نقل')
    .split(' ')
    .map((w) => foldArabic(w)),
);
export function arHasCue(s: string): boolean {
  for (const w of foldArabic(s).split(/[^\u0600-\u06ff]+/)) if (AR_SPEECH_WORDS.has(w) || (/^[وف]/.test(w) && AR_SPEECH_WORDS.has(w.slice(1)))) return true;
  return false;
}
export const HAS_QUOTE = /["“”«»]/;

// ---------------------------------------------------------------- per-article scoring

export interface GoldX extends GoldItem {
  direct: boolean;
  speech: boolean;
  named: boolean;
  kind?: string;
  implicit?: boolean;
  sourceTexts: string[];
  pronoun: boolean;
  /** Where the source stands from a direct quote (breakdown of direct-quote outcomes). */
  where?: string;
}
export interface Pred {
  toks: number[];
  item?: Attribution;
}

export interface Tally {
  articles: number;
  predicted: number;
  tp: number;
  neutralOnly: number;
  apart: number;
  unplaced: number;
  gold: number;
  found: number;
  greedy: number;
  speechGold: number;
  speechFound: number;
  srcN: number;
  srcOk: number;
  /** Right sources when overlap ties go to the first item in order. */
  srcFirstOk: number;
  srcOrRoleOk: number;
  implicitN: number;
  implicitOk: number;
  directNamed: number;
  directNamedOk: number;
  /** Direct quotes with a named source by where the source stands: right, wrong speaker, missed. */
  directBy: Record<string, { right: number; wrong: number; missed: number }>;
  kindN: number;
  kindOk: number;
  kindAllN: number;
  kindAllOk: number;
  byKind: Record<string, { gold: number; found: number; srcN: number; srcOk: number; kindOk: number; given: Record<string, number> }>;
  relayGold: number;
  relayPred: number;
  relayTpGold: number;
  relayTpPred: number;
  relayByEv: Record<string, { gold: number; found: number }>;
  shN: number;
  shAgree: number;
  shGold: number;
  shGoldFound: number;
}
export const tally = (): Tally => ({
  articles: 0, predicted: 0, tp: 0, neutralOnly: 0, apart: 0, unplaced: 0, gold: 0, found: 0, greedy: 0, speechGold: 0, speechFound: 0,
  srcN: 0, srcOk: 0, srcFirstOk: 0, srcOrRoleOk: 0, implicitN: 0, implicitOk: 0, directNamed: 0, directNamedOk: 0, directBy: {}, kindN: 0, kindOk: 0, kindAllN: 0, kindAllOk: 0, byKind: {},
  relayGold: 0, relayPred: 0, relayTpGold: 0, relayTpPred: 0, relayByEv: {}, shN: 0, shAgree: 0, shGold: 0, shGoldFound: 0,
});

export function score(t: Tally, preds: Pred[], gold: GoldX[], withSource: boolean): void {
  t.articles++;
  const core = gold.filter((g) => g.core);
  const ov: number[][] = preds.map((p) => gold.map((g) => overlap(p.toks, g)));
  for (let i = 0; i < preds.length; i++) {
    const hitCore = gold.some((g, j) => g.core && ov[i][j] >= 0.5);
    const hitNeutral = gold.some((g, j) => !g.core && ov[i][j] >= 0.5);
    if (!hitCore && hitNeutral) {
      t.neutralOnly++;
      continue;
    }
    t.predicted++;
    if (hitCore) t.tp++;
  }
  // greedy one-to-one
  const pairs: [number, number, number][] = [];
  for (let i = 0; i < preds.length; i++) for (let j = 0; j < gold.length; j++) if (gold[j].core && ov[i][j] >= 0.5) pairs.push([ov[i][j], i, j]);
  pairs.sort((a, b) => b[0] - a[0]);
  const ui = new Set<number>();
  const uj = new Set<number>();
  for (const [, i, j] of pairs) if (!ui.has(i) && !uj.has(j)) (ui.add(i), uj.add(j), t.greedy++);
  for (let j = 0; j < gold.length; j++) {
    const g = gold[j];
    if (!g.core) continue;
    t.gold++;
    if (g.speech) t.speechGold++;
    const bk = g.kind ? (t.byKind[g.kind] ??= { gold: 0, found: 0, srcN: 0, srcOk: 0, kindOk: 0, given: {} }) : null;
    if (bk) bk.gold++;
    const best = bestMatch(preds, ov, g, j);
    const named = g.direct && g.named;
    if (named) t.directNamed++;
    const db = named ? (t.directBy[g.where ?? 'all'] ??= { right: 0, wrong: 0, missed: 0 }) : null;
    if (best < 0) {
      if (db) db.missed++;
      continue;
    }
    t.found++;
    if (bk) bk.found++;
    if (g.speech) t.speechFound++;
    const it = preds[best].item;
    if (!withSource || !it) continue;
    const ok = sameSource(it.source, g.sourceTexts);
    if (named && ok) t.directNamedOk++;
    if (db) ok ? db.right++ : db.wrong++;
    if (!g.pronoun && g.sourceTexts.length) {
      t.srcN++;
      if (ok) t.srcOk++;
      // The same figure if ties of overlap went to the first item in order (no tight-fit rule).
      let first = -1;
      for (let i = 0; i < preds.length; i++) if (ov[i][j] >= 0.5 && (first < 0 || ov[i][j] > ov[first][j])) first = i;
      const fi = preds[first].item;
      if (fi && sameSource(fi.source, g.sourceTexts)) t.srcFirstOk++;
      if (ok || (it.role && sameSource(it.role, g.sourceTexts))) t.srcOrRoleOk++;
      if (bk) (bk.srcN++, ok && bk.srcOk++);
      if (g.implicit) (t.implicitN++, ok && t.implicitOk++);
    }
    if (g.kind && bk) {
      bk.given[it.kind] = (bk.given[it.kind] ?? 0) + 1;
      // The README scores the four kinds it shares with the product; the product now has
      // `organisation` too (and `group-media`, counted as organisation), so a five-kind figure is given beside it.
      const given = it.kind === 'group-media' ? 'organisation' : it.kind;
      t.kindAllN++;
      if (given === g.kind) (t.kindAllOk++, bk.kindOk++);
      if (g.kind !== 'organisation') {
        t.kindN++;
        if (given === g.kind) t.kindOk++;
      }
    }
  }
}

/**
 * The predicted item compared with gold item `j`: the highest overlap (≥ 0.5); among equal
 * overlaps the tightest fit (`fit`), then the first in order.
 */
export function bestMatch(preds: Pred[], ov: number[][], g: GoldItem, j: number): number {
  let best = -1;
  let bestFit = 0;
  for (let i = 0; i < preds.length; i++) {
    if (ov[i][j] < 0.5) continue;
    if (best >= 0 && ov[i][j] < ov[best][j]) continue;
    const f = fit(preds[i].toks, g);
    if (best < 0 || ov[i][j] > ov[best][j] || f > bestFit) (best = i), (bestFit = f);
  }
  return best;
}

/** Place predicted items in the body; items only in title/byline are counted apart. */
export function place(t: Tally, items: Attribution[], body: string, btoks: Tok[], articleText: string, extra: string[]): Pred[] {
  const out: Pred[] = [];
  for (const it of items) {
    if (it.kind === 'unattributed') continue;
    let span: { start: number; end: number } | null = null;
    if (body.slice(it.start, it.end) === it.quote) span = { start: it.start, end: it.end };
    else span = looseFind(body, it.quote);
    if (!span) {
      if (extra.some((e) => e && (e.includes(it.quote.trim()) || it.quote.includes(e.trim())))) {
        t.apart++;
        continue;
      }
      t.unplaced++;
      t.predicted++;
      continue;
    }
    void articleText;
    out.push({ toks: tokRange(btoks, span.start, span.end), item: it });
  }
  return out;
}

export function baseline(body: string, btoks: Tok[], ar: boolean): Pred[] {
  return splitSentences(body)
    .filter((s) => HAS_QUOTE.test(s.text) || (ar ? arHasCue(s.text) : EN_SPEECH.test(s.text)))
    .map((s) => ({ toks: tokRange(btoks, s.start, s.end) }));
}
