/**
 * Topic profiles: the data that tells the detector what a topic is called and what it
 * is talked about with, per language. A profile is plain JSON (see
 * `profiles/islamic-state.json`); `compileProfile` validates it and precompiles every
 * regular expression once, so detection itself never builds a RegExp.
 *
 * Matching runs on text folded by `foldForMatching` (Arabic letter variants folded as
 * in `foldArabic`: أ/إ/آ → ا, ة → ه, ى/ئ → ي, ؤ → و; diacritics, tatweel and zero-width
 * or bidi marks removed), with an offset map back to the original, so evidence
 * positions point into the text the user sees. Terms are folded the same way when
 * compiled; Arabic clitics (و ف ب ك ل, and the article ال / لل) are accepted before
 * terms, Latin vowels accept accented forms (Etat / État).
 */
import { buildQuickTerms } from './quick-terms';
import type { QuickTerms } from './quick-scan';
import { buildScanner, normalizeTerm, compileNegative, type ScannerEntry } from './patterns';
import {
  DEFAULT_THRESHOLDS,
  ProfileError,
  type CompiledLanguage,
  type CompiledNegative,
  type CompiledProfile,
  type CompiledScanner,
  type CompiledTerm,
  type ProfileThresholds,
  type TermInput,
  type TopicProfile,
} from './profile-types';

export * from './profile-types';
export { literalPattern } from './patterns';

export function compileProfile(json: unknown): CompiledProfile {
  const p = json as TopicProfile;
  if (!p || typeof p !== 'object') throw new ProfileError('profile: expected an object');
  if (typeof p.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(p.id)) {
    throw new ProfileError('profile: "id" must be a kebab-case string');
  }
  if (typeof p.label !== 'string' || !p.label.trim()) throw new ProfileError(`profile ${p.id}: "label" is required`);
  if (!p.languages || typeof p.languages !== 'object' || !Object.keys(p.languages).length) {
    throw new ProfileError(`profile ${p.id}: "languages" must map language codes to term lists`);
  }
  const thresholds: ProfileThresholds = { ...DEFAULT_THRESHOLDS };
  if (p.thresholds) {
    for (const [k, v] of Object.entries(p.thresholds)) {
      if (!(k in DEFAULT_THRESHOLDS)) throw new ProfileError(`profile ${p.id}: unknown threshold "${k}"`);
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ProfileError(`profile ${p.id}: threshold "${k}" must be a number`);
      (thresholds as unknown as Record<string, number>)[k] = v;
    }
  }
  if (thresholds.on <= 0 || thresholds.on >= 1) throw new ProfileError(`profile ${p.id}: thresholds.on must be in (0, 1)`);

  const terms: CompiledTerm[] = [];
  const negatives: CompiledNegative[] = [];
  const sources: ScannerEntry[] = [];
  const byLang = new Map<string, number[]>();

  for (const [lang, lp] of Object.entries(p.languages)) {
    const where = `profile ${p.id} / ${lang}`;
    if (!lp || !Array.isArray(lp.names)) throw new ProfileError(`${where}: "names" must be an array`);
    if (lp.vocabulary !== undefined && !Array.isArray(lp.vocabulary)) {
      throw new ProfileError(`${where}: "vocabulary" must be an array`);
    }
    const ids: number[] = [];
    const add = (input: TermInput, kind: 'name' | 'vocab' | 'tie', i: number) => {
      const t = normalizeTerm(input, `${where} ${kind === 'name' ? 'names' : kind === 'tie' ? 'ties' : 'vocabulary'}[${i}]`);
      const id = terms.length;
      terms.push({
        id,
        term: t.term,
        kind,
        weight: kind === 'tie' ? 0 : (t.weight ?? (kind === 'name' ? 1 : 0.5)),
        ambiguous: t.ambiguous,
        lang,
        negatives: [],
        verify: null,
      });
      const entry: ScannerEntry = { id, seqs: null, norm: t, pattern: t.pattern };
      sources.push(entry);
      if (t.caseSensitive) terms[id].verify = buildScanner([entry], 'y').re;
      ids.push(id);
    };
    lp.names.forEach((n, i) => add(n, 'name', i));
    (lp.vocabulary ?? []).forEach((v, i) => add(v, 'vocab', i));
    if (lp.ties !== undefined && (typeof lp.ties !== 'object' || Array.isArray(lp.ties))) {
      throw new ProfileError(`${where}: "ties" must map labels to term lists`);
    }
    for (const [label, group] of Object.entries(lp.ties ?? {})) {
      const loose = !Array.isArray(group) && group?.loose === true;
      const list = Array.isArray(group) ? group : group?.terms;
      if (!Array.isArray(list)) throw new ProfileError(`${where}: ties "${label}" must be an array or { "loose": true, "terms": [...] }`);
      list.forEach((t, i) => {
        add(t, 'tie', i);
        terms[terms.length - 1].tie = label;
        terms[terms.length - 1].weight = loose ? 0.5 : 1;
      });
    }
    for (const [i, n] of (lp.negativeContexts ?? []).entries()) {
      const neg = compileNegative(n, `${where} negativeContexts[${i}]`);
      const negIdx = negatives.length;
      negatives.push(neg);
      let applied = 0;
      for (const id of ids) {
        if (n.appliesTo.includes(terms[id].term)) {
          terms[id].negatives.push(negIdx);
          applied++;
        }
      }
      if (!applied) throw new ProfileError(`${where}: negative context "${n.id}" applies to no term of this language`);
    }
    byLang.set(lang, ids);
  }

  const shared = byLang.get('*') ?? [];
  const langs = [...byLang.keys()].filter((l) => l !== '*');
  const languages = new Map<string, CompiledLanguage>();
  if (!terms.some((t) => t.kind === 'name')) throw new ProfileError(`profile ${p.id}: at least one name is required`);
  const lazyScanner = (ids: number[]) => {
    let built: CompiledScanner | null = null;
    return () => {
      if (!built) {
        const set = new Set(ids);
        built = buildScanner(sources.filter((s) => set.has(s.id)), 'gi');
      }
      return built;
    };
  };
  const makeLang = (lang: string, all: number[]): CompiledLanguage => {
    const ids = all.filter((id) => terms[id].kind !== 'tie');
    const tieIds = all.filter((id) => terms[id].kind === 'tie');
    const get = lazyScanner(ids);
    const getTies = tieIds.length ? lazyScanner(tieIds) : () => null;
    return {
      lang,
      get scanner() {
        return get();
      },
      caseSensitive: ids.filter((id) => terms[id].verify),
      get tieScanner() {
        return getTies();
      },
    };
  };
  for (const l of langs) languages.set(l, makeLang(l, [...shared, ...(byLang.get(l) ?? [])]));
  languages.set('*', makeLang('*', terms.map((t) => t.id)));
  const quick = lazyScanner(terms.filter((t) => t.kind === 'name' || (t.kind === 'vocab' && t.weight >= 1)).map((t) => t.id));
  let quickTerms: QuickTerms | null = null;

  return {
    id: p.id,
    label: p.label,
    thresholds,
    terms,
    negatives,
    languages,
    langs,
    get quick() {
      return quick();
    },
    get quickTerms() {
      quickTerms ??= buildQuickTerms(
        p.id,
        p.label,
        sources.filter((e) => terms[e.id].kind !== 'tie').map((e) => ({
          term: e.norm.term,
          kind: terms[e.id].kind as 'name' | 'vocab',
          weight: terms[e.id].weight,
          forms: e.norm.forms,
          suffixes: e.norm.suffixes,
          pattern: e.norm.pattern,
          caseSensitive: e.norm.caseSensitive,
        })),
      );
      return quickTerms;
    },
  };
}

