/**
 * The prefix-tree alternation matches exactly what the flat `a|b|c` alternation matches
 * (same match, same captured word) on texts built from the words, their prefixes and
 * extensions — including where the longest word fails what follows and a shorter one wins.
 */
import { describe, expect, it } from 'vitest';
import { wordAlternation } from './alternation';

const LISTS = [
  ['ثلاثه عشر', 'ثلاثه وعشرين', 'ثلاثه', 'ثلاث', 'الف', 'الفا', 'ال', 'مليون', 'عشر', 'عشره'],
  ['ما لا يقل عن', 'لا يقل عن', 'ما يزيد عن', 'ما يزيد علي', 'يزيد عن', 'نحو', 'حوالي', 'حوالي'],
  ['a.b', 'a', 'ab', '(x)', 'x|y', 'x'],
];

function rng(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
}

describe('wordAlternation', () => {
  for (const list of LISTS) {
    it(`agrees with the flat alternation: ${list.slice(0, 3).join(', ')} …`, () => {
      const sorted = [...list].sort((a, b) => b.length - a.length);
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // A word must be followed by a non-letter: the longest candidate may fail and a shorter one win.
      const flat = new RegExp(`(?<!\\p{L})(${sorted.map(esc).join('|')})(?!\\p{L})`, 'gu');
      const trie = new RegExp(`(?<!\\p{L})(${wordAlternation(sorted)})(?!\\p{L})`, 'gu');
      const flatBare = new RegExp(`(${sorted.map(esc).join('|')})`, 'gu');
      const trieBare = new RegExp(`(${wordAlternation(sorted)})`, 'gu');
      expect(trie.source.length).toBeLessThan(flat.source.length + 40);
      const pieces = [...list, ...list.map((w) => w.slice(0, -1)), ...list.map((w) => w + 'ه'), ' ', ' ', '، ', 'و', 'z'];
      const r = rng(list.length);
      for (let n = 0; n < 400; n++) {
        let text = '';
        for (let k = 0; k < 8; k++) text += pieces[Math.floor(r() * pieces.length)];
        expect([...text.matchAll(trie)].map((m) => [m.index, m[1]])).toEqual([...text.matchAll(flat)].map((m) => [m.index, m[1]]));
        // With nothing after the word, the preference alone decides which word is taken.
        expect([...text.matchAll(trieBare)].map((m) => [m.index, m[1]])).toEqual([...text.matchAll(flatBare)].map((m) => [m.index, m[1]]));
      }
    });
  }

  it('refuses an empty word', () => {
    expect(() => wordAlternation(['a', ''])).toThrow();
  });
});
