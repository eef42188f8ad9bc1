/**
 * Scoring the sourcing profile of the seed reports against tests/gold/seeds-sourcing.json.
 * Used by scripts/eval-sourcing.ts (figures → bench/EVAL.md) and the seed unit test.
 *
 * Matching rules (distinct sources per seed and kind; `unattributed` is not scored):
 * - named-person: names compared lower-cased, Arabic folded, "al-"/"el-" particles and
 *   punctuation dropped; equal, or same last word and one name's words all in the other's.
 * - outlet: same outlet id when both names are known outlets (names and aliases of the
 *   default pack), else equal normalised names.
 * - anonymous: loose label match — the same head noun (source, official, officer, resident,
 *   expert, observer, …) in the same number (singular/plural), and the modifiers of one label
 *   a subset of the other's ("an officer" matches "an Iraqi officer"; "Iraqi military
 *   officials" does not match "Iraqi intelligence officials").
 * - document: the same document head (video, report, statement, study, …).
 * Extracted sources that match an `optional` gold entry count neither as hits nor as false
 * positives; optional gold entries are not required for recall.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeHtml } from '../../src/core/analyze';
import { outletsFromSources } from '../../src/core/sourcing/outlets';
import type { OutletName } from '../../src/core/sourcing/outlet-name';
import { ATTRIBUTION_KINDS, type Analysis, type AttributionKind } from '../../src/core/model';
import { foldArabic } from '../../src/core/text/normalize';
import defaultPack from '../../src/packs/default/pack.json';

/** The seed gold predates the organisation and group-media kinds: those items are not scored against it. */
export type ScoredKind = Exclude<AttributionKind, 'unattributed' | 'organisation' | 'group-media'>;
const UNSCORED: readonly AttributionKind[] = ['unattributed', 'organisation', 'group-media'];
export const SCORED_KINDS: ScoredKind[] = ATTRIBUTION_KINDS.filter((k): k is ScoredKind => !UNSCORED.includes(k));

export interface GoldSeed {
  headline: boolean;
  site: string;
  url: string | null;
  outlets: string[];
  origin: string | null;
  secondHand: boolean;
  persons: { name: string; role?: string; via?: string }[];
  anonymous: string[];
  documents: string[];
  optional: { persons: string[]; anonymous: string[]; documents: string[]; outlets: string[] };
  claims: { head: string; quantity?: number; qualifier: string }[];
  /** Acceptance checks: sources that must be found (with a role sharing a word, when given). */
  mustFind?: { kind: ScoredKind; label: string; role?: string }[];
}
export interface Gold {
  about: string;
  seeds: Record<string, GoldSeed>;
}

/**
 * Precision counts extracted sources (`correct` of `extracted` match a gold entry); recall
 * counts gold entries (`found` of `gold` are matched by an extracted source).
 */
export interface Tally {
  extracted: number;
  correct: number;
  gold: number;
  found: number;
}
export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}
export interface SeedScore {
  file: string;
  kinds: Record<ScoredKind, Tally & { missed: string[]; extra: string[] }>;
  checks: Check[];
  /** Named persons found with a role sharing a word with the gold role. */
  roles: { found: number; of: number };
  analysis: Analysis;
}

export const OUTLETS: OutletName[] = outletsFromSources(defaultPack.sources);

export function loadGold(file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'seeds-sourcing.json')): Gold {
  return JSON.parse(readFileSync(file, 'utf8')) as Gold;
}

// ---------------------------------------------------------------- normalisation

const DETS = new Set(['a', 'an', 'the', 'one', 'another', 'some', 'des', 'un', 'une', 'le', 'la', 'les', 'other']);
const LINK = new Set(['of', 'to', 'in', 'at', 'from', 'with', 'who', 'was', 'there', 'by', 'phone', 'reached', 'du', 'de']);
const ANON_HEADS = new Set(
  ('source official officer resident witness observer expert analyst diplomat activist spokesman person people member ' +
    'fighter militant defector commander leader insider aide investigator researcher doctor soldier villager refugee ' +
    'relative lawyer cleric imam preacher authority worshipper habitant responsable témoin').split(' '),
);
const DOC_HEADS = new Set('report statement study survey video footage recording tape document letter post tweet analysis slip communiqué'.split(' '));

function words(s: string): string[] {
  return (foldArabic(s).toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? []).map((w) => w.replace(/[’']s$/, ''));
}

function singular(w: string): string {
  if (w === 'people') return 'person';
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('s') && w.length > 3 && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function nameToks(s: string): string[] {
  return words(s)
    .flatMap((w) => w.split('-'))
    .filter((w) => !['al', 'el', 'ال'].includes(w))
    .map((w) => w.replace(/^ال/, ''));
}

export function personMatch(gold: string, got: string): boolean {
  const a = nameToks(gold);
  const b = nameToks(got);
  if (!a.length || !b.length) return false;
  if (a.join(' ') === b.join(' ')) return true;
  return a[a.length - 1] === b[b.length - 1] && (a.every((t) => b.includes(t)) || b.every((t) => a.includes(t)));
}

interface AnonKey {
  head: string;
  plural: boolean;
  mods: string[];
}
function anonKey(label: string): AnonKey | null {
  const ws = words(label).filter((w) => !DETS.has(w));
  let h = -1;
  for (let i = 0; i < ws.length; i++) if (ANON_HEADS.has(singular(ws[i]))) h = h < 0 ? i : h;
  if (h < 0) return null;
  return { head: singular(ws[h]), plural: singular(ws[h]) !== ws[h] || ws[h] === 'people', mods: ws.filter((w, i) => i !== h && !LINK.has(w)) };
}
export function anonMatch(gold: string, got: string): boolean {
  const a = anonKey(gold);
  const b = anonKey(got);
  if (!a || !b || a.head !== b.head || a.plural !== b.plural) return false;
  return a.mods.every((m) => b.mods.includes(m)) || b.mods.every((m) => a.mods.includes(m));
}

function docHead(label: string): string | null {
  const ws = words(label).map(singular);
  for (let i = ws.length - 1; i >= 0; i--) if (DOC_HEADS.has(ws[i])) return ws[i];
  return null;
}
export function docMatch(gold: string, got: string): boolean {
  const a = docHead(gold);
  return !!a && a === docHead(got);
}

const outletIds = (() => {
  const m = new Map<string, string>();
  for (const o of OUTLETS) for (const n of [o.name, ...o.aliases]) m.set(words(n).join(' '), o.sourceId);
  return m;
})();
function outletKey(name: string): string {
  const w = words(name).join(' ');
  return outletIds.get(w) ?? outletIds.get(w.replace(/^the /, '')) ?? w;
}
export function outletMatch(gold: string, got: string): boolean {
  return outletKey(gold) === outletKey(got);
}

const MATCH: Record<ScoredKind, (gold: string, got: string) => boolean> = {
  'named-person': personMatch,
  anonymous: anonMatch,
  outlet: outletMatch,
  document: docMatch,
};

// ---------------------------------------------------------------- scoring

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A news-like page around a plain-text seed, built at run time (nothing of the seed is stored
 * in the repo): site name, header and nav, the text as paragraphs (first line as <h1> unless
 * the seed has no headline), a sidebar and a comment form.
 */
export function seedHtml(text: string, g: Pick<GoldSeed, 'headline' | 'site'>): string {
  const lines = text.replace(/\r/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const h1 = g.headline ? lines.shift() ?? '' : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(h1 || g.site)}</title>
<meta property="og:site_name" content="${esc(g.site)}"></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/middle-east">Middle East</a></nav></header>
<main><article>${h1 ? `<h1>${esc(h1)}</h1>` : ''}
${lines.map((l) => `<p>${esc(l)}</p>`).join('\n')}
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Storm warning for the weekend</a></li></ul></aside>
<form class="comment-form"><h3>Leave a comment</h3><textarea></textarea><button>Post comment</button></form>
</main><footer>© Example</footer></body></html>`;
}

export function scoreSeed(file: string, text: string, g: GoldSeed): SeedScore {
  const analysis = analyzeHtml(seedHtml(text, g), { url: g.url ?? undefined, outlets: OUTLETS });
  const p = analysis.sourcing;
  const gotBy: Record<ScoredKind, string[]> = { 'named-person': [], anonymous: [], outlet: [], document: [] };
  // Organisations and the group's own media have no seed gold: not scored.
  for (const s of p.sources) if (s.kind in gotBy) gotBy[s.kind as ScoredKind].push(s.source);
  const goldBy: Record<ScoredKind, string[]> = {
    'named-person': g.persons.map((x) => x.name),
    anonymous: g.anonymous,
    outlet: g.outlets,
    document: g.documents,
  };
  const optBy: Record<ScoredKind, string[]> = {
    'named-person': g.optional.persons,
    anonymous: g.optional.anonymous,
    outlet: g.optional.outlets,
    document: g.optional.documents,
  };
  const kinds = {} as SeedScore['kinds'];
  for (const k of SCORED_KINDS) {
    const match = MATCH[k];
    const got = gotBy[k].filter((x) => !(optBy[k].some((o) => match(o, x)) && !goldBy[k].some((gg) => match(gg, x))));
    const extra = got.filter((x) => !goldBy[k].some((gg) => match(gg, x)));
    const missed = goldBy[k].filter((gg) => !got.some((x) => match(gg, x)));
    kinds[k] = { extracted: got.length, correct: got.length - extra.length, gold: goldBy[k].length, found: goldBy[k].length - missed.length, missed, extra };
  }
  // Roles: a content word shared with the gold role.
  let rolesFound = 0;
  let rolesOf = 0;
  for (const gp of g.persons) {
    if (!gp.role) continue;
    rolesOf++;
    const s = p.sources.find((x) => x.kind === 'named-person' && personMatch(gp.name, x.source));
    const gw = new Set(words(gp.role).map(singular).filter((w) => w.length > 3));
    if (s?.role && words(s.role).map(singular).some((w) => gw.has(w))) rolesFound++;
  }
  const checks: Check[] = [];
  for (const m of g.mustFind ?? []) {
    const ok = p.sources.some((x) => x.kind === m.kind && MATCH[m.kind](m.label, x.source) && (!m.role || (!!x.role && words(x.role).some((w) => words(m.role!).includes(w) && w.length > 3))));
    checks.push({ name: `${m.kind}: ${m.label}${m.role ? ` (${m.role})` : ''}`, ok, detail: ok ? 'found' : 'not found' });
  }
  for (const o of g.outlets) checks.push({ name: `relays ${o}`, ok: p.relays.some((r) => outletMatch(o, r)), detail: `relays: ${p.relays.join(', ') || 'none'}` });
  checks.push({ name: `secondHand = ${g.secondHand}`, ok: p.secondHand === g.secondHand, detail: p.secondHandReason ?? 'not second-hand' });
  if (g.origin) checks.push({ name: `origin ${g.origin}`, ok: !!p.origin && outletMatch(g.origin, p.origin), detail: `origin: ${p.origin ?? 'none'}` });
  for (const gp of g.persons) {
    if (!gp.via) continue;
    const s = p.sources.find((x) => x.kind === 'named-person' && personMatch(gp.name, x.source));
    checks.push({ name: `${gp.name} via ${gp.via}`, ok: !!s?.via && outletMatch(gp.via, s.via), detail: `via: ${s?.via ?? 'none'}` });
  }
  for (const gc of g.claims) {
    const ok = analysis.claims.some(
      (c) =>
        singular((c.unit ?? c.subject).toLowerCase().split(/\s+/).pop() ?? '') === singular(gc.head.toLowerCase()) &&
        c.qualifier === gc.qualifier &&
        (gc.quantity === undefined || c.quantity === gc.quantity),
    );
    checks.push({ name: `claim: ${gc.qualifier}${gc.quantity !== undefined ? ' ' + gc.quantity : ''} ${gc.head}`, ok, detail: `${analysis.claims.length} claims extracted` });
  }
  return { file, kinds, checks, roles: { found: rolesFound, of: rolesOf }, analysis };
}

export function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

export interface EvalResult {
  seeds: SeedScore[];
  perKind: Record<ScoredKind, Tally & { precision: number; recall: number }>;
  overall: Tally & { precision: number; recall: number };
  checks: { file: string; check: Check }[];
}

export function evaluateSeeds(seedsDir: string, gold = loadGold()): EvalResult {
  const seeds: SeedScore[] = [];
  for (const [file, g] of Object.entries(gold.seeds)) {
    const text = readFileSync(path.join(seedsDir, file), 'utf8');
    seeds.push(scoreSeed(file, text, g));
  }
  const perKind = {} as EvalResult['perKind'];
  const sum: Tally = { extracted: 0, correct: 0, gold: 0, found: 0 };
  for (const k of SCORED_KINDS) {
    const t: Tally = { extracted: 0, correct: 0, gold: 0, found: 0 };
    for (const s of seeds) for (const f of ['extracted', 'correct', 'gold', 'found'] as const) t[f] += s.kinds[k][f];
    perKind[k] = { ...t, precision: ratio(t.correct, t.extracted), recall: ratio(t.found, t.gold) };
    for (const f of ['extracted', 'correct', 'gold', 'found'] as const) sum[f] += t[f];
  }
  const overall = { ...sum, precision: ratio(sum.correct, sum.extracted), recall: ratio(sum.found, sum.gold) };
  const checks = seeds.flatMap((s) => s.checks.map((check) => ({ file: s.file, check })));
  return { seeds, perKind, overall, checks };
}
