/**
 * The passes of an Arabic sentence after its speech cues (src/core/sourcing/arabic.ts): the
 * outlet that carried a statement ("بيان … نقلته وكالة الأناضول"), the outlets a speaker talked
 * to ("لوكالة …", "في حديث لـ …") and documents ("في بيان"). Each pass is a function of its own
 * so that the engine optimises the sentence loop without these rarer paths (a smaller unit to
 * compile, fewer deoptimisations); the behaviour is the same as when they were inline.
 */
import type { ExtractorState } from './extractor-state';
import { AR_DOC_HEADS, AR_NP_STOP, AR_OUTLET_HEADS, AR_TIME_WORDS } from './lexicon';
import { arOutletAt, arOutletMayStart, words, writtenOutlet } from './outlets';
import { spokeHere } from './arabic-cues';
import { isWireName } from './wire';
import type { Tok } from './tokens';

/** One Arabic sentence being read: its folded tokens and the ways back to the original text. */
export interface ArSentence {
  x: ExtractorState;
  toks: Tok[];
  n: number;
  /** The original text of tokens [from, to). */
  orig: (from: number, to: number) => string;
  /** Offset in the whole text of folded offset `i` (a token's start). */
  abs: (i: number) => number;
  /** Offset in the whole text just after folded offset `i - 1` (a token's end). */
  absEnd: (i: number) => number;
}

export const RELAY_VERB = /^(?:نقلته|نقلتها|نشرته|نشرتها|بثه|بثته|بثتها|اوردته|اوردتها|اذاعته|اذاعتها|عرضته|عرضتها)$/;

/** "بيان … نقلته وكالة الأناضول", "البيان الذي بثه التلفزيون": the outlet that carried it is relayed. Returns how many. */
export function relayedBy(a: ArSentence): number {
  const { x, toks, n, orig, abs } = a;
  let found = 0;
  for (let i = 0; i + 1 < n; i++) {
    if (!RELAY_VERB.test(toks[i].low) || toks[i + 1].punct || !arOutletMayStart(x.idx, toks[i + 1].low)) continue;
    const ws = words(toks, i + 1, Math.min(n, i + 9));
    const o = arOutletAt(x.idx, ws, 0);
    if (!o) continue;
    found++;
    x.via({ name: writtenOutlet(x.idx, orig, ws, o), sourceId: o.sourceId }, orig(i, i + 1), abs(toks[i].start), 'ar');
  }
  return found;
}

/** Outlets the speaker talked to: "لوكالة …", "لصحيفة …", "في حديث لـ …", "في مقابلة مع …". */
export function talkedTo(a: ArSentence): void {
  const { x, toks, n, orig, abs } = a;
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.punct) continue;
    const w = t.low;
    let from = -1;
    if (/^ل/.test(w) && w.length > 2) from = i;
    else if (w === 'ل' || (w === 'مع' && i > 0 && /^(?:مقابله|حديث|لقاء|اتصال)$/.test(toks[i - 1].low))) from = i + 1;
    if (from < 0 || from >= n || toks[from].punct && !/^["«“]$/.test(toks[from].raw)) continue;
    if (!toks[from].punct && !arOutletMayStart(x.idx, toks[from].low)) continue;
    const ws = words(toks, from, Math.min(n, from + 8));
    const o = arOutletAt(x.idx, ws, 0);
    if (!o) continue;
    // "قال لـ«عكاظ»", "لـ«الشرق الأوسط»": a known paper quoted bare, without "صحيفة", is the page's
    // own paper talking to the speaker (another paper is "لصحيفة …"): no relay, whatever the page.
    if (w === 'ل' && o.sourceId && toks[from].punct && /^["«“]$/.test(toks[from].raw) && !AR_OUTLET_HEADS.has(ws[0].n) && !isWireName(writtenOutlet(x.idx, orig, ws, o))) {
      if (ws[o.next - 1]) i = ws[o.next - 1].tok;
      continue;
    }
    x.via({ name: writtenOutlet(x.idx, orig, ws, o), sourceId: o.sourceId }, orig(i, i + 1), abs(t.start), 'ar');
    if (ws[o.next - 1]) i = ws[o.next - 1].tok;
  }
}

/** Documents: "في بيان", "في تقرير", "في تسجيل مصور". */
export function documents(a: ArSentence): void {
  const { x, toks, n, orig, abs } = a;
  for (let i = 0; i + 1 < n; i++) {
    if (toks[i].low !== 'في' && toks[i].low !== 'وفي') continue;
    const d = AR_DOC_HEADS.get(toks[i + 1].low) ?? AR_DOC_HEADS.get(toks[i + 1].low.replace(/(?:ه|ها|هم)$/, ''));
    if (!d) continue;
    // "قالت الوزارة في بيان": the medium is not the speaker when the sentence has one.
    if (spokeHere(x, (dr) => dr.kind !== 'document' && dr.kind !== 'outlet')) continue;
    let e = i + 2;
    while (e < n && e - i < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && !AR_TIME_WORDS.has(toks[e].low) && /^ال|ي$|يه$/.test(toks[e].low)) e++;
    x.emit({ k: 'document', label: orig(i + 1, e) }, orig(i, i + 1), abs(toks[i].start), 'ar');
  }
}
