/**
 * Arabic grammar, sentence by sentence on folded text (see `foldForMatching`): speech
 * verbs with the speaker after them (VSO: "وقال مصدر أمني …") or before them (SVO), "according
 * to" cues (بحسب، وفقا لـ، نقلا عن), outlets a speaker talked to (لوكالة …، في حديث لـ …),
 * documents (في بيان) and credit lines (المصدر: …).
 */
import { foldForMatching, foldArabic } from '../text/normalize';
import { creditLine as creditLead } from './credit-line';
import type { ExtractorState } from './extractor-state';
import { MAX_CUES, type Cls } from './grammar';
import {
  ANONYMITY_AR,
  AR_ANON_HEADS,
  AR_COUNTRIES,
  AR_GROUP_MEDIA,
  AR_NEGATION,
  AR_NOT_NAME,
  AR_ORG_HEADS,
  AR_TIME_WORDS,
  AR_DOC_HEADS,
  AR_NAME_PARTICLES,
  AR_NAME_STOP,
  AR_NP_STOP,
  AR_OUTLET_HEADS,
  AR_PLURAL_ANON,
  AR_PREPS,
  AR_ROLE_HEADS,
  AR_SKIP_AFTER_VERB,
  AR_VERBS,
} from './lexicon';
import { arOutletAt, knownAt, outletAtStart, words } from './outlets';
import type { Sentence } from './sentences';
import { tokenize, type Tok } from './tokens';

/** Sentence `s` (it holds Arabic script) of the text. */
export function arabic(x: ExtractorState, s: Sentence): void {
  const { text: f, map } = foldForMatching(s.text);
  const toks = tokenize(f, 0, 400);
  if (!toks.length) return;
  const abs = (i: number) => s.start + (map ? (i < map.length ? map[i] : s.text.length) : i);
  const absEnd = (i: number) => s.start + (map ? (i <= 0 ? 0 : i - 1 < map.length ? map[i - 1] + 1 : s.text.length) : i);
  const orig = (from: number, to: number) => (from >= to ? '' : x.text.slice(abs(toks[from].start), absEnd(toks[to - 1].end)));
  // Credit line "المصدر: X"
  const credit = creditLead(f);
  if (credit) {
    const ct = tokenize(credit.rest);
    const o = arOutletAt(x.idx, words(ct), 0) ?? outletAtStart(x.idx, words(ct), 0, false);
    if (o) {
      const d = x.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'المصدر', s.start, 'ar');
      if (d) d.republished = true;
    }
    return;
  }
  const n = toks.length;
  let cues = 0;
  const anonymity = ANONYMITY_AR.test(f);
  for (let i = 0; i < n && cues < MAX_CUES; i++) {
    const t = toks[i];
    if (t.punct) continue;
    const w = t.low;
    const bare = AR_VERBS.has(w) ? w : /^[وف]/.test(w) && AR_VERBS.has(w.slice(1)) ? w.slice(1) : null;
    const isPrep = AR_PREPS.has(w) || (w === 'علي' && toks[i + 1]?.low === 'لسان') || (w === 'وعلي' && toks[i + 1]?.low === 'لسان');
    if (!bare && !isPrep) continue;
    // Negated reports ("ولا يوضح", "لم يؤكد") are no attribution.
    if (bare && i > 0 && AR_NEGATION.has(toks[i - 1].low)) continue;
    cues++;
    const cue = orig(i, i + 1);
    const at = abs(t.start);
    let j = i + 1;
    if (isPrep) {
      if (w.endsWith('علي')) j++;
      if ((w === 'وفقا' || w === 'ووفقا' || w === 'طبقا') && toks[j]?.low === 'ل') j++;
      if ((w === 'نقلا' || w === 'استنادا') && toks[j] && /^(?:عن|الي|ل)$/.test(toks[j].low)) j++;
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
          relayVia = { name: o.name, sourceId: o.sourceId };
          j = e + 1;
        }
      }
      if (!relayVia) continue;
    }
    // "قال لوكالة رويترز مسؤول …": the outlet comes before the speaker.
    let viaFirst: { name: string; sourceId: string | null } | null = null;
    if (j < n && /^ل/.test(toks[j].low) && !isPrep) {
      const ws = words(toks, j, Math.min(n, j + 8));
      const o = arOutletAt(x.idx, ws, 0);
      if (o && ws[o.next - 1]) {
        viaFirst = { name: o.name, sourceId: o.sourceId };
        j = ws[o.next - 1].tok + 1;
      }
    }
    let k = j;
    // A role phrase may hold a complement with في / من ("مدير المركز الإعلامي في نينوى رأفت الزراري").
    const roleNP = j < n && !toks[j].punct && (AR_ROLE_HEADS.has(toks[j].low) || AR_ROLE_HEADS.has(toks[j].low.replace(/^ال/, '')));
    while (k < n && k - j < (roleNP ? 15 : 9)) {
      const tk = toks[k];
      if (tk.punct && !/^[«»"]$/.test(tk.raw)) break;
      // A name followed directly by a quotation: "وقال سامي العلي «…»".
      const pw = toks[k - 1]?.low ?? '';
      if (tk.punct && k > j && !isPrep && (tk.raw === '«' || tk.raw === '"') && !/^(?:في|من|ب|ل|باسم|تنظيم|حركه|جماعه|لتنظيم)$/.test(pw) && !AR_OUTLET_HEADS.has(pw.replace(/^[لبو]/, '')) && !AR_ORG_HEADS.has(pw)) break;
      if (!tk.punct) {
        const lw = tk.low;
        if (roleNP && (lw === 'في' || lw === 'ب' || lw === 'باسم') && k > j) {
          k++;
          continue;
        }
        if (AR_NP_STOP.has(lw) || /^(?:رفض|رفضت|طلب|طلبت|فضل|فضلت|شريطه|مشترطا|مفضلا|مضيفا|موضحا|مشيرا|قايلا)$/.test(lw)) break;
        if (k > j && /^ل/.test(lw) && arOutletAt(x.idx, words(toks, k, Math.min(n, k + 6)), 0)) break;
        if (k > j && (AR_VERBS.has(lw) || (/^[وف]/.test(lw) && AR_VERBS.has(lw.slice(1))))) break;
      }
      k++;
    }
    let cls: Cls[];
    // SVO ("محللون يرون أن …", "وكانت القيادة … قد أعلنت"): no subject after a verb that does not open its clause.
    let q = i - 1;
    while (q >= 0 && !toks[q].punct && /^(?:قد|وقد|كان|كانت|وكان|وكانت|فقد|لقد)$/.test(toks[q].low)) q--;
    const clauseStart = q < 0 || toks[q].punct || /^(?:ثم|كما|بينما|فيما|حين|حيث)$/.test(toks[q].low);
    if (j === k && !isPrep && !clauseStart) {
      let p0 = q;
      while (p0 >= 0 && !toks[p0].punct && i - p0 < 8 && !AR_NP_STOP.has(toks[p0].low)) p0--;
      cls = classifyArabic(x, toks, p0 + 1, q + 1, orig, true);
    } else cls = classifyArabic(x, toks, j, k, orig, isPrep);
    if (anonymity && cls.length === 1 && cls[0].k === 'person') cls = [{ k: 'anonymous', label: orig(j, k), lemma: 'مصدر', plural: false, definite: false }];
    for (const c of cls) {
      // For anonymous heads, keep the descriptive complement in the label ("مسؤول في وزارة الداخلية").
      if (c.k === 'anonymous' && !c.definite && j < k && k < n && (toks[k].low === 'في' || toks[k].low === 'من' || toks[k].low === 'داخل')) {
        let e = k + 1;
        while (e < n && e - k < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && !/^(?:رفض|طلب|فضل)$/.test(toks[e].low)) e++;
        if (e > k + 1) c.label = orig(j, e);
      }
      x.emit(c, cue, at, 'ar');
    }
    if (viaFirst) x.via(viaFirst, cue, at, 'ar');
    if (relayVia) x.via(relayVia, cue, at, 'ar');
    i = Math.max(i, j - 1);
  }
  if (!cues) return;
  // Outlets the speaker talked to: "لوكالة …", "لصحيفة …", "في حديث لـ …", "في مقابلة مع …".
  for (let i = 0; i < n; i++) {
    const t = toks[i];
    if (t.punct) continue;
    const w = t.low;
    let from = -1;
    if (/^ل/.test(w) && w.length > 2) from = i;
    else if (w === 'ل' || (w === 'مع' && i > 0 && /^(?:مقابله|حديث|لقاء|اتصال)$/.test(toks[i - 1].low))) from = i + 1;
    if (from < 0 || from >= n) continue;
    const ws = words(toks, from, Math.min(n, from + 8));
    const o = arOutletAt(x.idx, ws, 0);
    if (!o) continue;
    // Bare "ل" + known alias only (a generic "ل + head" needs the head word).
    x.via({ name: o.name, sourceId: o.sourceId }, orig(i, i + 1), abs(t.start), 'ar');
    if (ws[o.next - 1]) i = ws[o.next - 1].tok;
  }
  // Documents: "في بيان", "في تقرير", "في تسجيل مصور".
  for (let i = 0; i + 1 < n; i++) {
    if (toks[i].low !== 'في' && toks[i].low !== 'وفي') continue;
    const d = AR_DOC_HEADS.get(toks[i + 1].low) ?? AR_DOC_HEADS.get(toks[i + 1].low.replace(/(?:ه|ها|هم)$/, ''));
    if (!d) continue;
    // "قالت الوزارة في بيان": the medium is not the speaker when the sentence has one.
    if (x.drafts.some((dr) => dr.sent === x.si && dr.kind !== 'document' && dr.kind !== 'outlet')) continue;
    let e = i + 2;
    while (e < n && e - i < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && /^ال|ي$|يه$/.test(toks[e].low)) e++;
    x.emit({ k: 'document', label: orig(i + 1, e) }, orig(i, i + 1), abs(toks[i].start), 'ar');
  }
}

export function classifyArabic(x: ExtractorState, toks: Tok[], from: number, to: number, orig: (a: number, b: number) => string, isPrep: boolean): Cls[] {
  const ws = words(toks, from, to);
  if (!ws.length) return isPrep ? [] : [{ k: 'pronoun', plural: false }];
  const gm = ws.findIndex((w, q) => q < 4 && (AR_GROUP_MEDIA.has(w.n.replace(/^(?:ل|ب|و)/, '')) || (w.n === 'الحياه' && q > 0 && /مركز$/.test(ws[q - 1].n))));
  if (gm >= 0) return [{ k: 'group-media', label: orig(from, ws[gm].tok + 1) }];
  // A body first ("المرصد السوري لحقوق الإنسان" is a monitoring group even where a list names it as a source).
  if (AR_ORG_HEADS.has(ws[0].n) && !AR_COUNTRIES.has(ws[0].n)) {
    let e = 1;
    while (e < ws.length && e < 6 && !AR_TIME_WORDS.has(ws[e].n) && !AR_NP_STOP.has(ws[e].n)) e++;
    return [{ k: 'organisation', label: orig(from, ws[e - 1].tok + 1) }];
  }
  const o = arOutletAt(x.idx, ws, 0);
  if (o && (o.next >= ws.length || knownAt(x.idx, ws, 0))) return [{ k: 'outlet', name: o.name, sourceId: o.sourceId }];
  const first = ws[0].n;
  // و/ف are split off only when what remains is a known head and the whole word is not ("وزير" stays whole).
  const known = (w: string) => AR_ANON_HEADS.has(w) || AR_DOC_HEADS.has(w) || AR_ROLE_HEADS.has(w) || AR_ORG_HEADS.has(w) || AR_COUNTRIES.has(w) || AR_GROUP_MEDIA.has(w);
  const bareFirst = /^[وف]/.test(first) && !known(first) && known(first.slice(1)) ? first.slice(1) : first;
  if (AR_DOC_HEADS.has(bareFirst)) return [{ k: 'document', label: orig(from, Math.min(to, ws[Math.min(ws.length, 4) - 1].tok + 1)) }];
  const label = () => orig(from, to);
  // A name at the end: two words (three with أبو/بن/عبد), no adjective, no preposition.
  const nameTail = (): { start: number; len: number } | null => {
    const m = ws.length;
    let len = 2;
    if (m >= 3 && (AR_NAME_PARTICLES.has(ws[m - 3].n) || AR_NAME_PARTICLES.has(ws[m - 2].n))) len = 3;
    if (m < len) len = m;
    if (len < 1) return null;
    const start = m - len;
    for (let q = start; q < m; q++) {
      const n = ws[q].n;
      if (AR_NAME_STOP.has(n) || AR_ANON_HEADS.has(n) || AR_ROLE_HEADS.has(n) || AR_OUTLET_HEADS.has(n) || notNameWord(n)) return null;
      if (q < m - 1 && n.startsWith('ال') && !AR_NAME_PARTICLES.has(ws[q - 1]?.n ?? '')) return null;
      if (n.length < 2) return null;
    }
    return { start, len };
  };
  const isRole = (n: string) => AR_ROLE_HEADS.has(n) || AR_ROLE_HEADS.has(n.replace(/^ال/, ''));
  if (isRole(bareFirst) && ws.length >= 2) {
    const tail = nameTail();
    if (tail && tail.start >= 1) {
      const name = orig(ws[tail.start].tok, ws[ws.length - 1].tok + 1);
      const role = orig(from, ws[tail.start - 1].tok + 1);
      const known = x.findPerson(name);
      return [{ k: 'person', name: known?.name ?? name, role }];
    }
  }
  // A name between role phrases: "اللواء منصور التركي المتحدث الأمني باسم وزارة الداخلية",
  // "وزير الخارجية سامي العلي", "منصور التركي المتحدث باسم …".
  {
    const nm = nameAfterRole(ws.map((w) => w.n), isRole);
    if (nm && (nm.start > 0 || nm.end < ws.length)) {
      const name = orig(ws[nm.start].tok, ws[nm.end - 1].tok + 1);
      const roleParts = [nm.start > 0 ? orig(from, ws[nm.start - 1].tok + 1) : '', nm.end < ws.length ? orig(ws[nm.end].tok, to) : ''].filter(Boolean);
      const known = x.findPerson(name);
      return [{ k: 'person', name: known?.name ?? name, role: roleParts.join('، ') || undefined }];
    }
  }
  // An organisation or a state speaking as a body: "وزارة الداخلية", "المرصد", "تركيا", "الجيش الأمريكي".
  if (AR_ORG_HEADS.has(bareFirst) || AR_ORG_HEADS.has(bareFirst.replace(/^ال/, '')) || AR_COUNTRIES.has(bareFirst)) {
    let e = 1;
    while (e < ws.length && e < 6 && !AR_TIME_WORDS.has(ws[e].n) && !AR_NP_STOP.has(ws[e].n)) e++;
    return [{ k: 'organisation', label: orig(from, ws[e - 1].tok + 1) }];
  }
  // Unnamed plurals are no names: "دبلوماسيون مطلعون", "مسؤولون غربيون".
  if (ws.length <= 3 && /(?:ون|يين)$/.test(first) && ws.every((w) => /(?:ون|ين|يه|ه|ي)$/.test(w.n))) {
    return [{ k: 'anonymous', label: orig(from, ws[ws.length - 1].tok + 1), lemma: first, plural: true, definite: false }];
  }
  // Anonymous: "مصدر أمني", "مصادر محلية", "أحد السكان", "الجهات الرسمية".
  let head = bareFirst;
  let plural = AR_PLURAL_ANON.has(head);
  let definite = false;
  if (head === 'احد' && ws[1] && AR_ANON_HEADS.has(ws[1].n.replace(/^ال/, ''))) {
    head = ws[1].n.replace(/^ال/, '');
    plural = false;
  } else if (!AR_ANON_HEADS.has(head) && head.startsWith('ال') && AR_ANON_HEADS.has(head.slice(2))) {
    head = head.slice(2);
    plural = AR_PLURAL_ANON.has(head);
    definite = !plural;
  }
  const lemma = AR_ANON_HEADS.get(head);
  if (lemma) {
    if (definite && ws.length <= 3) {
      // "المصدر", "المحلل", "الضابط" → the source named before, if any.
      const r = x.resolveBackref(lemma, false);
      if (r?.person) return [{ k: 'person', name: r.person.name, role: r.person.role }];
      if (r?.anon) return [{ k: 'anonymous', label: r.anon.label, lemma, plural: false, definite: false }];
    }
    return [{ k: 'anonymous', label: label(), lemma, plural, definite: false }];
  }
  if (isRole(bareFirst)) {
    const r = x.resolveBackref(bareFirst.replace(/^ال/, ''), false);
    if (r?.person) return [{ k: 'person', name: r.person.name, role: r.person.role }];
    return [];
  }
  // A bare name: "رأفت الزراري", or a short reference to a known person: "حازم", "الزراري".
  if (ws.length === 1) {
    const p = x.findPerson(ws[0].raw);
    if (p) return [{ k: 'person', name: p.name, role: p.role }];
    // A surname alone right after the verb, before ":" or إن ("وقال عيدان: …").
    const w0 = ws[0].n;
    const nextTok = toks[to];
    const closes = !nextTok || nextTok.punct || /^(?:ان|انه|انها|بان)$/.test(nextTok.low);
    if (!isPrep && closes && w0.length >= 3 && !AR_NAME_STOP.has(w0) && !notNameWord(w0) && !w0.startsWith('ال') && !/^(?:ان|انه|ما|لا|هو|هي|هم)$/.test(w0)) return [{ k: 'person', name: ws[0].raw }];
    return [];
  }
  if (ws.length <= 3 && !ws[0].n.startsWith('ال')) {
    const tail = nameTail();
    if (tail && tail.start === 0) {
      const name = label();
      const p = x.findPerson(name);
      return [{ k: 'person', name: p?.name ?? name, role: p?.role }];
    }
  }
  return [];
}

/**
 * The first personal name in a phrase of role words and name words: after leading role words
 * and their definite complements ("وزير الخارجية"), two to four words, the last one possibly a
 * family name that is also an adjective ("التركي") when a role phrase or the end follows.
 */
function nameAfterRole(ns: string[], isRole: (n: string) => boolean): { start: number; end: number } | null {
  let i = 0;
  let roles = 0;
  while (i < ns.length && (isRole(ns[i]) || (roles > 0 && ns[i].startsWith('ال') && !isRole(ns[i])) || (roles > 0 && /^(?:باسم|في|ل|لل)$/.test(ns[i])))) {
    if (isRole(ns[i])) roles++;
    i++;
  }
  const start = i;
  if (start >= ns.length) return null;
  const okName = (n: string) => n.length >= 2 && !AR_NP_STOP.has(n) && !notNameWord(n) && !AR_ANON_HEADS.has(n) && !isRole(n) && !AR_ORG_HEADS.has(n.replace(/^ال/, ''));
  if (!okName(ns[start]) || ns[start].startsWith('ال') || AR_NAME_STOP.has(ns[start])) return null;
  let end = start + 1;
  while (end < ns.length && end - start < 4) {
    const n = ns[end];
    if (!okName(n)) break;
    if (AR_NAME_STOP.has(n)) {
      // A family name that is also an adjective: only as the last name word, before a role or the end.
      const after = ns[end + 1];
      if (after === undefined || isRole(after)) end++;
      break;
    }
    end++;
    if (n.startsWith('ال') && !AR_NAME_PARTICLES.has(ns[end - 2])) break;
  }
  if (end - start < 2) return null;
  // After the name: nothing, or a role phrase.
  if (end < ns.length && !isRole(ns[end]) && !isRole(ns[end].replace(/^و/, ''))) return null;
  if (roles === 0 && end === ns.length) return null;
  return { start, end };
}

/** Words that are never part of a personal name: time words, adverbs, demonyms, documents, non-human nouns, prefixed nouns. */
function notNameWord(n: string): boolean {
  if (AR_TIME_WORDS.has(n) || AR_NOT_NAME.has(n) || AR_DOC_HEADS.has(n)) return true;
  // A preposition glued to a known noun ("للسلطة", "لداعش", "بالبيان"); "فالح" stays a name.
  const rest = n.replace(/^(?:لل|بال|ل|ب)/, '');
  if (rest === n || rest.length < 3) return false;
  const k = (w: string) => AR_ORG_HEADS.has(w) || AR_DOC_HEADS.has(w) || AR_ANON_HEADS.has(w) || AR_NOT_NAME.has(w) || AR_COUNTRIES.has(w);
  return k(rest) || k('ال' + rest);
}
