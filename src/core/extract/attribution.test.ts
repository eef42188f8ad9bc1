import { describe, expect, it } from 'vitest';
import { extractArticle } from './index';
import { isAttributionLine } from './furniture';
import { parseHtml } from './parse-html';

const para = (n: number) =>
  `<p>Paragraph ${n} of a report on the city council, with enough words in it to look like the body of a real article and not a list of links.</p>`;

describe('credit lines are sourcing evidence, not furniture', () => {
  it('recognises credit lines in English, French and Arabic', () => {
    expect(isAttributionLine('Source: The Wall Street Journal')).toBe(true);
    expect(isAttributionLine('Originally published on IranWire.')).toBe(true);
    expect(isAttributionLine('Reporting by: Jane Roe')).toBe(true);
    expect(isAttributionLine('Cet article a été publié par Le Monde')).toBe(true);
    expect(isAttributionLine('المصدر: وكالة الأنباء')).toBe(true);
    expect(isAttributionLine('Share this story')).toBe(false);
  });
  it('keeps a "Source:" line inside a credit container and at the end before comments', () => {
    const html = `<html><head><title>x</title></head><body><article><h1>Council vote</h1>${[1, 2, 3, 4, 5].map(para).join('')}
      <p class="credit">Source: Example Wire</p>
      <p>Short link</p><p>Leave a comment</p><p>nineteen + four =</p></article></body></html>`;
    const a = extractArticle(parseHtml(html, 'https://example.org/a'));
    expect(a.text).toContain('Source: Example Wire');
    expect(a.text).not.toContain('Leave a comment');
    expect(a.text).not.toContain('nineteen + four');
  });
});
