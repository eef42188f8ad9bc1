/**
 * Arabic grammar, sentence by sentence on folded text (see `foldForMatching`): speech
 * verbs with the speaker after them (VSO: "وقال مصدر أمني …") or before them (SVO), "according
 * to" cues (بحسب، وفقا لـ، نقلا عن), outlets a speaker talked to (لوكالة …، في حديث لـ …),
 * documents (في بيان) and credit lines (المصدر: …).
 */
import { foldArabic } from '../text/normalize';
import { creditLine as creditLead } from './credit-line';
import type { ExtractorState } from './extractor-state';
import { MAX_CUES, quoteDepths, type Cls } from './grammar';
import {
  ANONYMITY_AR,
  AR_ANON_HEADS,
  AR_NEGATION,
  AR_ORG_HEADS,
  AR_TIME_WORDS,
  AR_DOC_HEADS,
  AR_NAME_STOP,
  AR_NP_STOP,
  AR_OUTLET_HEADS,
  AR_PARTICIPLES,
  AR_PREPS,
  AR_ROLE_HEADS,
  AR_SKIP_AFTER_VERB,
  AR_VERBS,
} from './lexicon';
import { arOutletAt, arOutletMayStart, outletAtStart, words, writtenOutlet } from './outlets';
import { classifyArabic } from './arabic-speaker';
import { implicitSpeaker, noteOrganisation, verbForm } from './arabic-refs';
import { docSubjectAt, lastLetter, lowerBound, participleReading, spokeHere, verbReading, wholeFold } from './arabic-cues';
import { documents, relayedBy, RELAY_VERB, talkedTo, type ArSentence } from './arabic-tail';
import { asideSubject, framedSubject } from './arabic-framed';
import type { Sentence } from './sentences';
import { tokenize, type Tok } from './tokens';

/** The personal name علي (folded text has no other way to tell it from the preposition على). */
export const ALI = 'عليى';

/** Every word form the cue loop below acts on (a participle, a speech verb or "according to", bare or after و/ف; جاء; على لسان): one look-up for the other words. */
const CUE_FORMS = new Set<string>(['جاء', 'وجاء', 'فجاء', 'علي', 'وعلي', ...AR_PREPS]);
for (const w of [...AR_PARTICIPLES, ...AR_VERBS]) for (const p of ['', 'و', 'ف']) CUE_FORMS.add(p + w);

/** Emit a speaker; organisations are remembered for later subject-less verbs. */
function emitAr(x: ExtractorState, c: Cls, cue: string, at: number): void {
  const d = x.emit(c, cue, at, 'ar');
  if (d && c.k === 'organisation') noteOrganisation(x, c.label, foldArabic(c.label.split(/\s+/)[0] ?? '').replace(/^[وف]/, ''));
}

/** Sentence `s` (it holds Arabic script) of the text. */
export function arabic(x: ExtractorState, s: Sentence): void {
  // The whole text is folded once; a sentence is a slice of it (`map`: folded → original offsets).
  const whole = wholeFold(x);
  const map = whole.map;
  const fs = map ? lowerBound(map, s.start) : s.start;
  const fe = map ? lowerBound(map, s.start + s.text.length) : s.start + s.text.length;
  const f = map ? whole.text.slice(fs, fe) : s.text;
  const toks = tokenize(f, 0, 400);
  if (!toks.length) return;
  const sEnd = s.start + s.text.length;
  const abs = (i: number) => (map ? (fs + i < fe ? map[fs + i] : sEnd) : s.start + i);
  const absEnd = (i: number) => (map ? (i <= 0 ? s.start : fs + i - 1 < fe ? map[fs + i - 1] + 1 : sEnd) : s.start + i);
  // Folding merges the name "علي" with the preposition "على": the name keeps a form of its own.
  for (const t of toks) if (t.low === 'علي' && lastLetter(x.text, absEnd(t.end)) === 0x64a) t.low = t.raw = ALI;
  const orig = (from: number, to: number) => (from >= to ? '' : x.text.slice(abs(toks[from].start), absEnd(toks[to - 1].end)));
  // Credit line "المصدر: X"
  const credit = creditLead(f);
  if (credit) {
    creditOutlet(x, credit.rest, s.start);
    return;
  }
  const n = toks.length;
  const a: ArSentence = { x, toks, n, orig, abs, absEnd };
  let cues = 0;
  const anonymity = ANONYMITY_AR.test(f);
  // Words inside quotation marks are the speaker's own words: a cue form there ("بسبب رأي كتابها")
  // is a cue only with its complementizer ("إن «التقرير يؤكد أن …»": a nested report).
  const quoted = quoteDepths(toks);
  for (let i = 0; i < n && cues < MAX_CUES; i++) {
    const t = toks[i];
    if (t.punct || !CUE_FORMS.has(t.low)) continue;
    if (quoted[i] && !thatWithin(toks, i + 1, 6)) continue;
    // Each kind of cue in a function of its own: -1 when the word is no cue here, else where to go on from.
    const w = t.low;
    let next = -1;
    // A participle in a chain ("، مشيرا إلى أن …", "مؤكدة أن"): the subject of its clause, or the last fitting speaker.
    if ((AR_PARTICIPLES.has(w) || (/^[وف]/.test(w) && AR_PARTICIPLES.has(w.slice(1)))) && participleReading(toks, i)) next = participleCue(a, i);
    else {
      // "وجاء في البيان", "حسبما جاء في تقرير …", "جاء فيه": what a document says.
      if (/^[وف]?جاء$/.test(w) && (toks[i + 1]?.low === 'في' || toks[i + 1]?.low === 'فيه' || toks[i + 1]?.low === 'فيها')) next = documentCue(a, i);
      if (next < 0) next = speechCue(a, i, anonymity);
    }
    if (next < 0) continue;
    cues++;
    i = next;
  }
  cues += relayedBy(a);
  if (!cues) {
    // No cue: a person with a role or a body as the subject is remembered for later "وقال X" / "وأضاف".
    const c = clauseSubject(x, toks, orig, n);
    if (c?.k === 'person') {
      const p = x.findPerson(c.name) ?? x.addPerson(c.name, c.role);
      x.last = { person: p, plural: false, sent: x.si };
    } else if (c?.k === 'organisation') noteOrganisation(x, c.label, foldArabic(c.label.split(/\s+/)[0] ?? '').replace(/^[وف]/, ''));
    return;
  }
  talkedTo(a);
  documents(a);
}

/** A complementizer (أن، إن، بأن، أنه …) or a colon among the `span` tokens from `from`. */
function thatWithin(toks: Tok[], from: number, span: number): boolean {
  for (let q = from; q < toks.length && q < from + span; q++) if (/^(?:ان|انه|انها|انهم|بان|بانه|بانها)$/.test(toks[q].low) || toks[q].raw === ':') return true;
  return false;
}

/** A credit line "المصدر: X": X is the outlet the text was republished from. */
function creditOutlet(x: ExtractorState, rest: string, at: number): void {
  const ct = tokenize(rest);
  const o = arOutletAt(x.idx, words(ct), 0) ?? outletAtStart(x.idx, words(ct), 0, false);
  if (o) {
    const d = x.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'المصدر', at, 'ar');
    if (d) d.republished = true;
  }
}

/** A participle cue at token `i` (counted as a cue): its speaker. */
function participleCue(a: ArSentence, i: number): number {
  const { x, toks, orig, abs } = a;
  if (spokeHere(x, (d) => d.kind !== 'outlet')) return i;
  const w = toks[i].low;
  const c = clauseSubject(x, toks, orig, i) ?? rolePersonBefore(x, toks, orig, i) ?? implicitSpeaker(x, verbForm(w), 2);
  if (c) emitAr(x, c, orig(i, i + 1), abs(toks[i].start));
  return i;
}

/** "جاء في / فيه / فيها" at token `i`: a document, or -1 when none is named or recent. */
function documentCue(a: ArSentence, i: number): number {
  const { x, toks, n, orig, abs } = a;
  const at = abs(toks[i].start);
  const nx = toks[i + 2];
  if (toks[i + 1].low === 'في' && nx && !nx.punct && AR_DOC_HEADS.has(nx.low.replace(/^ال(?=تقارير)/, ''))) {
    let e = i + 3;
    while (e < n && e - i < 7 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && !/^(?:ان|انه)$/.test(toks[e].low) && !AR_TIME_WORDS.has(toks[e].low)) e++;
    emitAr(x, { k: 'document', label: orig(i + 2, e) }, orig(i, i + 2), at);
    return i;
  }
  if (toks[i + 1].low !== 'في') {
    const doc = [...x.drafts].reverse().find((d) => d.kind === 'document' && x.si - d.sent <= 3);
    if (doc) {
      emitAr(x, { k: 'document', label: doc.source }, orig(i, i + 2), at);
      return i;
    }
  }
  return -1;
}

/** A speech verb or an "according to" at token `i`: its speakers and outlets, or -1 when it is no cue here. */
function speechCue(a: ArSentence, i: number, anonymity: boolean): number {
  const { x, toks, n, orig, abs, absEnd } = a;
  const w = toks[i].low;
  const bare = AR_VERBS.has(w) ? w : /^[وف]/.test(w) && AR_VERBS.has(w.slice(1)) ? w.slice(1) : null;
  const isPrep = AR_PREPS.has(w) || (w === 'علي' && toks[i + 1]?.low === 'لسان') || (w === 'وعلي' && toks[i + 1]?.low === 'لسان');
  if (!bare && !isPrep) return -1;
  // Negated reports ("ولا يوضح", "لم يؤكد") are no attribution.
  if (bare && i > 0 && AR_NEGATION.has(toks[i - 1].low)) return -1;
  // Conditionals ("وإن زعم …", "لو قال", "إذا أعلن") report nothing.
  if (bare && i > 0 && /^(?:وان|لو|ولو|اذا|واذا|فاذا)$/.test(toks[i - 1].low)) return -1;
  if (bare && !verbReading(bare, toks, i, orig)) return -1;
  const cue = orig(i, i + 1);
  const at = abs(toks[i].start);
  let j = i + 1;
  if (isPrep) {
    if (w.endsWith('علي')) j++;
    if ((w === 'وفقا' || w === 'ووفقا' || w === 'طبقا') && toks[j]?.low === 'ل') j++;
    if ((w === 'نقلا' || w === 'استنادا') && toks[j] && /^(?:عن|الي|ل)$/.test(toks[j].low)) j++;
    // "حسبما أفادوا", "حسبما ذكرت وكالة …": the verb after the fused ما.
    if (/ما$/.test(w) && toks[j] && !toks[j].punct && AR_VERBS.has(toks[j].low.replace(/^[وف]/, ''))) j++;
    if (toks[j]?.low === 'ما') {
      j++;
      // the verb of "بحسب ما أوردته / ذكرت / أفاد به"
      if (toks[j] && !toks[j].punct) j++;
      if (toks[j]?.low === 'به' || toks[j]?.low === 'بها') j++;
    }
  } else {
    while (j < n && !toks[j].punct && (AR_SKIP_AFTER_VERB.has(toks[j].low) || toks[j].low === 'من' && toks[j + 1]?.low === 'جهته')) j += toks[j].low === 'من' ? 2 : 1;
  }
  // "ونقلت وكالة الأناضول عن مصدر أمني أن …": the speaker follows عن, the outlet is relayed.
  let relayVia: { name: string; sourceId: string | null } | null = null;
  if (bare === 'نقلت' || bare === 'نقل') {
    const ws = words(toks, j, Math.min(n, j + 8));
    const o = arOutletAt(x.idx, ws, 0);
    if (o && ws[o.next - 1]) {
      let e = ws[o.next - 1].tok + 1;
      while (e < n && e - j < 10 && toks[e].low !== 'عن') e++;
      if (toks[e]?.low === 'عن') {
        relayVia = { name: writtenOutlet(x.idx, orig, ws, o), sourceId: o.sourceId };
        j = e + 1;
      }
    }
    if (!relayVia) return i;
  }
  // "قال لوكالة رويترز مسؤول …": the outlet comes before the speaker.
  let viaFirst: { name: string; sourceId: string | null } | null = null;
  if (j < n && /^ل/.test(toks[j].low) && !isPrep && arOutletMayStart(x.idx, toks[j].low)) {
    const ws = words(toks, j, Math.min(n, j + 8));
    const o = arOutletAt(x.idx, ws, 0);
    if (o && ws[o.next - 1]) {
      viaFirst = { name: writtenOutlet(x.idx, orig, ws, o), sourceId: o.sourceId };
      j = ws[o.next - 1].tok + 1;
    }
  }
  // "وقال أمام الصحافيين …", "وأضاف خلال مؤتمر صحفي": the circumstances, no subject.
  const k = !isPrep && CIRCUMSTANCE.test(toks[j]?.low ?? '') ? j : speakerEnd(x, toks, j, isPrep);
  let cls: Cls[];
  // SVO ("محللون يرون أن …", "وكانت القيادة … قد أعلنت"): no subject after a verb that does not open its clause.
  let q = i - 1;
  while (q >= 0 && !toks[q].punct && /^(?:قد|وقد|كان|كانت|وكان|وكانت|فقد|لقد)$/.test(toks[q].low)) q--;
  const clauseStart = q < 0 || toks[q].punct || /^(?:ثم|كما|بينما|فيما|حين|حيث)$/.test(toks[q].low);
  // "سامي العلي، قال إن …": a short subject and a comma before the verb.
  const commaSubject = j === k && !isPrep && q > 0 && q < 5 && (toks[q].raw === '،' || toks[q].raw === ',') && toks.slice(0, q).every((tk) => !tk.punct);
  const framed = bare && !isPrep && q >= 1 && !toks[q].punct || (q >= 1 && /^[»"”]$/.test(toks[q].raw)) ? framedSubject(x, toks, orig, q) : null;
  const aside = !framed && bare && j === k ? asideSubject(x, toks, orig, i) : null;
  if (framed || aside) cls = [(framed ?? aside)!];
  else if (commaSubject) {
    cls = classifyArabic(x, toks, 0, q, orig, true);
    const w0 = toks[0].low;
    if (!cls.length && q === 1 && w0.startsWith('ال') && w0.length >= 5 && !AR_NAME_STOP.has(w0) && !AR_ORG_HEADS.has(w0) && !AR_ANON_HEADS.has(w0.slice(2)) && !AR_ROLE_HEADS.has(w0) && !AR_DOC_HEADS.has(w0)) cls = [{ k: 'person', name: x.findPerson(orig(0, 1))?.name ?? orig(0, 1) }];
    if (!cls.length) cls = classifyArabic(x, toks, j, k, orig, isPrep);
  } else if (j === k && !isPrep && !clauseStart) {
    let p0 = q;
    while (p0 >= 0 && !toks[p0].punct && i - p0 < 8 && !AR_NP_STOP.has(toks[p0].low)) p0--;
    // "وظهر في الفيديو رجل ملثم يقول …": the medium before the subject is no part of it.
    const dr = docSubjectAt(toks, p0 + 2, q, i);
    const s0 = p0 >= 0 && toks[p0].low === 'في' && p0 + 1 < q && AR_DOC_HEADS.has(toks[p0 + 1].low) ? p0 + 2 : dr > 0 ? dr : p0 + 1;
    cls = classifyArabic(x, toks, s0, q + 1, orig, true);
    // "عثر على كتب تكفيرية تحث …": a noun after a preposition is its object, the verb a clause describing it; a bare name there is no speaker.
    if (p0 >= 0 && /^(?:علي|في|من|عن|الي|مع)$/.test(toks[p0].low) && cls.length === 1 && cls[0].k === 'person' && !cls[0].role) cls = [];
  } else cls = classifyArabic(x, toks, j, k, orig, isPrep);
  if (cls.length === 1 && cls[0].k === 'pronoun' && bare) {
    const c = clauseSubject(x, toks, orig, i) ?? implicitSpeaker(x, verbForm(bare));
    cls = c ? [c] : [];
  }
  // "أحد سكان البلدة ويدعى سامي العلي": the name given after يدعى.
  if (cls.length === 1 && cls[0].k === 'anonymous' && /^و?يدعي$/.test(toks[k]?.low ?? '') && lastLetter(x.text, absEnd(toks[k].end)) === 0x649) {
    const e = speakerEnd(x, toks, k + 1, true);
    const nm = words(toks, k + 1, Math.min(e, k + 4));
    if (nm.length >= 2) cls = [{ k: 'person', name: orig(k + 1, nm[nm.length - 1].tok + 1), role: orig(j, k) }];
  }
  if (anonymity && cls.length === 1 && cls[0].k === 'person') cls = [{ k: 'anonymous', label: orig(j, k), lemma: 'مصدر', plural: false, definite: false }];
  for (const c of cls) {
    // For anonymous heads, keep the descriptive complement in the label ("مسؤول في وزارة الداخلية").
    if (c.k === 'anonymous' && !c.definite && j < k && k < n && (toks[k].low === 'في' || toks[k].low === 'من' || toks[k].low === 'داخل')) {
      let e = k + 1;
      while (e < n && e - k < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && !/^(?:رفض|طلب|فضل)$/.test(toks[e].low)) e++;
      if (e > k + 1) c.label = orig(j, e);
    }
    emitAr(x, c, cue, at);
  }
  if (viaFirst) x.via(viaFirst, cue, at, 'ar');
  if (relayVia) x.via(relayVia, cue, at, 'ar');
  return Math.max(i, j - 1);
}

/** End of the speaker phrase that starts at token `j` (after a verb or an "according to"). */
function speakerEnd(x: ExtractorState, toks: Tok[], j: number, isPrep: boolean): number {
  const n = toks.length;
  let k = j;
  // A role phrase may hold a complement with في / من ("مدير المركز الإعلامي في نينوى رأفت الزراري").
  const roleNP = j < n && !toks[j].punct && (AR_ROLE_HEADS.has(toks[j].low) || AR_ROLE_HEADS.has(toks[j].low.replace(/^ال/, '')));
  while (k < n && k - j < (roleNP ? 20 : 9)) {
    const tk = toks[k];
    // A hashtag is a word ("مسلسل #سيلفي").
    if (tk.punct && !/^[«»"“”#]$/.test(tk.raw)) break;
    // A name followed directly by a quotation: "وقال سامي العلي «…»".
    const pw = toks[k - 1]?.low ?? '';
    if (tk.punct && k > j && !isPrep && (tk.raw === '«' || tk.raw === '"' || tk.raw === '“') && !/^(?:في|من|ب|ل|باسم|تنظيم|حركه|جماعه|لتنظيم)$/.test(pw) && !AR_OUTLET_HEADS.has(pw) && !AR_OUTLET_HEADS.has(pw.replace(/^[لبو]/, '')) && !AR_ORG_HEADS.has(pw)) break;
    if (!tk.punct) {
      const lw = tk.low;
      if (roleNP && (lw === 'في' || lw === 'ب' || lw === 'باسم') && k > j && !(lw === 'في' && INTERVIEW.test(toks[k + 1]?.low ?? ''))) {
        k++;
        continue;
      }
      if (k > j && AR_TIME_WORDS.has(lw) && lw !== 'اول') break;
      // ("عبر حسابه في تويتر": the medium the speaker used ends the phrase.)
      if (AR_NP_STOP.has(lw) || SPEAKER_END.test(lw) || (k > j && (AR_PREPS.has(lw) || RELAY_VERB.test(lw) || lw === 'عبر'))) break;
      if (k > j && /^ل/.test(lw) && (AR_OUTLET_HEADS.has(lw.slice(1)) || (arOutletMayStart(x.idx, lw) && arOutletAt(x.idx, words(toks, k, Math.min(n, k + 6)), 0)))) break;
      if (k > j && (AR_VERBS.has(lw) || (/^[وف]/.test(lw) && AR_VERBS.has(lw.slice(1))) || AR_PARTICIPLES.has(lw))) break;
    }
    k++;
  }
  return k;
}
const CIRCUMSTANCE = /^(?:امام|خلال|عقب|اثناء|لدي|عند|بعد|قبل|بوضوح|مجددا|صراحه|بدوره|بدورها)$/;
const INTERVIEW = /^(?:تصريح|حديث|مقابل|لقاء|اتصال|كلم|بيان|تغريد|مداخل|حوار|موتمر)/;
const SPEAKER_END = /^(?:رفض|رفضت|طلب|طلبت|فضل|فضلت|شريطه|مشترطا|مفضلا|مضيفا|موضحا|مشيرا|قايلا)$/;

/** The last "role + name" phrase before token `before` ("… وأنت تسمع المرشد الإيراني علي خامنئي يقول …، بالقول"). */
function rolePersonBefore(x: ExtractorState, toks: Tok[], orig: (a: number, b: number) => string, before: number): Cls | null {
  for (let r = before - 1; r >= 0 && before - r < 40; r--) {
    const lw = toks[r].low;
    if (toks[r].punct || !(AR_ROLE_HEADS.has(lw) && lw.startsWith('ال'))) continue;
    if (r > 0 && AR_ROLE_HEADS.has(toks[r - 1].low)) continue;
    const k = Math.min(before, speakerEnd(x, toks, r, false));
    const cls = k - r >= 3 ? classifyArabic(x, toks, r, k, orig, true) : [];
    if (cls.length === 1 && cls[0].k === 'person' && cls[0].role) return cls[0];
  }
  return null;
}

/** Adverbial openers before the clause's verb ("إلى ذلك،", "من جهته،", "ميدانيا"). */
const OPENER = /^(?:الي|والي|من|ومن|في|وفي|ميدانيا|فنيا|سياسيا|عسكريا|امنيا|بدوره|بدورها|كذلك|ايضا|وبدوره|وبدورها)$/;

/**
 * The subject of the sentence's first clause when it opens with a verb (VSO) and names a
 * person with a role, an organisation or an anonymous source: "شكلت رئاسة محكمة … ، مشيرة
 * إلى …", "التقى وزير الدفاع الأمريكي أشتون كارتر …" (so that a later "وقال كارتر" is known).
 */
function clauseSubject(x: ExtractorState, toks: Tok[], orig: (a: number, b: number) => string, before: number): Cls | null {
  let p = 0;
  // "من جانبه رفض السفير …" (no comma after the opener).
  if (/^و?من$/.test(toks[0]?.low ?? '') && /^(?:جانبه|جانبها|جهته|جهتها|ناحيته|ناحيتها|جانبهم|جهتهم)$/.test(toks[1]?.low ?? '') && !toks[2]?.punct) p = 2;
  // "إلا أن المحلل … يشكك …، ويرى": a subject after "but" + أن.
  else if (/^(?:الا|غير|بيد|لكن|ولكن|كما)$/.test(toks[0]?.low ?? '') && toks[1]?.low === 'ان') p = 2;
  else if (toks[0] && OPENER.test(toks[0].low)) {
    let c = 1;
    while (c < toks.length && c < 5 && !toks[c].punct) c++;
    if (!toks[c]?.punct || toks[c].raw === '.') return null;
    p = c + 1;
  }
  if (toks[p] && AR_NEGATION.has(toks[p].low)) p++;
  const v = toks[p];
  // SVO: a role phrase opens the sentence ("الكاتب الساخر سامي العلي، بدوره، أجاب …").
  if (v && !v.punct && (AR_ROLE_HEADS.has(v.low) || AR_ROLE_HEADS.has(v.low.replace(/^ال/, '')))) {
    const k = Math.min(before, speakerEnd(x, toks, p, false));
    const cls = k - p >= 2 ? classifyArabic(x, toks, p, k, orig, true) : [];
    return cls.length === 1 && cls[0].k === 'person' && cls[0].role ? cls[0] : null;
  }
  // A verb may start with ال ("التقى", "التحق") when a role or a body follows.
  const alVerb = !!v && v.low.startsWith('ال') && !!toks[p + 1] && (AR_ROLE_HEADS.has(toks[p + 1].low) || AR_ORG_HEADS.has(toks[p + 1].low));
  if (!v || v.punct || p + 1 >= before || (v.low.startsWith('ال') && !alVerb) || AR_NP_STOP.has(v.low) || AR_TIME_WORDS.has(v.low) || v.low.length < 3 || /(?:ون|ين|ات)$/.test(v.low)) return null;
  let j = p + 1;
  while (j < toks.length && !toks[j].punct && AR_SKIP_AFTER_VERB.has(toks[j].low)) j++;
  const k = Math.min(before, speakerEnd(x, toks, j, true));
  if (k - j < 2) return null;
  const cls = classifyArabic(x, toks, j, k, orig, true);
  // A description, then the name between commas: "أبدى نجم الكوميديا …، سامي العلي، قناعة …".
  if (cls.length !== 1 && (toks[k]?.raw === '،' || toks[k]?.raw === ',')) {
    let m = k + 1;
    while (m < toks.length && m - k <= 4 && !toks[m].punct) m++;
    if (m < before && m - k >= 3 && (toks[m]?.raw === '،' || toks[m]?.raw === ',')) {
      const nm = classifyArabic(x, toks, k + 1, m, orig, true);
      if (nm.length === 1 && nm[0].k === 'person' && !nm[0].role) return { k: 'person', name: nm[0].name, role: orig(j, k) };
    }
  }
  if (cls.length !== 1) return null;
  const c = cls[0];
  if (c.k === 'person' && c.role) return c;
  if (c.k === 'organisation' && /\s/.test(c.label)) return c;
  if (c.k === 'anonymous') return c;
  return null;
}
