/**
 * Page furniture: recognising it in the DOM (before Readability runs on a clone)
 * and in the extracted paragraphs (a post-filter for what slips through).
 */
import { isCreditLine } from '../sourcing/credit-line';
import type { Para } from './para';
import { hasLetterOrDigit } from './char-class';

/** class/id tokens of containers that never hold the article body. */
export const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:comments?|comment-?(?:list|form|respond|section|area|wrap|s-area)|respond|disqus|related|relatedposts|jp-relatedposts|read-?more|more-?stories|recommended|recirc|share|sharing|sharedaddy|share-?bar|social|socials|newsletter|subscribe|subscription|captcha|breadcrumbs?|sidebar|widget|widgets|promo|outbrain|taboola|advert|advertisement|ads|ad-?slot|ad-?container|cookie|cookies|consent|gdpr|popup|modal|paywall|byline-?share|post-?tags|tags|tag-?list|author-?bio|pagination|pager|nav|navbar|navigation|menu|footer|masthead|skip-?link)(?:$|[\s_-])/i;

/** class/id that mark the article container itself: never remove these or their ancestors. */
export const ARTICLE_CLASS =
  /(?:^|[\s_-])(?:article-?body|articlebody|article-?content|article-?text|entry-?content|post-?content|post-?body|story-?body|story-?content|main-?content|content-?body|body-?text|td-post-content|news-?content|news-?body|single-?content)(?:$|[\s_-])/i;

export const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'banner', 'dialog', 'alertdialog', 'menu', 'menubar']);

/** Classes skipped when turning the article element into text (captions, credits, share bars, screen-reader text). */
export const SKIP_IN_BODY_CLASS =
  /(?:^|[\s_-])(?:caption|captions|credit|credits|photo-?credit|image-?credit|wp-caption-text|share|sharing|share-?bar|social|socials|related|newsletter|advert|advertisement|ad-?slot|ad-?unit|promo|subscribe|post-?tags|tag-?list|hover-?card|tooltip|visually-?hidden|sr-only|screen-?reader-?text|print-?only)(?:$|[\s_-])/i;

/**
 * Credit lines that say where the story comes from ("Source: ARA News", "Via: X",
 * "Originally published on IranWire", "Reporting by …", "المصدر: …"). They are sourcing
 * evidence, so they are kept even inside credit/caption containers and in the trailing
 * furniture block. The pattern is the sourcing grammar's (src/core/sourcing/credit-line.ts).
 */
export function isAttributionLine(text: string | null | undefined): boolean {
  return isCreditLine(text);
}

/** "Read more: <headline>" lines: dropped one by one, they do not end the article. */
export const INLINE_MARKERS: RegExp[] = [
  /^(?:read|see|watch|listen)\s+(?:more|also|next|this|the\s+latest)\b.*$/i,
  /^(?:also\s+read|also\s+see|see\s+also)\b.*$/i,
  /^(?:à\s+)?lire\s+(?:aussi|également|plus|la\s+suite)\b.*$/i,
  /^(?:voir|à\s+voir)\s+aussi\b.*$/i,
  /^(?:اقرأ|إقرأ|اقرا)\s+(?:أيضا|أيضاً|ايضا|ايضاً|المزيد)\b.*$/u,
];

/** Lines that open a furniture section (matched against the whole, short, line). */
export const SECTION_MARKERS: RegExp[] = [
  // English
  /^(?:related|more|other|latest|top|popular|trending|recommended|suggested|similar|recent)(?:\s+(?:articles?|stories|posts?|news|content|coverage|topics|reading|links|videos|headlines|from\b.*|on\b.*|in\b.*))?$/i,
  /^(?:further\s+reading|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be interested in|have missed)|don'?t\s+miss|more\s+from\b.*|most\s+(?:read|popular|viewed|shared|commented))\b.*$/i,
  /^(?:leave|post|add|write)\s+(?:a|your)\s+(?:comment|reply|response)\b.*$/i,
  /^(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)(?:\s*\(\d+\))?$/i,
  /^(?:join|start)\s+the\s+(?:conversation|discussion)\b.*$/i,
  /^(?:share|share\s+(?:this|the)\s+(?:article|story|post|page)|share\s+on\b.*|share\s+via\b.*|share\s+this)$/i,
  /^short\s*(?:link|url)\b.*$/i,
  /^(?:follow\s+us|connect\s+with\s+us|like\s+us\s+on)\b.*$/i,
  /^(?:subscribe|sign\s+up)\b.{0,80}$/i,
  /^(?:newsletter|advertisement|advertising|sponsored(?:\s+content)?|promoted\s+stories|skip\s+(?:ad|advertisement))$/i,
  /^tags?\s*:.*$/i,
  /^(?:topics|filed\s+under|categories|category)\s*:.*$/i,
  /^your\s+email\s+address\s+will\s+not\s+be\s+published\b.*$/i,
  /^required\s+fields\s+are\s+marked\b.*$/i,
  /^(?:name|email|e-mail|website|comment)\s*\*?$/i,
  /^save\s+my\s+name,?\s+email\b.*$/i,
  /^notify\s+me\s+of\b.*$/i,
  /^(?:post\s+comment|submit(?:\s+comment)?|cancel\s+reply)$/i,
  /^this\s+site\s+uses\s+akismet\b.*$/i,
  /^(?:©|\(c\)|copyright\b).{0,200}$/i,
  /^all\s+rights\s+reserved\.?$/i,
  // French
  /^(?:articles?|contenus?)\s+(?:liés|similaires|connexes|associés|recommandés)$/i,
  /^(?:sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|les\s+plus\s+lus|nos\s+derniers\s+articles)\b.*$/i,
  /^(?:partager(?:\s+(?:cet\s+article|sur\b.*))?|réagir|commentaires?|laisser\s+un\s+commentaire|ajouter\s+un\s+commentaire)$/i,
  /^(?:abonnez-vous|inscrivez-vous|s'abonner|publicité)\b.{0,80}$/i,
  // Arabic
  /^(?:مواضيع|أخبار|اخبار|مقالات|موضوعات|مواد)\s+(?:ذات\s+صلة|متعلقة|مشابهة)$/u,
  /^(?:الرابط\s+المختصر|رابط\s+مختصر|انسخ\s+الرابط|نسخ\s+الرابط)\b.*$/u,
  /^(?:شارك|شاركها|شارك\s+هذا\s+(?:الخبر|المقال|الموضوع)|مشاركة)(?:\s+(?:على|عبر)\b.*)?$/u,
  /^(?:اترك\s+تعليقا|اترك\s+تعليقاً|أضف\s+تعليق|أضف\s+تعليقا|التعليقات|تعليقات|تعليق)$/u,
  /^(?:الأكثر\s+(?:قراءة|مشاهدة)|تابعونا|تابعنا)\b.*$/u,
  /^(?:إعلان|اعلان|اشترك)\b.{0,60}$/u,
];

const NUMBER_WORD =
  '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|\\d{1,3})';
/** Math captchas from comment forms: "nineteen + four =", "3 × 7 = ?" */
const CAPTCHA = new RegExp(`^(?:${NUMBER_WORD}[\\s-]*)+\\s*[+×x*−-]\\s*(?:${NUMBER_WORD}[\\s-]*)+\\s*=\\s*[?_.…]*\\s*$`, 'i');

/**
 * Each list as one expression (alternatives in the list's order): `re.test(t)` is
 * `list.some((r) => r.test(t))`. Compiling one expression costs a page a fraction of compiling
 * three dozen on the first short line it checks (the content script pays that on every page).
 * The lists mix /i and /u flags: /i is kept for all (Arabic letters have no case), /u dropped
 * (the patterns use neither \p{…} nor characters outside the BMP, and `.` then matches the
 * same strings).
 */
function joined(list: RegExp[]): () => RegExp {
  let re: RegExp | null = null;
  return () => (re ??= new RegExp(list.map((r) => `(?:${r.source})`).join('|'), 'i'));
}
const ANY_SECTION = joined(SECTION_MARKERS);
const ANY_INLINE = joined(INLINE_MARKERS);

function markerText(text: string): string {
  return text.length > 160 ? '' : text.replace(/[\s:：.…»›>→←\-–—|]+$/u, '').replace(/^[\s«‹<•·|]+/u, '').trim();
}

/** A line that introduces furniture: a section ("Related articles", "Comments") or an inline "Read more: …". */
export function isMarkerLine(text: string): boolean {
  const t = markerText(text);
  if (!t) return false;
  return ANY_SECTION().test(t) || ANY_INLINE().test(t);
}

/** A line that opens a furniture section (not an inline "Read more: …" link). */
export function isSectionMarker(text: string): boolean {
  const t = markerText(text);
  if (!t) return false;
  return ANY_SECTION().test(t) && !ANY_INLINE().test(t);
}

const SOCIAL_WORD =
  '(?:share|shares|partager|partagez|compartilhar|compartir|tweet|whatsapp|facebook|twitter|x|linkedin|pinterest|pint|pin|reddit|tumblr|email|e-mail|mail|print|imprimer|telegram|messenger|copy\\s+link|copier\\s+le\\s+lien|baixar|download|save|comment|comments|flipboard|pocket|vk|sms|واتساب|فيسبوك|تويتر|تلغرام|شارك|طباعة|مشاركة)';
/** A line made only of share-button labels ("Whatsapp Facebook Pinterest Email"). */
const SOCIAL_LINE = new RegExp(`^(?:${SOCIAL_WORD}[\\s|•·,/]*){1,12}$`, 'iu');
/** Letters of the share-button labels (and ſ and the Kelvin sign, which /iu folds to s and k). */
const SOCIAL_LETTERS = new Set([...SOCIAL_WORD.replace(/\\s/g, '').toLowerCase().replace(/[^a-z\u0621-\u064a]/g, ''), ...'\u017f\u212a']);

/**
 * Whether `t` can be a line of share-button labels: its first character is a letter of one
 * (SOCIAL_LINE is anchored and starts with a label). A cheap test that spares compiling the
 * pattern on pages whose short lines start otherwise.
 */
function maySocial(t: string): boolean {
  const c = t.charAt(0);
  return SOCIAL_LETTERS.has(c.toLowerCase()) || SOCIAL_LETTERS.has(c);
}

/** A line that is page chrome wherever it appears: captchas, share-button labels, lone counters. */
export function isJunkLine(text: string): boolean {
  const t = text.trim();
  if (t.length > 160) return false;
  if (isCaptchaLine(t)) return true;
  if (maySocial(t) && SOCIAL_LINE.test(t)) return true;
  if (!hasLetterOrDigit(t)) return true; // "__", "* * *", "—"
  if (/^[\d\s/|•·:+-]{1,6}$/.test(t)) return true; // "6", "1/12", "+"
  return false;
}

export function isCaptchaLine(text: string): boolean {
  // The pattern needs an "=": most lines are refused without compiling it.
  return text.length <= 80 && text.includes('=') && CAPTCHA.test(text.trim());
}

/** A short line that ends without sentence punctuation (a link, a label, a headline in a list). */
function isShortLine(p: Para): boolean {
  const words = p.text.split(/\s+/).length;
  return words <= 16 && p.text.length <= 140 && !/[.!?؟:;。]["'”’»)]*$/u.test(p.text);
}

function isLinkLine(p: Para): boolean {
  return p.linkRatio >= 0.7 && p.text.length <= 200;
}

/**
 * Remove furniture that survived extraction:
 *  - captcha lines and stand-alone marker lines ("Share this", "Short link") anywhere;
 *  - from the end: runs of link-lines, and a marker line ("Related articles", "Leave a comment")
 *    followed only by short / link lines.
 */
export function stripFurniture(paras: Para[]): Para[] {
  let out = paras.filter((p) => !isJunkLine(p.text));
  if (!out.length) return out;

  // A section marker ("Tags", "Related articles", "Comments", "©") in the second half,
  // with little text after it, ends the article.
  const totalChars = out.reduce((n, p) => n + p.text.length, 0);
  let after = 0;
  let tailCut = out.length;
  let longestAfter = 0;
  for (let i = out.length - 1; i >= Math.floor(out.length / 2) && i > 0; i--) {
    const p = out[i];
    if ((p.text.length < 60 || isShortLine(p)) && longestAfter <= 250 && isSectionMarker(p.text)) tailCut = i;
    after += p.text.length;
    longestAfter = Math.max(longestAfter, p.text.length);
    if (after > totalChars * 0.25) break;
  }
  out = out.slice(0, tailCut);

  // Trailing block: scan back over short / link / marker lines.
  let cut = out.length;
  for (let i = out.length - 1; i >= 0; i--) {
    const p = out[i];
    // (cheap tests first: the credit-line pattern is compiled only for lines that look like furniture)
    if ((isLinkLine(p) || isShortLine(p) || isMarkerLine(p.text)) && !isAttributionLine(p.text)) continue;
    cut = i + 1;
    break;
  }
  if (cut === out.length && out.every((p) => isLinkLine(p) || isShortLine(p) || isMarkerLine(p.text))) cut = 0;
  // Inside the trailing block, cut from the first marker; otherwise cut trailing link lines.
  let end = out.length;
  for (let i = cut; i < out.length; i++) {
    if (isMarkerLine(out[i].text)) {
      end = i;
      break;
    }
  }
  if (end === out.length) {
    while (end > 0 && isLinkLine(out[end - 1]) && end - 1 >= cut) end--;
    // a single trailing link-line may be a legitimate "source" link: only cut runs of 2+
    if (out.length - end === 1) end = out.length;
  }
  out = out.slice(0, end);

  // Marker lines in the middle: drop the marker and the link lines right after it.
  const kept: Para[] = [];
  for (let i = 0; i < out.length; i++) {
    const p = out[i];
    if ((p.text.length < 40 || isLinkLine(p) || isShortLine(p)) && isMarkerLine(p.text)) {
      while (i + 1 < out.length && isLinkLine(out[i + 1])) i++;
      continue;
    }
    kept.push(p);
  }
  return kept;
}
