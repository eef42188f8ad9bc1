/**
 * The Arabic speaker phrase: what the words after (or before) a speech verb name — a person
 * with role phrases around the name, an anonymous source, an organisation or state, an
 * outlet, a document or the group's own media (see arabic.ts for the cues).
 */
import type { ExtractorState } from './extractor-state';
import type { Cls } from './grammar';
import {
  AR_ANON_HEADS,
  AR_COUNTRIES,
  AR_DOC_HEADS,
  AR_GROUP_MEDIA,
  AR_NAME_PARTICLES,
  AR_NAME_STOP,
  AR_NOT_NAME,
  AR_NP_STOP,
  AR_ORG_HEADS,
  AR_OUTLET_HEADS,
  AR_PLURAL_ANON,
  AR_PREPS,
  AR_ROLE_HEADS,
  AR_TIME_WORDS,
} from './lexicon';
import { dualSpeaker } from './arabic-duals';
import { arOutletAt, knownAt, outletInPhrase, unnamedMedia, words, writtenOutlet } from './outlets';
import type { Tok } from './tokens';

export function classifyArabic(x: ExtractorState, toks: Tok[], from: number, to: number, orig: (a: number, b: number) => string, isPrep: boolean): Cls[] {
  const ws = words(toks, from, to);
  if (!ws.length) return isPrep ? [] : [{ k: 'pronoun', plural: false }];
  // "وقال معاليه", "وأكد سماحته": an honorific stands for the person named before.
  if (ws.length === 1 && HONORIFIC.test(ws[0].n)) return [{ k: 'pronoun', plural: false }];
  const pair = dualSpeaker(ws, orig);
  if (pair) return [pair];
  // An elative before a body ("أكبر حزب كردي", "أبرز فصيل …"): the body speaks, the whole phrase names it.
  if (ws.length >= 2 && ELATIVE.test(ws[0].n) && AR_ORG_HEADS.has(ws[1].n)) {
    const c = classifyArabic(x, toks, ws[1].tok, to, orig, isPrep);
    if (c.length === 1 && c[0].k === 'organisation') return [{ k: 'organisation', label: `${orig(ws[0].tok, ws[0].tok + 1)} ${c[0].label}` }];
  }
  // "وهناك تقارير تشير إلى …": after the existential "there is", the noun is the subject.
  if (ws.length > 1 && /^[وف]?هناك$/.test(ws[0].n)) return classifyArabic(x, toks, ws[1].tok, to, orig, isPrep);
  // "وأوضحت الصحيفة", "وأشارت الصحيفة البريطانية": the outlet named before.
  if (ws.length <= 2 && OUTLET_BACKREF.test(ws[0].n) && (ws.length === 1 || (AR_NAME_STOP.has(ws[1].n) && /(?:ي|يه)$/.test(ws[1].n)))) {
    for (let q = x.drafts.length - 1; q >= 0 && x.si - x.drafts[q].sent <= 12; q--) {
      const d = x.drafts[q];
      if (d.kind === 'outlet' && !unnamedMedia(d.source)) return [{ k: 'outlet', name: d.source, sourceId: d.sourceId ?? null }];
      if (d.via) return [{ k: 'outlet', name: d.via.name, sourceId: d.via.sourceId }];
    }
    return [];
  }
  // Unnamed media ("وسائل الإعلام التركية", "الصحف"): the news media speak (an outlet kind of
  // source), but there is no outlet to name or to count as relayed (see `unnamedMedia`).
  if (MEDIA.test(ws[0].n) && (ws[0].n !== 'وسايل' || /^(?:ال)?اعلام$/.test(ws[1]?.n ?? ''))) {
    let e = ws[0].n === 'وسايل' ? 2 : 1;
    while (e < ws.length && e < 4 && ((AR_NAME_STOP.has(ws[e].n) && /(?:ي|يه)$/.test(ws[e].n)) || /(?:يه|ي)$/.test(ws[e].n) || ws[e].n === 'عده')) e++;
    return [{ k: 'outlet', name: orig(from, ws[e - 1].tok + 1), sourceId: null }];
  }
  const gm = ws.findIndex((w, q) => q < 4 && (AR_GROUP_MEDIA.has(w.n.replace(/^(?:ل|ب|و)/, '')) || (w.n === 'الحياه' && q > 0 && /مركز$/.test(ws[q - 1].n))));
  if (gm >= 0) return [{ k: 'group-media', label: orig(from, ws[gm].tok + 1) }];
  // A body first ("المرصد السوري لحقوق الإنسان" is a monitoring group even where a list names it as a source).
  if (AR_ORG_HEADS.has(ws[0].n) && !AR_COUNTRIES.has(ws[0].n)) return [{ k: 'organisation', label: orig(from, ws[orgEnd(ws) - 1].tok + 1) }];
  // "وفقا للفرنسية", "نقلا عن الألمانية": after "according to", the nisba alone is the national agency.
  const nisba = isPrep && ws.length === 1 ? AGENCY_NISBA.get(ws[0].n.replace(/^(?:لل|ال)/, '')) : undefined;
  if (nisba && /^(?:لل|ال)/.test(ws[0].n)) {
    const k = outletInPhrase(x.idx, nisba);
    if (k) return [{ k: 'outlet', name: orig(from, to).replace(/^لل/, 'ال'), sourceId: k.sourceId }];
  }
  const o = arOutletAt(x.idx, ws, 0);
  const quoted = quotedOutlet(x, toks, ws, orig, o);
  if (quoted) return [quoted];
  if (o && (o.next >= ws.length || knownAt(x.idx, ws, 0) || AR_OUTLET_HEADS.has(ws[0].n) || AR_OUTLET_HEADS.has(ws[0].n.replace(/^[لبو]/, ''))))
    // A name read from the text is given as written (the words are folded).
    return [{ k: 'outlet', name: writtenOutlet(x.idx, orig, ws, o), sourceId: o.sourceId }];
  const first = ws[0].n;
  // و/ف are split off only when what remains is a known head and the whole word is not ("وزير" stays whole).
  const bareFirst = /^[وف]/.test(first) && !known(first) && known(first.slice(1)) ? first.slice(1) : first;
  // A document's name: up to four words, not the "فإن …" that opens its content ("ووفقا لبيان الجيش فإن …").
  const docEnd = () => {
    let e = 1;
    while (e < Math.min(ws.length, 4) && !/^[وف]?(?:ان|انه|انها|انهم|بان)$/.test(ws[e].n)) e++;
    return Math.min(to, ws[e - 1].tok + 1);
  };
  if (AR_DOC_HEADS.has(bareFirst)) return [{ k: 'document', label: orig(from, docEnd()) }];
  // "ووفقا لبيان الجيش", "استنادا للتقرير": the preposition ل is written joined to the document (لل before ال).
  const joined = isPrep ? (/^لل/.test(first) ? 'ال' + first.slice(2) : /^ل/.test(first) ? first.slice(1) : '') : '';
  if (joined && AR_DOC_HEADS.has(joined)) {
    const label = orig(from, docEnd());
    return [{ k: 'document', label: /^لل/.test(label) ? 'ال' + label.slice(2) : label.slice(1) }];
  }
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
  // A name among role phrases: "رئيس مجلس إسناد الفلوجة الشيخ عبدالرحمن النمراوي",
  // "اللواء منصور التركي المتحدث الأمني باسم وزارة الداخلية", "علي حسين باكير باحث في …".
  {
    const nm = nameAfterRole(ws.map((w) => w.n));
    if (nm && (nm.start > 0 || nm.end < ws.length)) {
      const name = orig(ws[nm.start].tok, ws[nm.end - 1].tok + 1);
      const after = nm.end < ws.length && (nm.roles === 0 || isRole(ws[nm.end].n)) ? orig(ws[nm.end].tok, to) : '';
      const roleParts = [nm.start > 0 ? orig(from, ws[nm.start - 1].tok + 1) : '', after].filter(Boolean);
      const known = x.findPerson(name);
      return [{ k: 'person', name: known?.name ?? name, role: known?.role ?? (roleParts.join('، ') || undefined) }];
    }
  }
  if (isRole(bareFirst) && ws.length >= 2) {
    const tail = nameTail();
    if (tail && tail.start >= 1) {
      const name = orig(ws[tail.start].tok, ws[ws.length - 1].tok + 1);
      const role = orig(from, ws[tail.start - 1].tok + 1);
      const known = x.findPerson(name);
      return [{ k: 'person', name: known?.name ?? name, role }];
    }
  }
  // An organisation or a state speaking as a body: "وزارة الداخلية", "المرصد", "تركيا", "الجيش الأمريكي".
  if (AR_ORG_HEADS.has(bareFirst) || AR_ORG_HEADS.has(bareFirst.replace(/^ال/, '')) || AR_COUNTRIES.has(bareFirst)) return [{ k: 'organisation', label: orig(from, ws[orgEnd(ws) - 1].tok + 1) }];
  if (ws.length <= 2) {
    const p = x.findPerson(label());
    if (p) return [{ k: 'person', name: p.name, role: p.role }];
  }
  // Unnamed plurals are no names: "دبلوماسيون مطلعون", "مسؤولون غربيون".
  if (ws.length <= 3 && /(?:ون|يين)$/.test(first) && ws.every((w) => /(?:ون|ين|يه|ه|ي)$/.test(w.n))) {
    return [{ k: 'anonymous', label: orig(from, ws[ws.length - 1].tok + 1), lemma: first, plural: true, definite: false }];
  }
  // A nominative plural in -ون is the subject, never the object, so what follows its adjectives is
  // the object: "استنكر دبلوماسيون عرب ومصريون مزاعم …" (the speaker of a later "، مؤكدين أن").
  if (ws.length > 3 && /ون$/.test(first) && !first.startsWith('ال') && first.length >= 5) {
    let e = 1;
    while (e < ws.length && e < 4 && ((/يون$/.test(ws[e].n) && !/^و?ال/.test(ws[e].n)) || PLURAL_ADJ.has(ws[e].n))) e++;
    if (e >= 2 || /يون$/.test(first)) return [{ k: 'anonymous', label: orig(from, ws[e - 1].tok + 1), lemma: first, plural: true, definite: false }];
  }
  // Anonymous: "مصدر أمني", "مصادر محلية", "أحد السكان", "الجهات الرسمية".
  let head = bareFirst;
  let plural = AR_PLURAL_ANON.has(head);
  let definite = false;
  if (head === 'احد' && ws[1] && AR_ANON_HEADS.has(ws[1].n.replace(/^ال/, ''))) {
    head = ws[1].n.replace(/^ال/, '');
    plural = false;
  } else if (!AR_ANON_HEADS.has(head) && head.startsWith('ال') && AR_ANON_HEADS.has(head.slice(2)) && !(head === 'المتحدث' && ws.some((w) => w.n === 'باسم'))) {
    // ("المتحدث باسم وزارة الخارجية" is an office held by one person, read as a role below.)
    head = head.slice(2);
    plural = AR_PLURAL_ANON.has(head);
    definite = !plural;
  }
  const lemma = AR_ANON_HEADS.get(head);
  // "رجل ملثم", "امرأة مسنة": a man or a woman takes one word describing them ("رجل شرطة انهار" is a clause).
  if (MAN_WOMAN.has(head) && ws.length > 2) return [];
  if (lemma) {
    if (definite && ws.length <= 3) {
      // "المصدر", "المحلل", "الضابط" → the source named before, if any.
      const r = x.resolveBackref(lemma, false);
      if (r?.person) return [{ k: 'person', name: r.person.name, role: r.person.role }];
      if (r?.anon) return [{ k: 'anonymous', label: r.anon.label, lemma, plural: false, definite: false }];
    }
    // "ضابط فرنسي كبير الصحافيين": the adjectives belong to the source, the definite noun after them is the addressee.
    let e = 1;
    while (e < ws.length && !ws[e].n.startsWith('ال') && !AR_NP_STOP.has(ws[e].n) && /(?:ي|يه|يون|يين|ون|ين)$|^(?:بارز|كبير|رفيع)$/.test(ws[e].n)) e++;
    if (!definite && e >= 2 && e < ws.length && ws[e].n.startsWith('ال') && ws[e].tok > ws[e - 1].tok) return [{ k: 'anonymous', label: orig(from, ws[e - 1].tok + 1), lemma, plural, definite: false }];
    return [{ k: 'anonymous', label: label(), lemma, plural, definite: false }];
  }
  // An unnamed officer or official: "جنرال أمريكي بارز", "ضابط عراقي كبير" (a rank and adjectives, no name).
  if (isRole(bareFirst) && !bareFirst.startsWith('ال') && ws.length >= 2 && ADJ(ws[1].n)) {
    let e = 2;
    while (e < ws.length && e < 4 && ADJ(ws[e].n)) e++;
    return [{ k: 'anonymous', label: orig(from, ws[e - 1].tok + 1), lemma: bareFirst, plural: false, definite: false }];
  }
  if (isRole(bareFirst)) {
    const r = x.resolveBackref(bareFirst.replace(/^ال/, ''), false);
    if (r?.person && ws.length <= 3) return [{ k: 'person', name: r.person.name, role: r.person.role }];
    // An office held by one person ("رئيس وزراء أستراليا", "المتحدث باسم الخارجية المصرية").
    if (ws.length >= 2 && !isPrep) {
      let e = 1;
      while (e < ws.length && e < 7 && !AR_TIME_WORDS.has(ws[e].n) && !AR_NP_STOP.has(ws[e].n) && (isRole(ws[e].n) || ws[e].n.startsWith('ال') || /^(?:باسم|لل)/.test(ws[e].n) || AR_ORG_HEADS.has(ws[e].n) || AR_COMPLEMENT.has(ws[e].n) || AR_COUNTRIES.has(ws[e].n))) e++;
      if (e >= 2) {
        const office = orig(from, ws[e - 1].tok + 1);
        const p = x.findPerson(office);
        return [{ k: 'person', name: p?.name ?? office, role: p?.role }];
      }
    }
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
    const closes = !nextTok || nextTok.punct || /^(?:ان|انه|انها|بان)$/.test(nextTok.low) || AR_TIME_WORDS.has(nextTok.low);
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

/** An indefinite adjective after an unnamed rank: a demonym or "senior". */
const ADJ = (n: string): boolean => !n.startsWith('ال') && (AR_NOT_NAME.has(n) || /^(?:بارز|كبير|رفيع|سابق|متقاعد)$/.test(n)) && !AR_NP_STOP.has(n);

/** Broken-plural adjectives of unnamed groups ("دبلوماسيون عرب", "مسؤولون كبار"), folded. */
const PLURAL_ADJ = new Set(['عرب', 'اجانب', 'كبار', 'غربيون', 'اكراد', 'اتراك']);

/** Agencies the press names by their nisba alone (folded, without ال): AFP, dpa, EFE. */
const AGENCY_NISBA = new Map([
  ['فرنسيه', 'وكالة الصحافة الفرنسية'],
  ['المانيه', 'وكالة الأنباء الألمانية'],
  ['اسبانيه', 'وكالة الأنباء الإسبانية'],
]);

/** Honorifics that stand for a person ("معاليه", "سماحته"), folded. */
/** Elatives that open a noun phrase naming one body ("أكبر حزب", folded). */
const ELATIVE = /^(?:اكبر|ابرز|اقدم|اهم)$/;
const HONORIFIC = /^(?:معاليه|سماحته|فضيلته|سموه|سيادته|فخامته|سعادته|دولته|معاليها|سموها|سعادتها)$/;
/** "the paper", "the agency", "the channel": a definite outlet head without a name. */
const OUTLET_BACKREF = /^(?:الصحيفه|الوكاله|القناه|الشبكه|المجله|الجريده)$/;
/** Media without a name. */
const MEDIA = /^(?:وسايل|الصحف|صحف)$/;

/**
 * End (in words) of an organisation's name: the head and its construct ("وزارة الداخلية
 * الكويتية", "المرصد السوري لحقوق الإنسان", "تنظيم داعش"), not the noun phrase that may follow
 * it as the content ("أعلنت خلية الإعلام الحربي مقتل …").
 */
function orgEnd(ws: { n: string }[]): number {
  const h = ws[0].n.replace(/^[وف](?=ال)/, '');
  let open = !h.startsWith('ال') && !AR_COUNTRIES.has(h) && !/^(?:داعش|بنتاغون|كرملين)$/.test(h) && (AR_ORG_HEADS.has(h) || AR_COMPLEMENT.has(h));
  let e = 1;
  while (e < ws.length && e < 7) {
    const n = ws[e].n;
    if (AR_TIME_WORDS.has(n) || AR_NP_STOP.has(n) || AR_PREPS.has(n)) break;
    if (n.startsWith('ال')) open = false;
    else if (/^(?:لل|ل|ب)/.test(n) && n.length > 3 && e + 1 < ws.length) open = !/^لل/.test(n);
    else if (open) open = AR_ORG_HEADS.has(n) || AR_COMPLEMENT.has(n);
    else break;
    e++;
  }
  return e;
}

/** Could the (folded) word head a speaker phrase? (و/ف are split off only before such a word.) */
function known(w: string): boolean {
  return AR_ANON_HEADS.has(w) || AR_DOC_HEADS.has(w) || AR_ROLE_HEADS.has(w) || AR_ORG_HEADS.has(w) || AR_COUNTRIES.has(w) || AR_GROUP_MEDIA.has(w);
}
function isRole(n: string): boolean {
  return AR_ROLE_HEADS.has(n) || AR_ROLE_HEADS.has(n.replace(/^ال/, ''));
}
/** A singular anonymous head before a name is its role too ("المواطن أحمد العتيبي"); "رجل" and "امرأة" are not. */
function anonHead(n: string): boolean {
  const h = n.startsWith('ال') && !AR_ANON_HEADS.has(n) ? n.slice(2) : n;
  return AR_ANON_HEADS.has(h) && !AR_PLURAL_ANON.has(h) && !/(?:ون|ين)$/.test(h) && !MAN_WOMAN.has(h);
}
/** "a man", "men", "a woman" (folded): unnamed people, never a title. */
const MAN_WOMAN = new Set(['رجل', 'رجال', 'امراه']);
function roleOrAnonHead(n: string): boolean {
  return isRole(n) || anonHead(n);
}
function complement(n: string): boolean {
  return AR_COMPLEMENT.has(n) || AR_ORG_HEADS.has(n) || AR_COUNTRIES.has(n) || notNameWord(n) || AR_NAME_STOP.has(n);
}
function okName(n: string): boolean {
  return n.length >= 2 && !AR_NP_STOP.has(n) && !notNameWord(n) && !AR_ANON_HEADS.has(n) && !roleOrAnonHead(n) && !AR_ORG_HEADS.has(n.replace(/^ال/, '')) && !AR_COUNTRIES.has(n);
}

/** Nouns inside an office's complement ("رئيس وزراء أستراليا", "وزير خارجية مصر"). */
const AR_COMPLEMENT = new Set(['شمال', 'جنوب', 'شرق', 'غرب', 'وسط', 'وزراء', 'اركان', 'شوون', 'خارجيه', 'داخليه', 'دفاع', 'منطقه', 'اداره', 'لجنه', 'قسم', 'دايره', 'ولايه', 'محافظه', 'مدينه', 'قضاء', 'عمليات', 'مركز', 'مجلس', 'هييه', 'قياده', 'جهاز', 'امن', 'شرطه', 'حزب', 'جبهه', 'مكتب', 'وزاره']);

/**
 * The first personal name in a phrase of role words and name words. Role words open a
 * construct ("رئيس مجلس إسناد الفلوجة") that a definite word or a place closes; the name
 * starts after it: one to four words, the last one possibly a family name that is also an
 * adjective ("التركي") when a role phrase or the end follows. After a role, anything may
 * follow the name (the content of "أكد … فرار قيادات"); with no role before, a role must.
 */
function nameAfterRole(ns: string[]): { start: number; end: number; roles: number } | null {
  const isRole = roleOrAnonHead;
  let i = 0;
  let roles = 0;
  let open = false;
  const m = ns.length;
  while (i < m) {
    const n = ns[i];
    // A second role joined by و ("نائب رئيس مجلس الوزراء ووزير الداخلية الشيخ …"): still the role phrase.
    if (isRole(n) || (roles > 0 && /^و/.test(n) && isRole(n.slice(1)))) {
      roles++;
      open = !n.startsWith('ال');
      i++;
      continue;
    }
    if (roles === 0) break;
    if (/^(?:باسم|في|ل|لل|ب)$/.test(n)) {
      open = true;
      i++;
      continue;
    }
    if (n.startsWith('ال') || /^(?:لل|بال|وال)/.test(n) || (/^[لب]/.test(n) && notNameWord(n))) {
      open = false;
      i++;
      continue;
    }
    // An open construct: known nouns and places belong to it; an unknown word does when two name words still follow.
    if (open && (complement(n) || (i + 2 < m && !isRole(ns[i + 1]) && !isRole(ns[i + 2])) || (i + 1 < m && ns[i + 1].startsWith('ال') && !isRole(ns[i + 1])))) {
      open = !AR_COUNTRIES.has(n) && AR_COMPLEMENT.has(n);
      i++;
      continue;
    }
    break;
  }
  const start = i;
  if (start >= m) return null;
  if (!okName(ns[start]) || ns[start].startsWith('ال') || (anonHead(ns[start - 1] ?? '') && /^و/.test(ns[start])) || AR_NAME_STOP.has(ns[start]) || /^[وف]?(?:ان|انه|انها|بان|قد|ما|لا)$/.test(ns[start])) return null;
  let end = start + 1;
  while (end < m && end - start < 4) {
    const n = ns[end];
    if (!okName(n)) break;
    if (end - start === 3 && !n.startsWith('ال') && !AR_NAME_PARTICLES.has(ns[end - 1])) break;
    // "و…" inside a name is a conjunction ("… وأنت تسمع").
    if (/^و/.test(n)) break;
    if (AR_NAME_STOP.has(n)) {
      // A family name that is also an adjective: only as the last name word, before a role or the end.
      const after = ns[end + 1];
      if (after === undefined || isRole(after)) end++;
      break;
    }
    end++;
    if (n.startsWith('ال') && !AR_NAME_PARTICLES.has(ns[end - 2])) break;
  }
  if (roles === 0) {
    if (end - start < 2) return null;
    // After the name: a role phrase.
    if (end >= m || (!isRole(ns[end]) && !isRole(ns[end].replace(/^و/, '')))) return null;
    return { start, end, roles };
  }
  // After an indefinite anonymous head, adjectives are no name ("مصادر أمنية عراقية"); a definite
  // head's adjectives are definite too, so an indefinite word after it opens a name ("الناشطة سلمى الحداد").
  if (anonHead(ns[start - 1] ?? '') && !(ns[start - 1] ?? '').startsWith('ال') && ns.slice(start, start + 2).some((w) => /(?:ي|يه|يون|يين)$/.test(w))) return null;
  // One word after a role only when it ends the phrase or a role follows ("الرئيس أوباما").
  if (end - start < 2 && end < m && !isRole(ns[end])) return null;
  // A lone word is no name when it is an adjective ("مسؤول محلي") or the role is an anonymous head ("ضابط").
  if (end - start < 2 && (ns[start].length < 3 || /ي$/.test(ns[start]) || AR_NOT_NAME.has(ns[start]) || anonHead(ns[start - 1] ?? ''))) return null;
  return { start, end, roles };
}

/** Words that are never part of a personal name: time words, adverbs, demonyms, documents, non-human nouns, prefixed nouns. */
function notNameWord(n: string): boolean {
  if (AR_TIME_WORDS.has(n) || AR_NOT_NAME.has(n) || AR_DOC_HEADS.has(n) || /\d/.test(n)) return true;
  // A preposition glued to a known noun ("للسلطة", "لداعش", "بالبيان"); "فالح" stays a name.
  const rest = n.replace(/^(?:لل|بال|ل|ب)/, '');
  if (rest === n || rest.length < 3) return false;
  const k = (w: string) => AR_ORG_HEADS.has(w) || AR_DOC_HEADS.has(w) || AR_ANON_HEADS.has(w) || AR_NOT_NAME.has(w) || AR_COUNTRIES.has(w);
  return k(rest) || k('ال' + rest);
}

/**
 * An outlet head with its name in quotation marks ("شبكة «سي ان ان تورك»") where a known name
 * (`known`, from `arOutletAt`) covers only part of the quotation: the name is the whole
 * quotation ("سي ان ان" is CNN, "سي ان ان تورك" another channel).
 */
function quotedOutlet(x: ExtractorState, toks: Tok[], ws: ReturnType<typeof words>, orig: (a: number, b: number) => string, known: ReturnType<typeof arOutletAt>): Cls | null {
  if (!AR_OUTLET_HEADS.has(ws[0].n.replace(/^[لبو]/, ''))) return null;
  const open = ws[0].tok + 1;
  if (!toks[open]?.punct || !/^[«»"“]$/.test(toks[open].raw)) return null;
  let close = open + 1;
  while (close < toks.length && close - open <= 6 && !toks[close].punct) close++;
  if (close - open < 2 || !/^[»"”«]$/.test(toks[close]?.raw ?? '')) return null;
  if (!known || !ws[known.next - 1] || ws[known.next - 1].tok >= close - 1 || ws[known.next - 1].tok <= open) return null;
  return { k: 'outlet', name: orig(open + 1, close), sourceId: null };
}
