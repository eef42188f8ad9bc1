/**
 * The third answer of topic detection: a page that is not *about* the topic may still be
 * *partly* about it — named repeatedly with several mentions tied to the group's doings, or
 * named next to a strong tie word (a trial, an attack the group claimed, its fighters,
 * detainees) in a page dense with them. A passing mention in a story on something else
 * stays 'none'. Tie words are scanned only for pages that reach this question.
 */
import type { TopicLevel } from '../types';
import type { ProfileThresholds } from './profile';
import type { Hit } from './scan';

export interface TieFeatures {
  /** Name hits of the body with a strong tie word within `tieWindow` characters. */
  tiedHits: number;
  /** Name hits of the body with any tie word within `partlyWindow` characters. */
  looselyTied: number;
  /** Tie words in the body, and per 1000 words. */
  ties: number;
  tieDensity: number;
  /** Labels of the tie words found near names, most frequent first. */
  tieLabels: string[];
}

export const NO_TIES: TieFeatures = { tiedHits: 0, looselyTied: 0, ties: 0, tieDensity: 0, tieLabels: [] };

/** Gap in characters between two hits (0 when they touch or overlap). */
function gap(a: Hit, b: Hit): number {
  return b.fs > a.fe ? b.fs - a.fe : a.fs > b.fe ? a.fs - b.fe : 0;
}

/** Tie words near the body's name hits (both lists in text order). */
export function tieFeatures(names: Hit[], ties: Hit[], words: number, th: ProfileThresholds): TieFeatures {
  const labels = new Map<string, number>();
  let tiedHits = 0;
  let looselyTied = 0;
  const wide = Math.max(th.tieWindow, th.partlyWindow);
  let from = 0;
  for (const n of names) {
    let strong = false;
    let loose = false;
    while (from < ties.length && ties[from].fe < n.fs - wide) from++;
    for (let i = from; i < ties.length && ties[i].fs <= n.fe + wide; i++) {
      const t = ties[i];
      const d = gap(n, t);
      if (d <= th.partlyWindow) loose = true;
      if (d <= th.tieWindow && t.term.weight >= 1) strong = true;
      if (d <= th.partlyWindow) {
        const l = t.term.tie ?? t.term.term;
        labels.set(l, (labels.get(l) ?? 0) + (d <= th.tieWindow ? 2 : 1));
      }
    }
    if (strong) tiedHits++;
    if (loose) looselyTied++;
  }
  return {
    tiedHits,
    looselyTied,
    ties: ties.length,
    tieDensity: words ? Math.round((ties.length / words) * 10000) / 10 : 0,
    tieLabels: [...labels.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l),
  };
}

/**
 * 'about' when the score says so; 'partly' when the body names the topic (a) repeatedly and
 * densely with several mentions tied, or (b) next to a strong tie word in a page dense with
 * tie words; otherwise 'none'.
 */
export function decideLevel(
  about: boolean,
  bodyHits: number,
  density: number,
  reached: boolean,
  t: TieFeatures,
  th: ProfileThresholds,
): TopicLevel {
  if (about) return 'about';
  if (bodyHits < 1 || !reached) return 'none';
  if (bodyHits >= th.partlyHits && density >= th.partlyDensity && t.looselyTied >= th.partlyTied && t.tiedHits >= th.partlyStrong) {
    return 'partly';
  }
  if (t.tiedHits >= th.tiedHits && t.tieDensity >= th.tieDensity) return 'partly';
  return 'none';
}
