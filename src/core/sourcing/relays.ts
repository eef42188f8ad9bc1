/**
 * Which known outlets a text relays ("told The Washington Post", "according to a report
 * by The Wall Street Journal", "Originally published on IranWire", "نقلا عن وكالة …").
 * A first, cue-based pass; the sourcing issue deepens it into full attribution.
 */
import { normalizeText } from '../text/normalize';

export interface OutletName {
  sourceId: string;
  name: string;
  aliases: string[];
  /** Host names the outlet publishes on (to recognise the page's own outlet). */
  domains?: string[];
}

export interface RelayHit {
  sourceId: string;
  name: string;
  /** 'republishes' for "originally published on / source: X", else 'relays'. */
  how: 'relays' | 'republishes';
  /** Offset of the first cue+name hit in the normalised text. */
  position: number;
  count: number;
}

const BEFORE_CUES =
  /(told|to|according to|report(?:ed)? by|reports? from|cited by|quoted by|in an interview with|speaking to|via|published (?:on|by|in)|source:|sources?:|credit:|courtesy of|from|reported|نقلا عن|نقل عن|وفقا ل|وفق|حسب|بحسب|ذكرت|ذكر|افادت|افاد|قالت|صرح ل|لوكاله|لصحيفه|لقناه|selon|d'apres|a declare a|rapporte par|publie (?:par|sur)|source ?:)\s*(?:the |a report by |a report in |the russian news agency |news agency |agency |newspaper |وكاله |صحيفه |قناه |موقع |l'agence |le journal |)*$/;
const AFTER_CUES = /^\s*(?:'s)?\s*(reported|reports|said|says|wrote|published|first reported|learned|ذكرت|قالت|افادت|a rapporte|rapporte|indique)/;
const REPUBLISH_CUES = /(originally published|first published|republished|source:|sources?:|courtesy of|reposted|this article (?:was|first) appeared|نشر اولا|المصدر|source ?:|publie initialement)\s*(?:on|in|by|at|from)?\s*$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Find relayed outlets in `text`. `exclude` is the page's own outlet id.
 * Short all-caps aliases (AP, AFP, WSJ) are matched case-sensitively on the raw text.
 */
export function findRelays(text: string, outlets: OutletName[], exclude: string | null = null): RelayHit[] {
  const norm = normalizeText(text.length > 200_000 ? text.slice(0, 200_000) : text);
  const hits = new Map<string, RelayHit>();
  for (const o of outlets) {
    if (o.sourceId === exclude) continue;
    const names = [o.name, ...o.aliases].filter((n) => n.trim().length >= 2);
    for (const name of names) {
      const n = normalizeText(name).trim();
      if (n.length < 2) continue;
      const caseSensitive = /^[A-Z]{2,5}$/.test(name.trim());
      const hay = caseSensitive ? text : norm;
      const needle = caseSensitive ? name.trim() : n;
      const re = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRe(needle)})(?=$|[^\\p{L}\\p{N}])`, 'gu');
      let m: RegExpExecArray | null;
      let guard = 0;
      while ((m = re.exec(hay)) && guard++ < 200) {
        const start = m.index + m[1].length;
        const before = (caseSensitive ? normalizeText(hay.slice(Math.max(0, start - 60), start)) : hay.slice(Math.max(0, start - 60), start)).trimEnd() + ' ';
        const after = (caseSensitive ? normalizeText(hay.slice(start + needle.length, start + needle.length + 40)) : hay.slice(start + needle.length, start + needle.length + 40));
        const beforeTrim = before.trimEnd();
        const republish = REPUBLISH_CUES.test(beforeTrim);
        const cue = republish || BEFORE_CUES.test(beforeTrim) || AFTER_CUES.test(after) || /(^|[^\p{L}])ل$/u.test(beforeTrim);
        if (!cue) continue;
        const prev = hits.get(o.sourceId);
        if (prev) {
          prev.count++;
          if (republish) prev.how = 'republishes';
          prev.position = Math.min(prev.position, start);
        } else {
          hits.set(o.sourceId, { sourceId: o.sourceId, name: o.name, how: republish ? 'republishes' : 'relays', position: start, count: 1 });
        }
      }
    }
  }
  return [...hits.values()].sort((a, b) => a.position - b.position);
}
