/**
 * Mutations of real pages (read at run time from the shared corpus, never stored): byte
 * flips, truncation, splices of chunks between pages, tag deletion and duplication,
 * attribute scrambling, insertion of hostile fragments. Each mutation is a plain record
 * drawn by fast-check, applied deterministically, so a seed and path reproduce it.
 */
import fc from 'fast-check';
import { HOSTILE_VALUES, INVISIBLES, MALFORMED } from './text-pools';

const SCALE = 1_000_000_000;

export type Mutation =
  | { op: 'flip'; at: number; n: number; stride: number; xor: number }
  | { op: 'truncate'; at: number }
  | { op: 'splice'; other: number; from: number; len: number; at: number; replace: boolean }
  | { op: 'deleteTag'; at: number; count: number }
  | { op: 'dupTag'; at: number; times: number }
  | { op: 'scramble'; at: number; mode: number; count: number }
  | { op: 'insert'; at: number; what: string }
  | { op: 'deleteRange'; at: number; len: number };

const at = fc.nat({ max: SCALE });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at, n: fc.integer({ min: 1, max: 32 }), stride: fc.integer({ min: 1, max: 5000 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('truncate' as const), at }),
  fc.record({ op: fc.constant('splice' as const), other: fc.nat(), from: at, len: fc.integer({ min: 1, max: 65_536 }), at, replace: fc.boolean() }),
  fc.record({ op: fc.constant('deleteTag' as const), at, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ op: fc.constant('dupTag' as const), at, times: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ op: fc.constant('scramble' as const), at, mode: fc.nat({ max: 7 }), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('insert' as const), at, what: fc.constantFrom(...MALFORMED, ...INVISIBLES, ...HOSTILE_VALUES.map((v) => `<p title="${v}">`)) }),
  fc.record({ op: fc.constant('deleteRange' as const), at, len: fc.integer({ min: 1, max: 100_000 }) }),
);

export interface CorpusCase {
  page: number;
  muts: Mutation[];
}

export const corpusCaseArb: fc.Arbitrary<CorpusCase> = fc.record({ page: fc.nat(), muts: fc.array(mutationArb, { minLength: 1, maxLength: 4 }) });

const pos = (a: number, len: number) => Math.min(len, Math.floor((a / SCALE) * (len + 1)));

/** End of the tag starting at `i` (index after '>'), or -1. */
function tagEnd(s: string, i: number): number {
  const j = s.indexOf('>', i + 1);
  return j < 0 || j - i > 4000 ? -1 : j + 1;
}

function flip(s: string, m: Extract<Mutation, { op: 'flip' }>): string {
  const b = Buffer.from(s, 'utf8');
  if (!b.length) return s;
  let p = pos(m.at, b.length - 1);
  for (let k = 0; k < m.n; k++) {
    b[p % b.length] ^= m.xor;
    p += m.stride;
  }
  return b.toString('utf8');
}

function deleteTags(s: string, m: Extract<Mutation, { op: 'deleteTag' }>): string {
  let i = pos(m.at, s.length);
  for (let k = 0; k < m.count; k++) {
    const open = s.indexOf('<', i);
    if (open < 0) break;
    const end = tagEnd(s, open);
    if (end < 0) break;
    s = s.slice(0, open) + s.slice(end);
    i = open;
  }
  return s;
}

function dupTag(s: string, m: Extract<Mutation, { op: 'dupTag' }>): string {
  const open = s.indexOf('<', pos(m.at, s.length));
  if (open < 0) return s;
  const next = s.indexOf('<', open + 1);
  const end = Math.min(next < 0 ? s.length : next, open + 5000);
  const chunk = s.slice(open, end);
  const times = Math.min(m.times, Math.floor(200_000 / Math.max(1, chunk.length)) || 1);
  return s.slice(0, end) + chunk.repeat(times) + s.slice(end);
}

const ATTR = /([^\s=<>"'/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g;

function scramble(s: string, m: Extract<Mutation, { op: 'scramble' }>): string {
  let i = pos(m.at, s.length);
  for (let k = 0; k < m.count; k++) {
    const open = s.indexOf('<', i);
    if (open < 0) break;
    const end = tagEnd(s, open);
    if (end < 0) break;
    const tag = s.slice(open, end);
    const nameEnd = tag.search(/[\s>/]/);
    const name = nameEnd > 0 ? tag.slice(0, nameEnd) : tag.slice(0, -1);
    const attrs = [...tag.slice(name.length, -1).matchAll(ATTR)].map((x) => ({ n: x[1], v: x[2] ?? '' }));
    const hostile = HOSTILE_VALUES[(k + m.mode) % HOSTILE_VALUES.length];
    let out: string;
    switch ((m.mode + k) % 8) {
      case 0: // swap values around
        out = attrs.map((a, j) => `${a.n}=${attrs[(j + 1) % attrs.length].v || '""'}`).join(' ');
        break;
      case 1: // hostile values
        out = attrs.map((a) => `${a.n}="${hostile.replace(/"/g, '&quot;')}"`).join(' ');
        break;
      case 2: // drop quotes
        out = attrs.map((a) => `${a.n}=${a.v.replace(/^["']|["']$/g, '')}`).join(' ');
        break;
      case 3: // duplicate every attribute
        out = attrs.map((a) => `${a.n}=${a.v} ${a.n}=${a.v}`).join(' ');
        break;
      case 4: // unbalanced quote
        out = attrs.map((a) => `${a.n}="${a.v.replace(/"/g, '')}`).join(' ');
        break;
      case 5: // huge value
        out = `${attrs.map((a) => `${a.n}=${a.v}`).join(' ')} data-huge="${'x'.repeat(50_000)}"`;
        break;
      case 6: // names scrambled (reversed), values kept
        out = attrs.map((a) => `${[...a.n].reverse().join('')}=${a.v}`).join(' ');
        break;
      default: // class/id/lang/dir set to odd values
        out = `class="article-body comments" id="__proto__" lang="${hostile.replace(/"/g, '')}" dir="rtl" ${attrs.map((a) => `${a.n}=${a.v}`).join(' ')}`;
    }
    const rebuilt = `${name} ${out}>`;
    s = s.slice(0, open) + rebuilt + s.slice(end);
    i = open + rebuilt.length;
  }
  return s;
}

export function applyMutation(s: string, m: Mutation, pages: readonly string[]): string {
  switch (m.op) {
    case 'flip':
      return flip(s, m);
    case 'truncate':
      return s.slice(0, pos(m.at, s.length));
    case 'splice': {
      const other = pages.length ? pages[m.other % pages.length] : s;
      const from = pos(m.from, other.length);
      const chunk = other.slice(from, from + m.len);
      const p = pos(m.at, s.length);
      return s.slice(0, p) + chunk + s.slice(m.replace ? Math.min(s.length, p + chunk.length) : p);
    }
    case 'deleteTag':
      return deleteTags(s, m);
    case 'dupTag':
      return dupTag(s, m);
    case 'scramble':
      return scramble(s, m);
    case 'insert': {
      const p = pos(m.at, s.length);
      return s.slice(0, p) + m.what + s.slice(p);
    }
    case 'deleteRange': {
      const p = pos(m.at, s.length);
      return s.slice(0, p) + s.slice(p + m.len);
    }
  }
}

export function mutatePage(c: CorpusCase, pages: readonly string[]): string {
  if (!pages.length) return '';
  let s = pages[c.page % pages.length];
  for (const m of c.muts) s = applyMutation(s, m, pages);
  return s;
}
