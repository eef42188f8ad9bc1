/**
 * People and anonymous sources met in a text, and the back-references to them: short names
 * ("Zarari", "Abu Hajer", "الزراري"), the full form of a name used elsewhere in the text, role
 * words ("the analyst", "المصدر") and the last speaker (for pronouns). The base of the
 * extractor state (see extractor-state.ts).
 */
import { foldArabic } from '../text/normalize';
import type { Anon, Person } from './grammar';
import { AR_NAME_PARTICLES, CAP_STOP, COUNTRIES, FIRST_NAMES_F, FIRST_NAMES_M, KUNYA, NOT_SURNAME, ORG_NAME_END, ORG_WORDS, PLACES, ROLE_WORDS } from './lexicon';
import type { Sentence } from './sentences';

const HAS_ARABIC = /[\u0600-\u06ff]/;

export function personKeyTok(t: string): string {
  return (HAS_ARABIC.test(t) ? foldArabic(t) : t)
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/^(?:al|el|ad|as|ash|at|az|an|ar)[-‐]/, '')
    .replace(/^ال(?=[\u0600-\u06ff]{3,})/, '');
}

/** Gender told by a common first name ("Hillary Clinton" → f), if any. */
export function nameGender(name: string): 'm' | 'f' | undefined {
  const first = name.split(/\s+/)[0];
  if (!first || name.indexOf(' ') < 0) return undefined;
  return FIRST_NAMES_F.has(first) ? 'f' : FIRST_NAMES_M.has(first) ? 'm' : undefined;
}

/** A generational suffix closing a name ("Jr.", "III"): not the family name that later mentions use. */
const NAME_SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;

export function personKeys(name: string): string[] {
  const toks = name.split(/\s+/).filter(Boolean);
  while (toks.length > 1 && NAME_SUFFIX.test(toks[toks.length - 1].replace(/,$/, ''))) toks.pop();
  const norm = toks.map(personKeyTok);
  const keys = [norm.join(' '), norm[norm.length - 1]];
  if (toks.length >= 2 && (KUNYA.has(toks[0].toLowerCase()) || AR_NAME_PARTICLES.has(foldArabic(toks[0])))) keys.push(norm.slice(0, 2).join(' '));
  return [...new Set(keys)];
}

/** Who has been met so far, sentence by sentence. */
export class PeopleState {
  persons: Person[] = [];
  anons: Anon[] = [];
  last: { person?: Person; anon?: Anon; plural: boolean; sent: number } | null = null;
  sents: Sentence[] = [];
  si = 0;
  private nameCache = new Map<string, { name: string; role?: string } | null>();
  private nameLookups = 0;

  constructor(readonly text: string) {}

  get sent(): Sentence {
    return this.sents[this.si];
  }

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
        if (!p.gender) p.gender = nameGender(name);
      }
    }
    if (!p) {
      p = { name, role, keys, last: this.si, para: this.sent?.para ?? 0, gender: nameGender(name) };
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
    // Whole words only: "natural Mexican" holds no particle "al", "Clinton also" no "Clinton al".
    const leftRe = new RegExp(`(?:(?<![\\p{L}\\p{M}'’-])(?:${T}|${P})\\s+){1,3}$`, 'u');
    const rightRe = new RegExp(`^(?:[\\s-]+(?:${T}|${P})(?![\\p{L}\\p{M}])){1,2}`, 'u');
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

  /**
   * For "he"/"she" with no fitting last speaker: the person met most recently (within 8
   * sentences) whose gender is unknown, else a person already met whose name is the last one
   * written in this paragraph or the one before ("Clinton laughed off the ad. “…,” she said.").
   */
  recentPerson(g: 'm' | 'f'): Person | null {
    let best: Person | null = null;
    for (const p of this.persons) if (!p.gender && this.si - p.last <= 8 && (!best || p.last > best.last)) best = p;
    if (best) return best;
    const cur = this.sent;
    if (!cur || HAS_ARABIC.test(cur.text)) return null;
    let k = this.si;
    while (k > 0 && this.sents[k - 1].para >= cur.para - 1 && this.si - k < 12) k--;
    const near = this.text.slice(this.sents[k].start, cur.start);
    const re = /\p{Lu}[\p{Ll}'’-]+/gu;
    const cands: string[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(near)) && cands.length < 200) cands.push(m[0].replace(/[’']s$/, ''));
    for (let i = cands.length - 1, n = 0; i >= 0 && n < 40; i--, n++) {
      const w = cands[i];
      if (CAP_STOP.has(w) || ROLE_WORDS.has(w) || ORG_WORDS.has(w) || ORG_NAME_END.has(w) || COUNTRIES.has(w) || PLACES.has(w) || NOT_SURNAME.has(w)) continue;
      const p = this.findPerson(w);
      if (p && (!p.gender || p.gender === g)) return p;
    }
    // Not met as a speaker yet: the last surname whose full form elsewhere in the text fits the gender.
    for (let i = cands.length - 1, n = 0; i >= 0 && n < 6; i--) {
      const w = cands[i];
      if (i > 0 && near.indexOf(`${cands[i - 1]} ${w}`) >= 0) continue;
      if (CAP_STOP.has(w) || ROLE_WORDS.has(w) || ORG_WORDS.has(w) || ORG_NAME_END.has(w) || COUNTRIES.has(w) || PLACES.has(w) || NOT_SURNAME.has(w)) continue;
      n++;
      const full = this.fullName(w);
      if (full && nameGender(full.name) === g) return this.addPerson(full.name, full.role);
    }
    return null;
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
}
