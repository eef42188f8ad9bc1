/**
 * Where the page's story comes from: copies of stored reports ("Copy of …"), what those
 * copies republish or relay in turn, and the outlets the page itself relays, each with the
 * report in the library that carries that outlet's story when there is one.
 */
import type { Match } from '../match/match';
import type { ReportRecord } from '../packs/types';
import type { ProvenanceLink } from './types';
import { tr } from '../i18n/translate';

/** An outlet the page relays (from its sourcing profile), known by id. */
export interface PageRelay {
  sourceId: string;
  name: string;
  how: 'relays' | 'republishes';
}

export function provenanceChain(
  matches: readonly Match[],
  recordOf: (reportId: string) => ReportRecord,
  ownSourceId: string | null,
  relays: readonly PageRelay[],
  outletName: (id: string) => string,
): ProvenanceLink[] {
  const t = tr();
  const provenance: ProvenanceLink[] = [];
  for (const m of matches) {
    const sameUrl = m.reasons.some((x) => x.kind === 'same-url');
    const sameStory = m.reasons.some((x) => x.kind === 'same-story');
    if (!sameUrl && !sameStory) continue;
    const r = recordOf(m.reportId);
    if (!sameUrl && ownSourceId && r.sourceId === ownSourceId) continue; // the outlet's own other version
    provenance.push({ kind: 'copy-of', outlet: outletName(r.sourceId), sourceId: r.sourceId, reportId: r.id, text: t.msg('prov_copy_of', t.data(r.title), t.data(outletName(r.sourceId))) });
  }
  // A copy of a stored report inherits what that report republishes or relays: a repost of
  // the nasdaq.com copy of a WSJ story is, in the end, the WSJ's story.
  const seen = new Set<string>(relays.map((r) => r.sourceId));
  for (const link of [...provenance]) {
    if (link.kind !== 'copy-of' || !link.reportId) continue;
    const copied = recordOf(link.reportId);
    for (const rel of copied.relays ?? []) {
      const key = rel.sourceId ?? rel.name;
      if (seen.has(key) || (ownSourceId && rel.sourceId === ownSourceId)) continue;
      seen.add(key);
      const outlet = rel.sourceId ? outletName(rel.sourceId) : rel.name;
      provenance.push({
        kind: rel.how === 'republishes' ? 'republishes' : 'relays', outlet, sourceId: rel.sourceId ?? null, reportId: copied.id,
        text: t.msg(rel.how === 'republishes' ? 'prov_through_republishes' : 'prov_through_relays', t.data(outlet), t.data(copied.title)),
      });
    }
  }
  const matched = matches.map((m) => recordOf(m.reportId));
  for (const rel of relays) {
    // A report in the store carrying that outlet's story: its own, or a known republication of it.
    const report =
      matched.find((r) => r.sourceId === rel.sourceId) ??
      matched.find((r) => (r.relays ?? []).some((x) => x.sourceId === rel.sourceId && x.how === 'republishes')) ??
      null;
    const relayedBy = report ? null : matched.find((r) => (r.relays ?? []).some((x) => x.sourceId === rel.sourceId)) ?? null;
    const verb = t.msg(rel.how === 'republishes' ? 'prov_republishes' : 'prov_relays', t.data(rel.name));
    provenance.push({
      kind: rel.how, outlet: rel.name, sourceId: rel.sourceId,
      reportId: report?.id ?? relayedBy?.id ?? null,
      text: report ? t.msg('prov_in_library', verb) : relayedBy ? t.msg('prov_also_relayed', verb, t.data(outletName(relayedBy.sourceId))) : verb,
    });
  }
  return provenance;
}
