/**
 * Statements made jointly by a coordinated subject ("Clinton and the DNC rejected …", "the
 * mayor and the police chief said"): the grammar classifies each conjunct apart (latin-np.ts
 * ties them with `Cls.joint`); here the drafts of one cue become one draft whose source names
 * them all, its speakers kept as parts (`Attribution.joint`, each counted by profile.ts).
 */
import type { Draft } from './grammar';
import type { JointSpeaker } from './types';

/** The drafts with each coordinated subject's parts merged into one draft (in the first part's place). */
export function mergeJoint(drafts: Draft[]): Draft[] {
  const groups = new Map<string, Draft[]>();
  const keyOf = (d: Draft) => `${d.joint}|${d.sent}|${d.at}|${d.cue}|${d.mode ?? ''}`;
  for (const d of drafts) if (d.joint) (groups.get(keyOf(d)) ?? groups.set(keyOf(d), []).get(keyOf(d))!).push(d);
  const out: Draft[] = [];
  for (const d of drafts) {
    const g = d.joint ? groups.get(keyOf(d))! : null;
    if (!g || g.length < 2) {
      out.push(d);
      continue;
    }
    if (g[0] !== d) continue;
    // The same speaker twice ("Mr. Peck and Mr. Peck's aides" read as one person) is one part.
    const parts = g.filter((p, i) => g.findIndex((q) => q.kind === p.kind && q.source.toLowerCase() === p.source.toLowerCase()) === i);
    if (parts.length < 2) {
      out.push(d);
      continue;
    }
    const merged: Draft = { ...d, parts, person: undefined, anon: undefined, role: undefined, sourceId: undefined };
    merged.via = parts.find((p) => p.via)?.via;
    merged.source = jointSource(parts);
    out.push(merged);
  }
  return out;
}

/** "A and B", "A, B and C": the parts' sources (a person by full name). */
export function jointSource(parts: Draft[]): string {
  const names = parts.map((p) => p.person?.name ?? p.source);
  return names.length < 3 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function jointSpeaker(p: Draft): JointSpeaker {
  const s: JointSpeaker = { kind: p.kind, source: p.person?.name ?? p.source };
  const role = p.role ?? p.person?.role;
  if (role) s.role = role;
  const via = p.via ?? p.person?.via ?? p.anon?.via;
  if (via) {
    s.via = via.name;
  }
  if (p.kind === 'outlet' && p.sourceId) s.sourceId = p.sourceId;
  return s;
}
