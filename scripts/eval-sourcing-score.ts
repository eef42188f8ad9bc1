/**
 * Scoring rules of the sourcing development sets (../shared/corpus/sourcing-en and
 * sourcing-ar, see their READMEs), used by scripts/eval-sourcing-dev.ts:
 * - placing predicted items in the page body (by offsets, else by a loose-whitespace search);
 * - token-overlap matching (|P′ ∩ C| / min(|P′|, |C|) ≥ 0.5, P′ = P less the gold's source and
 *   cue tokens; an item made only of source/cue tokens matches when it shares ≥ 2);
 * - source comparison (normalised, comma/bracket segments cut to their head phrase; equal,
 *   subset or same last word);
 * - relay names mapped to one name per outlet.
 * No corpus text is kept here: word lists only.
 */
import { foldArabic } from '../src/core/text/normalize';

export interface Tok {
  start: number;
  end: number;
}

/** `\w+` runs (letters, digits, marks, underscore) of `s`. */
export function wordTokens(s: string): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}\p{M}_]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Token indices overlapping [start, end) (binary search on sorted tokens). */
export function tokRange(toks: Tok[], start: number, end: number): number[] {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < toks.length && toks[i].start < end; i++) out.push(i);
  return out;
}

/** Find `quote` in `body` with white space (NBSP included) matched loosely. */
export function looseFind(body: string, quote: string): { start: number; end: number } | null {
  const q = quote.trim();
  if (!q) return null;
  const exact = body.indexOf(q);
  if (exact >= 0) return { start: exact, end: exact + q.length };
  const parts = q.split(/[\s\u00a0\u200f\u200e]+/).filter(Boolean).slice(0, 400);
  if (!parts.length) return null;
  const re = new RegExp(parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\u00a0\\u200f\\u200e]+'), 'u');
  const m = re.exec(body);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

export interface GoldItem {
  /** Token indices of the content, source and cue in the body. */
  content: number[];
  source: number[];
  cue: number[];
  core: boolean;
}

/** Overlap score of a predicted token set with a gold item; ≥ 0.5 is a match. */
export function overlap(pred: number[], g: GoldItem): number {
  const sc = new Set([...g.source, ...g.cue]);
  const p2 = pred.filter((t) => !sc.has(t));
  if (!g.content.length) return 0;
  if (!p2.length) {
    const shared = pred.filter((t) => sc.has(t)).length;
    return shared >= 2 ? 0.5 : 0;
  }
  const cs = new Set(g.content);
  let inter = 0;
  for (const t of p2) if (cs.has(t)) inter++;
  return inter / Math.min(p2.length, g.content.length);
}

/**
 * How tightly a predicted item holds a gold item's content, to break ties of `overlap`, which
 * divides by the shorter of the two and so gives 1 both to every item holding the whole
 * content and to every item lying inside it: 0 unless P′ (as in `overlap`) holds the whole
 * content, else 1 / (1 + the tokens of P′ outside it). Of a speech item over a whole sentence
 * and a nested item over just the clause a belief covers ("Aides said the senator believes
 * [the bill will pass]"), the nested one holds the belief's content more tightly; the outer
 * one alone holds the speech's ("the senator believes the bill will pass").
 */
export function fit(pred: number[], g: GoldItem): number {
  const sc = new Set([...g.source, ...g.cue]);
  const p2 = pred.filter((t) => !sc.has(t));
  const cs = new Set(g.content);
  let inter = 0;
  for (const t of p2) if (cs.has(t)) inter++;
  return g.content.length && inter === g.content.length ? 1 / (1 + p2.length - inter) : 0;
}

// ---------------------------------------------------------------- source comparison

const EN_TITLES = new Set(
  ('mr mrs ms miss dr sen senator rep representative gov governor president vice former gen general lt col adm sgt capt maj ' +
    'prof professor rev del delegate secretary the a an sir dame judge justice chairman chairwoman speaker mayor jr sr').split(' '),
);
const AR_TITLES = new Set(
  ['اللواء', 'الشيخ', 'الدكتور', 'د', 'سماحة', 'معالي', 'السفير', 'العميد', 'العقيد', 'الفريق', 'الأمير', 'السيد', 'السيدة', 'المهندس', 'الأستاذ', 'فضيلة', 'سمو', 'الملك', 'الرئيس', 'العماد', 'النقيب', 'الرائد', 'المقدم', 'الشيخة', 'دولة', 'فخامة']
    .map((w) => arNorm(w)),
);
const EN_PREPS = new Set('of at from for in with on by to who which'.split(' '));
const AR_PREPS = new Set(['في', 'من', 'عن', 'على', 'الى', 'إلى', 'لدى', 'مع', 'باسم', 'داخل', 'حول', 'ضد', 'عند', 'التي', 'الذي', 'الذين'].map((w) => arNorm(w)));

/** Arabic normalisation of the README: diacritics and tatweel, alef forms, ة→ه, ى→ي, the article ال (also after و ب ف ك ل). */
export function arNorm(w: string): string {
  let s = foldArabic(w.replace(/[\u064b-\u065f\u0670\u0640]/g, ''));
  s = s.replace(/^([وبفكل]?)ال(?=[\u0600-\u06ff]{2,})/, '$1');
  return s;
}

function segments(s: string, ar: boolean): string[][] {
  return s
    .split(/[,،()\[\]«»"“”]/)
    .map((seg) => {
      const ws = seg
        .replace(/[^\p{L}\p{N}\p{M}\s'’-]/gu, ' ')
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => (ar ? arNorm(w) : w.toLowerCase().replace(/[’']s$/, '').replace(/['’.-]/g, '')));
      const out: string[] = [];
      const head: string[] = [];
      for (const w of ws) {
        if ((ar ? AR_PREPS : EN_PREPS).has(w) && head.length) break;
        head.push(w);
        if ((ar ? AR_TITLES : EN_TITLES).has(w)) continue;
        out.push(w);
      }
      // A source that is only a title ("the governor", "الرئيس") is compared as written.
      return out.length ? out : head.filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
    })
    .filter((x) => x.length);
}

/** README rule: for some pair of segments, equal, one inside the other, or the same last word. */
export function sameSource(pred: string, gold: string[]): boolean {
  if (!pred.trim()) return false;
  const ar = /[\u0600-\u06ff]/.test(pred) || gold.some((g) => /[\u0600-\u06ff]/.test(g));
  const ps = segments(pred, ar);
  for (const g of gold) {
    for (const gs of segments(g, ar)) {
      for (const p of ps) {
        const a = new Set(p);
        const b = new Set(gs);
        if (p.join(' ') === gs.join(' ')) return true;
        if (p.every((w) => b.has(w)) || gs.every((w) => a.has(w))) return true;
        if (p[p.length - 1] === gs[gs.length - 1]) return true;
      }
    }
  }
  return false;
}

const PRONOUN = /^(?:he|she|they|it|we|i|you|him|her|them|us|me|his|its|their|who|which|that|one|this|these|those)$/i;
export function bareEnPronoun(s: string): boolean {
  return PRONOUN.test(s.trim());
}

// ---------------------------------------------------------------- relays

const RELAY_ALIASES: [RegExp, string][] = [
  [/^(?:ا ?ف ?ب|افب|فرانس ?برس|الصحافه الفرنسيه|وكاله الصحافه الفرنسيه|الفرنسيه|afp|agence france[- ]presse)$/, 'afp'],
  [/^(?:د ?ب ?ا|الالمانيه|الانباء الالمانيه|dpa|deutsche presse[- ]agentur)$/, 'dpa'],
  [/^(?:رويترز|reuters)$/, 'reuters'],
  [/^(?:ا ?ب|اسوشيتد ?برس|اسوشييتد ?برس|associated press|ap)$/, 'ap'],
  [/^(?:وكالات|الوكالات|وكالات الانباء|agencies)$/, 'agencies'],
  [/^(?:الاناضول|انباء الاناضول|الانباء الاناضول|الاناضول للانباء|anadolu|anadolu agency)$/, 'anadolu'],
  [/^(?:واس|الانباء السعوديه|saudi press agency|spa)$/, 'spa'],
  [/^(?:كونا|الانباء الكويتيه|kuna|kuwait)$/, 'kuna'],
  // The starter pack's profile names for outlets the gold writes in Arabic (the same outlet, not a looser match).
  [/^(?:حرييت|hurriyet|hürriyet)$/, 'hurriyet'],
  [/^(?:حياه|al hayat|hayat)$/, 'alhayat'],
  [/^(?:سي ?ان ?ان|cnn)$/, 'cnn'],
  [/^(?:بي ?بي ?سي|bbc)$/, 'bbc'],
];

/** One name per outlet: folded, outlet descriptors and quotes dropped, known aliases mapped. */
export function relayKey(name: string): string {
  let s = foldArabic(name.replace(/[\u064b-\u065f\u0670\u0640]/g, ''))
    .toLowerCase()
    .replace(/[«»"“”'’().,:\-–—]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  s = s.replace(/^(?:ل|ب)?(?:وكاله|صحيفه|جريده|قناه|موقع|شبكه|اذاعه|مجله|تلفزيون|مؤسسه|موسسه)\s+/, '');
  s = s.replace(/^the\s+/, '').replace(/\s+(?:news agency|agency|newspaper)$/, '');
  s = s.replace(/(^|\s)ال(?=\S{2,})/g, '$1');
  const flat = s.replace(/\./g, '');
  for (const [re, k] of RELAY_ALIASES) if (re.test(flat) || re.test(flat.replace(/\s+/g, ''))) return k;
  for (const [re, k] of RELAY_ALIASES) if (re.test(s.replace(/(^|\s)(\S{2,})/g, '$1ال$2'))) return k;
  return flat;
}

// ---------------------------------------------------------------- counters

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  found: number;
}
export const prf = (): PRF => ({ tp: 0, predicted: 0, gold: 0, found: 0 });
export const ratio = (a: number, b: number) => (b ? a / b : 0);
export function f1(p: number, r: number): number {
  return p + r ? (2 * p * r) / (p + r) : 0;
}
