/**
 * Text material for the fuzz generators, written for these tests: news-like sentences in
 * English, French and Arabic (with the topic's names and attribution verbs, so detection
 * and sourcing have something to chew on), and hostile characters (bidi controls,
 * zero-width, surrogate halves, entities, emoji).
 */

export const SENTENCES_EN = [
  'The Islamic State claimed the attack on a checkpoint near the river, a local official said on Monday.',
  'According to a security source, ISIS fighters withdrew from two villages overnight.',
  'Daesh propaganda channels published a new video on Friday, Reuters reported.',
  '"We will rebuild the market before winter," the mayor told reporters, adding that 40 shops had burned.',
  'More than 1,200 families have returned to the district since March, the UN agency said.',
  'A spokesman for the coalition declined to comment on the figures.',
  'The court in Baghdad sentenced three men accused of recruiting for ISIL online.',
  'Witnesses described long queues at the only working bakery in the old city.',
  'At least 17 people were killed and dozens wounded, according to the health ministry.',
  'The ministry said in a statement that the detainees would be transferred next week.',
  'Analysts say the group still runs cells in the desert between the two provinces.',
  'Officials, speaking on condition of anonymity, said the talks had stalled.',
];

export const SENTENCES_FR = [
  "L'État islamique a revendiqué l'attentat, selon un communiqué diffusé jeudi.",
  'Selon une source sécuritaire, une centaine de combattants ont quitté la ville.',
  '« Nous ne partirons pas », a déclaré à l’AFP une habitante du quartier.',
  'Le ministère a indiqué que 350 personnes avaient été évacuées dimanche.',
  'Daech a perdu ses derniers territoires en 2019, rappellent les experts.',
];

export const SENTENCES_AR = [
  'أعلن تنظيم داعش مسؤوليته عن الهجوم، بحسب بيان نشر يوم الخميس.',
  'قال مصدر أمني إن عشرات المسلحين انسحبوا من القرية ليلا.',
  'وذكرت وكالة الأنباء أن ١٢٠ عائلة عادت إلى المدينة منذ آذار.',
  'أكد المتحدث باسم الوزارة أن المحكمة ستنظر في القضية الأسبوع المقبل.',
  'تنظيم الدولة الإسلامية ما زال ينشط في المناطق الصحراوية، وفق محللين.',
  'وأضاف: «لن نسمح بعودة التنظيم إلى هذه المناطق».',
];

export const WORDS = [
  'ISIS', 'ISIL', 'Daesh', 'داعش', 'État', 'islamique', 'Mosul', 'الموصل', 'said', 'told', 'according', 'selon',
  'قال', 'وفق', 'Reuters', 'AFP', '1,200', '٣٥٠', '17', 'Monday', '2016-04-03', 'percent', '%', 'about', 'nearly',
];

/** Bidi controls, zero-width characters, BOM, soft hyphen, line/paragraph separators. */
export const INVISIBLES = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d',
  '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u061c', '\u2028', '\u2029', '\u0640', '\u064b', '\u0651',
];

/** Odd code units and sequences: lone surrogates, combining marks, NUL and C0/C1 controls, emoji with joiners. */
export const ODD_CHARS = [
  '\ud800', '\udfff', '\ud83d', '\u0301\u0301\u0301', '\u0000', '\u0007', '\u001b', '\u0085', '\u00a0', '\u3000',
  '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇮🇶', '😀', '\ufffd', '\ufdfd', '\u{1F600}'.repeat(3), 'ﷺ', '\r\n', '\t', '\v', '\f',
];

export const ENTITIES = [
  '&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&nbsp;', '&#x202E;', '&#8203;', '&#0;', '&#xD800;', '&#1114112;',
  '&#x110000;', '&eacute;', '&notanentity;', '&amp', '&#', '&#x;', '&lt;script&gt;', '&#x26;lt;', '&rlm;', '&zwj;',
];

/** Hostile attribute values (script URLs, markup breaking out of quotes, template syntax). */
export const HOSTILE_VALUES = [
  'javascript:alert(1)', '"><script>alert(1)</script>', "'><img src=x onerror=alert(1)>", 'data:text/html,<b>x</b>',
  '{{constructor.constructor("x")()}}', '${7*7}', '__proto__', 'constructor', 'prototype', '', ' ', '\u202e',
  'https://example.com/a?b=1&c=<d>', '//evil.example/path', 'vbscript:msgbox', '\0', 'x'.repeat(300),
];

export const TAGS = [
  'article', 'p', 'div', 'span', 'section', 'main', 'aside', 'nav', 'header', 'footer', 'h1', 'h2', 'h3', 'a', 'b',
  'i', 'em', 'strong', 'blockquote', 'q', 'figure', 'figcaption', 'img', 'br', 'hr', 'ul', 'ol', 'li', 'table', 'tr',
  'td', 'th', 'tbody', 'script', 'style', 'template', 'svg', 'math', 'iframe', 'noscript', 'form', 'input',
  'textarea', 'button', 'select', 'option', 'pre', 'code', 'time', 'provenance-highlight', 'provenance-ui', 'x-widget',
  'object', 'embed', 'video', 'source', 'picture', 'details', 'summary', 'dialog', 'slot', 'frameset', 'frame',
];

export const ATTR_NAMES = [
  'class', 'id', 'href', 'src', 'title', 'lang', 'dir', 'style', 'role', 'itemprop', 'content', 'property', 'name',
  'datetime', 'rel', 'hidden', 'aria-hidden', 'data-x', 'onclick', 'onerror', 'srcdoc', 'xmlns', 'xlink:href',
  'data-provenance-ui', 'contenteditable', 'tabindex', '__proto__', 'constructor',
];

export const CLASS_VALUES = [
  'article-body', 'story-content', 'byline', 'comments', 'comment-form', 'related', 'share', 'sidebar', 'nav', 'ad',
  'newsletter', 'captcha', 'entry-content', 'post-content', 'footer', 'menu', 'cookie-consent', 'caption',
];

/** Malformed or tricky markup fragments. */
export const MALFORMED = [
  '<p', '<div class="a', '</div></div></div>', '<p><p><p>', '<!--', '-->', '<!-- unclosed comment', '<![CDATA[x]]>',
  '<script>', '</script>', '<script>document.write("<p>x</p>")</script>', '<style>p{}</style', '<?xml version="1.0"?>',
  '<!DOCTYPE html>', '<!doctype>', '</html><body>', '<html><html>', '<head><body><head>', '<title><p>x</title>',
  '<table><p>in table</p><tr><td>cell', '<b><i>misnested</b></i>', '<a href="x"><a href="y">nested</a></a>',
  '<select><option>a<option>b</select>', '<textarea><p>not markup</p></textarea>', '<plaintext>', '<xmp><b></xmp>',
  '<svg><foreignObject><p>in svg</p></foreignObject></svg>', '<math><mi>x</mi></math>', '<template><p>t</p></template>',
  '<noscript><p>noscript</p></noscript>', '<br/>', '</br>', '<p/>', '< p>', '<p >', '<P CLASS=X>', '<p\u0000>',
  '<img src=x onerror="alert(1)">', '<iframe src="javascript:alert(1)"></iframe>', '<base href="javascript:">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<frameset><frame src="x"></frameset>',
  '</', '<>', '<<>>', '<=', '&', '&&&', '<provenance-highlight data-id="x">', '</provenance-highlight>',
];

export function pickSentences(lang: 'en' | 'fr' | 'ar' | 'mix'): string[] {
  if (lang === 'en') return SENTENCES_EN;
  if (lang === 'fr') return SENTENCES_FR;
  if (lang === 'ar') return SENTENCES_AR;
  return [...SENTENCES_EN, ...SENTENCES_FR, ...SENTENCES_AR];
}
