/**
 * Arabic subjects written before their verb (SVO) inside a frame: after a clause opener
 * ("وكانت الحكومة … قد أكدت", "أما الباحث … فبيّن") or before a relative pronoun ("حزب العمال
 * الذي أعلن …"). Split from arabic.ts (module size); the cue loop there calls it.
 */
import type { ExtractorState } from './extractor-state';
import type { Cls } from './grammar';
import { AR_DOC_HEADS, AR_NP_STOP, AR_ORG_HEADS, AR_PREPS, AR_ROLE_HEADS, AR_VERBS } from './lexicon';
import { classifyArabic } from './arabic-speaker';
import type { Tok } from './tokens';

/** Clause openers after which the subject comes before its verb: "وكانت الحكومة … أكدت", "أما الباحث … فبيّن". */
const FRAME = /^(?:كان|كانت|وكان|وكانت|فكان|فكانت|اما|واما|ان|بان|لان|وان|وبان)$/;

/**
 * The subject written between a clause opener and the verb (SVO): "وكانت الحكومة المحلية في
 * الأنبار دعت …", "أما الباحث الاجتماعي أحمد الصفحي فبيّن …", "وكانت «مجموعة العمل …» قد بينت",
 * or before a relative pronoun: "حزب العمال الكردستاني الذي أعلن …", "قاضي داعش أبو سليمان الذي ذكر".
 * `q` is the last token before the verb (and its قد).
 */
export function framedSubject(x: ExtractorState, toks: Tok[], orig: (a: number, b: number) => string, q: number): Cls | null {
  let from = -1;
  let to = q + 1;
  if (/^(?:الذي|التي)$/.test(toks[q].low)) {
    to = q;
    let p = q - 1;
    while (p >= 0 && q - p <= 7 && (!toks[p].punct || /^[«»"“”]$/.test(toks[p].raw)) && !AR_NP_STOP.has(toks[p].low)) p--;
    // Start at the first role, body or document head of the phrase ("برسالة استقالة قاضي داعش أبو سليمان", "نظرية نشأة داعش التي تقول").
    for (let r = p + 1; r < to && from < 0; r++) {
      const lw = toks[r].low.replace(/^ل(?=ال|تنظيم)/, '');
      if (AR_ROLE_HEADS.has(lw) || AR_ORG_HEADS.has(lw) || AR_ORG_HEADS.has(lw.replace(/^ال/, '')) || AR_DOC_HEADS.has(lw)) from = r;
    }
    if (from < 0) return null;
  } else {
    // Inside quotation marks an opener is part of a name ("«سي ان ان تورك»"): marks toggle it.
    let inQ = toks[q].punct;
    for (let c = q - 1, words = 0; c >= 0 && words < 14; c--) {
      if (toks[c].punct && !/^[«»"“”]$/.test(toks[c].raw)) return null;
      if (toks[c].punct) inQ = !inQ;
      else if (!inQ && FRAME.test(toks[c].low)) {
        from = c + 1;
        break;
      }
      if (AR_VERBS.has(toks[c].low.replace(/^[وف]/, '')) || AR_PREPS.has(toks[c].low)) return null;
      if (!toks[c].punct) words++;
    }
    if (from < 0 || from >= to) return null;
  }
  const cls = classifyArabic(x, toks, from, to, orig, true);
  if (cls.length === 1 && cls[0].k !== 'pronoun') return cls[0];
  // A body after a joined ل before الذي ("ولاءها لتنظيم «داعش» الذي أعلن …"): the body without the ل.
  if (/^ل(?:تنظيم|حزب|جماعه|حركه)$/.test(toks[from].low) && to - from >= 2) {
    const rest = classifyArabic(x, toks, from + 1, to, orig, true);
    if (rest.length === 1 && (rest[0].k === 'organisation' || rest[0].k === 'group-media')) return { k: 'organisation', label: `${orig(from, from + 1).slice(1)} ${orig(from + 1, to).replace(/[«»"“”]/g, '')}` };
  }
  // A name in quotation marks as the subject ("وكانت «مجموعة العمل …» قد بينت"): a body.
  if (/^[«"“]$/.test(toks[from].raw) && /^[»"”]$/.test(toks[to - 1].raw) && to - from >= 3) return { k: 'organisation', label: orig(from + 1, to - 1) };
  return null;
}

/** "من جهته", "من جانبه", "بدوره" (folded): an aside between a subject and its verb. */
const ASIDE = /^(?:جهته|جهتها|جانبه|جانبها|ناحيته|ناحيتها)$/;

/**
 * A subject that opens the sentence, then an aside, then the verb at `i`: "سامي العلي من جهته
 * قال: …", "سامي العلي، من جهته، قال إن …", "الوزير سامي العلي بدوره قال …". The aside marks
 * the words before it as the topic that speaks (a new speaker taking the floor), so a bare name
 * of two or three words is a person there.
 */
export function asideSubject(x: ExtractorState, toks: Tok[], orig: (a: number, b: number) => string, i: number): Cls | null {
  let q = i - 1;
  if (q >= 0 && toks[q].punct && /^[،,]$/.test(toks[q].raw)) q--;
  if (q < 0 || toks[q].punct) return null;
  if (/^(?:بدوره|بدورها)$/.test(toks[q].low)) q--;
  else if (ASIDE.test(toks[q].low) && toks[q - 1]?.low === 'من') q -= 2;
  else return null;
  if (q >= 0 && toks[q].punct && /^[،,]$/.test(toks[q].raw)) q--;
  // The subject: every token from the sentence start, words only, one to eight of them.
  if (q < 0 || q > 7) return null;
  for (let c = 0; c <= q; c++) if (toks[c].punct || AR_NP_STOP.has(toks[c].low) || AR_VERBS.has(toks[c].low.replace(/^[وف]/, ''))) return null;
  const cls = classifyArabic(x, toks, 0, q + 1, orig, true);
  if (cls.length === 1 && cls[0].k !== 'pronoun') return cls[0];
  // A bare name: two or three words, the first without the article, none a known noun.
  const ws = toks.slice(0, q + 1);
  if (ws.length >= 2 && ws.length <= 3 && !ws[0].low.startsWith('ال') && ws.every((t) => t.low.length >= 3 && !AR_ORG_HEADS.has(t.low) && !AR_DOC_HEADS.has(t.low) && !AR_ROLE_HEADS.has(t.low)))
    return { k: 'person', name: x.findPerson(orig(0, q + 1))?.name ?? orig(0, q + 1) };
  return null;
}
