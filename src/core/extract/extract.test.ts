import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { describe, expect, it, vi } from 'vitest';
import { fallbackParagraphs } from './body';
import { extractArticle } from './index';
import { parseHtml } from './parse-html';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(path.join(here, 'fixtures', name), 'utf8');
const extract = (name: string, url?: string) => extractArticle(parseHtml(fixture(name), url), url ? { url } : {});
const paragraphs = (text: string) => text.split('\n\n');

describe('JSON-LD page with @graph', () => {
  const a = extract('jsonld-graph.html', 'https://courier.example/news/2023/floods-close-crossings?ref=home');

  it('takes headline, authors, publisher, date, section and language from the article node', () => {
    expect(a.title).toBe('Floodwaters close river crossings across the valley');
    expect(a.titleDerived).toBe(false);
    // author given by @id reference and inline, with "By " and an HTML entity to clean
    expect(a.byline).toBe("Amira Haddad, Tom O'Neill");
    // publisher referenced by @id wins over og:site_name
    expect(a.siteName).toBe('The Valley Courier');
    expect(a.published).toBe('2023-03-14T06:30:00+01:00');
    expect(a.section).toBe('Local');
    expect(a.lang).toBe('en');
    expect(a.dir).toBe('ltr');
  });

  it('resolves the canonical link against the page URL and keeps the given URL', () => {
    expect(a.canonicalUrl).toBe('https://courier.example/news/2023/floods-close-crossings');
    expect(a.url).toBe('https://courier.example/news/2023/floods-close-crossings?ref=home');
    expect(a.description).toMatch(/^Three bridges were shut/);
  });

  it('keeps the body paragraphs and drops the share bar, related list, sidebar and footer', () => {
    const ps = paragraphs(a.text);
    expect(ps).toHaveLength(5);
    expect(ps[0]).toMatch(/^Three road bridges over the river were closed before dawn/);
    expect(ps[4]).toMatch(/hot drinks there by mid-morning\.$/);
    for (const junk of ['Share on', 'Related articles', 'flood wall budget', 'Most read', 'Festival line-up', 'All rights reserved', 'Sport']) {
      expect(a.text).not.toContain(junk);
    }
    expect(a.isArticle).toBe(true);
    expect(a.wordCount).toBeGreaterThan(150);
    expect(a.wordCount).toBeLessThan(190);
  });

  it('gives the first paragraph as lead', () => {
    expect(a.lead).toBe(ps0(a.text));
    expect(a.lead.length).toBeLessThanOrEqual(400);
  });
});

function ps0(text: string): string {
  return paragraphs(text)[0];
}

describe('OpenGraph-only page', () => {
  const a = extract('og-only.html');

  it('reads og:* and article:* properties', () => {
    expect(a.title).toBe('La mairie ouvre une nouvelle médiathèque');
    expect(a.siteName).toBe('Le Petit Quotidien');
    expect(a.published).toBe('2022-09-05T08:15:00Z');
    expect(a.section).toBe('Culture');
    expect(a.canonicalUrl).toBe('https://quotidien.example/culture/mediatheque-ouverture');
    expect(a.description).toMatch(/ancienne usine/);
  });

  it('skips article:author URLs and keeps the name', () => {
    expect(a.byline).toBe('Claire Dubois');
  });

  it('takes the language from og:locale (fr_FR → fr)', () => {
    expect(a.lang).toBe('fr');
    expect(a.dir).toBe('ltr');
  });

  it('drops a French "Lire aussi" link line and the share label', () => {
    expect(paragraphs(a.text)).toHaveLength(5);
    expect(a.text).not.toMatch(/Lire aussi/);
    expect(a.text).not.toMatch(/Partager/);
    expect(a.text).toMatch(/concert dans la cour dimanche après-midi\.$/);
  });
});

describe('citation_* page', () => {
  const a = extract('citation-only.html');

  it('uses citation tags for title, authors, date and journal', () => {
    expect(a.title).toBe('Seasonal sediment transport in a small upland river');
    expect(a.byline).toBe('Chidi Okafor, Maja Lindqvist');
    expect(a.published).toBe('2016-03-14');
    expect(a.siteName).toBe('Journal of Riverine Studies');
    expect(a.lang).toBe('en');
  });
});

describe('Dublin Core page (mixed-case names)', () => {
  const a = extract('dublin-core.html');

  it('reads DC.Title, dc.creator, DC.DATE, dc.language and DC.Publisher', () => {
    expect(a.title).toBe('Harbour repairs finished ahead of schedule');
    expect(a.byline).toBe('Ines Moreau');
    expect(a.published).toBe('2019-11-02');
    expect(a.lang).toBe('fr');
    expect(a.siteName).toBe('Harbour Gazette');
  });

  it('does not call a one-sentence page an article', () => {
    expect(a.isArticle).toBe(false);
    expect(a.text).toMatch(/^Les travaux de réparation/);
  });
});

describe('page with no metadata at all', () => {
  const a = extract('no-metadata.html');

  it('takes the title from <title> without the site suffix and detects English', () => {
    expect(a.title).toBe('Town plans new cycle lanes on the ring road');
    expect(a.titleDerived).toBe(false);
    expect(a.byline).toBeNull();
    expect(a.published).toBeNull();
    expect(a.siteName).toBeNull(); // no URL known, no metadata
    expect(a.lang).toBe('en');
  });

  it('finds the four body paragraphs and not the link bar', () => {
    expect(paragraphs(a.text)).toHaveLength(4);
    expect(a.text).not.toMatch(/Archive|Contact/);
    // lead: first paragraph is short, so the second one joins it (≤ 400 chars)
    expect(a.lead.startsWith(ps0(a.text))).toBe(true);
    expect(a.lead.length).toBeLessThanOrEqual(400);
  });

  it('uses the host as site name when a URL is known', () => {
    const b = extractArticle(parseHtml(fixture('no-metadata.html')), { url: 'https://www.bulletin.example.co.uk/news/1' });
    expect(b.siteName).toBe('example.co.uk');
    expect(b.url).toBe('https://www.bulletin.example.co.uk/news/1');
  });
});

describe('headline-less syndicated page', () => {
  const url = 'https://www.nasdaq.com/articles/port-operator-investment-2023-05-03';
  const a = extract('headless-syndicated.html', url);

  it('derives a title from the first sentence of the lead, without the dateline', () => {
    expect(a.titleDerived).toBe(true);
    expect(a.title.startsWith("Portugal's largest port operator said on Wednesday")).toBe(true);
    expect(a.title.endsWith('…')).toBe(true);
    expect(a.title.length).toBeLessThanOrEqual(111);
    expect(a.title).not.toMatch(/Reuters|LISBON/);
  });

  it('falls back to a tidy host name for the site and reads the byline line', () => {
    expect(a.siteName).toBe('nasdaq.com');
    expect(a.byline).toBe('Jane Roe');
  });

  it('starts the lead with the dateline paragraph, not the byline', () => {
    expect(a.lead).toMatch(/^LISBON, May 3 \(Reuters\) - Portugal's largest port operator/);
    expect(a.isArticle).toBe(true);
  });

  it('keeps a real <title> when there is one', () => {
    const html = fixture('headless-syndicated.html').replace('<title>nasdaq.com</title>', '<title>Port operator plans big spend on cranes - Nasdaq</title>');
    const b = extractArticle(parseHtml(html), { url });
    expect(b.titleDerived).toBe(false);
    expect(b.title).toBe('Port operator plans big spend on cranes');
  });
});

describe('Arabic RTL page', () => {
  const a = extract('arabic-rtl.html');

  it('reads lang/dir and Arabic metadata', () => {
    expect(a.lang).toBe('ar');
    expect(a.dir).toBe('rtl');
    expect(a.title).toBe('افتتاح جسر جديد فوق النهر في المدينة');
    expect(a.siteName).toBe('جريدة الوادي');
    expect(a.byline).toBe('سارة الخطيب'); // "بقلم" prefix removed
    expect(a.published).toBe('2021-06-20');
  });

  it('extracts the four paragraphs and leaves out nav, share label and "read also" link', () => {
    const ps = paragraphs(a.text);
    expect(ps).toHaveLength(4);
    expect(ps[0].startsWith('افتتحت البلدية')).toBe(true);
    expect(a.text).not.toContain('الرئيسية');
    expect(a.text).not.toContain('اقرأ أيضاً');
    expect(ps).not.toContain('شارك');
  });

  it('detects Arabic from the script when lang is missing or wrong', () => {
    const html = fixture('arabic-rtl.html').replace('<html lang="ar" dir="rtl">', '<html lang="en">');
    const b = extractArticle(parseHtml(html));
    expect(b.lang).toBe('ar');
    expect(b.dir).toBe('rtl');
  });
});

describe('page furniture', () => {
  const a = extract('furniture.html');

  it('keeps exactly the article paragraphs', () => {
    const ps = paragraphs(a.text);
    expect(ps).toHaveLength(4);
    expect(ps[0]).toMatch(/^A group of twenty volunteers/);
    expect(ps[3]).toMatch(/history of the coast\.$/);
  });

  it('leaves out share bar, related posts, comment form, captcha, sidebar, newsletter and footer', () => {
    for (const junk of [
      'Share this', 'Twitter', 'Related', 'Winter walk', 'Short link', 'Leave a Reply', 'email address', 'nineteen',
      'Post Comment', 'Recent posts', 'Birdwatching', 'Newsletter', 'Sign up', 'Proudly powered', 'Coastal walks',
    ]) {
      expect(a.text).not.toContain(junk);
    }
    expect(a.title).toBe('Volunteers restore the old lighthouse');
  });
});

describe('furniture inside the article container (no classes to go by)', () => {
  const a = extract('furniture-inline.html');

  it('cuts the related list, short link, comment heading, notice and captcha', () => {
    const ps = paragraphs(a.text);
    expect(ps).toHaveLength(4);
    expect(ps[3]).toMatch(/square was fenced off\.$/);
    for (const junk of ['Related articles', 'Snow brings down', 'Short link', 'notes.example', 'Leave a comment', 'email address', 'nineteen']) {
      expect(a.text).not.toContain(junk);
    }
    expect(a.title).toBe('Market hall reopens after repairs');
  });
});

describe('robustness', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['control characters', '\u0000\u0001\u0002<<<>>>&&&;;'],
    ['binary-ish', String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 65535))],
    ['no body', '<html><head><title>Only a head</title></head></html>'],
    ['fragment', '<p>Just a fragment without html or body'],
    ['broken tags', '<html><body><div><p>Unclosed <b>bold <i>italic <table><tr><td>cell</p></div></span></body>'],
    ['bad json-ld', '<html><head><script type="application/ld+json">{"@type": "NewsArticle", headline: broken</script></head><body><p>x</p></body></html>'],
    ['weird json-ld', '<script type="application/ld+json">[null, 3, "x", {"@graph": {"@type": "Article", "author": [null, {"name": 5}], "datePublished": 12}}]</script>'],
    ['svg title', '<svg><title>Icon</title></svg><p>Text after an icon.</p>'],
  ];
  for (const [name, html] of inputs) {
    it(`does not throw on ${name}`, () => {
      const a = extractArticle(parseHtml(html));
      expect(typeof a.title).toBe('string');
      expect(typeof a.text).toBe('string');
      expect(a.isArticle).toBe(false);
      expect(['ltr', 'rtl']).toContain(a.dir);
    });
  }

  it('does not throw on objects that are not documents', () => {
    expect(() => extractArticle({} as Document)).not.toThrow();
    expect(extractArticle(null as unknown as Document).text).toBe('');
  });

  it('puts stray content of a fragment into the body', () => {
    const doc = parseHtml('<title>T</title><p>Hello there</p>');
    expect(doc.title).toBe('T');
    expect(doc.body.textContent).toContain('Hello there');
  });

  it('does not modify the caller\u2019s document', () => {
    const doc = parseHtml(fixture('furniture.html'));
    const before = doc.querySelectorAll('*').length;
    const textBefore = doc.body.textContent;
    extractArticle(doc);
    expect(doc.querySelectorAll('*').length).toBe(before);
    expect(doc.body.textContent).toBe(textBefore);
    expect(doc.querySelector('#commentform')).not.toBeNull();
  });

  it('caps text at maxTextChars', () => {
    const para = '<p>Each of these sentences is part of a long article body that keeps going for a while.</p>';
    const html = `<html><body><article><h1>Long one</h1>${para.repeat(400)}</article></body></html>`;
    const a = extractArticle(parseHtml(html), { maxTextChars: 5000 });
    expect(a.text.length).toBeLessThanOrEqual(5000);
    expect(a.text.length).toBeGreaterThan(4000);
    expect(a.truncated).toBe(true);
  });

  // The time it takes is in `npm run bench:hot-paths`; the timeout only guards against a hang.
  it('skips Readability on huge pages and still finds the article', { timeout: 20_000 }, () => {
    const link = '<li><a href="/x">Another story in the list</a></li>';
    const para = '<p>The committee heard evidence from engineers about the state of the old bridge and the cost of repairs.</p>';
    const html =
      '<html><head><title>Committee hears evidence on the old bridge - Site</title></head><body><nav><ul>' +
      link.repeat(12_000) +
      '</ul></nav><article>' +
      para.repeat(3000) +
      '</article></body></html>';
    const doc = parseHtml(html);
    const parse = vi.spyOn(Readability.prototype, 'parse');
    const a = extractArticle(doc, { maxTextChars: 50_000 });
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(a.truncated).toBe(true);
    expect(a.text.length).toBeGreaterThan(40_000);
    expect(a.text.length).toBeLessThanOrEqual(50_000);
    expect(a.text).not.toContain('Another story');
    expect(a.title).toBe('Committee hears evidence on the old bridge');
  });

  it('falls back to the largest paragraph cluster when the page is not article-like', () => {
    // Paragraph text in a plain div, with navigation paragraphs elsewhere
    const body = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i + 1} of the notice explains in plain words what residents need to do before the works start next month.</p>`).join('');
    const html = `<html><body><div class="menu"><p><a href="/">Home</a></p></div><div id="c">${body}</div><footer><p>Footer text that should not be here at all.</p></footer></body></html>`;
    const a = extractArticle(parseHtml(html));
    expect(paragraphs(a.text)).toHaveLength(5);
    expect(a.text).not.toMatch(/Footer text|Home/);
    expect(a.isArticle).toBe(true);
  });
});

describe('fallback with empty article containers', () => {
  it('looks at the whole body when <article> elements hold only teasers', () => {
    const teasers = Array.from({ length: 3 }, (_, i) => `<article><a href="/t${i}">Teaser ${i}</a></article>`).join('');
    const body = Array.from(
      { length: 4 },
      (_, i) => `<p>Notice paragraph ${i + 1}: the water supply in the northern district will be interrupted on Thursday while pipes are replaced.</p>`,
    ).join('');
    const doc = parseHtml(`<html><body><div id="list">${teasers}</div><div id="notice">${body}</div></body></html>`);
    const a = extractArticle(doc);
    expect(paragraphs(a.text)).toHaveLength(4);
    expect(a.text).not.toContain('Teaser');
    // and the fallback on its own (as used on huge pages) does the same
    const fb = fallbackParagraphs(doc, { maxTextChars: 10_000, maxElements: 20_000, maxBodyTextChars: 2_000_000 });
    expect(fb.paras.map((p) => p.text.slice(0, 18))).toEqual(['Notice paragraph 1', 'Notice paragraph 2', 'Notice paragraph 3', 'Notice paragraph 4']);
  });
});
