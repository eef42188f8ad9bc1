/**
 * Development printers of `eval-sourcing-dev.ts` for the English set (they change no figure):
 * `--misses` lists the gold attributions that are not reported speech, found or missed, and
 * every belief/intention predicted with whether it matched; `--direct-errors` lists each
 * direct quote with a named source that is missed or given the wrong speaker. They print
 * corpus text to the terminal only.
 */
import { overlap, sameSource, type Tok } from './eval-sourcing-score';
import { bestMatch, type GoldX, type Pred } from './eval-sourcing-tally';

type Role = { text: string; spans: number[][] } | null | undefined;
/** One gold attribution as the gold file gives it. */
export interface GoldLine { source?: Role; cue?: Role; content?: Role }

/** `--misses`: MODEPRED lines (beliefs, intentions predicted), then NSHIT / NSMISS lines (non-speech gold). */
export function printMisses(id: string, preds: Pred[], gold: GoldX[], lines: GoldLine[], raw: string): void {
  for (const p of preds) {
    if (p.item!.mode) console.log(`MODEPRED\t${gold.some((gg) => overlap(p.toks, gg) >= 0.5) ? 1 : 0}\t${p.item!.mode}\t${p.item!.cue}\t${p.item!.source}\t${p.item!.quote.slice(0, 80)}`);
  }
  const sentence = (at: number) => raw.slice(Math.max(raw.lastIndexOf('\n', at) + 1, 0), Math.max(at, raw.indexOf('\n', at) < 0 ? raw.length : raw.indexOf('\n', at))).replace(/\s+/g, ' ');
  for (let j = 0; j < gold.length; j++) {
    const gx = gold[j];
    const x = lines[j];
    if (gx.speech) continue;
    const hit = preds.some((p) => overlap(p.toks, gx) >= 0.5);
    console.log(`${hit ? 'NSHIT' : 'NSMISS'} ${id}\t${x.source?.text ?? '-'}\t${x.cue?.text ?? '-'}\t${(x.content?.text ?? '').slice(0, 120).replace(/\s+/g, ' ')}\t${x.cue ? sentence(x.cue.spans[0][0]).slice(0, 400) : ''}`);
  }
}

/** `--direct-errors`: each named direct quote missed or given the wrong speaker, with its paragraph. */
export function printDirectErrors(id: string, preds: Pred[], gold: GoldX[], lines: GoldLine[], body: string, btoks: Tok[]): void {
  const ov = preds.map((p) => gold.map((gg) => overlap(p.toks, gg)));
  const paraOf = (i: number) => {
    const s = body.lastIndexOf('\n\n', i);
    const e = body.indexOf('\n\n', i);
    return body.slice(s < 0 ? 0 : s + 2, e < 0 ? body.length : e);
  };
  gold.forEach((gx, j) => {
    if (!gx.direct || !gx.named) return;
    const b = bestMatch(preds, ov, gx, j);
    const it = b >= 0 ? preds[b].item : undefined;
    if (it && sameSource(it.source, gx.sourceTexts)) return;
    const x = lines[j];
    console.log(`DQ ${it ? 'WRONG' : 'MISSED'} [${gx.where}] ${id} gold=${x.source?.text} cue=${x.cue?.text} pred=${it ? `${it.source} (${it.kind})` : '-'}\n   ¶ ${paraOf(btoks[gx.content[0]]?.start ?? 0)}`);
  });
}
