/**
 * The wire-copy part of scripts/eval-match.ts: same story on real cross-newspaper copies.
 * Pairs come from the corpus at run time (scripts/lib/wire-pairs.ts): wire copies (4-gram
 * containment of the shorter text ≥ 0.5) where at least one side is on-topic or mentions
 * the topic, and different stories about the same event as negatives. For each pair one side
 * is stored as a report (alternately the shorter and the longer) and the other is opened:
 * sent as a 'match/related' query (verdict set to on-topic so the ranker runs).
 * Pass: the stored partner is listed with a "Same story" reason (positives), and never
 * (negatives). Figures, ids and containments only; no text.
 */
import type { CorpusArticle } from '../../bench/lib/match-corpus';
import { shuffled } from '../../bench/lib/match-corpus';
import { findSameEventPairs, findWireCopies, type ArticlePair } from './wire-pairs';

export const WIRE_POSITIVES = 40;
export const WIRE_NEGATIVES = 30;
export const MIN_WIRE_FLAGGED = 0.95;

export interface WirePair extends ArticlePair {
  stored: CorpusArticle;
  opened: CorpusArticle;
  /** The stored side is the shorter text. */
  storedShorter: boolean;
}

export interface WireSelection {
  positives: WirePair[];
  negatives: WirePair[];
  /** Keys of every article in a pair (kept out of the rest of the evaluation). */
  keys: Set<string>;
}

const onish = (a: CorpusArticle) => a.label === 'on' || a.label === 'mention';

/** Pairs chosen at random (seeded), one pair per article, none touching `exclude` (the other queries). */
export function selectWirePairs(articles: CorpusArticle[], r: () => number, exclude: ReadonlySet<string>): WireSelection {
  const keys = new Set<string>();
  const pick = (pairs: ArticlePair[], n: number): WirePair[] => {
    const out: WirePair[] = [];
    for (const p of shuffled(pairs, r)) {
      if (out.length >= n) break;
      if (keys.has(p.a.key) || keys.has(p.b.key) || exclude.has(p.a.key) || exclude.has(p.b.key)) continue;
      keys.add(p.a.key);
      keys.add(p.b.key);
      const [short, long] = p.a.content.length <= p.b.content.length ? [p.a, p.b] : [p.b, p.a];
      const storedShorter = out.length % 2 === 0;
      out.push({ ...p, stored: storedShorter ? short : long, opened: storedShorter ? long : short, storedShorter });
    }
    return out;
  };
  const wire = findWireCopies(articles, onish);
  // Half of the positives abridged or re-edited (containment under 0.9), as many as there are.
  const edited = pick(wire.filter((p) => p.containment < 0.9), WIRE_POSITIVES / 2);
  const positives = [...edited, ...pick(wire.filter((p) => p.containment >= 0.9), WIRE_POSITIVES - edited.length)];
  const negatives = pick(findSameEventPairs(articles), WIRE_NEGATIVES);
  return { positives, negatives, keys };
}

export interface WireResult {
  pair: WirePair;
  /** Rank of the stored partner among the related reports (1-based), -1 when not listed. */
  rank: number;
  sameStory: boolean;
  reason: string | null;
}

export interface WireFigures {
  positives: WireResult[];
  negatives: WireResult[];
  flagged: number;
  falseFlags: number;
  ok: boolean;
}

export async function runWirePairs(
  sel: WireSelection,
  ask: (opened: CorpusArticle) => Promise<{ reportId: string; reasons: string[] }[]>,
): Promise<WireFigures> {
  const run = async (p: WirePair): Promise<WireResult> => {
    const related = await ask(p.opened);
    const i = related.findIndex((x) => x.reportId === p.stored.id);
    const reason = i < 0 ? null : related[i].reasons.find((x) => /^Same story/.test(x)) ?? null;
    return { pair: p, rank: i < 0 ? -1 : i + 1, sameStory: !!reason, reason };
  };
  const positives: WireResult[] = [];
  for (const p of sel.positives) positives.push(await run(p));
  const negatives: WireResult[] = [];
  for (const p of sel.negatives) negatives.push(await run(p));
  const flagged = positives.filter((x) => x.sameStory).length;
  const falseFlags = negatives.filter((x) => x.sameStory).length;
  return { positives, negatives, flagged, falseFlags, ok: positives.length > 0 && flagged / positives.length >= MIN_WIRE_FLAGGED && falseFlags === 0 };
}

const f2 = (x: number) => x.toFixed(2);
const row = (x: WireResult) =>
  `| ${x.pair.stored.id} | ${x.pair.opened.id} | ${f2(x.pair.containment)} | ${f2(x.pair.lengthRatio)} | ${x.pair.storedShorter ? 'shorter' : 'longer'} | ${x.rank > 0 ? x.rank : '—'} | ${x.sameStory ? 'yes' : 'no'} | ${x.reason?.replace(/^Same story: /, '').replace(/\(.*\)/, '').trim() ?? ''} |`;

export function wireConsole(w: WireFigures): string {
  const lines = [`\n(d) Same story on wire copies: ${w.flagged}/${w.positives.length} flagged (gate ≥ ${MIN_WIRE_FLAGGED * 100} %), false flags ${w.falseFlags}/${w.negatives.length} (gate 0)`];
  for (const x of [...w.positives.filter((y) => !y.sameStory), ...w.negatives.filter((y) => y.sameStory)]) {
    lines.push(`    ${x.pair.stored.id} ← ${x.pair.opened.id} containment ${f2(x.pair.containment)} ratio ${f2(x.pair.lengthRatio)}: rank ${x.rank}, ${x.reason ?? 'no same-story reason'}`);
  }
  return lines.join('\n');
}

export function wireMarkdown(w: WireFigures): string {
  const head = '| stored report | opened page | containment | length ratio | stored side | partner\'s rank | "Same story" | how |\n| --- | --- | ---: | ---: | --- | ---: | --- | --- |\n';
  let md = `### (d) Same story on wire copies\n\n`;
  md += `Cross-newspaper pairs found in the corpus at run time (\`scripts/lib/wire-pairs.ts\`): the same agency story printed by two newspapers within two days, word 4-gram containment of the shorter text ≥ 0.5, at least one side on-topic or mentioning the topic (half of them under 0.9, i.e. abridged or re-edited); negatives: different stories about the same event (on-topic or mentioning articles of two newspapers within a day, term cosine ≥ 0.3, 4-gram containment < 0.1). One side of each pair is in the store (alternately the shorter and the longer), the other is opened as a \`match/related\` query; both are kept out of the rest of the evaluation.\n\n`;
  md += `Flagged "Same story": **${w.flagged}/${w.positives.length}** (${((100 * w.flagged) / Math.max(1, w.positives.length)).toFixed(1)} %, gate ≥ ${MIN_WIRE_FLAGGED * 100} %) ${w.flagged / Math.max(1, w.positives.length) >= MIN_WIRE_FLAGGED ? 'PASS' : 'MISS'}; false flags on different stories about the same event: **${w.falseFlags}/${w.negatives.length}** (gate 0) ${w.falseFlags === 0 ? 'PASS' : 'MISS'}.\n\n`;
  md += `Wire copies:\n\n${head}${w.positives.map(row).join('\n')}\n\nSame event, different stories:\n\n${head}${w.negatives.map(row).join('\n')}\n`;
  return md;
}
