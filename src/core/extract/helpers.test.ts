import { describe, expect, it } from 'vitest';
import { normalizeDate } from './dates';
import type { Para } from './dom-text';
import { isCaptchaLine, isJunkLine, isMarkerLine, stripFurniture } from './furniture';
import { readJsonLd } from './jsonld';
import { detectLang, dirForLang, primaryLang } from './lang';
import { cleanAuthor, decodeEntities } from './strings';
import { deriveTitle, firstSentence, isGenericTitle, stripDateline, stripSiteSuffix, tidyHost } from './title';

describe('normalizeDate', () => {
  it.each([
    ['2024-06-25', '2024-06-25'],
    ['2021-11-01T10:52:50+0100', '2021-11-01T10:52:50+01:00'],
    ['2019-01-03T07:00:02.000Z', '2019-01-03T07:00:02Z'],
    ['2017-11-03 03:01:00.000000', '2017-11-03T03:01:00'],
    ['2016/03/14', '2016-03-14'],
    ['14.03.2016', '2016-03-14'],
    ['April 28, 2019', '2019-04-28'],
    ['Sunday, Apr. 28 2019', '2019-04-28'],
    ['28 avril 2019', '2019-04-28'],
    ['1er mai 2019', '2019-05-01'],
    ['Mon, 06 May 2019 10:15:00 GMT', '2019-05-06T10:15:00Z'],
    ['1556000000', '2019-04-23T06:13:20Z'],
  ])('%s → %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
  });

  it.each(['', 'yesterday', '2019-02-30', '13/13/2019', 'not a date at all', '99999'])('rejects %j', (raw) => {
    expect(normalizeDate(raw)).toBeNull();
  });
});

describe('cleanAuthor', () => {
  it.each([
    ['By Jane Doe', 'Jane Doe'],
    ['by  JANE   DOE ', 'JANE DOE'],
    ['Par Sébastien Martin', 'Sébastien Martin'],
    ['بقلم سارة الخطيب', 'سارة الخطيب'],
    ['Written by: Sam Lee', 'Sam Lee'],
    ['Byron Katz', 'Byron Katz'],
    ['Tom O&#039;Neill', "Tom O'Neill"],
  ])('%j → %j', (raw, name) => {
    expect(cleanAuthor(raw)).toBe(name);
  });

  it('rejects URLs and empty values', () => {
    expect(cleanAuthor('https://www.facebook.com/someone')).toBeNull();
    expect(cleanAuthor('  ')).toBeNull();
    expect(cleanAuthor('By ')).toBeNull();
  });

  it('decodes numeric and named entities only', () => {
    expect(decodeEntities('a &amp; b &#x41; &eacute; &bogus;')).toBe('a & b A é &bogus;');
  });
});

describe('titles', () => {
  it('strips site suffixes that name the site', () => {
    expect(stripSiteSuffix('Floods close bridges | The Courier', ['The Courier'], null, false)).toBe('Floods close bridges');
    expect(stripSiteSuffix('Floods close bridges – Courier', ['The Courier'], null, false)).toBe('Floods close bridges');
    expect(stripSiteSuffix('Floods close bridges - Nasdaq', [], 'www.nasdaq.com', false)).toBe('Floods close bridges');
    expect(stripSiteSuffix('The Courier | Floods close bridges', ['The Courier'], null, false)).toBe('Floods close bridges');
  });

  it('keeps dashes that belong to the headline unless told to guess', () => {
    expect(stripSiteSuffix('Iraq - the long road to Mosul', [], null, false)).toBe('Iraq - the long road to Mosul');
    expect(stripSiteSuffix('Mayor resigns after two years in office | Daily Post', [], null, true)).toBe('Mayor resigns after two years in office');
    expect(stripSiteSuffix('Mayor resigns after two years in office - a reaction', [], null, true)).toBe(
      'Mayor resigns after two years in office - a reaction',
    );
  });

  it('recognises generic titles', () => {
    expect(isGenericTitle('nasdaq.com', [], 'www.nasdaq.com')).toBe(true);
    expect(isGenericTitle('Nasdaq', [], 'www.nasdaq.com')).toBe(true);
    expect(isGenericTitle('Home', [], null)).toBe(true);
    expect(isGenericTitle('The Courier', ['The Courier'], null)).toBe(true);
    expect(isGenericTitle('Home | The Courier', ['The Courier'], null)).toBe(true);
    expect(isGenericTitle('Nasdaq futures rise after jobs data', [], 'www.nasdaq.com')).toBe(false);
    expect(isGenericTitle('BBC chief resigns', ['BBC News'], 'www.bbc.co.uk')).toBe(false);
  });

  it('tidies host names', () => {
    expect(tidyHost('www.nasdaq.com')).toBe('nasdaq.com');
    expect(tidyHost('edition.cnn.com')).toBe('cnn.com');
    expect(tidyHost('news.bbc.co.uk')).toBe('bbc.co.uk');
    expect(tidyHost('www.aljazeera.net')).toBe('aljazeera.net');
  });

  it('removes datelines and finds the first sentence', () => {
    expect(stripDateline('BAGHDAD, Oct 2 (Reuters) - Officials said')).toBe('Officials said');
    expect(stripDateline('PARIS (AFP) — Le gouvernement a')).toBe('Le gouvernement a');
    expect(stripDateline('BEIRUT — Fighting resumed')).toBe('Fighting resumed');
    expect(stripDateline('Officials in Baghdad said')).toBe('Officials in Baghdad said');
    expect(firstSentence('Mr. Smith met U.S. officials on Monday. They talked.')).toBe('Mr. Smith met U.S. officials on Monday.');
    expect(firstSentence('قال مسؤولون إن الطريق أغلق؟ ثم فتح لاحقا.')).toBe('قال مسؤولون إن الطريق أغلق؟');
  });

  it('derives a bounded title from a lead', () => {
    const t = deriveTitle(
      'MOSUL, Iraq (AP) — Engineers began clearing the rubble of the old market on Sunday, a first step in a reconstruction plan that officials say will take at least ten years to complete. More follows.',
    );
    expect(t.startsWith('Engineers began clearing the rubble of the old market on Sunday')).toBe(true);
    expect(t.endsWith('…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(111);
    expect(deriveTitle('Short lead sentence here. Second sentence.')).toBe('Short lead sentence here');
  });
});

describe('language', () => {
  it('normalises tags', () => {
    expect(primaryLang('en-US')).toBe('en');
    expect(primaryLang('fr_FR')).toBe('fr');
    expect(primaryLang('AR')).toBe('ar');
    expect(primaryLang('iw')).toBe('he');
    expect(primaryLang('und')).toBeNull();
    expect(primaryLang('english language')).toBeNull();
  });

  it('detects Arabic by script and en/fr by stopwords', () => {
    expect(detectLang('أعلنت الحكومة اليوم عن خطة جديدة لإعادة بناء المدارس في المناطق المتضررة من الفيضانات')).toBe('ar');
    expect(
      detectLang('The mayor said on Monday that the new bridge would open to traffic in the spring, after a delay of two years caused by a dispute with the builder over the cost of the steel and the design of the piers.'),
    ).toBe('en');
    expect(
      detectLang("Le maire a annoncé lundi que le nouveau pont serait ouvert à la circulation au printemps, après un retard de deux ans dû à un conflit avec le constructeur sur le coût de l'acier et la forme des piles."),
    ).toBe('fr');
    expect(detectLang('12345 67890')).toBeNull();
  });

  it('maps languages to directions', () => {
    expect(dirForLang('ar')).toBe('rtl');
    expect(dirForLang('fa')).toBe('rtl');
    expect(dirForLang('he')).toBe('rtl');
    expect(dirForLang('ur')).toBe('rtl');
    expect(dirForLang('fr')).toBe('ltr');
    expect(dirForLang(null)).toBe('ltr');
  });
});

describe('JSON-LD', () => {
  it('prefers an article node in a list and reads nested publisher, string author and inLanguage objects', () => {
    const m = readJsonLd([
      JSON.stringify([
        { '@type': 'BreadcrumbList', itemListElement: [] },
        { '@type': 'WebPage', name: 'Page name - Site', inLanguage: 'ar' },
        {
          '@type': 'ReportageNewsArticle',
          headline: 'Headline &amp; more',
          author: 'By Staff Writer',
          publisher: { '@type': 'Organization', name: 'Daily Example', logo: { url: 'x' } },
          datePublished: '2020-01-02',
          articleSection: 'World',
        },
      ]),
    ]);
    expect(m?.type).toBe('reportagenewsarticle');
    expect(m?.headline).toBe('Headline & more');
    expect(m?.authors).toEqual(['By Staff Writer']);
    expect(m?.publisher).toBe('Daily Example');
    expect(m?.datePublished).toBe('2020-01-02');
    expect(m?.section).toBe('World');
    expect(m?.inLanguage).toBe('ar');
    expect(m?.pageName).toBe('Page name - Site');
  });

  it('tolerates comment wrappers and ignores broken blocks', () => {
    const m = readJsonLd(['<!-- {"@type":"BlogPosting","headline":"Wrapped"} -->', '{broken']);
    expect(m?.headline).toBe('Wrapped');
    expect(readJsonLd(['{broken'])).toBeNull();
  });
});

describe('furniture post-filter', () => {
  const P = (text: string, linkRatio = 0): Para => ({ text, linkRatio, tag: 'p' });
  const body = [
    P('The first paragraph of the story explains what happened on Tuesday morning in the town centre.'),
    P('The second paragraph gives the reaction of the residents and of the local council, at some length.'),
    P('The third paragraph says what happens next and when the road will open again to traffic.'),
  ];

  it('recognises markers, captchas and share-button lines', () => {
    expect(isMarkerLine('Related articles')).toBe(true);
    expect(isMarkerLine('Leave a comment')).toBe(true);
    expect(isMarkerLine('Short link:')).toBe(true);
    expect(isMarkerLine('Lire aussi : le budget adopté')).toBe(true);
    expect(isMarkerLine('مواضيع ذات صلة')).toBe(true);
    expect(isMarkerLine('The related case was heard in court on Monday.')).toBe(false);
    expect(isCaptchaLine('nineteen + four =')).toBe(true);
    expect(isCaptchaLine('3 × 7 = ?')).toBe(true);
    expect(isCaptchaLine('Two plus two is four, he said.')).toBe(false);
    expect(isJunkLine('Whatsapp Facebook Pinterest Email')).toBe(true);
    expect(isJunkLine('Facebook shares fell 3% on Monday')).toBe(false);
  });

  it('cuts a trailing related list and comment form', () => {
    const out = stripFurniture([
      ...body,
      P('Related articles'),
      P('Council approves budget', 1),
      P('River at its highest', 1),
      P('Leave a comment'),
      P('nineteen + four ='),
    ]);
    expect(out.map((p) => p.text)).toEqual(body.map((p) => p.text));
  });

  it('cuts a trailing run of link lines but keeps one final source link', () => {
    expect(stripFurniture([...body, P('Another story', 1), P('Yet another story', 1)])).toHaveLength(3);
    expect(stripFurniture([...body, P('Source: the ministry statement', 1)])).toHaveLength(4);
  });

  it('drops inline "read also" links but keeps text after them', () => {
    const out = stripFurniture([body[0], P('Read also: Council approves budget', 0.8), body[1], body[2]]);
    expect(out).toHaveLength(3);
  });

  it('keeps an article whose last paragraph is short', () => {
    const out = stripFurniture([...body, P('The inquiry continues')]);
    expect(out).toHaveLength(4);
  });
});
