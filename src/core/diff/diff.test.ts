/** Word diff, LCS and version comparison. */
import { describe, expect, it } from 'vitest';
import { alignParagraphs, compareVersions, lcsPairs, paragraphFingerprint, paragraphsOf, wordDiff } from './diff';

const rebuild = (ops: { op: string; text: string }[], keep: 'del' | 'ins') => ops.filter((o) => o.op === 'same' || o.op === keep).map((o) => o.text).join('');

describe('lcsPairs', () => {
  it('finds a longest common subsequence', () => {
    expect(lcsPairs('ABCBDAB'.split(''), 'BDCABA'.split('')).length).toBe(4);
    expect(lcsPairs([], [1])).toEqual([]);
  });
});

describe('wordDiff', () => {
  it('marks the changed words and rebuilds both texts', () => {
    const a = 'The council said 40 people were moved to the camp on Monday.';
    const b = 'The council said 60 people were moved to a camp on Monday night.';
    const d = wordDiff(a, b);
    expect(rebuild(d, 'del')).toBe(a);
    expect(rebuild(d, 'ins')).toBe(b);
    expect(d.filter((o) => o.op === 'del').map((o) => o.text.trim())).toEqual(['40', 'the', 'Monday.']);
    expect(d.filter((o) => o.op === 'ins').map((o) => o.text.trim())).toEqual(['60', 'a', 'Monday night.']);
  });
  it('handles empty sides and identical texts', () => {
    expect(wordDiff('', 'new words')).toEqual([{ op: 'ins', text: 'new words' }]);
    expect(wordDiff('old', '')).toEqual([{ op: 'del', text: 'old' }]);
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'same', text: 'same text' }]);
  });
});

describe('paragraphs', () => {
  it('splits on blank lines and fingerprints white-space-insensitively', () => {
    expect(paragraphsOf('a  b\n\n\n c\n \nd')).toEqual(['a b', 'c', 'd']);
    expect(paragraphFingerprint('a  b')).toBe(paragraphFingerprint('a b'));
    expect(paragraphFingerprint('a b')).not.toBe(paragraphFingerprint('a c'));
    expect(paragraphFingerprint('x')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('compareVersions', () => {
  const before = {
    title: 'Old headline', published: '2024-01-01',
    paragraphs: [
      'First paragraph stays exactly the same in both versions.',
      'The second paragraph reports that forty families left the district overnight.',
      'A third paragraph that the editors later removed entirely from the story.',
      'The closing paragraph is unchanged too.',
    ],
  };
  it('finds an edited, a removed and an added paragraph, the headline and the date line', () => {
    const after = {
      title: 'New headline', published: '2024-01-02',
      paragraphs: [
        'First paragraph stays exactly the same in both versions.',
        'The second paragraph reports that sixty families left the district overnight.',
        'The closing paragraph is unchanged too.',
        'An update added at the end with a statement from officials.',
      ],
    };
    expect(compareVersions(before, after)).toEqual({
      titleChanged: true, dateChanged: true, edited: [{ from: 1, to: 1 }], removed: [2], added: [3], unchanged: 2,
    });
  });
  it('reports nothing for the same version', () => {
    expect(compareVersions(before, { ...before, paragraphs: [...before.paragraphs] })).toEqual({ titleChanged: false, dateChanged: false, edited: [], removed: [], added: [], unchanged: 4 });
  });
  it('does not call an unrelated replacement an edit', () => {
    const after = { ...before, paragraphs: [before.paragraphs[0], 'Completely different words about weather and markets today.', before.paragraphs[2], before.paragraphs[3]] };
    expect(compareVersions(before, after)).toMatchObject({ edited: [], removed: [1], added: [1], unchanged: 3 });
  });
});

describe('alignParagraphs', () => {
  it('pairs edits, keeps both orders', () => {
    expect(alignParagraphs(['a b c d', 'gone para here', 'x y z w'], ['new one entirely', 'a b c e', 'x y z w'])).toEqual([
      { kind: 'added', to: 0 }, { kind: 'edited', from: 0, to: 1 }, { kind: 'removed', from: 1 }, { kind: 'same', from: 2, to: 2 },
    ]);
  });
});
