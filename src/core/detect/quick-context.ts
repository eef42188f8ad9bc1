/**
 * When the first pass reads on past its slice (issue #17, first-pass cost): the deep read
 * (quick-deep.ts, the topic's names up to QUICK_DEEP_CHARS) is for articles about the group's
 * attacks, trials, fighters and wars that name it only far into the body. Such an article says
 * what it is about at its start: a topic term of its own (counted by the first pass), or one of
 * the words below about violence, courts and police, and the places of the group's wars (a
 * court round-up naming the group once in its last paragraph is read to the end). A page whose
 * title, meta text and first QUICK_SLICE_CHARS characters hold none of them (a recipe, a
 * software manual, a sports report) is not read further: the deep search was most of the
 * first pass's cost on long pages.
 *
 * The words are written folded (lower case, no accents, Arabic letter variants folded as by
 * `quickFold` and `prefold`: ا for أ إ آ, ي for ى, ه for ة), and looked up at word starts in the
 * head text either of them gives, as prefixes ("attack" finds "attacks", "attacked").
 */
import { insideWord } from './quick-prefilter';

/** The Latin-script words (the Arabic ones are looked up only in a head with an Arabic letter). */
export const LATIN_CONTEXT_WORDS: readonly string[] = [
  // English
  'attack', 'bomb', 'terror', 'jihad', 'militan', 'extremis', 'islamis', 'radicali', 'insurg', 'caliph', 'behead',
  'hostage', 'suicide', 'massacre', 'gunm', 'explosi', 'mosque', 'syria', 'iraq', 'libya', 'afghan', 'sinai', 'kurd',
  'trial', 'court', 'judge', 'convict', 'sentenc', 'prosecut', 'indict', 'charged', 'police', 'arrest', 'jail', 'prison',
  'detain', 'detention', 'guantanamo', 'airstrike', 'troops',
  'fighters', 'coalition', 'counterterror', 'security forces', 'national security', 'refugee', 'muslim',
  // French
  'attentat', 'attaque', 'djihad', 'kamikaze', 'otage', 'mosquee', 'syrie', 'irak', 'proces', 'condamn', 'radicalis',
  'combattant', 'musulman', 'frappe', 'tribunal', 'juge', 'enquete',
];
/** The Arabic-script words. */
export const ARABIC_CONTEXT_WORDS: readonly string[] = [
  // Arabic
  'هجوم', 'هجمات', 'تفجير', 'انتحاري', 'ارهاب', 'متطرف', 'جهادي', 'مسلح', 'مقاتل', 'سوريا', 'العراق', 'عراق', 'ليبيا',
  'سيناء', 'محاكمه', 'محكمه', 'قاضي', 'سجن', 'اعتقال', 'شرطه', 'مسجد', 'تنظيم', 'التحالف', 'غارات',
];

/**
 * Whether the folded head text (title, meta, slice) holds a topic context word at a word start.
 * `arabic`: whether it holds an Arabic letter (false proves no Arabic word is there: they are not
 * looked up, each lookup would scan the whole head).
 */
export function hasContext(head: string, arabic: boolean): boolean {
  return atWordStart(head, LATIN_CONTEXT_WORDS) || (arabic && atWordStart(head, ARABIC_CONTEXT_WORDS));
}

function atWordStart(head: string, words: readonly string[]): boolean {
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    for (let at = head.indexOf(word); at >= 0; at = head.indexOf(word, at + 1)) {
      if (at === 0 || !insideWord(head.charCodeAt(at - 1))) return true;
    }
  }
  return false;
}
