import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../text/normalize';
import { analyzeTopic, type DetectInput } from './detect';
import { compileProfile, DEFAULT_PROFILE, detectTopic, type TopicProfile } from './index';
import { profileData, renderProfileModule } from './profile-data';
import { PROFILE_DATA } from './profile.generated';
import * as articles from '../../../tests/support/test-articles';
import islamicState from './profiles/islamic-state.json';
import { foldLikeMatching, quickFold, quickScan } from './quick-scan';
import { QUICK_TERMS } from './quick-terms.generated';
import { patternLiteral, renderQuickTermsModule } from './quick-terms';
import { isWordCode } from './word-chars';

const here = dirname(fileURLToPath(import.meta.url));
const TEST_ARTICLES = Object.values(articles).filter((a): a is DetectInput => !!a && typeof a === 'object' && 'text' in a && 'title' in a);
const PROFILE_FILE = 'src/core/detect/profiles/islamic-state.json';

const named = (text: string) => quickScan({ title: text, meta: '', textSlice: '', lang: null, articleSignals: 1 }, QUICK_TERMS).reason === 'topic-named';

describe('generated profile data', () => {
  const compiled = compileProfile(islamicState);

  it('quick-terms.generated.ts is exactly a fresh build of the profile (run `npx tsx scripts/gen-profile.ts`)', () => {
    const committed = readFileSync(join(here, 'quick-terms.generated.ts'), 'utf8');
    const fresh = renderQuickTermsModule(compiled.quickTerms, PROFILE_FILE);
    expect(committed === fresh, 'src/core/detect/quick-terms.generated.ts is stale: run `npx tsx scripts/gen-profile.ts`').toBe(true);
    expect(QUICK_TERMS).toEqual(compiled.quickTerms);
    expect(QUICK_TERMS.id).toBe(DEFAULT_PROFILE.id);
    expect(QUICK_TERMS.label).toBe(DEFAULT_PROFILE.label);
  });

  it('profile.generated.ts is exactly a fresh build of the profile (run `npx tsx scripts/gen-profile.ts`)', () => {
    const committed = readFileSync(join(here, 'profile.generated.ts'), 'utf8');
    const fresh = renderProfileModule(profileData(compiled), PROFILE_FILE);
    expect(committed === fresh, 'src/core/detect/profile.generated.ts is stale: run `npx tsx scripts/gen-profile.ts`').toBe(true);
    expect(PROFILE_DATA).toEqual(profileData(compiled));
  });

  it('DEFAULT_PROFILE, hydrated from the data, is the compiled profile', () => {
    const re = (r: RegExp | null) => (r ? `/${r.source}/${r.flags}` : null);
    expect(DEFAULT_PROFILE.terms.map((t) => ({ ...t, verify: re(t.verify) }))).toEqual(compiled.terms.map((t) => ({ ...t, verify: re(t.verify) })));
    expect(DEFAULT_PROFILE.negatives.map((n) => ({ ...n, terms: re(n.terms), after: re(n.after), before: re(n.before) }))).toEqual(
      compiled.negatives.map((n) => ({ ...n, terms: re(n.terms), after: re(n.after), before: re(n.before) })),
    );
    expect([...DEFAULT_PROFILE.languages.keys()]).toEqual([...compiled.languages.keys()]);
    for (const [lang, l] of compiled.languages) {
      const h = DEFAULT_PROFILE.languages.get(lang)!;
      expect(re(h.scanner.re), lang).toBe(re(l.scanner.re));
      expect(h.scanner.groupTerms, lang).toEqual(l.scanner.groupTerms);
      expect(h.caseSensitive, lang).toEqual(l.caseSensitive);
    }
    expect(re(DEFAULT_PROFILE.quick.re)).toBe(re(compiled.quick.re));
    expect(DEFAULT_PROFILE.thresholds).toEqual(compiled.thresholds);
    expect(DEFAULT_PROFILE.langs).toEqual(compiled.langs);
    expect(DEFAULT_PROFILE.quickTerms).toBe(QUICK_TERMS);
  });

  it('gives the same verdicts as the profile compiled at run time', () => {
    for (const a of TEST_ARTICLES) expect(detectTopic(a, DEFAULT_PROFILE)).toEqual(detectTopic(a, compiled));
  });

  it('holds every name of every language and the related terms of weight ≥ 1, names first', () => {
    const names = DEFAULT_PROFILE.terms.filter((t) => t.kind === 'name').map((t) => t.term);
    const vocab = DEFAULT_PROFILE.terms.filter((t) => t.kind === 'vocab' && t.weight >= 1).map((t) => t.term);
    expect(QUICK_TERMS.terms.filter((t) => t[1]).map((t) => t[0]).sort()).toEqual([...names].sort());
    expect(QUICK_TERMS.terms.filter((t) => !t[1]).map((t) => t[0]).sort()).toEqual([...vocab].sort());
    const firstVocab = QUICK_TERMS.forms.findIndex((f) => !QUICK_TERMS.terms[f[1]][1]);
    expect(firstVocab).toBeGreaterThan(0);
    expect(QUICK_TERMS.forms.slice(firstVocab).every((f) => !QUICK_TERMS.terms[f[1]][1])).toBe(true);
    // The two context-bound names keep a regex of their own, prefiltered by their literal.
    expect(QUICK_TERMS.patterns.map((p) => [QUICK_TERMS.terms[p[0]][0], p[1], p[2]])).toEqual([
      ['IS', 'IS', 1],
      ['EI', 'EI', 1],
    ]);
  });
});

describe('quickFold', () => {
  it('agrees with foldForMatching on what is dropped, on Arabic, and keeps every word boundary, for every BMP code', () => {
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const full = foldForMatching(`a${ch}a`, false).text;
      const quick = quickFold(`a${ch}a`).text;
      const mid = quick.slice(1, -1);
      if (full.length === 2) {
        expect(mid, `U+${c.toString(16)} is dropped by foldForMatching`).toBe('');
        continue;
      }
      expect(mid.length, `U+${c.toString(16)} is kept by foldForMatching`).toBeGreaterThan(0);
      const f = full.charCodeAt(1);
      // A separator stays a separator (a word character may become one: İ lower-cases to i + U+0307).
      if (!isWordCode(f)) {
        for (let k = 0; k < mid.length; k++) expect(isWordCode(mid.charCodeAt(k)), `U+${c.toString(16)} separator`).toBe(false);
      }
      if (c >= 0x600 && c <= 0x6ff) expect(mid, `U+${c.toString(16)}`).toBe(String.fromCharCode(f));
    }
  });

  it('foldLikeMatching gives what foldForMatching gives, for every BMP code and mixed strings', () => {
    for (let c = 1; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const s = `I${String.fromCharCode(c)}S`;
      expect(foldLikeMatching(s), `U+${c.toString(16)}`).toBe(foldForMatching(s, false).text);
    }
    const mixed = 'دَاعِشٌ والدولةُ الإسلاميّة\u200f I\u200bS fighters \u00adÉtat';
    expect(foldLikeMatching(mixed)).toBe(foldForMatching(mixed, false).text);
  });

  it('folds case, the accents the profile regexes accept, dashes, white space and apostrophes', () => {
    expect(quickFold('ÉTAT Islamique').text).toBe('etat islamique');
    expect(quickFold('Àâäá Ééèêë Îïí Ôöó Ùûüú Çç').text).toBe('aaaa eeeee iii ooo uuuu cc');
    expect(quickFold('al\u2013Baghdadi  \u00a0\n-\u2003x').text).toBe('al baghdadi x');
    expect(quickFold('Da\u2019esh Da`esh Da\u02bcesh').text).toBe("da'esh da'esh da'esh");
    expect(quickFold('دا\u0651عش الدولة الإسلامية\u200f').text).toBe('داعش الدوله الاسلاميه');
    expect(quickFold('\u201cISIS\u201d \u2022 \u212a').text).toBe('\u201cisis\u201d \u2022 \u001f');
    // Whether foldForMatching would change the text (the IS / EI patterns then run on its output).
    expect(quickFold('ISIS fighters \u2019').same).toBe(true);
    expect(quickFold('I\u200bS').same).toBe(false);
    expect(quickFold('الدولة').same).toBe(false);
    expect(quickFold('داعش').same).toBe(true);
  });
});

describe('quickScan', () => {
  it('finds names as whole words only, ignoring case, with the profile spelling rules', () => {
    for (const t of ['ISIS claims', 'isis', 'Isis', 'anti-ISIS coalition', 'ISIS-K', 'ISISK', 'the I.S.I.L. said', "Da'esh", 'Da’esh', 'DAESH', 'Daech', 'Islamic\u00a0State group', 'ISLAMIC STATE', "l'État islamique", 'Etat Islamique', 'EIIL']) {
      expect(named(t), t).toBe(true);
    }
    for (const t of ['a crisis', 'crises', 'Isisx', 'Daeshy', 'fossil', 'islamic statement', 'stateless', 'Etats islamiques']) {
      expect(named(t), t).toBe(false);
    }
  });

  it('accepts Arabic clitics, the article where the profile allows it, and the listed suffixes', () => {
    for (const t of ['وداعش', 'بداعش', 'لداعش', 'وبداعش', 'الداعشي', 'الداعشية', 'داعشيون', 'للدواعش', 'بتنظيم الدولة', 'بالدولة الإسلامية', 'للدولة الإسلامية', 'والدولة الاسلامية', 'ولاية سيناء']) {
      expect(named(t), t).toBe(true);
    }
    // الدولة الإسلامية is written with the article: it requires one; words merely containing a name do not count.
    for (const t of ['دولة إسلامية', 'سداعش', 'داعشكم', 'الدولة', 'زالدولة الإسلامية']) {
      expect(named(t), t).toBe(false);
    }
  });

  it('checks the pattern-only names (IS, EI) with their letter case and context', () => {
    for (const t of ['IS fighters took the town', 'the so-called IS', 'IS-held areas', "les combattants de l'EI", 'l’EI a revendiqué', 'le groupe EI']) {
      expect(named(t), t).toBe(true);
    }
    // Marks inside the literal are ignored, as by the full detector.
    for (const t of ['I\u200bS fighters took the town', "l'E\u00adI a revendiqué", 'وIS fighters']) expect(named(t), t).toBe(true);
    for (const t of ['is fighters', 'WHAT IS NEXT', 'IS', 'ISBN', 'EI', 'le EI', "l'ei"]) {
      expect(named(t), t).toBe(false);
    }
  });

  it('does not match across the title, meta and text parts', () => {
    const q = (title: string, meta: string, textSlice: string) => quickScan({ title, meta, textSlice, lang: null, articleSignals: 1 }, QUICK_TERMS);
    expect(q('News from the Islamic', 'State of the art', '').worth).toBe(false);
    expect(q('', '', 'Islamic State').worth).toBe(true);
  });

  it('counts related terms once per position (longest spelling first)', () => {
    const r = quickScan({ title: '', meta: '', textSlice: 'foreign jihadists', lang: null, articleSignals: 1 }, QUICK_TERMS);
    expect(r).toEqual({ worth: false, reason: 'too-few-topic-terms', hits: 1 }); // "foreign jihadists" (1.5), not also "jihadists"
    const two = quickScan({ title: '', meta: '', textSlice: 'foreign jihadists in Raqqa', lang: null, articleSignals: 1 }, QUICK_TERMS);
    expect(two).toEqual({ worth: true, reason: 'related-terms', hits: 2 });
  });

  it('finds every name the full detector finds (randomised spellings, clitics, marks and contexts)', () => {
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pick = <T>(xs: T[]): T => xs[rnd(xs.length)];
    const forms: string[] = [];
    const lists = Object.values((islamicState as unknown as TopicProfile).languages);
    for (const lp of lists) {
      for (const n of lp.names) {
        if (typeof n === 'string') forms.push(n);
        else if (!n.pattern) forms.push(n.term, ...(n.variants ?? []), ...(n.suffixes ?? []).map((s) => n.term + s));
      }
    }
    forms.push('IS fighters', 'so-called IS', 'IS-linked', "l'EI", 'groupe EI');
    const accent: Record<string, string[]> = { a: ['a', 'à', 'â', 'A', 'Á'], e: ['e', 'é', 'É', 'è', 'ê'], i: ['i', 'î', 'Ï', 'I'], o: ['o', 'ô', 'Ö'], u: ['u', 'ü', 'Ù'], c: ['c', 'ç', 'Ç'] };
    const arabic: Record<string, string[]> = { ا: ['ا', 'أ', 'إ', 'آ'], ه: ['ه', 'ة'], ي: ['ي', 'ى', 'ئ'], و: ['و', 'ؤ'] };
    const perturb = (s: string) => {
      let out = '';
      for (const ch of s) {
        const lower = ch.toLowerCase();
        if (ch === ' ') out += pick([' ', '  ', '\u00a0', '\n', ' \t']);
        else if (ch === '-') out += pick(['-', '', ' ', '\u2010', '\u2013']);
        else if (ch === "'") out += pick(["'", '', '\u2019', '`']);
        else if (accent[lower] && rnd(3) === 0) out += pick(accent[lower]);
        else if (arabic[ch] && rnd(2) === 0) out += pick(arabic[ch]);
        else if (/[a-z]/i.test(ch) && rnd(4) === 0) out += rnd(2) ? ch.toUpperCase() : lower;
        else out += ch;
        if (rnd(15) === 0) out += pick(['\u200b', '\u00ad', '\u064e', '\u0640', '\u200f']);
      }
      return out;
    };
    const before = ['', ' ', 'the ', '(', '«', '"', '\u201c', 'و', 'ف', 'ب', 'ل', 'وب', 'فل', 'ال', 'لل', 'بال', 'x', 'س', '-', "l'"];
    const after = ['', ' ', '.', ',', ')', '»', '\u201d', "'s", 'ي', 'ية', 's', 'x', 'ـ', '؟', '-'];
    let checked = 0;
    let agreed = 0;
    for (let i = 0; i < 6000; i++) {
      const text = pick(before) + perturb(pick(forms)) + pick(after);
      let fullNamed = false;
      for (const lang of ['en', 'fr', 'ar']) {
        const v = analyzeTopic({ title: text, text: '', lang }, DEFAULT_PROFILE);
        if (v.evidence.some((e) => e.kind === 'name') || Object.keys(v.features.discarded).length) fullNamed = true;
      }
      if (!fullNamed) continue;
      checked++;
      expect(named(text), JSON.stringify(text)).toBe(true);
      agreed++;
    }
    expect(checked).toBeGreaterThan(2000);
    expect(agreed).toBe(checked);
  });
});

describe('patternLiteral', () => {
  it('finds the literal every alternative is built around, or gives up', () => {
    expect(patternLiteral('(?<=so-called[\\s\\u00A0]+)IS|IS(?=[\\s\\u00A0]+(?:fighters?|group)(?![A-Za-z]))')).toBe('IS');
    expect(patternLiteral("(?<=[lL]['\\u2019])EI|(?<=(?:groupe)[\\s]+)EI")).toBe('EI');
    expect(patternLiteral('a\\.b(?=c)')).toBe('a.b');
    expect(patternLiteral('IS|EI')).toBe('');
    expect(patternLiteral('(?:IS)')).toBe('');
    expect(patternLiteral('IS?')).toBe('');
    expect(patternLiteral('I[Ss]')).toBe('');
    expect(patternLiteral('(?=x)?IS')).toBe('');
    expect(patternLiteral('\\bIS')).toBe('');
  });
});

describe('the content script entry', () => {
  const entry = join(here, '../../content/index.ts');
  it.skipIf(!existsSync(entry))('imports only the first pass up front (no profile, detector or validation library)', () => {
    const src = readFileSync(entry, 'utf8');
    const valueImports = [...src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(valueImports).toContain('../core/detect/quick-scan');
    expect(valueImports).toContain('../core/detect/quick-terms.generated');
    for (const bad of ['../core/detect', '../core/detect/index', '../core/detect/profile', '../shared/messages', 'valibot']) {
      expect(valueImports, bad).not.toContain(bad);
    }
  });
});
