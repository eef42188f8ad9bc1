/**
 * Checkable claims of a text: sentences stating a figure about something ("about 7,000
 * detainees", "more than 160 Syrian soldiers", "at least six accounts", "عشرات الخبراء",
 * "des centaines de combattants"), with qualifier, counted subject, date, place and the
 * source the sentence is attributed to; plus dated events without a figure ("the offensive
 * began on 9 June") — kept conservative.
 */
import type { ClaimQualifier } from '../model';
import { foldArabic } from '../text/normalize';
import { extractAttributions, splitSentences, type Attribution, type AttributionKind, type AttributionOptions } from '../sourcing';
import { findDate, findPlaces } from './context';
import { findQuantities } from './quantity';
import { speakerFor } from './speaker';
import type { PageClaim } from '../model';
import { antecedent, subjectFor } from './subject';

/** A claim found on a page: the domain model's type (src/core/model/claims.ts). */
export type { PageClaim } from '../model';

export interface ClaimOptions extends AttributionOptions {
  /** Attributions already extracted from the same text (saves a second pass). */
  attributions?: Attribution[];
  /** At most this many claims (default 200). */
  max?: number;
}

const EVENT_EN =
  /\b(?:killed|executed|beheaded|seized|captured|took control of|attacked|bombed|arrested|detained|released|freed|fled|deserted|defected|launched|began|suspended|blocked|transferred|claimed responsibility|destroyed|kidnapped|abducted|stormed|recaptured|liberated|tué|exécuté|capturé|arrêté|libéré|lancé|revendiqué|détruit|enlevé)\b/iu;
const EVENT_AR = /(?:^|\s)(?:[وف]?(?:قتل|اعدم|سيطر|استولي|هاجم|فجر|اعتقل|احتجز|اطلق سراح|فر|انشق|اعلن مسووليته|تبني|دمر|اختطف|خطف|اقتحم|حرر|استعاد|بدا|بدات|انطلقت))(?=\s)/u;
/** Heads that make no checkable claim ("two places at once", "three times"). */
const VAGUE_NOUN = /^(?:places?|ways?|things?|times?|sides?|parts?|occasions?|reasons?|questions?|steps?|words?|ideas?|aspects?|levels?|kinds?|sorts?|types?|others?|ones?|fois|choses?|façons?)$/i;
const DET = /^(?:the|a|an|this|that|these|those|its|their|le|la|les|l['’]|un|une|des)\s+/i;

/** Claims of `text` in text order. */
export function extractClaims(text: string, opts: ClaimOptions = {}): PageClaim[] {
  const max = opts.max ?? 200;
  const t = text.length > 300_000 ? text.slice(0, 300_000) : text;
  // Who gives a figure is who says it: beliefs and intentions (items with a `mode`) are left out.
  const items = (opts.attributions ?? extractAttributions(t, opts)).filter((a) => !a.mode);
  const out: PageClaim[] = [];
  const sentences = splitSentences(t);
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    if (out.length >= max) break;
    const hits = findQuantities(s.text);
    const ev = hits.length ? null : EVENT_EN.exec(s.text);
    const folded = hits.length || ev || !/[\u0600-\u06ff]/.test(s.text) ? '' : foldArabic(s.text);
    const ea = folded ? EVENT_AR.exec(folded) : null;
    if (!hits.length && !ev && !ea) continue;
    // Date and places: once per sentence; the attribution: per figure (a sentence may quote two sources).
    let shared: Omit<PageClaim, 'quantity' | 'qualifier' | 'subject'> | null = null;
    const withSpeaker = (c: PageClaim, at: number, end: number): PageClaim => {
      const sp = speakerFor(t, items, at, end, s, sentences.slice(Math.max(0, si - 3), si));
      if (sp) {
        c.attributedTo = sp.source;
        c.attributedKind = sp.kind;
        if (sp.via) c.via = sp.via;
        if (sp.sourceId) c.attributedId = sp.sourceId;
      }
      return c;
    };
    const base = () => {
      if (shared) return shared;
      const places = findPlaces(s.text);
      const date = findDate(s.text);
      const c: Omit<PageClaim, 'quantity' | 'qualifier' | 'subject'> = { text: s.text, start: s.start, end: s.end, lang: /[\u0600-\u06ff]/.test(s.text) ? 'ar' : 'en' };
      if (date) c.date = date;
      if (places.length) c.place = places.map((p) => p.name).join(', ');
      return (shared = c);
    };
    let found = false;
    for (const h of hits) {
      // Resolve the subject on the whole text: "six of them" may point to the sentence before.
      const abs = { ...h, start: s.start + h.start, end: s.start + h.end, nounStart: s.start + h.nounStart };
      let sub = subjectFor(t, abs);
      if (sub && VAGUE_NOUN.test(sub.head)) continue;
      if (!sub) {
        // No noun after the figure: shares, money and bare counts ("another 11 were killed",
        // "Clinton: 1,769", "3216 على الأقل") still state a figure; the counted noun comes from before.
        if (!h.unit && !h.bare) continue;
        // The noun comes from before only for "another 11 were…", "dozens more", "40 of them", "Of the 300 detainees, 40 were…".
        const refers = !h.unit && h.lang !== 'ar' && (/^\s*(?:more|others?|were|are|was|have|had)\b/i.test(t.slice(abs.end, abs.end + 12)) || /\banother\s+$/i.test(t.slice(Math.max(0, abs.start - 10), abs.start)));
        const a = refers ? antecedent(t, abs.start) : null;
        sub = { subject: a?.subject ?? '', head: a?.head ?? '', unit: h.unit };
      }
      if (h.quantity === null && h.qualifier === 'several' && !/^(?:a number of|several|plusieurs|عده|عدد من|عددا من|بضع|بضعه)$/i.test(foldArabic(h.text.replace(/^[وبل](?=عد)/, '')))) continue;
      const c: PageClaim = withSpeaker(
        {
          ...base(),
          quantity: h.quantity,
          qualifier: h.qualifier,
          subject: sub.subject.replace(DET, ''),
          figure: { text: h.text, start: s.start + h.start, end: s.start + h.end },
        },
        s.start + h.start,
        s.start + h.end,
      );
      const unit = h.unit ?? sub.unit ?? sub.head;
      if (unit) c.unit = unit;
      if (h.lang === 'fr') c.lang = 'fr';
      out.push(c);
      found = true;
      if (out.length >= max) break;
    }
    if (found || out.length >= max) continue;
    // A dated event without a figure.
    if (!ev && !ea) continue;
    const date = findDate(s.text);
    if (!date) continue;
    if (ev) {
      const before = s.text.slice(0, ev.index).split(/[,;:]/).pop()!.trim().replace(/^(?:since|when|after|before|as|while|depuis|quand|lorsque)\s+/i, '');
      const words = before.replace(DET, '').split(/\s+/).filter(Boolean);
      if (!words.length || words.length > 6) continue;
      if (/^(?:which|who|that|where|when|what|and|but|it|he|she|they|we|i|you|there|this|qui|que|il|elle|ils|elles|on)$/i.test(words[0])) continue;
      out.push(withSpeaker({ ...base(), quantity: null, qualifier: 'none', subject: words.join(' ') }, s.start + ev.index, s.start + ev.index + ev[0].length));
      continue;
    }
    if (ea) {
      const after = folded.slice(ea.index + ea[0].length).trim().split(/\s+/).slice(0, 3).join(' ');
      if (after) out.push(withSpeaker({ ...base(), quantity: null, qualifier: 'none', subject: after }, s.start, s.end));
    }
  }
  return out;
}
