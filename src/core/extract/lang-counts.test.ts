// countScripts (native replacements) counts exactly as a per-character loop over the same ranges.
import { describe, expect, it } from 'vitest';
import { countScripts, type ScriptCounts } from './lang';

function reference(s: string, limit = 6000): ScriptCounts {
  const c: ScriptCounts = { arabic: 0, persianLetters: 0, hebrew: 0, latin: 0, cyrillic: 0, cjk: 0, total: 0 };
  for (let i = 0; i < Math.min(s.length, limit); i++) {
    const ch = s.charCodeAt(i);
    if ((ch >= 0x41 && ch <= 0x5a) || (ch >= 0x61 && ch <= 0x7a) || (ch >= 0xc0 && ch <= 0x24f && ch !== 0xd7 && ch !== 0xf7)) c.latin++;
    else if ((ch >= 0x620 && ch <= 0x64a) || (ch >= 0x66e && ch <= 0x6d3) || (ch >= 0x750 && ch <= 0x77f) || (ch >= 0xfb50 && ch <= 0xfeff)) {
      c.arabic++;
      if ([0x67e, 0x686, 0x698, 0x6af, 0x6a9, 0x6cc].includes(ch)) c.persianLetters++;
    } else if (ch >= 0x5d0 && ch <= 0x5ea) c.hebrew++;
    else if (ch >= 0x400 && ch <= 0x4ff) c.cyrillic++;
    else if ((ch >= 0x3040 && ch <= 0x30ff) || (ch >= 0x4e00 && ch <= 0x9fff) || (ch >= 0xac00 && ch <= 0xd7af)) c.cjk++;
    else continue;
    c.total++;
  }
  return c;
}

describe('countScripts', () => {
  it('counts letters by script', () => {
    expect(countScripts('Déjà vu × 2')).toEqual(reference('Déjà vu × 2'));
    expect(countScripts('قال پدر')).toMatchObject({ arabic: 6, persianLetters: 1, total: 6 });
    expect(countScripts('abc', 2)).toMatchObject({ latin: 2, total: 2 });
  });

  it('agrees with a per-character count on random text', () => {
    const pools: [number, number][] = [[0x20, 0x2ff], [0x3f0, 0x800], [0xfb00, 0xffff], [0x3000, 0xd800], [0x600, 0x700]];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let n = 0; n < 500; n++) {
      let s = '';
      const len = next() % 120;
      for (let i = 0; i < len; i++) {
        const [a, b] = pools[next() % pools.length];
        s += String.fromCharCode(a + (next() % (b - a)));
      }
      const limit = next() % 2 ? 6000 : next() % 80;
      expect(countScripts(s, limit)).toEqual(reference(s, limit));
    }
  });
});
