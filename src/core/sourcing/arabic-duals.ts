/**
 * Two people speaking together, named by the dual of their role: "وأكد الرئيسان أنهما …",
 * "وقال الوزيران إن …", "ورحب كلا الجانبين …، ووصفا ذلك بأنه …". The dual of a definite role
 * head (ـان, or ـين after كلا) is one source of kind named-person, as a pair of named people
 * is; the verb that follows a dual subject may itself be dual ("قالا", "أكدتا" is in the lexicon).
 */
import type { Cls } from './grammar';
import { AR_ROLE_HEADS } from './lexicon';
import type { Word } from './outlets';

/** Definite role heads (folded) whose dual names a pair: the roles, and "the two sides". */
const PAIR_HEADS = new Set<string>(['الجانب', 'الطرف']);
for (const w of AR_ROLE_HEADS) if (w.startsWith('ال') && !/ه$/.test(w)) PAIR_HEADS.add(w);

/** The role head of a folded dual ("الرييسان" → "الرييس"), or ''. */
function dualHead(n: string, genitive: boolean): string {
  const m = (genitive ? /^(ال.{2,})ين$/ : /^(ال.{2,})ان$/).exec(n);
  return m && PAIR_HEADS.has(m[1]) ? m[1] : '';
}

/**
 * A dual subject at the start of `ws` (at most one adjective after it: "الرئيسان الأمريكي
 * والتركي" is cut to the dual), or null.
 */
export function dualSpeaker(ws: Word[], orig: (a: number, b: number) => string): Cls | null {
  if (!ws.length) return null;
  const kila = /^[وف]?كلا$/.test(ws[0].n);
  const w = kila ? ws[1] : ws[0];
  if (!w || !dualHead(w.n, kila)) return null;
  // Only the whole phrase, or the dual before an adjective (ـان/ـين): a longer phrase is something else.
  const rest = ws.slice(kila ? 2 : 1);
  if (rest.length > 1 || (rest.length === 1 && !/(?:يان|يين)$/.test(rest[0].n))) return null;
  // The dual is its own role, so that a later dual verb ("…، ووصفا ذلك بأنه") finds the pair (see clauseSubject).
  const role = orig(w.tok, w.tok + 1);
  return { k: 'person', name: kila ? orig(ws[0].tok, w.tok + 1).replace(/^[وف](?=كلا)/, '') : role, role };
}
