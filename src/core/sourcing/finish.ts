/**
 * Turning the grammars' drafts into attributions: one statement per (sentence, kind,
 * source), `via` carried over to a speaker's other statements, the page's own outlet
 * dropped, quotations extended over the following sentences they run on into, and figures
 * asserted with no source added as `unattributed` items.
 */
import { findQuantities } from '../claims/quantity';
import { subjectFor } from '../claims/subject';
import { arabicPieces } from './arabic-segments';
import type { ExtractorState } from './extractor-state';
import { HAS_ARABIC, quoteBalance, type Draft } from './grammar';
import { nestedInFrame } from './frame-spans';
import { jointSource, jointSpeaker, mergeJoint } from './joint';
import { sameOutlet } from './outlets';
import { quoteText, splitShared } from './quote-link';
import type { Attribution } from './types';

export function finish(x: ExtractorState): Attribution[] {
  const sents = x.sents;
  // Statements given to the page's own outlet are first-hand.
  const isSelf = (o: { name: string; sourceId?: string | null } | undefined) => !!(o && x.self && sameOutlet(o, x.self));
  // One statement per (sentence, kind, source); a coordinated subject speaks once (joint.ts).
  const seen = new Map<string, Draft>();
  const drafts: Draft[] = [];
  for (const d of mergeJoint(x.drafts)) {
    if (d.kind === 'outlet' && isSelf({ name: d.source, sourceId: d.sourceId })) continue;
    const key = `${d.sent}|${d.kind}|${d.source.toLowerCase()}|${d.mode ?? ''}`;
    const prev = seen.get(key);
    // Arabic: the same source again after another speaker of the sentence ("وأضاف البيان: …، وأكد
    // الرئيسان …، وأشار البيان إلى أن …") is a statement of its own (arabic-segments.ts cuts the sentence).
    const apart = !!prev && d.lang === 'ar' && x.drafts.some((o) => o.sent === d.sent && o.source !== d.source && o.at > prev.at && o.at < d.at);
    if (prev && !apart) {
      if (!prev.via && d.via) prev.via = d.via;
      if (d.republished) prev.republished = true;
      continue;
    }
    seen.set(key, d);
    drafts.push(d);
  }
  // A person who spoke to an outlet once spoke to it for the whole piece.
  for (const d of drafts) {
    const v = d.person?.via ?? d.anon?.via;
    if (!d.via && v) d.via = v;
    if (d.person && !d.role && d.person.role) d.role = d.person.role;
    if (d.person) d.source = d.person.name;
    if (d.parts) d.source = jointSource(d.parts);
    if (isSelf(d.via)) d.via = undefined;
  }
  // Quotations running on into following sentences of the same paragraph.
  const bySent = new Map<number, Draft[]>();
  for (const d of drafts) (bySent.get(d.sent) ?? bySent.set(d.sent, []).get(d.sent)!).push(d);
  const spanEnd = new Map<number, number>();
  const covered = new Set<number>();
  const qt = (k: number) => quoteText(sents[k].text);
  for (const [si] of bySent) {
    let end = sents[si].end;
    let open = quoteBalance(qt(si)) > 0;
    for (let k = si + 1; k < sents.length && k - si < 8; k++) {
      const nx = sents[k];
      if (nx.para !== sents[si].para || bySent.has(k)) break;
      if (!open && !/^\s*["“«]/.test(qt(k))) break;
      end = nx.end;
      covered.add(k);
      open = (open ? 1 : 0) + quoteBalance(qt(k)) > 0;
    }
    spanEnd.set(si, end);
  }
  // A quotation ending a sentence before the one holding its cue ("“Who are they?” Trump said."):
  // the quoted sentences belong to the statement.
  const spanStart = new Map<number, number>();
  for (const [si] of bySent) {
    const s = sents[si];
    const st = qt(si);
    if (/^\s*["“«'‘]/.test(st)) continue;
    let start = s.start;
    // The sentence closes a quotation opened before it ("… Nobody was ready," the mayor said).
    const firstMark = /["“”«»]/.exec(st)?.[0];
    const closesEarlier = firstMark === '”' || firstMark === '»' || (firstMark === '"' && (st.match(/"/g)?.length ?? 0) % 2 === 1);
    for (let k = si - 1; k >= 0 && si - k <= 6; k--) {
      const pv = sents[k];
      if (pv.para !== s.para || bySent.has(k) || covered.has(k)) break;
      if (k === si - 1 && !closesEarlier && !/["”»’']\s*$/.test(pv.text)) break;
      start = pv.start;
      covered.add(k);
      if (/^\s*["“«'‘]/.test(qt(k))) break;
      if (k === 0 || sents[k - 1].para !== s.para) {
        start = s.start;
        break;
      }
    }
    if (start !== s.start) spanStart.set(si, start);
  }
  const pieces = arabicPieces(drafts, sents, x.text);
  const out: Attribution[] = drafts.map((d) => {
    const s = sents[d.sent];
    const piece = pieces.get(d);
    const end = piece && piece[1] < s.end ? piece[1] : spanEnd.get(d.sent) ?? s.end;
    const st = piece && piece[0] > s.start ? piece[0] : spanStart.get(d.sent) ?? s.start;
    const a: Attribution = { kind: d.kind, source: d.source, quote: x.text.slice(st, end), start: st, end, cue: d.cue, lang: d.lang };
    // A belief or intention (latin-belief.ts): just the clause held or intended.
    if (d.mode && d.span) {
      a.mode = d.mode;
      [a.start, a.end] = d.span;
      a.quote = x.text.slice(a.start, a.end);
    }
    if (d.role) a.role = d.role;
    if (d.via) {
      a.via = d.via.name;
      if (d.via.sourceId) a.viaSourceId = d.via.sourceId;
    }
    if (d.kind === 'outlet' && d.sourceId) a.sourceId = d.sourceId;
    if (d.republished) a.republished = true;
    if (d.parts) a.joint = d.parts.map(jointSpeaker);
    return a;
  });
  const speech = drafts.map((d) => !d.mode);
  splitShared(x.text, sents, drafts.filter((_, i) => speech[i]), out.filter((_, i) => speech[i]));
  nestedInFrame(x.text, sents, drafts.filter((_, i) => speech[i]), out.filter((_, i) => speech[i]));
  // Figures asserted with no source in their sentence (conservative).
  for (let si = 0; si < sents.length; si++) {
    if (bySent.has(si) || covered.has(si)) continue;
    const s = sents[si];
    if (/^["“«]/.test(s.text) || /[?؟]["”»]?$/.test(s.text)) continue;
    // Crossheads and captions without a final stop are not asserted sentences.
    if (!/[.!…]["”»’)]*$/.test(s.text)) continue;
    if (s.text.split(/\s+/).length < 6) continue;
    const hits = findQuantities(s.text);
    const h = hits.find((q) => {
      return !!subjectFor(s.text, q) && (q.quantity !== null || q.qualifier !== 'several');
    });
    if (!h) continue;
    out.push({ kind: 'unattributed', source: '', quote: s.text, start: s.start, end: s.end, cue: '', lang: HAS_ARABIC.test(s.text) ? 'ar' : 'en' });
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}
