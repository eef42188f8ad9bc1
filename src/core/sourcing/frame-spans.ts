/**
 * Speech reported inside another source's report: "The minister told aides the plan was
 * dead, according to two people in the room" holds two attributions — the two people report
 * the whole sentence, the minister said only "the plan was dead". The framing item ("according
 * to …") keeps the sentence; the speaker's own item is cut to the words after its cue, up to
 * the framing phrase. Only for a speaker whose cue follows its subject with no quotation
 * before it (SVO), in Latin-script sentences; Arabic items are left as they are.
 */
import type { Draft } from './grammar';
import type { Sentence } from './sentences';
import type { Attribution } from './types';

const FRAME = /^(?:according|selon|d['’]après)\b/i;
const NOT_SPEAKER = /^(?:according|citing|by|in|selon|d['’]après)\b/i;

/** `out[i]` is the attribution made from `drafts[i]` (speech drafts only). */
export function nestedInFrame(text: string, sents: Sentence[], drafts: Draft[], out: Attribution[]): void {
  const frames = new Map<number, Draft>();
  for (const d of drafts) if (d.lang !== 'ar' && FRAME.test(d.cue) && !frames.has(d.sent)) frames.set(d.sent, d);
  if (!frames.size) return;
  for (let i = 0; i < drafts.length; i++) {
    const d = drafts[i];
    const f = frames.get(d.sent);
    if (!f || d === f || NOT_SPEAKER.test(d.cue) || (d.kind !== 'named-person' && d.kind !== 'anonymous' && d.kind !== 'organisation')) continue;
    const a = out[i];
    const s = sents[d.sent];
    if (d.at < a.start || d.at < s.start || /["“”«»]/.test(text.slice(a.start, d.at))) continue;
    let st = d.at + d.cue.length;
    const lead = /^[\s,]*(?:that\s+)?/.exec(text.slice(st, st + 12));
    st += lead ? lead[0].length : 0;
    let en = a.end;
    if (f.at > st && f.at < en) en = f.at;
    else if (f.at > d.at) continue;
    while (en > st && /[\s,;:—–-]/.test(text[en - 1])) en--;
    if (text.slice(st, en).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < 3) continue;
    a.start = st;
    a.end = en;
    a.quote = text.slice(st, en);
  }
}
