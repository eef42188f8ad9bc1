/**
 * The fuzz groups: what is generated and which targets run on it. Shared by the short
 * fuzz in `npm test` (tests/fuzz/*.test.ts) and the long one (`npm run fuzz`, scripts/fuzz.ts).
 */
import fc from 'fast-check';
import { runAnchorTargets, anchorCaseArb, type AnchorCase } from './anchor-targets';
import { HAS_CORPUS, loadCorpus } from './corpus';
import { utf8Bytes, type Group } from './harness';
import { generatedHtmlArb, randomHtmlArb, textArb } from './html-arb';
import { applyMutation, corpusCaseArb, mutatePage, mutationArb, type CorpusCase, type Mutation } from './mutate';
import { runPageTargets, runTextTargets, type TextInput } from './page-targets';
import { buildFuzzArb, packCaseBytes, packFuzzArb, runBuildTargets, runPackTargets, type BuildFuzzCase, type PackFuzzCase } from './pack-targets';
import { INVISIBLES, ODD_CHARS, SENTENCES_AR, SENTENCES_EN, SENTENCES_FR } from './text-pools';

const urlArb = fc.option(fc.constantFrom('https://news.example/2016/04/story-1', 'http://localhost:8080/a', 'https://xn--mgbh0fb.example/خبر', 'file:///tmp/x.html', 'not a url', 'https://www.reuters.com/world/x'), { nil: undefined });

/** Mutated inputs are computed twice per case (size, then run): remember the last ones. */
const memo = new WeakMap<object, string>();
function once(key: object, make: () => string): string {
  let v = memo.get(key);
  if (v === undefined) {
    v = make();
    memo.set(key, v);
  }
  return v;
}

interface PageCase {
  html: string;
  url: string | undefined;
}

export const htmlGenerated: Group<PageCase> = {
  name: 'html-generated',
  describe: 'structured random pages (nesting, hostile attributes, entities, malformed tags, RTL/emoji/bidi text, JSON-LD, huge attributes)',
  arbitrary: fc.record({ html: generatedHtmlArb, url: urlArb }),
  bytes: (c) => utf8Bytes(c.html),
  run: (c, rec) => runPageTargets(rec, c.html, c.url),
};

export const htmlRandom: Group<PageCase> = {
  name: 'html-random',
  describe: 'plain random strings and tag soup',
  arbitrary: fc.record({ html: randomHtmlArb, url: urlArb }),
  bytes: (c) => utf8Bytes(c.html),
  run: (c, rec) => runPageTargets(rec, c.html, c.url),
};

interface CorpusPageCase {
  c: CorpusCase;
  url: string | undefined;
}

export const htmlCorpus: Group<CorpusPageCase> = {
  name: 'html-corpus',
  describe: 'real pages from ../shared (corpus, seeds, Arabic articles) mutated: byte flips, truncation, splices, tag deletion/duplication, attribute scrambling',
  arbitrary: fc.record({ c: corpusCaseArb, url: urlArb }),
  available: () => HAS_CORPUS && loadCorpus().pages.length > 0,
  bytes: (x) => utf8Bytes(once(x, () => mutatePage(x.c, loadCorpus().pages))),
  run: (x, rec) => runPageTargets(rec, once(x, () => mutatePage(x.c, loadCorpus().pages)), x.url),
};

/** Text for the detection/sourcing targets: pool sentences, hostile characters, random strings, corpus texts mutated. */
interface TextCase {
  parts: string[];
  corpus: { index: number; muts: Mutation[] } | null;
  repeat: number;
  title: string;
  meta: string;
  lang: string | null;
  siteName: string | null;
  url: string | null;
}

const textPartArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...SENTENCES_EN, ...SENTENCES_FR, ...SENTENCES_AR) },
  { weight: 3, arbitrary: textArb },
  { weight: 1, arbitrary: fc.constantFrom(...INVISIBLES, ...ODD_CHARS, '\n\n', '"', '«', '“', ':', ' said ', ' قال ', ' selon ') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  // Long runs of one token (no white space, digits, punctuation, quotes…): where regexes go quadratic.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '1', '1,', '.', '-', '"', '«', ':', 'a@b', 'ـ', '،', '\u200b', ' ', '\n', 'Said ', 'ISIS '), fc.integer({ min: 500, max: 60_000 }))
      .map(([t, n]) => t.repeat(Math.ceil(n / t.length))),
  },
);

export const textDirect: Group<TextCase> = {
  name: 'text',
  describe: 'detection and sourcing straight on text: sentences in three languages, hostile characters, random strings, seed/Arabic texts mutated, long repetitions',
  arbitrary: fc.record({
    parts: fc.array(textPartArb, { maxLength: 60 }),
    corpus: fc.option(fc.record({ index: fc.nat(), muts: fc.array(mutationArb, { maxLength: 3 }) }), { freq: 3 }),
    repeat: fc.oneof({ weight: 8, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 400 }) }),
    title: textArb,
    meta: textArb,
    lang: fc.option(fc.constantFrom('en', 'ar', 'fr', 'de', 'xx', '', 'EN', 'ar-SA', 'zh')),
    siteName: fc.option(fc.constantFrom('Reuters', 'Al Arabiya', 'Example News', '', 'AFP')),
    url: fc.option(fc.constantFrom('https://www.reuters.com/x', 'https://news.example/a', 'garbage')),
  }),
  bytes: (c) => utf8Bytes(textOf(c)),
  run: (c, rec) => {
    const text = textOf(c);
    const input: TextInput = { title: c.title, lead: text.slice(0, 400), text, meta: c.meta, lang: c.lang, siteName: c.siteName, url: c.url };
    runTextTargets(rec, input);
  },
};

function textOf(c: TextCase): string {
  return once(c, () => makeText(c));
}

function makeText(c: TextCase): string {
  let t = c.parts.join(' ');
  const texts = HAS_CORPUS ? loadCorpus().texts : [];
  if (c.corpus && texts.length) {
    let s = texts[c.corpus.index % texts.length];
    for (const m of c.corpus.muts) s = applyMutation(s, m, texts);
    t = `${s}\n\n${t}`;
  }
  if (c.repeat > 1) t = t.repeat(c.repeat);
  return t;
}

interface AnchorInput {
  page: { kind: 'generated'; html: string } | { kind: 'corpus'; c: CorpusCase };
  a: AnchorCase;
}

function anchorHtml(x: AnchorInput): string {
  const page = x.page;
  if (page.kind === 'generated') return page.html;
  const pages = loadCorpus().pages;
  return once(x, () => (pages.length ? mutatePage(page.c, pages) : ''));
}

export const anchoring: Group<AnchorInput> = {
  name: 'anchoring',
  describe: 'describe/anchor/anchorAll/highlight on generated and mutated real pages, DOM edits, hostile selectors',
  arbitrary: fc.record({
    page: fc.oneof(
      { weight: 2, arbitrary: generatedHtmlArb.map((html) => ({ kind: 'generated' as const, html })) },
      { weight: 1, arbitrary: corpusCaseArb.map((c) => ({ kind: 'corpus' as const, c })) },
    ),
    a: anchorCaseArb,
  }),
  bytes: (x) => utf8Bytes(anchorHtml(x)),
  run: (x, rec) => runAnchorTargets(rec, anchorHtml(x), x.a),
};

export const packs: Group<PackFuzzCase> = {
  name: 'packs',
  describe: 'valid generated packs and mutations (dropped/duplicated/retyped fields, huge strings, deep nesting, __proto__/constructor keys, NaN/Infinity, truncation)',
  arbitrary: packFuzzArb,
  bytes: packCaseBytes,
  run: (c, rec) => runPackTargets(rec, c),
};

export const packBuild: Group<BuildFuzzCase> = {
  name: 'pack-build',
  describe: 'pack source folders (in memory) built with buildPack, valid and mutated',
  arbitrary: buildFuzzArb,
  bytes: (c) => utf8Bytes(JSON.stringify(c.base.pack)),
  run: (c, rec) => runBuildTargets(rec, c),
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const GROUPS: Group<any>[] = [htmlGenerated, htmlRandom, htmlCorpus, textDirect, anchoring, packs, packBuild];
