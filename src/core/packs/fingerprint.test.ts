import { describe, expect, it } from 'vitest';
import { termFrequencies, topTerms } from '../match/terms';
import { normalizeText, tokenize } from '../text/normalize';
import {
  EMPTY_SLOT,
  FINGERPRINT_MAX_CHARS,
  MINHASH_SIZE,
  fingerprintText,
  fmix32,
  fnv1a,
  minhashSimilarity,
  simhashDistance,
} from './fingerprint';

// Texts written for this test.
const BRIDGE = `The river town of Alden voted on Tuesday to close its old iron bridge for eight months
while engineers replace the corroded deck and strengthen the piers. Council members said the
inspection last winter found cracks in three of the main beams, and that heavy lorries had been
barred since the spring. Shop owners on the east bank fear the detour will keep customers away,
and the council promised a free shuttle bus every twenty minutes during working hours. The repair
will cost about four million euros, most of it from a regional transport fund, and the contractor
expects to reopen the crossing before the autumn fair. Residents who spoke at the meeting asked for
a footbridge to stay open throughout the works, which the engineers called difficult but possible.
The mayor said the town had postponed the work for too long and that safety could not wait another
year. A final schedule will be published next week after talks with the bus company.`;

// The same story, lightly edited: a few words changed, one clause dropped.
const BRIDGE_EDITED = BRIDGE.replace('eight months', 'nine months')
  .replace('Shop owners', 'Shopkeepers')
  .replace(', which the engineers called difficult but possible', '')
  .replace('four million euros', '4 million euros');

const ORCHARD = `Apple growers in the northern valleys expect a smaller harvest this year after a late frost
damaged blossoms across hundreds of hectares. A cooperative of forty farms said yields could fall by
a third, and several members have started netting their trees against hail. Prices at the wholesale
market have already risen, and juice makers are looking abroad for supplies. Agronomists recommend
planting varieties that flower later, though new trees take years to bear fruit. The regional
chamber of agriculture will hold a meeting on crop insurance next month.`;

describe('hash primitives (published test vectors)', () => {
  it('FNV-1a 32-bit', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('MurmurHash3 fmix32 (= murmur3_x86_32 of the empty input with that seed)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(fmix32(0xffffffff)).toBe(0x81f16f39);
  });
});

describe('fingerprintText', () => {
  it('has the documented shape', () => {
    const f = fingerprintText(BRIDGE, 'en');
    expect(f.minhash).toHaveLength(MINHASH_SIZE);
    for (const x of f.minhash) expect(Number.isInteger(x) && x >= 0 && x <= 0xffffffff).toBe(true);
    expect(f.simhash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(f.terms).length).toBeGreaterThan(20);
    expect(Object.keys(f.terms).length).toBeLessThanOrEqual(80);
  });

  it('is deterministic and does not depend on the language label', () => {
    expect(fingerprintText(BRIDGE, 'en')).toEqual(fingerprintText(BRIDGE, 'en'));
    expect(fingerprintText(BRIDGE, 'fr')).toEqual(fingerprintText(BRIDGE));
    // Survives serialisation unchanged.
    const f = fingerprintText(ORCHARD);
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });

  it('uses the matcher terms: the top 80 of termFrequencies, weighted 1 + ln(tf)', () => {
    const f = fingerprintText(BRIDGE);
    const expected = topTerms(termFrequencies(BRIDGE), 80);
    expect(Object.keys(f.terms)).toEqual(expected.map(([t]) => t));
    for (const [t, n] of expected) expect(f.terms[t]).toBeCloseTo(1 + Math.log(n), 3);
    expect(f.terms.bridge).toBeDefined();
    expect(f.terms.the).toBeUndefined(); // stopword
  });

  it('near-duplicates are close; different texts are far', () => {
    const a = fingerprintText(BRIDGE);
    const b = fingerprintText(BRIDGE_EDITED);
    const c = fingerprintText(ORCHARD);
    const near = minhashSimilarity(a.minhash, b.minhash);
    const far = minhashSimilarity(a.minhash, c.minhash);
    expect(near).toBeGreaterThan(0.5); // exact Jaccard of the shingle sets: 0.74
    expect(far).toBeLessThan(0.1);
    expect(simhashDistance(a.simhash, b.simhash)).toBeLessThan(16);
    expect(simhashDistance(a.simhash, c.simhash)).toBeGreaterThan(20);
    const oneWord = fingerprintText(BRIDGE.replace('eight months', 'nine months'));
    expect(minhashSimilarity(a.minhash, oneWord.minhash)).toBeGreaterThan(near);
    expect(simhashDistance(a.simhash, oneWord.simhash)).toBeLessThan(6);
    expect(minhashSimilarity(a.minhash, a.minhash)).toBe(1);
    expect(simhashDistance(a.simhash, a.simhash)).toBe(0);
  });

  it('minhash similarity estimates the Jaccard similarity of word 5-shingles without bias', () => {
    const shingles = (t: string) => {
      const w = tokenize(normalizeText(t));
      const out = new Set<string>();
      for (let i = 0; i + 5 <= w.length; i++) out.add(w.slice(i, i + 5).join(' '));
      return out;
    };
    const jaccard = (a: Set<string>, b: Set<string>) => {
      let both = 0;
      for (const x of a) if (b.has(x)) both++;
      return both / (a.size + b.size - both);
    };
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const vocab = Array.from({ length: 2000 }, (_, i) => `w${i.toString(36)}x`);
    let bias = 0;
    let abs = 0;
    const N = 150;
    for (let k = 0; k < N; k++) {
      const words = Array.from({ length: 300 }, () => vocab[Math.floor(rand() * vocab.length)]);
      const rate = 0.01 + 0.2 * (k / N); // from near-copies to quite different texts
      const edited = words.map((w) => (rand() < rate ? vocab[Math.floor(rand() * vocab.length)] : w));
      const exact = jaccard(shingles(words.join(' ')), shingles(edited.join(' ')));
      const est = minhashSimilarity(fingerprintText(words.join(' ')).minhash, fingerprintText(edited.join(' ')).minhash);
      bias += (est - exact) / N;
      abs += Math.abs(est - exact) / N;
    }
    expect(Math.abs(bias)).toBeLessThan(0.02);
    expect(abs).toBeLessThan(0.07); // one slot of 64 is ~0.016; the standard error is at most 0.0625
  });

  it('ignores case, spacing and Arabic spelling variants, like the matcher', () => {
    expect(fingerprintText(BRIDGE.toUpperCase().replace(/\s+/g, '   '))).toEqual(fingerprintText(BRIDGE));
    const ar = 'أعلنت الإدارة المحلية إغلاق الجسر القديم ثمانية أشهر لإصلاح الأعمدة المتآكلة وتقوية الأساسات';
    const folded = ar.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه');
    expect(fingerprintText(folded, 'ar')).toEqual(fingerprintText(ar, 'ar'));
    expect(minhashSimilarity(fingerprintText(ar).minhash, fingerprintText(ORCHARD).minhash)).toBe(0);
  });

  it(`fingerprints only the first ${FINGERPRINT_MAX_CHARS} characters`, () => {
    let long = '';
    for (let i = 0; long.length < FINGERPRINT_MAX_CHARS; i++) long += `Paragraph ${i}. ${BRIDGE}\n`;
    expect(fingerprintText(long + ORCHARD)).toEqual(fingerprintText(long));
    expect(fingerprintText(long.slice(0, 1000) + ORCHARD)).not.toEqual(fingerprintText(long.slice(0, 1000)));
  });

  it('handles texts shorter than one shingle, and empty texts', () => {
    const short = fingerprintText('Three short words');
    expect(short.minhash.every((x) => x !== EMPTY_SLOT)).toBe(true);
    expect(minhashSimilarity(short.minhash, fingerprintText('three  SHORT words').minhash)).toBe(1);
    const empty = fingerprintText('  … — ');
    expect(empty.minhash.every((x) => x === EMPTY_SLOT)).toBe(true);
    expect(empty.terms).toEqual({});
    expect(minhashSimilarity(empty.minhash, empty.minhash)).toBe(0);
  });
});
