/**
 * The PageReport the content script would send for a page, computed in Node with the same
 * core modules (extraction, then topic detection), for queries sent to the worker with
 * the 'match/related' message. Also the page generated at run time around a corpus
 * article (Arabic news layout; the text is the article's, nothing is stored).
 */
import { DEFAULT_PROFILE } from '../../src/core/detect/default-profile';
import { detectTopic } from '../../src/core/detect/detect';
import { extractArticle } from '../../src/core/extract';
import { parseHtml } from '../../src/core/extract/parse-html';
import { detectInput } from '../../src/core/article-input';
import type { PageReport } from '../../src/shared/messages';

/** The cap of page text the content script sends (src/content). */
export const MAX_TEXT = 60_000;

export function pageReportFromHtml(html: string, url: string): PageReport {
  const a = extractArticle(parseHtml(html, url), { url, maxTextChars: MAX_TEXT });
  const verdict = detectTopic(detectInput(a), DEFAULT_PROFILE);
  return {
    stage: 'full', url, title: a.title.slice(0, 1000), titleDerived: a.titleDerived,
    siteName: a.siteName?.slice(0, 300) ?? null, byline: a.byline?.slice(0, 500) ?? null, published: a.published?.slice(0, 100) ?? null,
    lang: a.lang?.slice(0, 20) ?? null, dir: a.dir, canonicalUrl: a.canonicalUrl?.slice(0, 4000) ?? null, section: a.section?.slice(0, 300) ?? null,
    isArticle: a.isArticle, wordCount: a.wordCount, text: a.text.slice(0, MAX_TEXT),
    verdict: {
      ...verdict,
      reason: verdict.reason.slice(0, 1000),
      evidence: verdict.evidence.slice(0, 100).map((e) => ({ ...e, term: e.term.slice(0, 200), positions: e.positions.slice(0, 50) })),
    },
  };
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An Arabic news page around a corpus article: nav, headline, date, paragraphs, sidebar, footer. */
export function arabicArticleHtml(a: { title: string; content: string; date: string; siteName: string }): string {
  const paras = a.content.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${esc(a.title)}</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="${esc(a.siteName)}">
<meta property="article:published_time" content="${esc(a.date)}T08:00:00Z"></head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/local">محليات</a> <a href="/world">دوليات</a> <a href="/sport">رياضة</a></nav></header>
<main><article><h1>${esc(a.title)}</h1><p class="date">${esc(a.date)}</p>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article><aside><h2>الأكثر قراءة</h2><ul><li><a href="/a">أسعار النفط اليوم</a></li><li><a href="/b">حالة الطقس</a></li></ul></aside></main>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}
