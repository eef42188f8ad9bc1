/**
 * Small readings of the Arabic grammar: whether a speech-verb or participle form is a cue
 * where it stands ("بين" between, "كتب" books, "يذكر أن", "زيارة غير معلنة"), the last letter of
 * a word in the original text (what folding hides: ى/ي), and the text folded once per extractor.
 */
import { foldForMatching } from '../text/normalize';
import type { ExtractorState } from './extractor-state';
import { verbForm } from './arabic-refs';
import { AR_DOC_HEADS } from './lexicon-ar';
import type { Tok } from './tokens';

/** The code of the last letter before `end` in `text`, diacritics skipped. */
export function lastLetter(text: string, end: number): number {
  let e = end - 1;
  while (e > 0 && text.charCodeAt(e) >= 0x64b && text.charCodeAt(e) <= 0x65f) e--;
  return text.charCodeAt(e);
}

const folds = new WeakMap<ExtractorState, { text: string; map: Int32Array | null }>();
/** The extractor's text folded for matching, once per text. */
export function wholeFold(x: ExtractorState): { text: string; map: Int32Array | null } {
  let w = folds.get(x);
  if (!w) {
    const r = foldForMatching(x.text);
    w = { text: r.text, map: r.map as Int32Array | null };
    folds.set(x, w);
  }
  return w;
}
/** First index of the ascending `a` whose value is ≥ `v`. */
export function lowerBound(a: Int32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Has a draft of the current sentence passing `ok` been emitted? (Drafts are in sentence order.) */
export function spokeHere(x: ExtractorState, ok: (d: ExtractorState['drafts'][number]) => boolean): boolean {
  for (let q = x.drafts.length - 1; q >= 0 && x.drafts[q].sent === x.si; q--) if (ok(x.drafts[q])) return true;
  return false;
}

/**
 * Is the speech-verb form a verb here? "بين" is also "between" (a verb only with its shadda
 * or before a complementizer), "كتب" also "books", "يذكر أن" is the impersonal "it is noted",
 * and "أعرب" counts only with a clause ("أعرب عن اعتقاده بأن"), not "أعرب عن فخره".
 */
export function verbReading(bare: string, toks: Tok[], i: number, orig: (a: number, b: number) => string): boolean {
  const hasThat = (from: number, span: number) => {
    for (let q = from; q < toks.length && q < from + span; q++) if (/^(?:ان|انه|انها|انهم|بان|بانه|بانها)$/.test(toks[q].low) || toks[q].raw === ':') return true;
    return false;
  };
  if (bare === 'بين' || bare === 'بينت') return /\u0651/.test(orig(i, i + 1)) || (bare === 'بينت') || hasThat(i + 1, 6);
  if (bare === 'كتب') return /^[وف]/.test(toks[i].low) || i === 0 || toks[i - 1].punct;
  if (bare === 'يذكر' || bare === 'ذكر') return !/^(?:ان|انه|انها|بان)$/.test(toks[i + 1]?.low ?? '');
  if (bare === 'اعرب' || bare === 'اعربت' || bare === 'اعربا') return hasThat(i + 1, 14);
  // "أجمعوا على أن" is "agreed that" (a shared statement); "أجمع" alone only gathered.
  if (/^(?:اجمع|اجمعت|اجمعوا|يجمع|يجمعون)$/.test(bare)) return toks[i + 1]?.low === 'علي' && /^(?:ان|انه|انها|انهم)$/.test(toks[i + 2]?.low ?? '');
  // "وصفا" is also the noun "a description": the dual verb only with its complementizer ("ووصفا ذلك بأنه").
  if (bare === 'وصفا') return hasThat(i + 1, 5);
  // "انتهى/خلص إلى أن" is "concluded that" (a report, a meeting); "انتهت المعركة" only ended.
  if (/^(?:انتهي|انتهت|خلص|خلصت)$/.test(bare)) {
    for (let q = i + 1; q < toks.length && q < i + 10; q++) if (toks[q].low === 'الي' && /^(?:ان|انه|انها|انهم)$/.test(toks[q + 1]?.low ?? '')) return true;
    return false;
  }
  // "نسبته الحكومة إلى …" (blamed on), not "نسبته 107 بالمائة" (its share).
  if (/^نسب/.test(bare)) return !!toks[i + 1] && !toks[i + 1].punct && !/\d/.test(toks[i + 1].raw) && !/\d/.test(toks[i + 2]?.raw ?? '') && !/^(?:مئويه|بالمايه|بالمئه)$/.test(toks[i + 1].low);
  // "ويدعى" (is called) is no "يدعي" (claims).
  if (bare === 'يدعي' || bare === 'تدعي') return !/ى$/.test(orig(i, i + 1).replace(/[\u064b-\u065f]/g, ''));
  return true;
}

/**
 * A participle is a cue after a comma or و ("، مشيرا إلى"), or before its complement
 * ("مؤكدا أن", "لافتا إلى"); "زيارة غير معلنة" is an adjective.
 */
export function participleReading(toks: Tok[], i: number): boolean {
  const prev = toks[i - 1];
  if (prev && prev.low === 'غير') return false;
  if (!prev || prev.punct || /^[وف]/.test(toks[i].low)) return true;
  const next = toks[i + 1];
  return !!next && (next.raw === ':' || next.raw === '«' || next.raw === '"' || /^(?:الي|ان|انه|انها|انهم|بان|بانه|بانها|علي|في|بقوله|القول)$/.test(next.low));
}

/**
 * A document head between `from` and `q` (the word before the verb at `i`) that starts a
 * subject-first clause ("ويأتي ذلك بعد تقارير غربية أشارت إلى …"), or -1. The verb must agree
 * with it: a feminine head (ـة) or a plural (non-human plurals take the feminine singular)
 * wants a feminine verb, any other head a masculine one ("بعد تغريدة أوحى فيها" has another
 * subject). A head after في is the medium ("وظهر في الفيديو رجل …").
 */
export function docSubjectAt(toks: Tok[], from: number, q: number, i: number): number {
  const fem = verbForm(toks[i].low).fem;
  for (let r = from; r <= q; r++) {
    const h = toks[r].low;
    if (!AR_DOC_HEADS.has(h) || toks[r - 1]?.low === 'في') continue;
    if ((/ه$/.test(h) || DOC_PLURALS.test(h)) === fem) return r;
  }
  return -1;
}
const DOC_PLURALS = /^(?:ال)?(?:تقارير|بيانات|وثايق|رسايل|استطلاعات)$/;
