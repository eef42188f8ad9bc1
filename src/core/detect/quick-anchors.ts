/**
 * Anchors for the first pass's prefilter (issue #17): a few short substrings of the terms'
 * roots, chosen at build time, such that every root contains one of them. On a page, each
 * anchor is looked up once with `indexOf` in the prefolded head text, and only the roots
 * under an anchor that is there are looked up themselves (quick-prefilter.ts). Wherever a
 * root occurs its anchor occurs, so the answer is exactly that of looking up every root;
 * it is cheaper because there are fewer lookups and an anchor starts with a rare character
 * (`indexOf` scans for the first character natively and checks the rest at each hit, so
 * its cost follows how often the first character occurs).
 */

/**
 * [anchor, 1 = its roots are in Arabic script (looked up only on pages with Arabic letters), group
 * indices]. The Arabic ones come last (the prefilter stops at the first on a page without Arabic).
 */
export type QuickAnchor = [string, 0 | 1, number[]];

/** Longest anchor: long enough to be rare in ordinary text, short enough to be shared by several roots. */
const MAX_ANCHOR = 4;
/** Cost of one lookup beyond its first-character hits (in the frequency table's unit, % of characters). */
const LOOKUP_COST = 1;
/**
 * Rough share (%) of each character in folded page text, English and French (Latin) and
 * Arabic letters after folding: only the order matters, to prefer anchors starting with a
 * rare character. Characters not listed count as rare.
 */
const FREQ: Record<string, number> = (() => {
  const f: Record<string, number> = { ' ': 16, '.': 1, "'": 0.4 };
  const latin = 'e12 t8 a8 o7 i7 n7 s6.5 r6 h4.5 l4.5 d4 u3.5 c3 m2.5 p2.2 g1.8 f1.6 w1.3 y1.3 b1.2 v1.1 q0.7 k0.6 j0.3 x0.3 z0.2';
  const arabic = 'ا13 ل11 ي8 م6 و6 ن5.5 ه5 ر4.5 ت4 ب3.5 ع3 د3 ف2.5 ق2.5 س2.5 ك2.5 ح2 ج1.5 ش1.2 خ1 ص1 ط1 ز0.7 ث0.6 ذ0.6 غ0.5 ض0.5 ظ0.2';
  for (const e of `${latin} ${arabic}`.split(' ')) f[e[0]] = Number(e.slice(1));
  return f;
})();
const cost = (anchor: string) => LOOKUP_COST + (FREQ[anchor[0]] ?? 0.3);
const isArabic = (s: string) => s.charCodeAt(0) >= 0x600 && s.charCodeAt(0) <= 0x6ff;

/**
 * Anchors for the groups' roots (`roots[g]` = the root of group g): a greedy cover, each step
 * taking the substring (of MAX_ANCHOR characters, not starting with a space) that covers the
 * most roots not yet covered per unit of cost. Arabic-script roots and the others are covered
 * separately, so an anchor's roots all share the script rule of the lookup. Deterministic.
 */
export function chooseAnchors(roots: string[]): QuickAnchor[] {
  const out: QuickAnchor[] = [];
  for (const arabic of [0, 1] as const) {
    const left = new Set<number>();
    roots.forEach((r, g) => {
      if (r && (isArabic(r) ? 1 : 0) === arabic) left.add(g);
    });
    while (left.size) {
      const candidates = new Set<string>();
      for (const g of left) {
        const r = roots[g];
        const k = Math.min(MAX_ANCHOR, r.length);
        for (let i = 0; i + k <= r.length; i++) if (r[i] !== ' ') candidates.add(r.slice(i, i + k));
      }
      let best = '';
      let bestScore = -1;
      let bestGroups: number[] = [];
      for (const c of [...candidates].sort()) {
        const groups = [...left].filter((g) => roots[g].includes(c));
        const score = groups.length / cost(c);
        if (score > bestScore) [best, bestScore, bestGroups] = [c, score, groups];
      }
      if (!best) {
        // (A root of spaces only: looked up as it is.)
        const g = left.values().next().value as number;
        [best, bestGroups] = [roots[g], [g]];
      }
      for (const g of bestGroups) left.delete(g);
      out.push([best, arabic, bestGroups.sort((a, b) => a - b)]);
    }
  }
  return out;
}
