/**
 * Speech reported inside another source's report: "The minister told aides the plan was
 * dead, according to two people in the room" holds two attributions — the two people report
 * the whole sentence, the minister said only "the plan was dead"; so do "X said …, The Post
 * reported" and "A survey found that X opposes …". The framing item ("according to …", an
 * outlet or a document with a reporting verb) keeps the sentence; the speaker's own item is
 * cut to the words after its cue, up to the framing phrase (or, for "“…,” X said, according to
 * Y", to the quotation). Latin-script sentences only; Arabic items are left as they are.
 */
import type { Draft } from './grammar';
import type { Sentence } from './sentences';
import type { Attribution } from './types';

const FRAME = /^(?:according|selon|d['’]après)\b/i;
/** Reporting verbs of an outlet or a document that frames a sentence ("The Post reported", "records show"). */
const FRAME_VERB = /^(?:reported|reports|report|found|finds|find|shows?|showed|revealed|reveals|estimated|estimates)$/i;
const NOT_SPEAKER = /^(?:according|citing|by|in|selon|d['’]après)\b/i;

/** `out[i]` is the attribution made from `drafts[i]` (speech drafts only). */
export function nestedInFrame(text: string, sents: Sentence[], drafts: Draft[], out: Attribution[]): void {
  const frames = new Map<number, Draft>();
  for (const d of drafts) {
    if (d.lang === 'ar' || frames.has(d.sent)) continue;
    const verbFrame = (d.kind === 'outlet' || d.kind === 'document') && FRAME_VERB.test(d.cue) && !drafts.some((e) => e !== d && e.sent === d.sent && e.at === d.at);
    if (FRAME.test(d.cue) || verbFrame) frames.set(d.sent, d);
  }
  if (!frames.size) return;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const f = frames.get(d.sent);
    if (!f || d === f || NOT_SPEAKER.test(d.cue) || (d.kind !== 'named-person' && d.kind !== 'anonymous' && d.kind !== 'organisation')) continue;
    const a = out[i];
    const s = sents[d.sent];
    if (d.at < a.start || d.at < s.start) continue;
    const before = text.slice(a.start, d.at);
    if (/["“”«»]/.test(before)) {
      // "“…,” X said, according to Y": the quotation is the speaker's, the frame the whole.
      const close = Math.max(before.lastIndexOf('”'), before.lastIndexOf('"'), before.lastIndexOf('»'));
      if (f.at < d.at || close < 1 || !/^["“«]/.test(before)) continue;
      a.end = a.start + close + 1;
      a.quote = text.slice(a.start, a.end);
      continue;
    }
    let st = d.at + d.cue.length;
    const lead = /^[\s,]*(?:that\s+)?/.exec(text.slice(st, st + 12));
    st += lead ? lead[0].length : 0;
    let en = a.end;
    if (f.at > st && f.at < en) {
      // "…, The Post reported": cut before the frame's subject, at the last comma or dash.
      const seg = text.slice(st, f.at);
      const m = FRAME.test(f.cue) ? null : /[\s\S]*[,;—–]/.exec(seg);
      if (!FRAME.test(f.cue) && !m) continue;
      en = m ? st + m[0].length - 1 : f.at;
    } else if (f.at > d.at) continue;
    while (en > st && /[\s,;:—–-]/.test(text[en - 1])) en--;
    if (text.slice(st, en).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 3) continue;
    a.start = st;
    a.end = en;
    a.quote = text.slice(st, en);
  }
}
