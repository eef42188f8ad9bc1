/**
 * Wire credits: a byline or a dateline that credits a news agency ("Hong Kong (AFP) –",
 * "القاهرة - د ب أ", "أ ف ب - كوالالمبور", "Agencies", "وكالات") means the whole story is wire
 * copy: the agency is relayed and the piece is second-hand. A dateline is not a statement
 * by the agency about its first sentence, so no attribution item is made for it.
 * "متابعات" ("compiled") marks a second-hand piece without naming an outlet.
 */
import { foldArabic } from '../text/normalize';

export interface WireCredit {
  /** As written ("د ب أ", "AFP", "وكالات"). */
  name: string;
  where: 'byline' | 'dateline';
  /** True for "متابعات"/"compiled": second-hand, but no outlet to list as relayed. */
  compiled?: boolean;
}

const norm = (s: string) =>
  foldArabic(s.replace(/[\u064b-\u065f\u0670\u0640]/g, ''))
    .toLowerCase()
    .replace(/[«»"“”'’.()\u200f\u200e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Wire services and agency credits (folded, lower-case). */
const WIRES = new Set(
  [
    'ا ف ب', 'اف ب', 'فرانس برس', 'وكاله فرانس برس', 'وكاله الصحافه الفرنسيه', 'د ب ا', 'دب ا', 'الوكاله الالمانيه', 'رويترز', 'وكاله رويترز',
    'وكالات', 'الوكالات', 'وكالات الانباء', 'ا ش ا', 'واس', 'كونا', 'الاناضول', 'وكاله الاناضول', 'يو بي اي', 'ا ب', 'اسوشيتد برس', 'شينخوا',
    'afp', 'reuters', 'ap', 'dpa', 'ansa', 'xinhua', 'upi', 'efe', 'agencies', 'wires', 'associated press', 'agence france-presse', 'agence france presse',
  ].map((w) => norm(w)),
);
/** Is the name a wire service or an agency credit ("رويترز", "وكالة الأناضول", "AFP")? */
export function isWireName(name: string): boolean {
  return WIRES.has(norm(name));
}
const COMPILED = new Set(['متابعات', 'compiled'].map(norm));

/** The credits of one short line (byline or dateline head), split at dashes, colons and commas. */
function creditsIn(line: string, where: WireCredit['where']): WireCredit[] {
  const out: WireCredit[] = [];
  for (const part of line.split(/[-–—:：,،/|]|\s\s+/)) {
    const raw = part.replace(/[«»"“”()]/g, ' ').replace(/\s+/g, ' ').trim();
    const n = norm(raw);
    if (!n) continue;
    if (WIRES.has(n)) out.push({ name: raw, where });
    else if (COMPILED.has(n)) out.push({ name: raw, where, compiled: true });
  }
  return out;
}

/**
 * Wire credits of a page: its byline, and the dateline at the head of the text's first two
 * paragraphs ("BAGHDAD (Reuters) -", "القاهرة- د ب أ:", "عين اليوم – متابعات").
 */
export function wireCredits(byline: string | null | undefined, text: string): WireCredit[] {
  const out: WireCredit[] = [];
  if (byline && byline.length <= 120) out.push(...creditsIn(byline, 'byline'));
  const paras = text.slice(0, 4000).split(/\n\s*\n/).filter((p) => p.trim()).slice(0, 2);
  for (const p of paras) {
    const head = p.trim().slice(0, 90);
    // "CITY (AFP) –": the agency in brackets before a dash or colon.
    const m = /^([^()\n]{0,40})\(([^()]{2,30})\)\s*[-–—:]/u.exec(head);
    if (m) {
      const got = creditsIn(m[2], 'dateline');
      // Any outlet-like name in the brackets after a place ("MOSUL (Rudaw) –"), not a party tag ("(R-Texas)").
      if (!got.length && /^\p{Lu}[\p{L}\p{N} .&'’-]{1,30}$/u.test(m[2].trim()) && !/^[RDI]-/.test(m[2]) && /^[\p{Lu}\s.,'’-]*$/u.test(m[1].replace(/\b\p{Lu}\p{Ll}+\b/gu, (w) => w.toUpperCase())) && !/\b(?:Sen|Rep|Gov|Mr|Mrs|Ms)\./.test(m[1]))
        got.push({ name: m[2].trim(), where: 'dateline' });
      out.push(...got);
    }
    // "City - Agency:" / "Agency - City" / "Paper – compiled": short segments before the text starts.
    const d = /^((?:[^\s.!?؟:]+\s?){1,4}\s*[-–—]\s*(?:[^\s.!?؟:]+\s?){1,4})[:：]?/u.exec(head);
    if (d) out.push(...creditsIn(d[1], 'dateline'));
    const c = /^((?:[^\s.!?؟:]+\s?){1,4})[:：]/u.exec(head);
    if (c) out.push(...creditsIn(c[1], 'dateline'));
  }
  const seen = new Set<string>();
  return out.filter((c) => {
    const k = norm(c.name);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
