/**
 * The sourcing profile of a text: distinct sources per kind, the outlets it relays, whether
 * it is second-hand, and one plain-language summary line.
 */
import { sameOutlet, unnamedMedia } from './outlets';
import { wireCredits } from './wire';
import { joinList, tr, type CoreTranslator } from '../i18n/translate';
import {
  ATTRIBUTION_KINDS,
  type Attribution,
  type AttributionKind,
  type RelayedOutlet,
  type SourceSummary,
  type SourcingProfile,
} from './types';

export interface ProfileOptions {
  /** Offset where the lead ends (default: the end of the second paragraph or 600 characters). */
  leadEnd?: number;
  /** The text the attributions were extracted from (to find the lead by paragraphs). */
  text?: string;
  /** The page's byline: a wire credit there ("AFP", "د ب أ", "وكالات") makes the piece wire copy. */
  byline?: string | null;
}

const zero = (): Record<AttributionKind, number> => ({ 'named-person': 0, anonymous: 0, organisation: 0, 'group-media': 0, outlet: 0, document: 0, unattributed: 0 });

function sourceKey(a: Pick<Attribution, 'kind' | 'source' | 'sourceId'>): string {
  return a.kind === 'outlet' && a.sourceId ? `outlet|${a.sourceId}` : `${a.kind}|${a.source.toLowerCase().replace(/\s+/g, ' ')}`;
}


function listNames(names: string[], max = 3, t: CoreTranslator = tr()): string {
  const d = names.map(t.data);
  return d.length <= max ? joinList(d, t) : t.msg('list_more', joinList(d.slice(0, max), t), t.num(d.length - max));
}

/** End of the lead: the first two paragraphs (a leading outlet-name or dateline line not counted). */
function leadEndOf(text: string | undefined): number {
  if (!text) return 600;
  const paras: { start: number; end: number }[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && paras.length < 4) if (m[0].trim()) paras.push({ start: m.index, end: m.index + m[0].length });
  if (paras.length && isLabelLine(text.slice(paras[0].start, paras[0].end))) paras.shift();
  if (paras.length < 2) return Math.min(600, text.length);
  return paras[1].end;
}

function isLabelLine(s: string): boolean {
  const t = s.trim();
  return t.split(/\s+/).length < 5 && !/[.!?؟]["”»’)]*$/.test(t);
}

export function sourcingProfile(items: Attribution[], opts: ProfileOptions = {}): SourcingProfile {
  const counts = zero();
  const statements = zero();
  const byKey = new Map<string, SourceSummary>();
  for (const a of items) {
    // Beliefs and intentions are listed apart (items with a `mode`): the counts are of speech.
    if (a.mode) continue;
    statements[a.kind]++;
    if (a.kind === 'unattributed') continue;
    // A joint statement ("X and Y said") counts for each of its speakers.
    for (const sp of a.joint ?? [a]) {
      const k = sourceKey(sp);
      const s = byKey.get(k);
      if (s) {
        s.statements++;
        if (!s.via && sp.via) s.via = sp.via;
        if (!s.role && sp.role) s.role = sp.role;
      } else {
        const n: SourceSummary = { kind: sp.kind, source: sp.source, statements: 1, first: a.start };
        if (sp.role) n.role = sp.role;
        if (sp.via) n.via = sp.via;
        if (sp.sourceId) n.sourceId = sp.sourceId;
        byKey.set(k, n);
      }
    }
  }
  const sources = [...byKey.values()].sort((a, b) => b.statements - a.statements || a.first - b.first);
  for (const s of sources) counts[s.kind]++;
  counts.unattributed = statements.unattributed;

  // Outlets relayed: outlet items, plus outlets people spoke to (via).
  const relayed: RelayedOutlet[] = [];
  const addRelay = (name: string, sourceId: string | null, how: RelayedOutlet['how']) => {
    const r = relayed.find((x) => sameOutlet(x, { name, sourceId }));
    if (r) {
      r.statements++;
      if (how === 'republishes') r.how = how;
      if (/^[A-Z]{2,5}$/.test(r.name) && name.length > r.name.length) r.name = name; // "AP" then "The Associated Press": the full name
    } else relayed.push({ name, sourceId, how, statements: 1 });
  };
  // Wire credits in the byline or a dateline: the agency is relayed for the whole story.
  const credits = wireCredits(opts.byline, opts.text ?? '');
  for (const c of credits) if (!c.compiled) addRelay(c.name, null, 'relays');
  for (const a of [...items].sort((x, y) => x.start - y.start)) {
    if (a.kind === 'outlet' && !unnamedMedia(a.source)) addRelay(a.source, a.sourceId ?? null, a.republished ? 'republishes' : 'relays');
  }
  const origin = relayed.find((r) => r.how === 'republishes')?.name;

  // Second-hand: republished, wire copy, most statements via outlets, or the lead attributes to an outlet.
  let secondHandReason: string | null = null;
  const attributed = items.filter((a) => a.kind !== 'unattributed' && !a.mode);
  // (Unnamed media, "وسائل الإعلام", are no outlet the text relays.)
  const viaOutlet = (a: Attribution) => (a.kind === 'outlet' && !unnamedMedia(a.source)) || !!a.via;
  // Statements: people/anonymous/documents, plus outlet items that do not merely echo a "via".
  const stmts = attributed.filter((a) => a.kind !== 'outlet' || !attributed.some((b) => b !== a && b.start === a.start && b.via && sameOutlet({ name: b.via, sourceId: b.viaSourceId }, { name: a.source, sourceId: a.sourceId ?? null })));
  const share = stmts.length ? stmts.filter(viaOutlet).length / stmts.length : 0;
  const leadEnd = opts.leadEnd ?? leadEndOf(opts.text);
  const leadVia = attributed.find((a) => a.start < leadEnd && a.cue !== 'dateline' && !a.republished && viaOutlet(a));
  const wire = credits.find((c) => !c.compiled) ?? items.find((a) => a.kind === 'outlet' && a.cue === 'dateline');
  const compiled = credits.find((c) => c.compiled);
  const t = tr();
  if (origin) secondHandReason = t.msg('src_sh_republished', t.data(origin));
  else if (wire) secondHandReason = t.msg('src_sh_wire', t.data('source' in wire ? wire.source : wire.name));
  else if (compiled) secondHandReason = t.msg('src_sh_compiled', t.data(compiled.name));
  else if (stmts.length >= 2 && share >= 0.5) secondHandReason = t.msg('src_sh_most', t.num(Math.round(share * 100)));
  else if (leadVia) secondHandReason = t.msg('src_sh_lead', t.data((leadVia.kind === 'outlet' ? leadVia.source : leadVia.via) ?? ''));

  return {
    counts,
    statements,
    sources,
    items,
    secondHand: secondHandReason !== null,
    secondHandReason,
    relays: relayed.map((r) => r.name),
    relayed,
    ...(origin ? { origin } : {}),
    summary: summarize(counts, statements, sources, relayed, origin),
  };
}

/** The plural message counting each kind of source ("3 named people"). */
const COUNT_KEY = {
  'named-person': 'src_n_named_person',
  anonymous: 'src_n_anonymous',
  organisation: 'src_n_organisation',
  'group-media': 'src_n_group_media',
  document: 'src_n_document',
} as const;

function summarize(
  counts: Record<AttributionKind, number>,
  statements: Record<AttributionKind, number>,
  sources: SourceSummary[],
  relayed: RelayedOutlet[],
  origin: string | undefined,
): string {
  const t = tr();
  const parts: string[] = [];
  if (origin) parts.push(t.msg('src_republished_from', t.data(origin)));
  const kinds = (['named-person', 'anonymous', 'organisation', 'group-media', 'document'] as const).filter((k) => counts[k] > 0);
  kinds.sort((a, b) => statements[b] - statements[a] || counts[b] - counts[a]);
  if (kinds.length) {
    const main = kinds[0];
    let what = t.plural(COUNT_KEY[main], counts[main]);
    if (main === 'named-person') what = t.msg('src_with_names', what, listNames(sources.filter((s) => s.kind === main).map((s) => s.source), 3, t));
    let p = t.msg(parts.length ? 'src_relies_next' : 'src_relies_first', what);
    const rest = kinds.slice(1).map((k) => t.plural(COUNT_KEY[k], counts[k]));
    if (rest.length) p = t.msg('src_also', p, rest.reduce((acc, x, i) => (i === 0 ? x : t.msg('list_and', acc, x)), ''));
    parts.push(p);
  }
  const others = relayed.filter((r) => r.name !== origin);
  if (others.length) parts.push(t.plural(parts.length ? 'src_relays_next' : 'src_relays_first', others.length, listNames(others.map((r) => r.name), 4, t)));
  if (counts.unattributed) parts.push(t.plural('src_unattributed', counts.unattributed));
  if (!parts.length) return t.msg('src_none');
  const s = parts.reduce((acc, x, i) => (i === 0 ? x : t.msg('list_semicolon', acc, x)), '');
  return s[0].toUpperCase() + s.slice(1);
}

export { ATTRIBUTION_KINDS };
