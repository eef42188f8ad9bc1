/**
 * Pack targets: validatePack / parsePackText on valid and mutated packs, buildPack on
 * pack source folders (in memory). Properties: valid packs pass, breaking mutations are
 * refused with problems, keeping mutations still pass, nothing throws, and no input
 * pollutes Object.prototype (checked after every case).
 */
import fc from 'fast-check';
import { buildPack, type PackSource } from '../../../src/core/packs';
import { MAX_PROBLEMS } from '../../../src/core/packs';
import { parsePackText, validatePack, type PackValidation } from '../../../src/core/packs';
import { utf8Bytes, type Recorder } from './harness';
import {
  mutatePack,
  mutatePackText,
  packMutationArb,
  packText,
  textMutationArb,
  validPackArb,
  type Expect,
  type PackCase,
  type PackMutation,
  type TextMutation,
} from './pack-arb';

type Obj = Record<string, unknown>;

// ---------------------------------------------------------------------------
// Prototype pollution
// ---------------------------------------------------------------------------

const PROTOS: [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
];
const baseline = new Map(PROTOS.map(([name, p]) => [name, Reflect.ownKeys(p).map(String).sort().join(',')]));

/** Names of prototypes that gained or lost own keys since this module loaded, or that expose "polluted". */
export function pollutedPrototypes(): string[] {
  const out: string[] = [];
  for (const [name, p] of PROTOS) {
    if (Reflect.ownKeys(p).map(String).sort().join(',') !== baseline.get(name)) out.push(name);
  }
  if ((({}) as Obj).polluted !== undefined || (Object.create(null) as Obj).polluted !== undefined) out.push('({}).polluted');
  return out;
}

function checkPollution(rec: Recorder, target: string): void {
  const bad = pollutedPrototypes();
  if (bad.length) {
    rec.fail(target, `prototype polluted: ${bad.join(', ')}`);
    // Clean up so that one pollution does not fail every later case.
    for (const [, p] of PROTOS) delete (p as Obj).polluted;
  }
}

// ---------------------------------------------------------------------------
// Validation results
// ---------------------------------------------------------------------------

function checkShape(rec: Recorder, target: string, r: PackValidation): void {
  if (!r || typeof r !== 'object' || typeof r.ok !== 'boolean' || !Array.isArray(r.warnings)) {
    rec.fail(target, 'result is not a PackValidation');
    return;
  }
  const problems = r.ok ? [] : r.problems;
  if (!r.ok) rec.check(target, problems.length >= 1 && problems.length <= MAX_PROBLEMS + 1, () => `${problems.length} problems`);
  for (const p of [...problems, ...r.warnings]) {
    if (typeof p.path !== 'string' || !p.path.startsWith('$') || typeof p.message !== 'string' || !p.message) {
      rec.fail(target, `malformed problem ${JSON.stringify(p).slice(0, 200)}`);
      break;
    }
  }
}

function checkExpect(rec: Recorder, target: string, r: PackValidation, expect: Expect, what: string): void {
  if (!r || typeof r.ok !== 'boolean') return;
  if (expect === 'breaks' && r.ok) rec.fail(target, `accepted a pack that must be refused (${what})`);
  if (expect === 'keeps' && !r.ok) rec.fail(target, `refused a valid pack (${what}): ${r.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join('; ')}`);
}

const combine = (xs: Expect[]): Expect => (xs.includes('breaks') ? 'breaks' : xs.every((x) => x === 'keeps') ? 'keeps' : 'any');

function safeText(pack: Obj, compact: boolean): string | null {
  try {
    return packText(pack, compact);
  } catch {
    try {
      return JSON.stringify(pack);
    } catch {
      return null; // nested too deeply even for JSON.stringify: the object path is fuzzed instead
    }
  }
}

// ---------------------------------------------------------------------------
// validatePack / parsePackText
// ---------------------------------------------------------------------------

export interface PackFuzzCase {
  base: PackCase;
  muts: PackMutation[];
  text: TextMutation | null;
  compact: boolean;
  /** A JSON value that is not a pack at all, validated instead of the pack. */
  stray: unknown;
}

export const packFuzzArb: fc.Arbitrary<PackFuzzCase> = fc.record({
  base: validPackArb,
  muts: fc.array(packMutationArb, { maxLength: 3 }),
  text: fc.option(textMutationArb, { freq: 2 }),
  compact: fc.boolean(),
  stray: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) }),
});

/** Bytes of the case's main input (the serialized base pack): decides whether the 50 ms budget applies. */
export function packCaseBytes(c: PackFuzzCase): number {
  const t = safeText(c.base.pack, c.compact);
  return t ? utf8Bytes(t) : 0;
}

export function runPackTargets(rec: Recorder, c: PackFuzzCase): void {
  if (c.stray !== undefined) {
    const r = rec.call('validatePack', () => validatePack(c.stray));
    if (r) {
      checkShape(rec, 'validatePack', r);
      checkExpect(rec, 'validatePack', r, 'breaks', 'a JSON value that is not a pack');
    }
  }
  // The valid pack as generated.
  const pack = c.base.pack;
  const v0 = rec.call('validatePack', () => validatePack(pack));
  if (v0) {
    checkShape(rec, 'validatePack', v0);
    checkExpect(rec, 'validatePack', v0, 'keeps', 'generated valid pack');
    rec.check('validatePack', !v0.ok || v0.pack === pack, 'a valid pack was not returned as the same object');
  }
  const text0 = safeText(pack, c.compact);
  if (text0 !== null) {
    const p0 = rec.call('parsePackText', () => parsePackText(text0));
    if (p0) {
      checkShape(rec, 'parsePackText', p0);
      checkExpect(rec, 'parsePackText', p0, 'keeps', 'serialized generated valid pack');
    }
  }
  // Mutated object.
  const mutated = structuredClone(pack) as Obj;
  const expects: Expect[] = [];
  // Mutations that keep a pack valid first: dropping an optional field after a breaking
  // mutation put a bad value in it would undo that mutation.
  const KEEPING = new Set(['dropOptional', 'unknownField', 'protoKeys']);
  const ordered = [...c.muts].sort((a, b) => Number(!KEEPING.has(a.op)) - Number(!KEEPING.has(b.op)));
  for (const m of ordered) {
    try {
      expects.push(mutatePack(mutated, m));
    } catch {
      expects.push('any'); // the mutation did not apply (e.g. a list was retyped before)
    }
  }
  const expect = combine(expects);
  const what = c.muts.map((m) => m.op).join('+') || 'none';
  const v1 = rec.call('validatePack', () => validatePack(mutated));
  if (v1) {
    checkShape(rec, 'validatePack', v1);
    checkExpect(rec, 'validatePack', v1, expect, what);
  }
  checkPollution(rec, 'validatePack');
  // Mutated text (of the mutated object).
  const text1 = safeText(mutated, c.compact);
  if (text1 !== null) {
    let input = text1;
    let expectText = expect;
    let whatText = what;
    let t: ReturnType<typeof mutatePackText> | null = null;
    if (c.text) {
      try {
        t = mutatePackText(mutated, text1, c.text);
      } catch {
        t = null; // e.g. re-serializing a pack nested too deeply for the serializer: keep the plain text
      }
    }
    if (c.text && t) {
      input = t.text;
      expectText = c.text.op === 'nonFinite' || c.text.op === 'garbage' ? t.expect : combine([expect, t.expect]);
      whatText = `${what} + text ${c.text.op}`;
    }
    const saved = rec.current.bytes;
    rec.current.bytes = utf8Bytes(input);
    const p1 = rec.call('parsePackText', () => parsePackText(input));
    rec.current.bytes = saved;
    if (p1) {
      checkShape(rec, 'parsePackText', p1);
      checkExpect(rec, 'parsePackText', p1, expectText, whatText);
    }
  }
  checkPollution(rec, 'parsePackText');
}

// ---------------------------------------------------------------------------
// buildPack
// ---------------------------------------------------------------------------

export type BuildMutation =
  | { op: 'none' }
  | { op: 'headerHasList'; key: 'sources' | 'reports' | 'topics' }
  | { op: 'misnamedFile'; index: number }
  | { op: 'textTwice'; index: number }
  | { op: 'headerNotObject'; value: unknown }
  | { op: 'pack'; m: PackMutation };

export interface BuildFuzzCase {
  base: PackCase;
  mut: BuildMutation;
  includeText: boolean;
  fingerprints: boolean;
  compact: boolean;
}

export const buildFuzzArb: fc.Arbitrary<BuildFuzzCase> = fc.record({
  base: validPackArb,
  mut: fc.oneof(
    { weight: 3, arbitrary: fc.constant({ op: 'none' as const }) },
    fc.record({ op: fc.constant('headerHasList' as const), key: fc.constantFrom('sources' as const, 'reports' as const, 'topics' as const) }),
    fc.record({ op: fc.constant('misnamedFile' as const), index: fc.nat() }),
    fc.record({ op: fc.constant('textTwice' as const), index: fc.nat() }),
    fc.record({ op: fc.constant('headerNotObject' as const), value: fc.constantFrom(null, 42, 'pack', [], true) }),
    { weight: 3, arbitrary: fc.record({ op: fc.constant('pack' as const), m: packMutationArb }) },
  ),
  includeText: fc.boolean(),
  fingerprints: fc.boolean(),
  compact: fc.boolean(),
});

/** Split a pack into the parts of a source folder; returns null when the pack has no lists to split. */
function toSource(pack: Obj, texts: Record<string, string>): PackSource | null {
  const { sources, reports, topics, ...header } = pack;
  if (!Array.isArray(reports) || (topics !== undefined && !Array.isArray(topics))) return null;
  return {
    header,
    sources,
    topics: ((topics as unknown[]) ?? []).map((t, i) => ({ file: `topics/${i}.json`, json: t })),
    reports: reports.map((r, i) => {
      const id = r && typeof r === 'object' && typeof (r as Obj).id === 'string' ? ((r as Obj).id as string) : `r${i}`;
      const text = texts[id];
      return { file: `reports/${id}.json`, json: r, ...(text !== undefined ? { text, textFile: `reports/${id}.txt` } : {}) };
    }),
  };
}

export function runBuildTargets(rec: Recorder, c: BuildFuzzCase): void {
  const pack = structuredClone(c.base.pack) as Obj;
  let expect: Expect = 'keeps';
  if (c.mut.op === 'pack') {
    try {
      expect = mutatePack(pack, c.mut.m);
    } catch {
      expect = 'any';
    }
  }
  const src = toSource(pack, c.base.texts);
  if (!src) return;
  const reports = src.reports;
  switch (c.mut.op) {
    case 'headerHasList':
      (src.header as Obj)[c.mut.key] = [];
      expect = 'breaks';
      break;
    case 'misnamedFile':
      if (reports.length) {
        reports[c.mut.index % reports.length].file = 'reports/Not The Id.json';
        expect = 'breaks';
      }
      break;
    case 'textTwice': {
      const r = reports.length ? reports[c.mut.index % reports.length] : null;
      if (r && r.json && typeof r.json === 'object') {
        r.json = { ...(r.json as Obj), text: 'inline text' };
        r.text = 'file text';
        expect = 'breaks';
      }
      break;
    }
    case 'headerNotObject':
      src.header = c.mut.value;
      expect = 'breaks';
      break;
  }
  // Entries whose id is not a string were given a made-up file name: the builder may complain about it.
  if (c.mut.op === 'pack' && expect === 'keeps' && reports.some((r) => !(r.json && typeof r.json === 'object' && typeof (r.json as Obj).id === 'string'))) expect = 'any';
  const r = rec.call('buildPack', () => buildPack(src, { includeText: c.includeText, fingerprints: c.fingerprints, compact: c.compact }));
  checkPollution(rec, 'buildPack');
  if (!r) return;
  if (expect === 'breaks') rec.check('buildPack', !r.ok, `built a pack that must be refused (${c.mut.op === 'pack' ? c.mut.m.op : c.mut.op})`);
  if (expect === 'keeps') rec.check('buildPack', r.ok, () => `refused a valid pack source (${c.mut.op}): ${r.ok ? '' : r.problems.slice(0, 3).map((p) => `${p.file ?? ''} ${p.path}: ${p.message}`).join('; ')}`);
  if (r.ok) {
    rec.check('buildPack', r.bytes === utf8Bytes(r.json), 'bytes differ from the JSON text');
    const again = rec.call('parsePackText', () => parsePackText(r.json));
    if (again) checkExpect(rec, 'parsePackText', again, 'keeps', 'output of buildPack');
  } else {
    rec.check('buildPack', r.problems.length > 0, 'refused without problems');
  }
}
