/**
 * Pack validation, whole-pack checks made on the raw input after the schemas: duplicate
 * ids, references between outlets and reports, topic profiles (compiled), nesting depth;
 * and the ordering and formatting of the problems found (JSON paths, document order).
 */
import type * as v from 'valibot';
import { compileProfile } from '../detect/profile';
import { ID_PATTERN, MAX_PROBLEMS } from './limits';
import { num } from './validate-fields';

export interface Problem {
  /** JSON path of the offending value: "$", "$.reports[3].url", "$.reports[0].fingerprint.terms[\"x y\"]". */
  path: string;
  message: string;
}

/** Values nested deeper than this (in fields the format does not define, too) are refused. */
export const MAX_DEPTH = 64;

type Issue = v.BaseIssue<unknown>;

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

export type Seg = string | number;

export function formatPath(segs: readonly Seg[]): string {
  let s = '$';
  for (const k of segs) {
    if (typeof k === 'number') s += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) s += `.${k}`;
    else s += `[${JSON.stringify(k)}]`;
  }
  return s;
}

export function issuePath(i: Issue): Seg[] {
  return (i.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key)));
}

/** Document order: numeric indexes numerically, keys alphabetically, parents before children. */
function comparePaths(a: Seg[], b: Seg[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------
// Whole-pack checks
// ---------------------------------------------------------------------------

export const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);
const arr = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

export interface Found {
  segs: Seg[];
  message: string;
}

/** Maximum nesting depth of a value, stopping once it exceeds `limit` (iterative: deep input cannot overflow the stack). */
function depthExceeds(root: unknown, limit: number): boolean {
  const stack: unknown[] = [root];
  const depths: number[] = [0];
  while (stack.length) {
    const value = stack.pop();
    const depth = depths.pop()!;
    if (!value || typeof value !== 'object') continue;
    if (depth >= limit) return true;
    for (const c of Array.isArray(value) ? value : Object.values(value)) {
      if (c && typeof c === 'object') {
        stack.push(c);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/** Path of the first value nested deeper than MAX_DEPTH, or null. Paths are only built when needed. */
export function tooDeep(root: unknown): Seg[] | null {
  if (!depthExceeds(root, MAX_DEPTH)) return null;
  const walk = (value: unknown, segs: Seg[]): Seg[] | null => {
    if (segs.length >= MAX_DEPTH) return segs;
    const entries: [Seg, unknown][] = Array.isArray(value) ? value.map((c, i) => [i, c]) : Object.entries(value as object);
    for (const [k, c] of entries) {
      if (c && typeof c === 'object' && depthExceeds(c, MAX_DEPTH - segs.length - 1)) return walk(c, [...segs, k]);
    }
    return segs;
  };
  return walk(root, []);
}

export function crossChecks(p: Record<string, unknown>, errors: Found[], warnings: Found[]): void {
  const sources = arr(p.sources);
  const reports = arr(p.reports);

  const sourceAt = new Map<string, number>();
  const domainOwner = new Map<string, string>();
  sources.forEach((s, i) => {
    if (!isObj(s) || typeof s.id !== 'string') return;
    const first = sourceAt.get(s.id);
    if (first !== undefined) errors.push({ segs: ['sources', i, 'id'], message: `duplicate source id "${s.id}" (also at $.sources[${first}])` });
    else sourceAt.set(s.id, i);
    arr(s.domains).forEach((d, j) => {
      if (typeof d !== 'string') return;
      const owner = domainOwner.get(d);
      if (owner !== undefined && owner !== s.id) warnings.push({ segs: ['sources', i, 'domains', j], message: `domain "${d}" is also claimed by source "${owner}"; pages on it will be attributed to one of them` });
      else domainOwner.set(d, s.id as string);
    });
  });

  const reportAt = new Map<string, number>();
  reports.forEach((r, i) => {
    if (!isObj(r) || typeof r.id !== 'string') return;
    const first = reportAt.get(r.id);
    if (first !== undefined) errors.push({ segs: ['reports', i, 'id'], message: `duplicate report id "${r.id}" (also at $.reports[${first}])` });
    else reportAt.set(r.id, i);
  });

  const sourcesKnown = Array.isArray(p.sources);
  reports.forEach((r, i) => {
    if (!isObj(r)) return;
    if (sourcesKnown && typeof r.sourceId === 'string' && ID_PATTERN.test(r.sourceId) && !sourceAt.has(r.sourceId)) {
      errors.push({ segs: ['reports', i, 'sourceId'], message: `unknown source "${r.sourceId}": no source in this pack has this id` });
    }
    arr(r.relays).forEach((rel, k) => {
      if (!isObj(rel) || typeof rel.sourceId !== 'string' || !ID_PATTERN.test(rel.sourceId)) return;
      if (sourcesKnown && !sourceAt.has(rel.sourceId)) {
        errors.push({ segs: ['reports', i, 'relays', k, 'sourceId'], message: `unknown source "${rel.sourceId}": no source in this pack has this id (use null for an outlet without a profile)` });
      } else if (rel.sourceId === r.sourceId) {
        warnings.push({ segs: ['reports', i, 'relays', k, 'sourceId'], message: 'the report relays its own outlet' });
      }
    });
    arr(r.links).forEach((l, k) => {
      if (!isObj(l) || typeof l.reportId !== 'string' || !ID_PATTERN.test(l.reportId)) return;
      if (l.reportId === r.id) errors.push({ segs: ['reports', i, 'links', k, 'reportId'], message: 'a report cannot link to itself' });
      else if (!reportAt.has(l.reportId)) {
        warnings.push({ segs: ['reports', i, 'links', k, 'reportId'], message: `report "${l.reportId}" is not in this pack: the link is kept and works only when another pack in the library has this report` });
      }
    });
  });

  const topicAt = new Map<string, number>();
  arr(p.topics).forEach((t, i) => {
    try {
      const compiled = compileProfile(t);
      const first = topicAt.get(compiled.id);
      if (first !== undefined) errors.push({ segs: ['topics', i, 'id'], message: `duplicate topic id "${compiled.id}" (also at $.topics[${first}])` });
      else topicAt.set(compiled.id, i);
    } catch (e) {
      errors.push({ segs: ['topics', i], message: `invalid topic profile: ${e instanceof Error ? e.message : String(e)}` });
    }
  });

  if (!sources.length && !reports.length && Array.isArray(p.sources) && Array.isArray(p.reports)) {
    warnings.push({ segs: [], message: 'the pack has no sources and no reports' });
  }
}

export function finish(found: Found[]): Problem[] {
  const sorted = found
    .map((f, n) => ({ ...f, n }))
    .sort((a, b) => comparePaths(a.segs, b.segs) || a.n - b.n);
  const out = sorted.slice(0, MAX_PROBLEMS).map((f) => ({ path: formatPath(f.segs), message: f.message }));
  if (sorted.length > MAX_PROBLEMS) out.push({ path: '$', message: `…and ${num(sorted.length - MAX_PROBLEMS)} more problems not listed` });
  return out;
}
