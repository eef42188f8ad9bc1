/**
 * Recognising news outlets in a phrase: the known list (names and aliases, e.g. the
 * default pack's sources) and generic patterns ("the Russian news agency Novosti",
 * "the Asharq Al-Awsat newspaper", "Rudaw TV", "وكالة …", "صحيفة …", "l'agence …").
 */
import { foldArabic } from '../text/normalize';
import { hostOf, outletForHost } from '../match/host';
import type { OutletName } from './outlet-name';
import type { OutletProfile as SourceProfile } from '../model';
import { isCap, tokenize, type Tok } from './tokens';
import {
  AR_NAME_STOP,
  AR_OUTLET_HEADS,
  BY_WORDS,
  DETERMINERS,
  NAME_PARTICLES,
  OUTLET_ADJ,
  OUTLET_DESCRIPTORS,
  OUTLET_END_WORDS,
  OUTLET_SUFFIXES,
  REPORT_LEADIN,
 AR_TIME_WORDS,
} from './lexicon';

export interface OutletHit {
  /** Canonical name (the list's name when known, else the name as written). */
  name: string;
  sourceId: string | null;
  /** Index of the first token after the outlet's name. */
  next: number;
  /** Index of the first token of the name. */
  first: number;
}

interface AliasEntry {
  /** Normalised tokens. */
  toks: string[];
  /** Tokens as written in the list (for case checks). */
  raw: string[];
  outlet: OutletName;
}

export interface OutletIndex {
  outlets: OutletName[];
  byFirst: Map<string, AliasEntry[]>;
  byLast: Map<string, AliasEntry[]>;
}

const HAS_AR = /[\u0600-\u06ff]/;

/** Normalised form of one token for matching: folded, lower-case, possessive and clitics dropped. */
export function normTok(raw: string): string {
  return (HAS_AR.test(raw) ? foldArabic(raw) : raw)
    .toLowerCase()
    .replace(/[’']s$/, '')
    .replace(/[’'"«»“”]/g, '');
}

/** Split a name into matching tokens (hyphens split: "Al-Jazeera" = "Al Jazeera"). */
function aliasTokens(s: string): string[] {
  return s
    .split(/[\s\u00a0\u2010\u2011-]+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter(Boolean);
}

const caches = new WeakMap<OutletName[], OutletIndex>();

export function outletIndex(outlets: OutletName[]): OutletIndex {
  const hit = caches.get(outlets);
  if (hit) return hit;
  const byFirst = new Map<string, AliasEntry[]>();
  const byLast = new Map<string, AliasEntry[]>();
  for (const o of outlets) {
    const names = [o.name, ...(o.aliases ?? [])];
    const seen = new Set<string>();
    for (const n of names) {
      const raw = aliasTokens(n.replace(/\s*\(.*\)\s*$/, ''));
      if (!raw.length) continue;
      const toks = raw.map(normTok);
      const key = toks.join(' ');
      if (seen.has(key) || key.length < 2) continue;
      seen.add(key);
      const e: AliasEntry = { toks, raw, outlet: o };
      (byFirst.get(toks[0]) ?? byFirst.set(toks[0], []).get(toks[0])!).push(e);
      const last = toks[toks.length - 1];
      (byLast.get(last) ?? byLast.set(last, []).get(last)!).push(e);
    }
  }
  for (const list of [...byFirst.values(), ...byLast.values()]) list.sort((a, b) => b.toks.length - a.toks.length);
  const idx = { outlets, byFirst, byLast };
  caches.set(outlets, idx);
  return idx;
}

/** The outlets of a pack's sources, in the shape `findRelays` and the extractor take. */
export function outletsFromSources(sources: (Pick<SourceProfile, 'id' | 'name' | 'aliases' | 'domains'> & { type?: string })[]): OutletName[] {
  // The group's own media are profiled in packs but are a speaker kind of their own ('group-media'), not outlets.
  return sources.filter((s) => s.type !== 'group-media').map((s) => ({ sourceId: s.id, name: s.name, aliases: s.aliases ?? [], domains: s.domains }));
}

const CASELESS = new Set(['the', 'al', 'el', 'le', 'la', 'les', 'l', 'an', 'ad', 'as']);

/** Case rule for one alias token against text: capitals in the alias must be capitals in the text. */
function caseOk(aliasRaw: string, textRaw: string): boolean {
  if (!/[A-Za-z]/.test(aliasRaw)) return true;
  const low = aliasRaw.toLowerCase();
  if (CASELESS.has(low)) return true;
  if (/^[A-Z0-9.]{2,}$/.test(aliasRaw)) return textRaw.replace(/[’']s$/, '') === aliasRaw; // acronyms: exact
  if (/^[A-Z]/.test(aliasRaw)) return /^[A-Z]/.test(textRaw);
  return true;
}

/** Words of `toks` (punctuation removed), split at hyphens like aliases are. */
export interface Word {
  raw: string;
  n: string;
  /** Index of the source token. */
  tok: number;
  /** The whole source token as written ("Al-Sabah" for the words "Al" and "Sabah"). */
  full: string;
}

const AR_WORD = /^[\u0621-\u064a]+$/;

export function words(toks: Tok[], from = 0, to = toks.length): Word[] {
  const out: Word[] = [];
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.punct) {
      // Quotes inside a name ("صحيفة «وول ستريت جورنال»") are transparent; other punctuation ends the phrase.
      if (/^["«»“”]$/.test(t.raw)) continue;
      break;
    }
    // A plain Arabic word (the common case): one word, no splitting.
    if (AR_WORD.test(t.raw)) {
      out.push({ raw: t.raw, n: foldArabic(t.raw), tok: i, full: t.raw });
      continue;
    }
    for (const part of aliasTokens(t.raw)) {
      // French elision: "l'agence" → "l'" + "agence"
      const el = /^((?:[ldjmnst]|qu)['’])(\p{L}.+)$/iu.exec(part);
      if (el) {
        out.push({ raw: el[1], n: el[1].toLowerCase().replace('’', "'"), tok: i, full: t.raw });
        out.push({ raw: el[2], n: normTok(el[2]), tok: i, full: t.raw });
      } else out.push({ raw: part, n: normTok(part), tok: i, full: t.raw });
    }
  }
  return out;
}

/** Longest known alias starting at word `i` (Arabic proclitics ل/ب/و stripped on the first word). */
export function knownAt(idx: OutletIndex, ws: Word[], i: number): { outlet: OutletName; len: number } | null {
  if (i >= ws.length) return null;
  const firsts = [ws[i].n];
  if (/^[\u0600-\u06ff]/.test(ws[i].n)) {
    const w = ws[i].n;
    if (w.startsWith('لل')) firsts.push('ال' + w.slice(2));
    if (/^[لبوف]/.test(w) && w.length > 3) firsts.push(w.slice(1));
    if (/^(?:وب|ول|فل|فب)/.test(w) && w.length > 4) firsts.push(w.slice(2));
  }
  for (const first of firsts) {
    const cands = idx.byFirst.get(first);
    if (!cands) continue;
    for (const e of cands) {
      if (i + e.toks.length > ws.length) continue;
      let ok = true;
      for (let k = 0; k < e.toks.length && ok; k++) {
        const w = ws[i + k];
        ok = (k === 0 ? first : w.n) === e.toks[k] && caseOk(e.raw[k], w.raw);
      }
      if (ok) return { outlet: e.outlet, len: e.toks.length };
    }
  }
  return null;
}

/** Words i..j-1 as written (whole tokens, so "Al-Sabah" keeps its hyphen). */
function asWritten(ws: Word[], i: number, j: number): string {
  const out: string[] = [];
  for (let k = i; k < j; k++) if (k === i || ws[k].tok !== ws[k - 1].tok) out.push(ws[k].full.replace(/[’']s$/, ''));
  return out.join(' ');
}

function isNameWord(w: Word): boolean {
  if (/^\d+$/.test(w.raw)) return true;
  if (NAME_PARTICLES.has(w.n)) return true;
  return isCap(w.raw);
}

function descriptorAt(ws: Word[], i: number): number {
  for (const d of OUTLET_DESCRIPTORS) {
    if (i + d.length > ws.length) continue;
    let ok = true;
    for (let k = 0; k < d.length && ok; k++) ok = ws[i + k].n === d[k];
    if (ok) return d.length;
  }
  return 0;
}

/**
 * An outlet named at the start of the words from `i`: optional determiners and adjectives,
 * an optional "report by" lead-in, an optional descriptor, then a known alias or a
 * capitalised name. `whole`: the phrase must end with the outlet (an outlet suffix such
 * as "newspaper" allowed).
 */
export function outletAtStart(idx: OutletIndex, ws: Word[], i0 = 0, whole = false): OutletHit | null {
  let i = i0;
  const n = ws.length;
  const skipDets = () => {
    while (i < n && (DETERMINERS.has(ws[i].n) || /^[\p{Lu}][\p{L}]+[’']s$/u.test(ws[i].raw))) i++;
  };
  skipDets();
  // "a report by", "an article in"
  if (i + 1 < n && REPORT_LEADIN.has(ws[i].n) && BY_WORDS.has(ws[i + 1].n)) {
    i += 2;
    skipDets();
  }
  let described = false;
  for (let guard = 0; guard < 4 && i < n; guard++) {
    const d = descriptorAt(ws, i);
    if (d) {
      i += d;
      described = true;
      continue;
    }
    if (OUTLET_ADJ.has(ws[i].n) && i + 1 < n) {
      // an adjective only counts when a descriptor follows within two words
      if (descriptorAt(ws, i + 1) || (i + 2 < n && OUTLET_ADJ.has(ws[i + 1].n) && descriptorAt(ws, i + 2))) {
        i++;
        continue;
      }
    }
    break;
  }
  if (i < n && (ws[i].n === 'of' || ws[i].n === 'de')) i++; // "la chaîne de X" is covered by the descriptor list
  let first = i;
  let known = knownAt(idx, ws, i);
  // Aliases that start with an article ("Le Monde", "the Post"): try from the skipped article.
  for (let p = i - 1; !known && p >= i0 && DETERMINERS.has(ws[p].n); p--) {
    known = knownAt(idx, ws, p);
    if (known) first = i = p;
  }
  let end = -1;
  let name = '';
  let sourceId: string | null = null;
  if (known) {
    end = i + known.len;
    // An acronym is kept as written ("the AP said": AP, not "The Associated Press"); the id links the profile.
    name = known.len === 1 && /^[A-Z]{2,5}$/.test(ws[i].raw) && !known.outlet.name.includes(ws[i].raw) ? ws[i].raw : known.outlet.name;
    sourceId = known.outlet.sourceId;
  } else {
    let j = i;
    while (j < n && j - i < 6 && isNameWord(ws[j])) j++;
    // trailing particles are not part of the name
    while (j > i && NAME_PARTICLES.has(ws[j - 1].n)) j--;
    if (j > i && /\p{Lu}|\d/u.test(ws.slice(i, j).map((w) => w.raw).join(''))) {
      const suffix = j < n && OUTLET_SUFFIXES.has(ws[j].n);
      const endWord = OUTLET_END_WORDS.has(ws[j - 1].raw) && j - i >= 2;
      if (described || suffix || endWord) {
        end = j;
        name = asWritten(ws, i, j);
      }
    }
  }
  if (end < 0) return null;
  let next = end;
  if (next < n && OUTLET_SUFFIXES.has(ws[next].n)) next++;
  if (whole && next < n) return null;
  return { name, sourceId, next, first };
}

/** An Arabic outlet phrase at word `i`: "وكاله …", "صحيفه …", "لوكاله …" or a known alias. */
export function arOutletAt(idx: OutletIndex, ws: Word[], i: number): OutletHit | null {
  if (i >= ws.length) return null;
  const known = knownAt(idx, ws, i);
  if (known) {
    let next = i + known.len;
    while (next < ws.length && AR_NAME_STOP.has(ws[next].n) && /ي$|يه$/.test(ws[next].n)) next++;
    return { name: known.outlet.name, sourceId: known.outlet.sourceId, next, first: i };
  }
  let head = ws[i].n;
  if (/^[لبو]/.test(head) && AR_OUTLET_HEADS.has(head.slice(1))) head = head.slice(1);
  if (/^(?:وب|ول)/.test(head) && AR_OUTLET_HEADS.has(head.slice(2))) head = head.slice(2);
  // "مؤسسة الإذاعة والتلفزيون التركية": a broadcaster; any other مؤسسة is no outlet.
  if (/^[لبو]?موسسه$/.test(ws[i].n) && /^(?:الاذاعه|التلفزيون)$/.test(ws[i + 1]?.n ?? '')) {
    let e = i + 2;
    while (e < ws.length && e - i < 5 && (/^و?(?:الاذاعه|التلفزيون)$/.test(ws[e].n) || (AR_NAME_STOP.has(ws[e].n) && /ي$|يه$/.test(ws[e].n)))) e++;
    return { name: asWritten(ws, i, e), sourceId: null, next: e, first: i };
  }
  // "التلفزيون الرسمي", "الإذاعة السورية": a state broadcaster named by its adjective.
  if (/^[لبو]?(?:ال|لل)(?:تلفزيون|اذاعه)$/.test(ws[i].n) && ws[i + 1] && ws[i + 1].tok === ws[i].tok + 1 && AR_NAME_STOP.has(ws[i + 1].n) && /(?:ي|يه)$/.test(ws[i + 1].n) && ws[i + 1].n.startsWith('ال'))
    return { name: asWritten(ws, i, i + 2), sourceId: null, next: i + 2, first: i };
  if (!AR_OUTLET_HEADS.has(head)) return null;
  let j = i + 1;
  // "وكاله انباء X", "وكاله الانباء X"
  const anba = j < ws.length && /^(?:ال)?انباء$/.test(ws[j].n);
  if (anba) j++;
  const k2 = knownAt(idx, ws, j);
  if (k2) {
    let next = j + k2.len;
    while (next < ws.length && AR_NAME_STOP.has(ws[next].n)) next++;
    return { name: k2.outlet.name, sourceId: k2.outlet.sourceId, next, first: i };
  }
  const start = j;
  // A name ends where a quotation or bracket closes ("وكالة الأنباء الكويتية «كونا»", "وكالة «دوغان» التركية").
  while (j < ws.length && j - start < 3 && (j === start || ws[j].tok === ws[j - 1].tok + 1) && /^[\u0600-\u06ff\p{L}\d]/u.test(ws[j].raw) && !AR_NAME_STOP.has(ws[j].n) && !AR_TIME_WORDS.has(ws[j].n) && !/^(?:ان|انه|بان|في|من|الي|علي|عن|ل|ما|نقلا|وفقا|حسب|بحسب|التي|الذي|قال|قالت|ذكرت|ذكر)$/.test(ws[j].n)) j++;
  // A common noun takes its adjective: "وكالة الصحافة الفرنسية", "وكالة الأنباء الكويتية".
  const adj = (w: Word | undefined) => !!w && AR_NAME_STOP.has(w.n) && /(?:ي|يه)$/.test(w.n) && w.n.startsWith('ال');
  if ((j === start && anba) || (j === start + 1 && ws[start].n.startsWith('ال'))) if (adj(ws[j]) && ws[j].tok === ws[j - 1].tok + 1) j++;
  if (j === start) return null;
  return { name: asWritten(ws, i, j), sourceId: null, next: j, first: i };
}

/**
 * Can a folded Arabic token start an outlet's name ("لوكالة", "وصحيفة", a known first word)?
 * A cheap test before `words` + `arOutletAt`.
 */
export function arOutletMayStart(idx: OutletIndex, w: string): boolean {
  if (idx.byFirst.has(w) || AR_OUTLET_HEADS.has(w)) return true;
  if (/^[لبو]?(?:ال|لل)(?:تلفزيون|اذاعه)$/.test(w)) return true;
  if (w.startsWith('لل') && idx.byFirst.has('ال' + w.slice(2))) return true;
  if (/^[لبوف]/.test(w) && w.length > 3 && (idx.byFirst.has(w.slice(1)) || AR_OUTLET_HEADS.has(w.slice(1)))) return true;
  if (/^(?:وب|ول|فل|فب)/.test(w) && w.length > 4 && (idx.byFirst.has(w.slice(2)) || AR_OUTLET_HEADS.has(w.slice(2)))) return true;
  return /^[لبو]?موسسه$/.test(w);
}

/**
 * An outlet's name as the text writes it (Arabic gold and readers see "وكالة الأناضول", not the
 * pack's "Anadolu Agency"; the pack's id is kept): the words of the hit, less a fused ل/ب/و.
 */
export function writtenOutlet(idx: OutletIndex, orig: (a: number, b: number) => string, ws: { tok: number; n: string }[], o: { first: number; next: number; sourceId: string | null }): string {
  const s = orig(ws[o.first].tok, ws[o.next - 1].tok + 1).replace(/\s*[«»"“”]\s*/g, (m) => (/^\s|\s$/.test(m) ? ' ' : '')).trim();
  const f = ws[o.first].n;
  // A fused preposition or conjunction is no part of the name: "لرويترز", "للمدينة", "وصحيفة".
  if (/^لل/.test(f) && !idx.byFirst.has(f)) return 'ال' + s.slice(2);
  if (/^[لبو]/.test(f) && !idx.byFirst.has(f) && !AR_OUTLET_HEADS.has(f) && (idx.byFirst.has(f.slice(1)) || AR_OUTLET_HEADS.has(f.slice(1)))) return s.slice(1).replace(/^[«"“]\s*/, '');
  return s;
}

/** Convenience: an outlet at the start of a plain phrase. */
export function outletInPhrase(idx: OutletIndex, phrase: string, whole = false): OutletHit | null {
  const ws = words(tokenize(phrase));
  if (/[\u0600-\u06ff]/.test(phrase)) return arOutletAt(idx, ws, 0);
  return outletAtStart(idx, ws, 0, whole);
}

/**
 * Media without a name ("وسائل الإعلام التركية", "الصحف", "وسائل إعلام عدة"): news media speaking,
 * so an outlet as a kind of source, but no particular outlet to list as relayed.
 */
export function unnamedMedia(name: string): boolean {
  return /^(?:وسايل|الصحف|صحف)(?:\s|$)/.test(foldArabic(name));
}

/** Same outlet? By id when both known, else by normalised name. */
export function sameOutlet(a: { name: string; sourceId?: string | null }, b: { name: string; sourceId?: string | null }): boolean {
  if (a.sourceId && b.sourceId) return a.sourceId === b.sourceId;
  const n = (s: string) => aliasTokens(s).map(normTok).filter((t) => t !== 'the').join(' ');
  return n(a.name) === n(b.name);
}

/** The page's own outlet among `outlets`, from its site name or URL host. */
export function selfOutlet(outlets: OutletName[], siteName: string | null | undefined, url: string | null | undefined): OutletName | null {
  const byHost = outletForHost(outlets, hostOf(url));
  if (byHost) return byHost;
  if (siteName) {
    const idx = outletIndex(outlets);
    const ws = words(tokenize(siteName));
    const k = knownAt(idx, ws, 0);
    if (k && k.len === ws.length) return k.outlet;
  }
  return null;
}
