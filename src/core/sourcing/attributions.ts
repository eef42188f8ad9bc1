/**
 * Attribution extraction: who each statement of a news text is attributed to.
 *
 * A cue-driven grammar, sentence by sentence (English and French on the raw text, Arabic
 * on folded text):
 * - speech verbs ("said", "told", "explained", "a déclaré", "قال", "أفاد") with the speaker to
 *   their left (SVO: "Local sources confirmed that …", "head of the Nineveh media center
 *   Raafat al-Zarari said …"), to their right after a quotation ("…,” said Zarari", "reconnaît
 *   l'officier") or after the verb in Arabic (VSO: "وقال مصدر أمني …");
 * - "according to X", "selon X", "بحسب X", "وفقا لـ X", "نقلا عن X";
 * - outlets a speaker talked to ("told The Washington Post", "Speaking to ARA News", "لوكالة …")
 *   → `via` on the person and an `outlet` item;
 * - credit lines and datelines ("Originally published on IranWire", "Source: X", "(Reuters) -",
 *   "Middle East News Network: …");
 * - documents ("in a video", "the report said", "في بيان").
 * Short references ("Zarari", "al-Zarari", "Abu Hajer", "the Iraqi analyst", "the source", "he")
 * resolve to the source introduced earlier. Sentences asserting a figure without any source
 * become `unattributed` items (conservative: only figures with a counted noun).
 *
 * Bounded: the text is capped, sentences are capped (see `sentences.ts`), token windows are
 * capped and every pattern is linear.
 */
import { foldForMatching, foldArabic } from '../text/normalize';
import { findQuantities } from '../claims/quantity';
import { subjectFor } from '../claims/subject';
import type { OutletName } from './outlet-name';
import { splitSentences, type Sentence } from './sentences';
import { tokenize, isCap, QUOTE_CHARS, type Tok } from './tokens';
import {
  ANONYMITY_AR,
  ANON_HEADS,
  AR_ANON_HEADS,
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
  BE_AUX,
  BY_WORDS,
  CAP_STOP,
  CLAUSE_WORDS,
  DETERMINERS,
  DOC_HEADS,
  DOC_ONLY_VERBS,
  EN_ADV_AUX,
  EN_PHRASAL,
  EN_VERBS,
  FR_AUX,
  FR_PARTICIPLES,
  FR_VERBS,
  KUNYA,
  NAME_PARTICLES,
  NP_LEADIN,
  ORG_WORDS,
  PLURAL_HEADS,
  PRONOUNS_PL,
  PRONOUNS_SG,
  ROLE_HEADS,
  ROLE_WORDS,
  SKIP_SEGMENT_START,
} from './lexicon';
import { arOutletAt, knownAt, outletAtStart, outletIndex, sameOutlet, words, type OutletIndex } from './outlets';
import type { Attribution, AttributionKind, AttributionOptions } from './types';

/** Characters of text analysed (the extractor caps article text well below this). */
export const MAX_TEXT = 300_000;
const MAX_SENTENCES = 4000;
/** Cues looked at per sentence (real sentences have one to three). */
const MAX_CUES = 12;

type Lang = 'en' | 'fr' | 'ar';

type Cls =
  | { k: 'pronoun'; plural: boolean }
  | { k: 'outlet'; name: string; sourceId: string | null }
  | { k: 'document'; label: string }
  | { k: 'anonymous'; label: string; lemma: string; plural: boolean; definite: boolean }
  | { k: 'person'; name: string; role?: string };

interface Person {
  name: string;
  role?: string;
  keys: string[];
  via?: { name: string; sourceId: string | null };
  last: number;
  para: number;
}
interface Anon {
  label: string;
  key: string;
  lemma: string;
  plural: boolean;
  via?: { name: string; sourceId: string | null };
  last: number;
}

interface Draft {
  kind: AttributionKind;
  source: string;
  role?: string;
  sent: number;
  cue: string;
  /** Absolute offset of the cue (to pick the speaker nearest to a "told X"). */
  at: number;
  via?: { name: string; sourceId: string | null };
  sourceId?: string | null;
  republished?: boolean;
  lang: Lang;
  person?: Person;
  anon?: Anon;
}

const HAS_ARABIC = /[\u0600-\u06ff]/;

// ---------------------------------------------------------------- helpers

function personKeyTok(t: string): string {
  return (HAS_ARABIC.test(t) ? foldArabic(t) : t)
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^(?:al|el|ad|as|ash|at|az|an|ar)[-‐]/, '')
    .replace(/^ال(?=[\u0600-\u06ff]{3,})/, '');
}

function personKeys(name: string): string[] {
  const toks = name.split(/\s+/).filter(Boolean);
  const norm = toks.map(personKeyTok);
  const keys = [norm.join(' '), norm[norm.length - 1]];
  if (toks.length >= 2 && (KUNYA.has(toks[0].toLowerCase()) || AR_NAME_PARTICLES.has(foldArabic(toks[0])))) keys.push(norm.slice(0, 2).join(' '));
  return [...new Set(keys)];
}

function isLyAdverb(raw: string): boolean {
  return /^[a-z]{4,}ly$/.test(raw) && !/^(?:family|ally|rally|assembly|supply|italy|july|daily|weekly|monthly|reply|anomaly|holy|belly|bully|jelly)$/.test(raw);
}

function stripElision(low: string): string {
  return low.replace(/^(?:l|d|qu)['’]/, '');
}

/** A capitalised token that can be part of a person's name. */
function isNameTok(t: Tok): boolean {
  if (t.punct) return false;
  const raw = t.raw.replace(/[’']s$/, '');
  if (CAP_STOP.has(raw) || ROLE_WORDS.has(raw) || ORG_WORDS.has(raw)) return false;
  const low = raw.toLowerCase();
  if (ANON_HEADS.has(low) || DOC_HEADS.has(low)) return false;
  if (/^(?:al|el|Al|El|ad|as|ash|at|az|an|ar)[-‐]\p{Lu}[\p{L}\p{M}'’-]*$/u.test(raw)) return true;
  if (/^\p{Lu}\.?$/u.test(raw)) return true; // initial
  return /^\p{Lu}[\p{Ll}\p{M}'’-][\p{L}\p{M}'’.-]*$/u.test(raw) || /^Mc\p{Lu}/u.test(raw);
}

/** Common nouns that are not people ("a car", "a video" is a document). */
const NON_PERSON = new Set(
  ('group statement car bomb attack year week day month report time way lot number few couple series source bit part page site ' +
    'website article story piece book film movie law bill rule sign poster note map plan budget court poll test text email photo ' +
    'picture image clip wing campaign operation project programme program network system deal decision move process line list ' +
    'question answer survey study document letter message post tweet video').split(' '),
);
/** Verbs that invert after a quotation or a clause ("…,” said X", "…, the officer added"). */
const INVERTING = new Set(
  ('said says added adds told explained explains noted notes wrote writes asked recalled warned insisted argued stressed concluded ' +
    'confirmed admitted acknowledged conceded continued declared observed remarked cautioned ' +
    'déclare affirme indique explique précise estime souligne assure raconte reconnaît reconnait résume dit confie rapporte ajoute ' +
    'avertit').split(' '),
);

const VERBISH = new Set(
  (
    'is are was were has have had will would can could should did does do been be being not says said told say tell may ' +
    'might must est sont était ont avait'
  ).split(' '),
);

function joinRaw(toks: Tok[], from: number, to: number, text: string, base: number): string {
  if (from >= to) return '';
  return text.slice(toks[from].start - base, toks[to - 1].end - base);
}

// ---------------------------------------------------------------- the extractor

class Extractor {
  readonly idx: OutletIndex;
  readonly self: { name: string; sourceId: string | null } | null;
  drafts: Draft[] = [];
  persons: Person[] = [];
  anons: Anon[] = [];
  last: { person?: Person; anon?: Anon; plural: boolean; sent: number } | null = null;
  sents: Sentence[] = [];
  si = 0;
  private nameCache = new Map<string, { name: string; role?: string } | null>();
  private nameLookups = 0;

  constructor(
    readonly text: string,
    opts: AttributionOptions,
  ) {
    this.idx = outletIndex(opts.outlets ?? []);
    const self = opts.self;
    this.self = !self ? null : typeof self === 'string' ? { name: self, sourceId: null } : { name: self.name, sourceId: self.sourceId };
  }

  get sent(): Sentence {
    return this.sents[this.si];
  }

  // ---------------- people and anonymous sources

  findPerson(short: string): Person | null {
    const k = short.split(/\s+/).map(personKeyTok).join(' ');
    let best: Person | null = null;
    for (const p of this.persons) if (p.keys.includes(k) && (!best || p.last > best.last)) best = p;
    return best;
  }

  addPerson(name: string, role: string | undefined): Person {
    const keys = personKeys(name);
    let p = this.persons.find((x) => x.keys[0] === keys[0]) ?? null;
    if (!p) {
      // A longer form of a known name ("Abu Hajer" known, "Abu Hajer al-Maghribi" now): merge.
      p = this.persons.find((x) => keys.includes(x.keys[0]) || x.keys.includes(keys[0])) ?? null;
      if (p && name.split(/\s+/).length > p.name.split(/\s+/).length) {
        p.name = name;
        p.keys = [...new Set([...keys, ...p.keys])];
      }
    }
    if (!p) {
      p = { name, role, keys, last: this.si, para: this.sent?.para ?? 0 };
      this.persons.push(p);
    }
    if (role && !p.role) p.role = role;
    p.last = this.si;
    p.para = this.sent?.para ?? 0;
    return p;
  }

  /** Full form of a short Latin name ("Abu Abdullah", "Hazem") from elsewhere in the text. */
  fullName(short: string): { name: string; role?: string } | null {
    if (this.nameCache.has(short)) return this.nameCache.get(short)!;
    if (this.nameLookups++ > 20) return null;
    const T = `(?:(?:al|el|Al|El|ad|as|ash|at|az|an|ar)-)?\\p{Lu}[\\p{Ll}\\p{M}'’-]+`;
    const P = '(?:bin|ibn|abu|Abu|bint|Umm|abd|Abd|de|van|von|al|el)';
    const leftRe = new RegExp(`(?:(?:${T}|${P})\\s+){1,3}$`, 'u');
    const rightRe = new RegExp(`^(?:[\\s-]+(?:${T}|${P})){1,2}`, 'u');
    let best: { name: string; role?: string } | null = null;
    const hay = this.text;
    // Each occurrence of the short name (at most 30), extended over the name words around it.
    let at = hay.indexOf(short);
    for (let guard = 0; at >= 0 && guard < 30; guard++, at = hay.indexOf(short, at + short.length)) {
      const before = hay.slice(Math.max(0, at - 80), at);
      const afterAt = at + short.length;
      if (/[\p{L}]$/u.test(before) || /^[\p{L}]/u.test(hay.slice(afterAt, afterAt + 1))) continue;
      const lm = leftRe.exec(before);
      const rm = rightRe.exec(hay.slice(afterAt, afterAt + 80));
      const left = (lm ? lm[0] : '').trim().split(/\s+/).filter(Boolean);
      while (left.length && (CAP_STOP.has(left[0]) || ROLE_WORDS.has(left[0]) || ORG_WORDS.has(left[0]))) left.shift();
      const right = (rm ? rm[0] : '').trim().split(/\s+/).filter(Boolean).slice(0, 2);
      const toks = [...left, ...short.split(/\s+/), ...right];
      if (toks.length < 2 || toks.length > 5) continue;
      if (toks.some((t) => ORG_WORDS.has(t) || ROLE_WORDS.has(t) || (CAP_STOP.has(t) && t !== toks[0]))) continue;
      const name = toks.join(' ');
      if (!best || name.length > best.name.length) {
        const after = hay.slice(afterAt + (rm ? rm[0].length : 0), afterAt + (rm ? rm[0].length : 0) + 120);
        const ap = /^,\s+((?:an?|the)\s+[^,.;]{3,80}?)(?:\s+(?:who|which|that)\b|,|\.)/.exec(after);
        best = { name, role: ap ? ap[1] : undefined };
      }
    }
    this.nameCache.set(short, best);
    return best;
  }

  resolveBackref(lemma: string, plural: boolean): { person?: Person; anon?: Anon } | null {
    const roleWord = new RegExp(`(?:^|[^\\p{L}])${lemma}(?:s)?(?:$|[^\\p{L}])`, 'iu');
    let best: Person | null = null;
    for (const p of this.persons) {
      if (!p.role) continue;
      const r = foldArabic(p.role).toLowerCase().replace(/(^|\s)ال/g, '$1');
      if (!plural && (roleWord.test(p.role) || roleWord.test(r)) && (!best || p.last > best.last)) best = p;
    }
    if (best) return { person: best };
    let ba: Anon | null = null;
    for (const a of this.anons) if (a.lemma === lemma && a.plural === plural && (!ba || a.last > ba.last)) ba = a;
    if (ba) return { anon: ba };
    if (!plural && /^(?:source|official|spokesman|spokeswoman|spokesperson|responsable|مصدر|مسوول|متحدث)$/.test(lemma)) {
      const cur = this.sent.para;
      let bp: Person | null = null;
      for (const p of this.persons) if (cur - p.para <= 2 && (!bp || p.last > bp.last)) bp = p;
      if (bp) return { person: bp };
    }
    return null;
  }

  anon(label: string, lemma: string, plural: boolean): Anon {
    const key = label.toLowerCase().replace(/\s+/g, ' ');
    let a = this.anons.find((x) => x.key === key);
    if (!a) {
      a = { label, key, lemma, plural, last: this.si };
      this.anons.push(a);
    }
    a.last = this.si;
    return a;
  }

  // ---------------- emitting

  emit(c: Cls, cue: string, at: number, lang: Lang): Draft | null {
    const base = { sent: this.si, cue, at, lang };
    let d: Draft | null = null;
    switch (c.k) {
      case 'pronoun': {
        const l = this.last;
        if (!l || this.si - l.sent > 8 || l.plural !== c.plural) return null;
        if (l.person) d = { ...base, kind: 'named-person', source: l.person.name, role: l.person.role, person: l.person };
        else if (l.anon) d = { ...base, kind: 'anonymous', source: l.anon.label, anon: l.anon };
        break;
      }
      case 'person': {
        const p = this.addPerson(c.name, c.role);
        d = { ...base, kind: 'named-person', source: p.name, role: p.role, person: p };
        break;
      }
      case 'anonymous': {
        if (c.definite) {
          const r = this.resolveBackref(c.lemma, c.plural);
          if (r?.person) {
            r.person.last = this.si;
            d = { ...base, kind: 'named-person', source: r.person.name, role: r.person.role, person: r.person };
            break;
          }
          if (r?.anon) {
            r.anon.last = this.si;
            d = { ...base, kind: 'anonymous', source: r.anon.label, anon: r.anon };
            break;
          }
        }
        const a = this.anon(c.label, c.lemma, c.plural);
        d = { ...base, kind: 'anonymous', source: a.label, anon: a };
        break;
      }
      case 'outlet':
        d = { ...base, kind: 'outlet', source: c.name, sourceId: c.sourceId };
        break;
      case 'document':
        d = { ...base, kind: 'document', source: c.label };
        break;
    }
    if (!d) return null;
    if (d.person) this.last = { person: d.person, plural: false, sent: this.si };
    else if (d.anon) this.last = { anon: d.anon, plural: d.anon.plural, sent: this.si };
    this.drafts.push(d);
    return d;
  }

  /** Give `via` to the speaker (person or anonymous) of this sentence nearest to offset `at`, and add the outlet. */
  via(o: { name: string; sourceId: string | null }, cue: string, at: number, lang: Lang): void {
    let best: Draft | null = null;
    for (let i = this.drafts.length - 1; i >= 0; i--) {
      const d = this.drafts[i];
      if (d.sent !== this.si) break;
      if (d.kind !== 'named-person' && d.kind !== 'anonymous') continue;
      if (!best || Math.abs(d.at - at) < Math.abs(best.at - at)) best = d;
    }
    // Every speaker of that cue ("Residents and officials, cited by X, describe …").
    for (let i = this.drafts.length - 1; best && i >= 0; i--) {
      const d = this.drafts[i];
      if (d.sent !== this.si) break;
      if (d.at !== best.at || (d.kind !== 'named-person' && d.kind !== 'anonymous')) continue;
      if (!d.via) d.via = o;
      if (d.person && !d.person.via) d.person.via = o;
      if (d.anon && !d.anon.via) d.anon.via = o;
    }
    this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, cue, at, lang);
  }

  // ---------------- Latin-script sentences (English, French)

  latin(s: Sentence): void {
    const toks = tokenize(s.text, s.start, 300);
    if (!toks.length) return;
    if (this.creditLine(s)) return;
    this.dateline(s, toks);
    const lang: Lang = /\b(?:selon|a déclaré|d['’]après|habitants?|les|des|une?)\b/i.test(s.text) && !/\b(?:the|and|said)\b/i.test(s.text) ? 'fr' : 'en';
    const n = toks.length;
    let cues = 0;
    // Words inside quotation marks are someone's words: their "said" is not the article's attribution.
    const inQuote = quoteDepths(toks);
    for (let i = 0; i < n && cues < MAX_CUES; i++) {
      const t = toks[i];
      if (t.punct || inQuote[i]) continue;
      const w = t.low;
      const next = toks[i + 1];
      // "by his account", "in her words": the last speaker.
      if ((w === 'by' || w === 'in') && next && /^(?:his|her|their)$/.test(next.low) && toks[i + 2] && /^(?:account|words|telling|view)$/.test(toks[i + 2].low)) {
        cues++;
        this.emit({ k: 'pronoun', plural: next.low === 'their' }, joinRaw(toks, i, i + 3, s.text, s.start), t.start, lang);
        i += 2;
        continue;
      }
      // "according to X", "citing X", "selon X", "d'après X"
      if ((w === 'according' && next?.low === 'to') || w === 'citing' || w === 'selon' || w === "d'après") {
        const len = w === 'according' ? 2 : 1;
        cues++;
        this.rightNP(toks, i + len, joinRaw(toks, i, i + len, s.text, s.start), t.start, lang, true);
        i += len - 1;
        continue;
      }
      if (t.raw !== w) continue; // verbs are written in lower case
      let len = 0;
      let participle = false;
      let frInverted = false;
      let docOnly = false;
      const ph = EN_PHRASAL.get(w);
      if (ph && next && ph.has(next.low)) len = 2;
      else if (EN_VERBS.has(w)) {
        len = 1;
        participle = EN_VERBS.get(w)!;
      } else if (DOC_ONLY_VERBS.has(w)) {
        len = 1;
        docOnly = true;
      } else if (FR_VERBS.has(w)) len = 1;
      else if (FR_AUX.has(w) && next && FR_PARTICIPLES.has(next.low)) {
        len = 2;
        frInverted = w.includes('-t-') || /-(?:ils|elles)$/.test(w);
      }
      if (!len) continue;
      const prev = toks[i - 1];
      if (prev && !prev.punct && (prev.low === 'to' || prev.low === 'not' && w.endsWith('s'))) continue; // "to say", "declined to comment"
      cues++;
      const cue = joinRaw(toks, i, i + len, s.text, s.start);
      if (frInverted) {
        this.emit({ k: 'pronoun', plural: /-(?:ils|elles)$/.test(w) }, cue, t.start, 'fr');
        i += len - 1;
        continue;
      }
      this.verbCue(toks, i, len, participle, docOnly, cue, lang);
      // "told The Washington Post"
      if (w === 'told' || w === 'tells') {
        const o = outletAtStart(this.idx, words(toks, i + 1, Math.min(n, i + 12)), 0, false);
        if (o) this.via({ name: o.name, sourceId: o.sourceId }, cue, t.start, lang);
      }
      i += len - 1;
    }
    if (cues) this.latinVia(toks, s, lang);
    if (cues) this.docMarker(s, lang);
  }

  /** Speaker of a verb cue at token `i`. */
  private verbCue(toks: Tok[], i: number, len: number, participle: boolean, docOnly: boolean, cue: string, lang: Lang): void {
    const at = toks[i].start;
    let j = i - 1;
    let passive = false;
    while (j >= 0 && !toks[j].punct) {
      const w = toks[j].low;
      if (BE_AUX.has(w)) {
        passive = true;
        j--;
        continue;
      }
      if (EN_ADV_AUX.has(w) || isLyAdverb(toks[j].raw)) {
        j--;
        continue;
      }
      break;
    }
    const after = toks[i + len];
    if (passive && participle) {
      if (after && (after.low === 'by' || after.low === 'par')) this.rightNP(toks, i + len + 1, cue, at, lang, false);
      return;
    }
    const left = this.leftNP(toks, j + 1);
    if (left.cls.length) {
      for (const c of left.cls) {
        if (docOnly && c.k !== 'document') continue;
        this.emit(c, cue, at, lang);
      }
      return;
    }
    if (docOnly) return;
    if (after && (after.low === 'by' || after.low === 'par')) {
      this.rightNP(toks, i + len + 1, cue, at, lang, false);
      return;
    }
    // Inversion after a quotation or a clause: "…,” said Zarari." / "…, reconnaît l'officier."
    if (left.empty && (INVERTING.has(toks[i].low) || len === 2)) this.rightNP(toks, i + len, cue, at, lang, false, true);
  }

  /** Segments left of token `end` (exclusive), split at punctuation, nearest first. */
  private leftNP(toks: Tok[], end: number): { cls: Cls[]; empty: boolean } {
    type Seg = { from: number; to: number; sep: string };
    const segs: Seg[] = [];
    let to = end;
    const floor = Math.max(0, end - 80); // a speaker phrase and its appositives fit in 80 tokens
    while (segs.length < 5) {
      let k = to - 1;
      while (k >= floor && !toks[k].punct) k--;
      if (k < floor) {
        segs.push({ from: floor, to, sep: '' });
        break;
      }
      let p = k;
      while (p >= floor && toks[p].punct) p--;
      segs.push({ from: k + 1, to, sep: toks.slice(p + 1, k + 1).map((t) => t.raw).join('') });
      if (p < floor) break;
      to = p + 1;
    }
    let emptyFirst = false;
    for (let s = 0; s < segs.length; s++) {
      const seg = segs[s];
      const hasQuote = [...seg.sep].some((c) => QUOTE_CHARS.has(c));
      if (seg.from >= seg.to) {
        // Verb right after punctuation: "…,” said X" (inversion) or "Name, who …, recalled".
        if (s === 0 && !hasQuote && segs.length > 1) {
          emptyFirst = true;
          continue;
        }
        return { cls: [], empty: s === 0 || emptyFirst };
      }
      const first = toks[seg.from];
      if (s + 1 < segs.length && SKIP_SEGMENT_START.has(first.low) && !hasQuote) continue;
      // Clause cut: the speaker follows the last "that"/"how"/… of the segment.
      let cut = -1;
      for (let k = seg.to - 1; k >= seg.from; k--) {
        if (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low)) {
          cut = k;
          break;
        }
      }
      let cls = cut >= 0 ? this.classifyLatin(toks, cut + 1, seg.to) : this.classifyLatin(toks, seg.from, seg.to);
      // "a resident who was there quoted …": the relative clause sits between speaker and verb.
      if (!cls.length && cut >= 0 && /^(?:who|which|qui|dont)$/.test(toks[cut].low)) {
        let c2 = -1;
        for (let k = cut - 1; k >= seg.from; k--) {
          if (toks[k].raw === toks[k].low && CLAUSE_WORDS.has(toks[k].low)) {
            c2 = k;
            break;
          }
        }
        cls = this.classifyLatin(toks, c2 >= 0 ? c2 + 1 : seg.from, cut);
      }
      // Appositive: "Name, a … defector, said" → the name with the appositive as role.
      const named = cls.length === 1 && cls[0].k === 'person';
      if (!named && cut < 0 && s + 1 < segs.length && seg.sep.trim() === ',' && /^(?:a|an|the|un|une|le|la)$/.test(first.low) && !SKIP_SEGMENT_START.has(toks[segs[s + 1].from]?.low ?? '')) {
        const prevSeg = segs[s + 1];
        const pc = this.classifyLatin(toks, prevSeg.from, prevSeg.to);
        if (pc.length === 1 && pc[0].k === 'person') {
          const role = joinRaw(toks, seg.from, seg.to, this.sent.text, this.sent.start).replace(/\s+(?:who|which|qui)\b.*$/, '');
          return { cls: [{ ...pc[0], role: pc[0].role ?? role }], empty: false };
        }
      }
      // After an empty first segment ("…, said X"), a clause that is no source means inversion.
      return { cls, empty: emptyFirst && !cls.length };
    }
    return { cls: [], empty: emptyFirst };
  }

  /** Phrase to the right of a cue ("according to X", inversions, passive agents). */
  private rightNP(toks: Tok[], from: number, cue: string, at: number, lang: Lang, according: boolean, inversion = false): void {
    let i = from;
    while (i < toks.length && !toks[i].punct && (EN_ADV_AUX.has(toks[i].low) || isLyAdverb(toks[i].raw))) i++;
    if (according) {
      const o = outletAtStart(this.idx, words(toks, i, Math.min(toks.length, i + 14)), 0, false);
      if (o) {
        this.via({ name: o.name, sourceId: o.sourceId }, cue, at, lang);
        return;
      }
    }
    let j = i;
    while (j < toks.length && j - i < 12) {
      const t = toks[j];
      if (t.punct) break;
      if (t.raw === t.low && (CLAUSE_WORDS.has(t.low) || t.low === 'to' || t.low === 'à' || EN_VERBS.has(t.low) || FR_VERBS.has(t.low))) break;
      j++;
    }
    if (j === i) return;
    // An inverted speaker closes the clause: "…, said a resident." (not "describe a wing that …").
    if (inversion && j < toks.length && !toks[j].punct) return;
    const cls = this.classifyLatin(toks, i, j);
    for (const c of cls) this.emit(c, cue, at, lang);
  }

  /** Classify the phrase toks[from, to) as a source. */
  classifyLatin(toks: Tok[], from: number, to: number, split = true): Cls[] {
    while (from < to && !toks[from].punct && NP_LEADIN.has(toks[from].low)) from++;
    while (to > from && !toks[to - 1].punct && (EN_ADV_AUX.has(toks[to - 1].low) || isLyAdverb(toks[to - 1].raw))) to--;
    if (from >= to) return [];
    if (to - from > 14) return [];
    for (let k = from; k < to; k++) if (toks[k].punct) return [];
    if (split) {
      // Coordinated sources: "Mosul residents and Iraqi intelligence officials".
      const parts: [number, number][] = [];
      let a = from;
      for (let k = from; k < to; k++) {
        if (toks[k].low === 'and' || toks[k].low === 'et') {
          parts.push([a, k]);
          a = k + 1;
        }
      }
      if (parts.length) {
        parts.push([a, to]);
        const res = parts.map(([x, y]) => this.classifyLatin(toks, x, y, false));
        if (res.every((r) => r.length === 1 && r[0].k !== 'pronoun')) return res.map((r) => r[0]);
      }
    }
    const text = this.sent.text;
    const base = this.sent.start;
    if (to - from === 1) {
      const w = toks[from].low;
      if (PRONOUNS_SG.has(w) || w === 'him' || w === 'her' || w === 'lui') return [{ k: 'pronoun', plural: false }];
      if (PRONOUNS_PL.has(w) || w === 'them' || w === 'eux') return [{ k: 'pronoun', plural: true }];
    }
    // An outlet ("The Washington Post reported", "the Russian news agency Novosti").
    const ws = words(toks, from, to);
    const o = outletAtStart(this.idx, ws, 0, true);
    if (o) return [{ k: 'outlet', name: o.name, sourceId: o.sourceId }];
    // A document ("the report", "a statement by the ministry", "a video released by …").
    for (let k = from; k < Math.min(to, from + 5); k++) {
      const w = toks[k].low;
      const lemma = DOC_HEADS.get(w);
      if (lemma && toks[k].raw === w) {
        const rest = k + 1;
        if (rest === to) return [{ k: 'document', label: joinRaw(toks, from, to, text, base) }];
        const r = toks[rest].low;
        if (BY_WORDS.has(r) || /^(?:issued|released|published|posted|seen|obtained|shared|circulated)$/.test(r)) {
          const by = BY_WORDS.has(r) ? rest + 1 : rest + 2;
          const issuer = outletAtStart(this.idx, words(toks, by, to), 0, false);
          if (issuer) return [{ k: 'outlet', name: issuer.name, sourceId: issuer.sourceId }];
          return [{ k: 'document', label: joinRaw(toks, from, Math.min(to, from + 10), text, base) }];
        }
        break;
      }
      if (VERBISH.has(w)) break;
    }
    // A named person: a run of name tokens at the end, a role before it.
    let r = to;
    while (r > from && to - r < 5 && (isNameTok(toks[r - 1]) || (r < to && r - 1 > from && NAME_PARTICLES.has(toks[r - 1].raw)))) r--;
    while (r < to && NAME_PARTICLES.has(toks[r].raw)) r++;
    // "a teacher from Hawija": one capitalised word after a preposition is a place, not a speaker.
    if (r > from && to - r === 1 && /^(?:in|of|from|at|near|for|de|du|à)$/.test(toks[r - 1].low)) return [];
    // "a council member in Tal Afar Salim Hadi": after a preposition, the first capitals are a place.
    if (r > from && to - r > 2 && /^(?:in|of|from|at|for|de|du|à)$/.test(toks[r - 1].low)) {
      const keep = KUNYA.has(toks[to - 3].low) || NAME_PARTICLES.has(toks[to - 2].raw) ? 3 : 2;
      r = to - keep;
    }
    if (r < to) {
      const run = toks.slice(r, to).map((t) => t.raw.replace(/[’']s$/, ''));
      // An organisation word right before the run ("Islamic State Mosul") → not a person.
      if (r > from && ORG_WORDS.has(toks[r - 1].raw) && !ROLE_WORDS.has(toks[r - 1].raw)) return [];
      let roleFrom = from;
      while (roleFrom < r && /^(?:the|a|an|le|la|les|l'|un|une)$/.test(toks[roleFrom].low)) roleFrom++;
      const roleToks = toks.slice(roleFrom, r);
      if (roleToks.some((t) => VERBISH.has(t.low))) return [];
      // "The curators quote the novelist X": an article inside the role must follow a preposition.
      for (let q = 1; q < roleToks.length; q++) {
        if (/^(?:the|a|an|this|that|le|la|les|un|une)$/.test(roleToks[q].low) && !/^(?:of|for|at|in|from|on|with|to|by|de|du|des|à|au)$/.test(roleToks[q - 1].low)) return [];
      }
      const role = roleToks.length ? joinRaw(toks, roleFrom, r, text, base) : undefined;
      const roleHasNoun = roleToks.some((t) => (t.raw === t.low && !DETERMINERS.has(t.low)) || (ROLE_WORDS.has(t.raw) && !/^[A-Z][a-z]+(?:i|an|ish|ese)$/.test(t.raw)));
      const name = run.join(' ');
      const known = this.findPerson(name);
      if (known) return [{ k: 'person', name: known.name, role }];
      if (run.length === 1) {
        if (role && roleHasNoun) return [{ k: 'person', name, role }];
        const full = this.fullName(name);
        if (full) return [{ k: 'person', name: full.name, role: role ?? full.role }];
        return [];
      }
      if (run.length >= 2 && KUNYA.has(run[0].toLowerCase()) && run.length === 2) {
        const full = this.fullName(name);
        if (full) {
          const again = this.findPerson(full.name);
          return [{ k: 'person', name: again?.name ?? full.name, role: role ?? full.role }];
        }
      }
      if (role && !roleHasNoun && roleToks.every((t) => isCap(t.raw))) {
        // "Iraqi Kurdish Peshmerga": capitalised words only, no role noun → not clearly a person.
        if (run.length < 2) return [];
      }
      return [{ k: 'person', name, role }];
    }
    // Anonymous sources: [determiners/modifiers] HEAD [post-modifier].
    let h = -1;
    for (let k = from; k < to && k < from + 7; k++) {
      const w = stripElision(toks[k].low);
      if (ANON_HEADS.has(w) || (ROLE_HEADS.has(w) && k > from && /^(?:the|le|la|l'|this)$/.test(toks[from].low))) {
        h = k;
        // Prefer a later head among consecutive heads ("security sources", "militaires")
        if (k + 1 < to && ANON_HEADS.has(stripElision(toks[k + 1].low))) continue;
        break;
      }
      if (VERBISH.has(w) || PRONOUNS_SG.has(w) || PRONOUNS_PL.has(w)) return [];
    }
    if (h < 0) {
      // "A farmer told …", "an aid worker said …": an indefinite person described by a common noun.
      const last = toks[to - 1];
      if (
        /^(?:a|an|one|another|two|three|four|five|six|several|some|many|un|une|deux|trois|plusieurs)$/.test(toks[from].low) &&
        to - from <= 4 &&
        last.raw === last.low &&
        last.low.length >= 3 &&
        !NON_PERSON.has(last.low) &&
        !DOC_HEADS.has(last.low) &&
        toks.slice(from + 1, to).every((t) => !VERBISH.has(t.low) && !CLAUSE_WORDS.has(t.low))
      ) {
        const plural = !/^(?:a|an|one|another|un|une)$/.test(toks[from].low);
        return [{ k: 'anonymous', label: joinRaw(toks, from, to, text, base), lemma: plural ? last.low.replace(/s$/, '') : last.low, plural, definite: false }];
      }
      return [];
    }
    const post = to - h - 1;
    if (post > 0) {
      const p0 = toks[h + 1].low;
      const pp = /^(?:close|familiar|in|at|from|of|with|inside|within|for|on|near|du|de|des|proche|proches|au|aux|en|based|loyal|linked|affiliated|involved|working|who)$/.test(p0);
      const adjs = toks.slice(h + 1, to).every((t) => t.raw === t.low && !VERBISH.has(t.low)) && post <= 3;
      if (!(pp && post <= 7) && !adjs) return [];
      for (let k = h + 1; k < to; k++) if (VERBISH.has(toks[k].low)) return [];
    }
    const head = stripElision(toks[h].low);
    const lemma = ANON_HEADS.get(head) ?? head;
    const definite = /^(?:the|this|that|le|la|les|ce|cet|cette)$/.test(toks[from].low) || /^l['’]/.test(toks[h].low);
    if (!ANON_HEADS.has(head)) {
      // A role head only ("the minister", "the mayor"): the person named with that role, else an unnamed source.
      const r2 = this.resolveBackref(lemma, false);
      if (r2?.person) return [{ k: 'person', name: r2.person.name, role: r2.person.role }];
      if (post > 0) return [];
    }
    const label = joinRaw(toks, from, Math.min(to, from + 10), text, base);
    return [{ k: 'anonymous', label, lemma, plural: PLURAL_HEADS.has(head), definite }];
  }

  /** "speaking to X", "in an interview with X", "cited by X", "cités par le Wall Street Journal", "… to X". */
  private latinVia(toks: Tok[], s: Sentence, lang: Lang): void {
    let checks = 0;
    for (let i = 0; i + 1 < toks.length; i++) {
      const w = toks[i].low;
      let from = -1;
      if ((w === 'speaking' || w === 'talking' || w === 'spoke' || w === 'revealed' || w === 'said' || w === 'explained' || w === 'confirmed') && (toks[i + 1].low === 'to' || toks[i + 1].low === 'with')) from = i + 2;
      else if (w === 'interview' && (toks[i + 1].low === 'with' || toks[i + 1].low === 'to')) from = i + 2;
      else if (/^(?:cited|quoted|interviewed|contacted|reached|cité|cités|citée|citées|interrogé|interrogés|joint|joints)$/.test(w) && (toks[i + 1].low === 'by' || toks[i + 1].low === 'par')) from = i + 2;
      else if ((w === 'to' || w === 'à') && i > 0 && !toks[i - 1].punct) from = i + 1;
      if (from < 0 || from >= toks.length) continue;
      // Outlets are written with a capital (or in Arabic script), possibly after an article.
      const f0 = toks[from];
      const f1 = toks[from + 1];
      if (!/^[\p{Lu}\u0600-\u06ff]/u.test(f0.raw) && !(DETERMINERS.has(f0.low) && f1 && /^[\p{Lu}]/u.test(f1.raw)) && !/^l['’]\p{L}/u.test(f0.raw)) continue;
      if (++checks > 8) break;
      const o = outletAtStart(this.idx, words(toks, from, Math.min(toks.length, from + 12)), 0, false);
      if (!o) continue;
      const cue = joinRaw(toks, i, from, s.text, s.start);
      this.via({ name: o.name, sourceId: o.sourceId }, cue, toks[i].start, lang);
    }
  }

  /** "… in a video", "dans un communiqué", "in a statement" in a sentence that has a cue. */
  private docMarker(s: Sentence, lang: Lang): void {
    const re = /\b(?:in|on|via|through|dans)\s+(?:a|an|the|its|their|his|her|un|une|son|sa|leur)\s+(?:(?:new|recent|latest|leaked|brief|short|written|joint|online|televised|recorded|nouvelle?|récente?)\s+)?(statement|report|video|recording|audio message|audio recording|message|communiqu[eé]|post|tweet|letter|study|vidéo|rapport|enregistrement|lettre)\b/giu;
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(s.text)) && guard++ < 5) {
      const at = s.start + m.index;
      const label = m[0].replace(/^(?:in|on|via|through|dans)\s+/i, '');
      this.emit({ k: 'document', label }, m[0].split(/\s+/)[0], at, lang);
    }
  }

  /** "Originally published on X", "Source: X", "This article first appeared on X". */
  private creditLine(s: Sentence): boolean {
    const m =
      /^(?:(originally published|first published|this (?:article|story|report|piece) (?:was )?(?:originally |first )?(?:published|appeared)|republished|reprinted|publié initialement|cet article a (?:d['’]abord |initialement )?été publié)\s+(?:on|in|by|at|from|with permission (?:of|from)|sur|dans|par)|(sources?|via|courtesy(?: of)?|source ?)\s*:)\s*(.{2,120})$/iu.exec(
        s.text,
      );
    if (!m) return false;
    const rest = m[3];
    const restToks = tokenize(rest, 0, 40);
    const ws = words(restToks);
    let o = outletAtStart(this.idx, ws, 0, false);
    if (!o) {
      // An unknown outlet credited by name: short and capitalised (or a domain).
      const name = rest.split(/[,;(]|\s[-–—]\s/)[0].replace(/[.\s]+$/, '').trim();
      if (name && name.split(/\s+/).length <= 5 && (/^\p{Lu}/u.test(name) || /^[a-z0-9-]+\.[a-z.]{2,}$/i.test(name))) o = { name, sourceId: null, next: 0, first: 0 };
    }
    if (!o) return false;
    const d = this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, m[1] ?? m[2], s.start, HAS_ARABIC.test(s.text) ? 'ar' : 'en');
    if (d) d.republished = true;
    return true;
  }

  /** "BAGHDAD (Reuters) -" and "Middle East News Network: …" at the start of a paragraph. */
  private dateline(s: Sentence, toks: Tok[]): void {
    if (s.inPara !== 0) return;
    const m = /^(?:[\p{Lu}][\p{Lu}\p{L} .,'’/-]{0,40}\s*)?\(([^()]{2,40})\)\s*[-–—:]/u.exec(s.text);
    if (m) {
      const o = outletAtStart(this.idx, words(tokenize(m[1])), 0, false) ?? (/^\p{Lu}/u.test(m[1]) ? { name: m[1].trim(), sourceId: null } : null);
      if (o) this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'dateline', s.start, 'en');
      return;
    }
    const c = /^([^:.!?]{2,60}):\s+\S/.exec(s.text);
    if (c) {
      let end = 0;
      while (end < toks.length && toks[end].raw !== ':') end++;
      const o = outletAtStart(this.idx, words(toks, 0, end), 0, true);
      if (o) this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'dateline', s.start, 'en');
    }
  }

  // ---------------- Arabic sentences (folded text)

  arabic(s: Sentence): void {
    const { text: f, map } = foldForMatching(s.text);
    const toks = tokenize(f, 0, 400);
    if (!toks.length) return;
    const abs = (i: number) => s.start + (map ? (i < map.length ? map[i] : s.text.length) : i);
    const absEnd = (i: number) => s.start + (map ? (i <= 0 ? 0 : i - 1 < map.length ? map[i - 1] + 1 : s.text.length) : i);
    const orig = (from: number, to: number) => (from >= to ? '' : this.text.slice(abs(toks[from].start), absEnd(toks[to - 1].end)));
    // Credit line "المصدر: X"
    const credit = /^\s*المصدر\s*[:：]\s*(.{2,80})$/u.exec(f);
    if (credit) {
      const ct = tokenize(credit[1]);
      const o = arOutletAt(this.idx, words(ct), 0) ?? outletAtStart(this.idx, words(ct), 0, false);
      if (o) {
        const d = this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, 'المصدر', s.start, 'ar');
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
      // "قال لوكالة رويترز مسؤول …": the outlet comes before the speaker.
      let viaFirst: { name: string; sourceId: string | null } | null = null;
      if (j < n && /^ل/.test(toks[j].low) && !isPrep) {
        const ws = words(toks, j, Math.min(n, j + 8));
        const o = arOutletAt(this.idx, ws, 0);
        if (o && ws[o.next - 1]) {
          viaFirst = { name: o.name, sourceId: o.sourceId };
          j = ws[o.next - 1].tok + 1;
        }
      }
      let k = j;
      // A role phrase may hold a complement with في / من ("مدير المركز الإعلامي في نينوى رأفت الزراري").
      const roleNP = j < n && !toks[j].punct && (AR_ROLE_HEADS.has(toks[j].low) || AR_ROLE_HEADS.has(toks[j].low.replace(/^ال/, '')));
      while (k < n && k - j < 9) {
        const tk = toks[k];
        if (tk.punct && !/^[«»"]$/.test(tk.raw)) break;
        if (!tk.punct) {
          const lw = tk.low;
          if (roleNP && (lw === 'في' || lw === 'ب' || lw === 'باسم') && k > j) {
            k++;
            continue;
          }
          if (AR_NP_STOP.has(lw) || /^(?:رفض|رفضت|طلب|طلبت|فضل|فضلت|شريطه|مشترطا|مفضلا|مضيفا|موضحا|مشيرا|قايلا)$/.test(lw)) break;
          if (k > j && /^ل/.test(lw) && arOutletAt(this.idx, words(toks, k, Math.min(n, k + 6)), 0)) break;
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
        cls = this.classifyArabic(toks, p0 + 1, q + 1, orig, true);
      } else cls = this.classifyArabic(toks, j, k, orig, isPrep);
      if (anonymity && cls.length === 1 && cls[0].k === 'person') cls = [{ k: 'anonymous', label: orig(j, k), lemma: 'مصدر', plural: false, definite: false }];
      for (const c of cls) {
        // For anonymous heads, keep the descriptive complement in the label ("مسؤول في وزارة الداخلية").
        if (c.k === 'anonymous' && !c.definite && j < k && k < n && (toks[k].low === 'في' || toks[k].low === 'من' || toks[k].low === 'داخل')) {
          let e = k + 1;
          while (e < n && e - k < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && !/^(?:رفض|طلب|فضل)$/.test(toks[e].low)) e++;
          if (e > k + 1) c.label = orig(j, e);
        }
        this.emit(c, cue, at, 'ar');
      }
      if (viaFirst) this.via(viaFirst, cue, at, 'ar');
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
      const o = arOutletAt(this.idx, ws, 0);
      if (!o) continue;
      // Bare "ل" + known alias only (a generic "ل + head" needs the head word).
      this.via({ name: o.name, sourceId: o.sourceId }, orig(i, i + 1), abs(t.start), 'ar');
      if (ws[o.next - 1]) i = ws[o.next - 1].tok;
    }
    // Documents: "في بيان", "في تقرير", "في تسجيل مصور".
    for (let i = 0; i + 1 < n; i++) {
      if (toks[i].low !== 'في' && toks[i].low !== 'وفي') continue;
      const d = AR_DOC_HEADS.get(toks[i + 1].low);
      if (!d) continue;
      let e = i + 2;
      while (e < n && e - i < 4 && !toks[e].punct && !AR_NP_STOP.has(toks[e].low) && /^ال|ي$|يه$/.test(toks[e].low)) e++;
      this.emit({ k: 'document', label: orig(i + 1, e) }, orig(i, i + 1), abs(toks[i].start), 'ar');
    }
  }

  classifyArabic(toks: Tok[], from: number, to: number, orig: (a: number, b: number) => string, isPrep: boolean): Cls[] {
    const ws = words(toks, from, to);
    if (!ws.length) return isPrep ? [] : [{ k: 'pronoun', plural: false }];
    const o = arOutletAt(this.idx, ws, 0);
    if (o && (o.next >= ws.length || knownAt(this.idx, ws, 0))) return [{ k: 'outlet', name: o.name, sourceId: o.sourceId }];
    const first = ws[0].n;
    const bareFirst = /^[وف]/.test(first) && !AR_ANON_HEADS.has(first) && !AR_DOC_HEADS.has(first) ? first.slice(1) : first;
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
        if (AR_NAME_STOP.has(n) || AR_ANON_HEADS.has(n) || AR_ROLE_HEADS.has(n) || AR_OUTLET_HEADS.has(n)) return null;
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
        const known = this.findPerson(name);
        return [{ k: 'person', name: known?.name ?? name, role }];
      }
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
        const r = this.resolveBackref(lemma, false);
        if (r?.person) return [{ k: 'person', name: r.person.name, role: r.person.role }];
        if (r?.anon) return [{ k: 'anonymous', label: r.anon.label, lemma, plural: false, definite: false }];
      }
      return [{ k: 'anonymous', label: label(), lemma, plural, definite: false }];
    }
    if (isRole(bareFirst)) {
      const r = this.resolveBackref(bareFirst.replace(/^ال/, ''), false);
      if (r?.person) return [{ k: 'person', name: r.person.name, role: r.person.role }];
      return [];
    }
    // A bare name: "رأفت الزراري", or a short reference to a known person: "حازم", "الزراري".
    if (ws.length === 1) {
      const p = this.findPerson(ws[0].raw);
      return p ? [{ k: 'person', name: p.name, role: p.role }] : [];
    }
    if (ws.length <= 3 && !ws[0].n.startsWith('ال')) {
      const tail = nameTail();
      if (tail && tail.start === 0) {
        const name = label();
        const p = this.findPerson(name);
        return [{ k: 'person', name: p?.name ?? name, role: p?.role }];
      }
    }
    return [];
  }

  // ---------------- finishing

  finish(): Attribution[] {
    const sents = this.sents;
    // Statements given to the page's own outlet are first-hand.
    const isSelf = (o: { name: string; sourceId?: string | null } | undefined) => !!(o && this.self && sameOutlet(o, this.self));
    // One statement per (sentence, kind, source).
    const seen = new Set<string>();
    const drafts: Draft[] = [];
    for (const d of this.drafts) {
      if (d.kind === 'outlet' && isSelf({ name: d.source, sourceId: d.sourceId })) continue;
      const key = `${d.sent}|${d.kind}|${d.source.toLowerCase()}`;
      if (seen.has(key)) {
        const prev = drafts.find((x) => `${x.sent}|${x.kind}|${x.source.toLowerCase()}` === key);
        if (prev && !prev.via && d.via) prev.via = d.via;
        if (prev && d.republished) prev.republished = true;
        continue;
      }
      seen.add(key);
      drafts.push(d);
    }
    // A person who spoke to an outlet once spoke to it for the whole piece.
    for (const d of drafts) {
      const v = d.person?.via ?? d.anon?.via;
      if (!d.via && v) d.via = v;
      if (d.person && !d.role && d.person.role) d.role = d.person.role;
      if (d.person) d.source = d.person.name;
      if (isSelf(d.via)) d.via = undefined;
    }
    // Quotations running on into following sentences of the same paragraph.
    const bySent = new Map<number, Draft[]>();
    for (const d of drafts) (bySent.get(d.sent) ?? bySent.set(d.sent, []).get(d.sent)!).push(d);
    const spanEnd = new Map<number, number>();
    const covered = new Set<number>();
    for (const [si] of bySent) {
      let end = sents[si].end;
      let open = quoteBalance(sents[si].text) > 0;
      for (let k = si + 1; k < sents.length && k - si < 8; k++) {
        const nx = sents[k];
        if (nx.para !== sents[si].para || bySent.has(k)) break;
        if (!open && !/^["“«]/.test(nx.text)) break;
        end = nx.end;
        covered.add(k);
        open = (open ? 1 : 0) + quoteBalance(nx.text) > 0;
      }
      spanEnd.set(si, end);
    }
    const out: Attribution[] = drafts.map((d) => {
      const s = sents[d.sent];
      const end = spanEnd.get(d.sent) ?? s.end;
      const a: Attribution = { kind: d.kind, source: d.source, quote: this.text.slice(s.start, end), start: s.start, end, cue: d.cue, lang: d.lang };
      if (d.role) a.role = d.role;
      if (d.via) {
        a.via = d.via.name;
        if (d.via.sourceId) a.viaSourceId = d.via.sourceId;
      }
      if (d.kind === 'outlet' && d.sourceId) a.sourceId = d.sourceId;
      if (d.republished) a.republished = true;
      return a;
    });
    // Figures asserted with no source in their sentence (conservative).
    for (let si = 0; si < sents.length; si++) {
      if (bySent.has(si) || covered.has(si)) continue;
      const s = sents[si];
      if (/^["“«]/.test(s.text) || /[?؟]["”»]?$/.test(s.text)) continue;
      // Crossheads and captions without a final stop are not asserted sentences.
      if (!/[.!…]["”»’)]*$/.test(s.text)) continue;
      if (s.text.split(/\s+/).length < 6) continue;
      const hits = findQuantities(s.text);
      const h = hits.find((q) => {
        return !!subjectFor(s.text, q) && (q.quantity !== null || q.qualifier !== 'several');
      });
      if (!h) continue;
      out.push({ kind: 'unattributed', source: '', quote: s.text, start: s.start, end: s.end, cue: '', lang: HAS_ARABIC.test(s.text) ? 'ar' : 'en' });
    }
    out.sort((a, b) => a.start - b.start);
    return out;
  }
}

/** For each token: inside a quotation (“…”, «…», "…")? Unclosed quotes at the end do not count. */
function quoteDepths(toks: Tok[]): boolean[] {
  const out = new Array<boolean>(toks.length).fill(false);
  let open = -1;
  let straight = -1;
  for (let i = 0; i < toks.length; i++) {
    const r = toks[i].raw;
    if (r === '“' || r === '«' || r === '„') {
      if (open < 0) open = i;
    } else if (r === '”' || r === '»') {
      if (open >= 0) for (let k = open + 1; k < i; k++) out[k] = true;
      open = -1;
    } else if (r === '"') {
      if (straight < 0) straight = i;
      else {
        for (let k = straight + 1; k < i; k++) out[k] = true;
        straight = -1;
      }
    }
  }
  return out;
}

function quoteBalance(s: string): number {
  let open = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '“' || ch === '«') open++;
    else if (ch === '”' || ch === '»') open = Math.max(0, open - 1);
    else if (ch === '"') straight++;
  }
  return open + (straight % 2);
}

/**
 * Attributed statements of `text` (an article body: plain text, paragraphs separated by
 * blank lines), in text order. See the module comment for the grammar.
 */
export function extractAttributions(text: string, opts: AttributionOptions = {}): Attribution[] {
  const t = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const x = new Extractor(t, opts);
  x.sents = splitSentences(t).slice(0, MAX_SENTENCES);
  for (x.si = 0; x.si < x.sents.length; x.si++) {
    const s = x.sents[x.si];
    if (HAS_ARABIC.test(s.text)) x.arabic(s);
    else x.latin(s);
  }
  return x.finish();
}

export type { OutletName };
