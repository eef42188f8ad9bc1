// Checks that the explicit character ranges of char-class.ts give exactly what the \p{…} expressions they replace give.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../text/normalize';
import { countLetterRuns, countProse, countWordRuns, hasLetter, hasLetterOrDigit, isSimple, lettersAndDigits, SIMPLE, wordRuns } from './char-class';

/** Every code unit of SIMPLE. */
function simpleChars(): string[] {
  const out: string[] = [];
  const re = new RegExp(`[${SIMPLE}]`);
  for (let c = 0; c < 0x10000; c++) {
    const ch = String.fromCharCode(c);
    if (re.test(ch)) out.push(ch);
  }
  return out;
}

const reference = {
  prose: (s: string) => s.match(/[\p{L}\p{M}\p{N}\s\p{P}]/gu)?.length ?? 0,
  words: (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0,
  ln: (s: string) => /[\p{L}\p{N}]/u.test(s),
  l: (s: string) => /\p{L}/u.test(s),
  runs: (s: string) => s.match(/\p{L}+/gu)?.length ?? 0,
  strip: (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ''),
};

function agree(s: string): void {
  expect(countProse(s), JSON.stringify(s)).toBe(reference.prose(s));
  expect(countWordRuns(s), JSON.stringify(s)).toBe(reference.words(s));
  expect(hasLetterOrDigit(s), JSON.stringify(s)).toBe(reference.ln(s));
  expect(hasLetter(s), JSON.stringify(s)).toBe(reference.l(s));
  expect(countLetterRuns(s), JSON.stringify(s)).toBe(reference.runs(s));
  expect(lettersAndDigits(s), JSON.stringify(s)).toBe(reference.strip(s));
  expect(wordRuns(s), JSON.stringify(s)).toEqual(tokenize(s));
}

describe('char-class', () => {
  it('classifies every character of SIMPLE as the \\p{…} classes do', () => {
    const chars = simpleChars();
    expect(chars.length).toBeGreaterThan(1000);
    for (const ch of chars) {
      expect(isSimple(ch)).toBe(true);
      // alone, and between letters (word runs join or split on it)
      agree(ch);
      agree(`a${ch}b`);
      agree(`\u0628${ch}1`);
    }
  });

  it('falls back to \\p{…} for text outside SIMPLE', () => {
    for (const s of ['Ελληνικά κείμενο', 'Русский текст', '中文 文本', 'emoji 🙂 here', 'math 𝐀𝐁 letters', 'עברית']) {
      expect(isSimple(s)).toBe(false);
      agree(s);
    }
  });

  it('agrees on mixed sentences written for the test', () => {
    const samples = [
      'The council met on 12 March — “twice”, they said (§ 4).',
      'Le préfet a confirmé l’arrestation : « trois suspects » ont été entendus.',
      'قال المتحدث باسم الشرطة إن ثلاثة مشتبه بهم اعتقلوا، يوم الثلاثاء ١٢ آذار.',
      'Price $5 + tax = 6 <b> ^ ~ | `code` © 2024 ¼ µs',
      'zero\u200bwidth and\u00a0no-break\u2009thin',
      '',
    ];
    for (const s of samples) agree(s);
    // random strings over SIMPLE and a few characters outside it
    const pool = [...simpleChars(), 'Ω', '中', '🙂', '\ud800'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 300; n++) {
      let s = '';
      const len = next() % 40;
      for (let i = 0; i < len; i++) s += pool[next() % pool.length];
      agree(s);
    }
  });
});
