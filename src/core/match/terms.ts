/**
 * Weighted term vectors for matching: normalised tokens minus stopwords, with light
 * suffix folding, so that a page and a report about the same event share terms.
 */
import { normalizeText, tokenize } from '../text/normalize';

const STOP_EN =
  'a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours said says told according one two three new also last first year years since week weeks month months day days people time over just like get got many much may might must still back even well including however around within without across whose would shall per via its it\'s they\'re there\'s he\'s she\'s';
const STOP_FR =
  "le la les un une des du de d' l' et ou mais donc or ni car ce cet cette ces se sa son ses leur leurs lui elle ils elles nous vous je tu il on que qui quoi dont où à au aux en dans par pour sur sous avec sans entre vers chez ne pas plus moins très est sont était été être avoir a ont avait fait faire comme aussi selon après avant depuis pendant tout tous toute toutes même autre autres dit ainsi cela ça y";
const STOP_AR =
  'في من على الى إلى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين ما ماذا لا لم لن ان إن أن او أو ثم قد كان كانت يكون تكون كما وقد وكان بعد قبل حتى عند عندما كل بين خلال ضد منذ حول اي أي هو هي هم هن نحن انه أنه انها أنها وفي ومن وعلى الا إلا غير بل لكن ايضا أيضا قال وقال اليوم امس أمس يوم عام العام وذلك له لها لهم به بها فيه فيها منه منها عليه عليها اليه إليه';

const STOP = new Set<string>();
for (const list of [STOP_EN, STOP_FR, STOP_AR]) {
  for (const w of normalizeText(list).split(' ')) if (w) STOP.add(w);
}

/** Fold a token to a matching stem: English plural/possessive, French plural, Arabic article. */
export function stem(token: string): string {
  let t = token.replace(/['’]s$/, '').replace(/^(l|d|qu|j|n|s|c)'/, '');
  if (/^[a-zà-ÿ]/.test(t)) {
    if (t.length > 4 && t.endsWith('ies')) t = t.slice(0, -3) + 'y';
    else if (t.length > 4 && t.endsWith('es') && /(ss|sh|ch|x)es$/.test(t)) t = t.slice(0, -2);
    else if (t.length > 3 && t.endsWith('s') && !t.endsWith('ss')) t = t.slice(0, -1);
    return t;
  }
  // Arabic: strip conjunction + article and common prefixes/plural suffixes (light stemming).
  if (/^[\u0600-\u06ff]/.test(t)) {
    t = t.replace(/^(وال|بال|كال|فال|لل|ال)/, '');
    if (t.length > 4) t = t.replace(/(ون|ين|ات|ها|هم)$/, '');
    return t;
  }
  return t;
}

export function isStopword(token: string): boolean {
  return STOP.has(token);
}

// Token → its term ('' when skipped): a pack import meets the same words thousands of times.
const TERM_MEMO = new Map<string, string>();
const TERM_MEMO_MAX = 50_000;

function termOf(raw: string): string {
  let s = TERM_MEMO.get(raw);
  if (s !== undefined) return s;
  s = '';
  if (!(raw.length < 3 || STOP.has(raw) || /^\d+$/.test(raw))) {
    const t = stem(raw);
    if (!(t.length < 3 || STOP.has(t))) s = t;
  }
  if (TERM_MEMO.size >= TERM_MEMO_MAX) TERM_MEMO.clear();
  TERM_MEMO.set(raw, s);
  return s;
}

/** Term frequencies of a text (normalised, stopwords removed, stemmed). */
export function termFrequencies(text: string, maxChars = 60_000): Map<string, number> {
  const tf = new Map<string, number>();
  const toks = tokenize(normalizeText(text.length > maxChars ? text.slice(0, maxChars) : text));
  for (const raw of toks) {
    const s = termOf(raw);
    if (s) tf.set(s, (tf.get(s) ?? 0) + 1);
  }
  return tf;
}

/** Top-k terms by weight (ties broken alphabetically, so results are deterministic). */
export function topTerms(weights: Map<string, number>, k: number): [string, number][] {
  const all = [...weights.entries()];
  if (all.length > k * 2) {
    // Only entries at least as heavy as the k-th weight can be in the top k: sort those alone.
    const ws = Float64Array.from(all, (e) => e[1]).sort();
    const kth = ws[ws.length - k];
    return all.filter((e) => e[1] >= kth).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
  }
  return all.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, k);
}
