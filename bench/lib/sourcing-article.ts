/**
 * The long articles of `npm run bench:sourcing`, built from sentences written for the
 * benchmark (nothing is taken from real reports): a realistic mix of named and anonymous
 * sources, outlets, documents and figures. `build` gives the plain text (paragraphs
 * separated by blank lines) timed in Node; `articleHtml` wraps the same paragraphs in a
 * page the extension recognises (a headline naming the Islamic State), for the timing in
 * the service worker.
 */

const PEOPLE = ['Salim Hadi', 'Nawar al-Jubouri', 'Karim Abdelaziz', 'Leila Haddad', 'Omar Farouk al-Tai', 'Abu Yasir al-Ansari'];
const ROLES = ['a council member in Tal Afar', 'the head of the Anbar relief committee', 'a researcher at a Baghdad think tank', 'a former police colonel'];
const OUTLETS = ['Reuters', 'The Associated Press', 'Rudaw', 'Al Jazeera', 'the Iraqi newspaper Al-Mada', 'Shafaq News'];
const PLACES = ['Mosul', 'Raqqa', 'Fallujah', 'Kirkuk', 'Hawija', 'Sinjar', 'Deir ez-Zor', 'Tikrit'];
const NOUNS = ['families', 'fighters', 'detainees', 'civilians', 'trucks', 'checkpoints', 'schools', 'wells'];

export function englishParagraph(i: number): string {
  const p = PEOPLE[i % PEOPLE.length];
  const last = p.split(' ').pop()!.replace(/^al-/, '');
  const o = OUTLETS[i % OUTLETS.length];
  const pl = PLACES[i % PLACES.length];
  const pl2 = PLACES[(i + 3) % PLACES.length];
  const n = NOUNS[i % NOUNS.length];
  const k = 40 + ((i * 37) % 900);
  const sentences = [
    `Speaking to ${o} on ${['Monday', 'Tuesday', 'Friday'][i % 3]}, ${ROLES[i % ROLES.length]} ${p} said that about ${k.toLocaleString('en-US')} ${n} had left ${pl} since the spring.`,
    `${last} added that the roads to ${pl2} were still closed at night and that convoys moved only with an escort.`,
    `"We counted them one by one at the gate," he said. "Nobody in the camp believes the official numbers."`,
    `Local sources told the outlet that at least ${3 + (i % 9)} wells were damaged in the latest strikes on the outskirts of ${pl}.`,
    `A security official, speaking on condition of anonymity, said dozens of suspects were detained in raids across the province last week.`,
    `The ministry said in a statement that more than ${200 + i * 11} displaced people would be allowed to return before the end of the year.`,
    `According to a report by ${OUTLETS[(i + 2) % OUTLETS.length]}, hundreds of families in ${pl2} still had no running water in ${2015 + (i % 4)}.`,
    `Residents reached by phone described long queues at the bakeries and prices that had doubled in a month.`,
    `The local council has repaired ${5 + (i % 20)} schools and two clinics since the area was retaken, and the work continues.`,
    `The governor was told by his advisers to wait for the budget before promising anything new to the returning families.`,
  ];
  return sentences.join(' ');
}

const AR_PEOPLE = ['سليم هادي', 'نوار الجبوري', 'كريم عبد العزيز', 'ليلى حداد'];
const AR_OUTLETS = ['لوكالة رويترز', 'لقناة الجزيرة', 'لشبكة روداو', 'لوكالة شفق نيوز'];
const AR_PLACES = ['الموصل', 'الرقة', 'الفلوجة', 'كركوك', 'تكريت', 'سنجار'];

export function arabicParagraph(i: number): string {
  const p = AR_PEOPLE[i % AR_PEOPLE.length];
  const last = p.split(' ').pop()!;
  const pl = AR_PLACES[i % AR_PLACES.length];
  const k = 40 + ((i * 37) % 900);
  return [
    `وقال عضو مجلس المحافظة ${p} ${AR_OUTLETS[i % AR_OUTLETS.length]} إن نحو ${k} عائلة غادرت ${pl} منذ الربيع الماضي.`,
    `وأضاف ${last} أن الطرق المؤدية إلى المدينة ما زالت مغلقة ليلا وأن القوافل لا تتحرك إلا بحماية أمنية.`,
    `وأفادت مصادر محلية بأن ما لا يقل عن ${3 + (i % 9)} آبار تضررت في الغارات الأخيرة على أطراف ${pl}.`,
    `وقال ضابط في الشرطة رفض الكشف عن اسمه إن عشرات المشتبه بهم اعتقلوا في مداهمات خلال الأسبوع الماضي.`,
    `وذكرت الوزارة في بيان أن أكثر من ${200 + i * 11} نازح سيسمح لهم بالعودة قبل نهاية العام.`,
    `وبحسب ما أوردته وكالة الأنباء العراقية، فإن مئات العائلات ما زالت من دون مياه صالحة للشرب.`,
    `وأعاد المجلس المحلي تأهيل ${5 + (i % 20)} مدرسة وعيادتين منذ استعادة المنطقة، ولا يزال العمل مستمرا.`,
  ].join(' ');
}

/** Paragraphs from `paragraph(0)`, `paragraph(1)`, … until at least `words` words; joined by blank lines. */
export function build(paragraph: (i: number) => string, words: number): string {
  return buildParagraphs(paragraph, words).join('\n\n');
}

export function buildParagraphs(paragraph: (i: number) => string, words: number): string[] {
  const paras: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const p = paragraph(i);
    paras.push(p);
    count += p.split(/\s+/).length;
  }
  return paras;
}

// ---------------------------------------------------------------- HTML pages for the worker benchmark

export type ArticleLang = 'en' | 'ar';

/** Headline and standfirst naming the group, so the content script's first pass and the detector accept the page. */
const FRAME: Record<ArticleLang, { headline: string; standfirst: string; site: string; byline: string }> = {
  en: {
    headline: 'Families leave Mosul and Raqqa as Islamic State cells return to the countryside',
    standfirst: 'Officials and residents describe closed roads, damaged wells and slow returns two years after the Islamic State lost its last towns in the region.',
    site: 'Provenance bench',
    byline: 'By a bench writer',
  },
  ar: {
    headline: 'عائلات تغادر الموصل والرقة مع عودة خلايا داعش إلى الأرياف',
    standfirst: 'مسؤولون وسكان يتحدثون عن طرق مغلقة وآبار متضررة وعودة بطيئة بعد عامين على خسارة تنظيم داعش آخر بلداته في المنطقة.',
    site: 'Provenance bench',
    byline: 'كاتب الاختبار',
  },
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A news-article page: `<html lang>` (and `dir="rtl"` for Arabic), an `<h1>` headline, a
 * standfirst naming the group, then one `<p>` per paragraph of `build(…, words)`.
 */
export function articleHtml(lang: ArticleLang, words = 5000): string {
  const f = FRAME[lang];
  const paras = buildParagraphs(lang === 'en' ? englishParagraph : arabicParagraph, words);
  const dir = lang === 'ar' ? ' dir="rtl"' : '';
  return [
    '<!doctype html>',
    `<html lang="${lang}"${dir}>`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(f.headline)}</title>`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeHtml(f.site)}">`,
    `<meta property="og:title" content="${escapeHtml(f.headline)}">`,
    `<meta name="author" content="${escapeHtml(f.byline)}">`,
    `<meta property="article:published_time" content="2019-05-14T08:00:00Z">`,
    '</head>',
    '<body>',
    '<main>',
    '<article>',
    `<h1>${escapeHtml(f.headline)}</h1>`,
    `<p class="byline">${escapeHtml(f.byline)}</p>`,
    `<p class="standfirst">${escapeHtml(f.standfirst)}</p>`,
    ...paras.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article>',
    '</main>',
    '</body>',
    '</html>',
  ].join('\n');
}
