/**
 * Who gives a figure: the sourcing attribution whose span covers the figure's offsets (the
 * narrowest, so a quote inside a relayed report goes to the person quoted), with a few
 * claim-level fallbacks for sentences the attribution grammar leaves unattributed:
 * a trailing cue after the figure ("…, a monitor said", "…, according to X", "…، بحسب
 * ما أفادت مصادر"), a clause-initial reporting verb before it ("CNN reported at least six…",
 * "أعلنت قوات البيشمركة أنها…", "In a Gallup poll, 40 percent…"), a subject-less follow-up
 * cue that continues the previous source ("وأشارت إلى مقتل 18…"), and the organisation
 * behind a generic statement ("وقال المرصد في بيان" → المرصد). None → the author's voice.
 */
import type { Attribution, AttributionKind } from '../sourcing';

export interface Speaker {
  source: string;
  kind: AttributionKind;
  via?: string;
  sourceId?: string;
}
interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Characters of the sentence looked at on each side of a figure. */
const WINDOW = 400;
const RANK: Record<AttributionKind, number> = { 'named-person': 4, organisation: 3, 'group-media': 3, anonymous: 3, outlet: 2, document: 1, unattributed: 0 };
const AR = /[\u0600-\u06ff]/;

/** A statement, a communiqué: the organisation named before it says more. */
const GENERIC_DOC = /^(?:(?:a|the|its|their)\s+)?(?:statement|communiqu[eé]|press release)\b|^(?:ال)?بيان(?:ا|ها|ه)?(?:\s|$)/iu;
const AR_VERB =
  '(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|ذكر|ذكرت|أفاد|أفادت|افاد|افادت|أكد|أكدت|اكد|اكدت|كشف|كشفت|أوضح|أوضحت|اوضح|اوضحت|أشار|أشارت|اشار|اشارت|أضاف|أضافت|اضاف|اضافت)';
/** "وقال المرصد في بيان" → المرصد. */
const AR_BEFORE_DOC = new RegExp(`${AR_VERB}\\s+((?:[^\\s،,.:]+\\s+){0,4}?[^\\s،,.:]+)\\s+(?:في|ب)\\s*بيان`, 'u');
/** "وفي بيان منفصل قال الجيش الأمريكي إن" → الجيش الأمريكي. */
const AR_DOC_THEN_VERB = new RegExp(`بيان[^،,.:]{0,25}?\\s${AR_VERB}\\s+((?:[^\\s،,.:]+\\s+){0,4}?[^\\s،,.:]+)\\s+(?:أن|إن|ان)(?=\\s)`, 'u');
const EN_BEFORE_DOC = /\b((?:the\s+)?(?:[A-Z][\w.&'’-]*\s+){0,5}[A-Z][\w.&'’-]*|the\s+\w+)\s+(?:said|says|announced|reported)\s+in\s+(?:a|its|their)\s+statement/u;

/** Clause-initial reporting verb with its subject, figure after it. */
const AR_LEAD = new RegExp(
  `(?:^|[،,:]\\s*|\\s)[وف]?(?:من\\s+(?:جهته|جهتها|جهتهم|ناحيته|ناحيتها|ناحيتهم|جانبه|جانبها)[،,]?\\s+)?${AR_VERB}\\s+((?:[^\\s،,.:"«»]+\\s+){0,6}?[^\\s،,.:"«»]+)(?:\\s+(?:أمس|اليوم|امس)(?:\\s+(?:الأول|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد))?)?(?:\\s+(?:في|عبر)\\s+بيان[^:،,.]{0,60}?)?\\s*:?\\s+(?:أن|أنه|أنها|أنهم|ان|انه|انها|إن|إنه|بأن|بان|عن|إلى|الى|ب(?=مقتل|إصابة|سقوط))`,
  'u',
);
/** "وما أعلنت عنه وزارة الداخلية من…", "ووفقا لبيان الجيش فإن…", "وبحسب مدريد فقد…", "في بيان منفصل قال الجيش إن…". */
const AR_LEAD2 = new RegExp(
  `${AR_VERB}\\s+عنه\\s+((?:[^\\s،,.:]+\\s+){0,4}?[^\\s،,.:]+)\\s+من(?=\\s)|(?:وفقا|وفقاً|طبقا|استنادا)\\s+ل([^\\s،,.:]+(?:\\s+[^\\s،,.:]+){0,4}?)\\s+(?:فإن|فان|فقد|ف)|(?:بحسب|حسب)\\s+([^\\s،,.:]+(?:\\s+[^\\s،,.:]+){0,4}?)\\s+(?:فإن|فان|فقد)|بيان[^،,.:]{0,25}?\\s${AR_VERB}\\s+((?:[^\\s،,.:]+\\s+){0,4}?[^\\s،,.:]+)\\s+(?:أن|إن|ان)(?=\\s)`,
  'u',
);
/** Sentence-initial reporting verb with a noun-phrase subject ("وأعلنت خلية الإعلام الحربي مقتل…"). */
const AR_LEAD_INIT = new RegExp(`^[\\s"«]*[وف]?(?:قد\\s+)?${AR_VERB}\\s+([^\\s،,.:"«»]+(?:\\s+[وبل]?ال[^\\s،,.:"«»]+){0,3})`, 'u');
const AR_NOT_SUBJECT = /^(?:في|فى|أن|إن|ان|عن|الى|إلى|على|علي|من|بأن|بان|أنه|انه|إنه|أنها|انها|لـ|ل|له|لها|أمس|امس|اليوم|مقتل|إصابة|اعتقال|عدد|عددا|نحو|حوالي)(?:\s|$)/u;
/** Cheap pre-checks: a sentence head without any of these has no leading cue. */
const AR_ANY_CUE = new RegExp(`${AR_VERB}|بحسب|حسب|وفق|طبقا|استنادا|جاء|ورد`, 'u');
const EN_ANY_CUE = /\b(?:says|said|reported|reports|announced|estimates|estimated|found|told|In|According)\b/u;
const AR_LEAD_DOC = /(?:^|\s)[وف]?(?:جاء|ورد)\s+في\s+(بيان[^\s،,.:"«»]*(?:\s+[^\s،,.:"«»]+){0,4}?|البيان)\s*[:،]/u;
const EN_LEAD =
  /(?:^|[,;:]\s+|\bthat\s+)((?:[Tt]he\s+|an?\s+)?(?:[A-Z][\w.&'’/-]*\s+){0,5}[A-Z][\w.&'’/-]*|[Tt]he\s+\w+(?:\s+\w+)?)\s+(?:says|said|reported|reports|announced|estimates|estimated|told\s+[\w ]{1,30}?|(?=[^,;:]*\b(?:[Pp]oll|[Ss]urvey|[Ss]tudy|[Rr]eport|[Aa]nalysis|[Rr]eview|[Cc]ensus)\b)\S*\s*found)\s+(?:that\s+)?/u;
const EN_IN_DOC =
  /^(?:In|According to)\s+((?:a|an|the)\s+[^,]{0,90}?\b(?:poll|survey|study|report|census|count|tally|analysis|estimate)s?\b)[^,]{0,80},/iu;
const EN_ACCORDING = /^According to\s+([^,]{2,90}),/u;

/** Trailing cue after the figure, to the end of the sentence. */
const EN_TRAIL = /,\s+(?:(?:according\s+to|selon|d['’]apr[eè]s)\s+([^,.;]{2,90})|((?:the\s+|a\s+|an\s+)?[^,.;]{1,70}?)\s+(?:said|says|reported|told\s+[^,.;]{1,40}|announced|estimated|a\s+(?:dit|déclaré|annoncé|indiqué)|selon\s+\S+)(?:\s+(?:on|in|late|early|last|this|yesterday|today|mardi|lundi)\b[^,.;]{0,25})?)\s*[.;]?\s*$/u;
const AR_TRAIL = /[،,]\s*(?:و)?(?:بحسب|حسبما|حسب|وفق|وفقا\s+ل|وفقاً\s+ل|طبقا\s+ل|نقلا\s+عن|نقلاً\s+عن)\s*(?:(?:ما\s+)?(?:أفاد|أفادت|افادت|ذكر|ذكرت|قال|قالت|أعلن|أعلنت|أكد|أكدت|أورد|أوردت)(?:ه|ته)?\s+(?:به\s+)?)?([^،,.]{2,80})[.]?\s*$/u;

/** Subject-less follow-up cue: the previous source goes on speaking. */
const AR_FOLLOW = /^[\s"«]*[وف]?(?:أنه|انه|أن|ان)\s|^[\s"«]*[وف]?(?:أشار|أشارت|اشار|اشارت|لفت|لفتت|أضاف|أضافت|اضاف|اضافت|تابع|تابعت|أوضح|أوضحت|اوضح|اوضحت|أكد|أكدت|بين|بينت|ذكر|ذكرت)\s+(?:إلى|الى|أن|ان|إن|بأن)(?=\s)/u;
const EN_FOLLOW = /^[\s"“]*(?:He|She|They|It)\s+(?:added|said|noted|continued|went on)\b/u;

const PRONOUN = /^(?:he|she|they|it|we|i|هو|هي|هم|انه|أنه|إنه)$/iu;
const NOT_SOURCE = /^(?:there|this|that|which|who|it|he|she|they|percent|\d)/i;

function clean(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, (m) => (/^the\s/i.test(m) ? m : '')).replace(/\s+/g, ' ').trim();
}

/** Where the first cue word of a sentence is (-1: none); cached for the figures of one sentence. */
let cueCache: { s: string; at: number } | null = null;
function firstCue(s: string, ar: boolean): number {
  if (cueCache && cueCache.s === s) return cueCache.at;
  const m = (ar ? AR_ANY_CUE : EN_ANY_CUE).exec(s);
  cueCache = { s, at: m ? m.index : -1 };
  return cueCache.at;
}

function covering(items: Attribution[], at: number, end: number): Attribution | null {
  let best: Attribution | null = null;
  for (const a of items) {
    if (a.kind === 'unattributed' || a.start > at || a.end < end) continue;
    if (!best) best = a;
    else {
      const w = a.end - a.start;
      const bw = best.end - best.start;
      if (w < bw || (w === bw && RANK[a.kind] > RANK[best.kind])) best = a;
    }
  }
  return best;
}

function fromAttribution(text: string, a: Attribution): Speaker {
  const sp: Speaker = { source: a.source, kind: a.kind };
  if (a.via) sp.via = a.via;
  if (a.sourceId) sp.sourceId = a.sourceId;
  if (a.kind === 'document' && GENERIC_DOC.test(a.source.trim())) {
    // "The ministry said in a statement" / "وقال المرصد في بيان": the organisation speaks.
    const head = text.slice(a.start, Math.min(a.end, a.start + 200));
    const m = AR.test(head) ? (AR_BEFORE_DOC.exec(head) ?? AR_DOC_THEN_VERB.exec(head)) : EN_BEFORE_DOC.exec(head);
    if (m && !PRONOUN.test(m[1])) return { source: clean(m[1]), kind: 'anonymous' };
  }
  return sp;
}

/** Who gives the figure at [at, end) of `text`, inside `sentence` (offsets in `text`). */
export function speakerFor(text: string, items: Attribution[], at: number, end: number, sentence: SentenceSpan, before: SentenceSpan[] = []): Speaker | null {
  const a = covering(items, at, end);
  const s = sentence.text;
  const rel = at - sentence.start;
  const relEnd = end - sentence.start;
  const ar = AR.test(s);
  if (a) {
    // "أكدت حكومة الأنبار ضم آلاف…، وأعلن المتحدث… أن": the figure sits before the cue of the
    // covering attribution, in a clause with its own reporting verb.
    const cue = a.cue ? text.indexOf(a.cue, Math.max(a.start, sentence.start)) : -1;
    if (cue > end && cue < sentence.end && ar) {
      const lead = AR_LEAD.exec(s.slice(0, rel)) ?? AR_LEAD_INIT.exec(s.slice(0, rel));
      if (lead && !PRONOUN.test(lead[1]) && !AR_NOT_SUBJECT.test(lead[1]) && !/[0-9٠-٩]/.test(lead[1])) return { source: lead[1].trim(), kind: 'anonymous' };
    }
    return fromAttribution(text, a);
  }
  // A trailing cue after the figure (a cue far away belongs to another clause; the bound keeps
  // long sentences with many figures linear).
  const tail = s.length - relEnd <= WINDOW ? s.slice(relEnd) : '';
  const tm = tail ? (ar ? AR_TRAIL : EN_TRAIL).exec(tail) : null;
  if (tm) {
    const src = clean(tm[1] ?? tm[2] ?? '');
    if (src && !NOT_SOURCE.test(src) && !/\d/.test(src)) return { source: src, kind: 'anonymous' };
  }
  // A reporting verb before the figure, in the same sentence.
  // Anchored patterns see the sentence start; the others a window before the figure.
  const head = rel <= WINDOW ? s.slice(0, rel) : s.slice(rel - WINDOW, rel);
  const opening = rel <= WINDOW ? head : s.slice(0, WINDOW);
  const cueAt = firstCue(s, ar);
  if (cueAt < 0 || cueAt >= rel) {
    // no leading cue
  } else if (ar) {
    const dm = AR_LEAD_DOC.exec(head);
    if (dm) return { source: dm[1].trim(), kind: 'document' };
    const l2 = AR_LEAD2.exec(head);
    const src2 = l2 ? (l2[1] ?? l2[2] ?? l2[3] ?? l2[4]) : undefined;
    if (src2 && !PRONOUN.test(src2) && !/[0-9٠-٩]/.test(src2)) return { source: src2.trim(), kind: 'anonymous' };
    const lm = AR_LEAD.exec(head);
    if (lm && !PRONOUN.test(lm[1]) && !/[0-9٠-٩]/.test(lm[1])) return { source: lm[1].trim(), kind: 'anonymous' };
    const li = AR_LEAD_INIT.exec(opening);
    if (li && !PRONOUN.test(li[1]) && !AR_NOT_SUBJECT.test(li[1]) && !/[0-9٠-٩]/.test(li[1])) return { source: li[1].trim(), kind: 'anonymous' };
  } else {
    const im = EN_IN_DOC.exec(opening);
    if (im) return { source: clean(im[1]), kind: 'document' };
    const am = EN_ACCORDING.exec(opening);
    if (am && !/\d/.test(am[1])) return { source: clean(am[1]), kind: 'anonymous' };
    const lm = EN_LEAD.exec(head);
    if (lm && !NOT_SOURCE.test(lm[1]) && !PRONOUN.test(lm[1]) && !/\d/.test(lm[1])) return { source: clean(lm[1]), kind: 'anonymous' };
  }
  // A subject-less follow-up cue continues the previous attributed sentence.
  const closesQuote = /[»”"]\s*[.]?\s*$/.test(s.slice(-8)) && !/[«“]/.test(s) && (s.match(/"/g)?.length ?? 0) < 2;
  if ((ar ? AR_FOLLOW : EN_FOLLOW).test(s) || closesQuote) {
    // Whoever gives the end of the sentence before (up to three sentences back).
    const p = before[before.length - 1];
    if (p && sentence.start - p.end < 400) return speakerFor(text, items, Math.max(p.start, p.end - 1), p.end, p, before.slice(-3, -1));
  }
  return null;
}
