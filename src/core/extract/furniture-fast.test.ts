// The furniture tests' shortcuts (one joined expression per marker list, cheap tests before the patterns) decide as the per-pattern tests did.
import { describe, expect, it } from 'vitest';
import { INLINE_MARKERS, isCaptchaLine, isJunkLine, isMarkerLine, isSectionMarker, SECTION_MARKERS, stripFurniture } from './furniture';
import type { Para } from './para';

const LINES = [
  'Related articles', 'RELATED STORIES', 'More from the Middle East desk', 'Read more: the council votes again', 'See also',
  'Lire aussi : le maire répond', 'À lire aussi', 'Sur le même sujet', 'Articles liés', 'Partager sur Facebook',
  'اقرأ أيضا', 'مواضيع ذات صلة', 'الرابط المختصر', 'شارك على فيسبوك', 'التعليقات', 'تابعونا على تويتر',
  '3 comments', 'Comments (12)', 'Leave a comment', 'Tags: council, budget', '© 2021 The Harbour Gazette', 'All rights reserved.',
  'Share', 'Share this article', 'Subscribe to our newsletter', 'Name *', 'Post Comment',
  'The council met on Tuesday to discuss the budget.', 'By Jane Roe', 'Updated 12:05', 'Photo: a river at dusk',
  'More than 40 people attended the meeting, officials said.', 'قال المتحدث إن الاجتماع انتهى مساء الثلاثاء.', 'Le conseil a voté le budget.',
  '', '   ', 'x'.repeat(170),
];

function reference(text: string): { marker: boolean; section: boolean } {
  const t = text.length > 160 ? '' : text.replace(/[\s:：.…»›>→←\-–—|]+$/u, '').replace(/^[\s«‹<•·|]+/u, '').trim();
  if (!t) return { marker: false, section: false };
  const s = SECTION_MARKERS.some((re) => re.test(t));
  const i = INLINE_MARKERS.some((re) => re.test(t));
  return { marker: s || i, section: s && !i };
}

describe('furniture shortcuts', () => {
  it('marker lines: the joined expressions agree with the lists pattern by pattern', () => {
    let markers = 0;
    for (const line of LINES) {
      const r = reference(line);
      expect(isMarkerLine(line), line).toBe(r.marker);
      expect(isSectionMarker(line), line).toBe(r.section);
      if (r.marker) markers++;
    }
    expect(markers).toBeGreaterThan(15);
  });

  it('share-button lines and captchas are still junk, whatever their case', () => {
    for (const line of ['Facebook Twitter WhatsApp Email', 'SHARE | TWEET', 'print', 'واتساب فيسبوك تويتر', 'Copy link']) expect(isJunkLine(line), line).toBe(true);
    for (const line of ['Facebook said on Monday it would appeal.', 'Sharing the load', 'Email the editor at the address below']) expect(isJunkLine(line), line).toBe(false);
    expect(isCaptchaLine('nineteen + four =')).toBe(true);
    expect(isCaptchaLine('3 × 7 = ?')).toBe(true);
    expect(isCaptchaLine('nineteen + four')).toBe(false);
  });

  it('a credit line at the end survives the trailing-furniture cut', () => {
    const p = (text: string, linkRatio = 0): Para => ({ text, linkRatio, tag: 'p' });
    const body = [
      p('The city council approved the new budget on Tuesday after a long debate that ran late into the evening.'),
      p('Members said the plan would fund two new clinics and repair the old bridge over the river by next spring.'),
      p('Source: Harbour Gazette'),
      p('Related articles'),
      p('Budget talks stall again', 1),
    ];
    expect(stripFurniture(body).map((x) => x.text)).toEqual([body[0].text, body[1].text, 'Source: Harbour Gazette']);
  });
});
