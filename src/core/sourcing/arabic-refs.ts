/**
 * Arabic back-references without a written subject: a continuation verb ("وأضاف", "وقالت",
 * "وأكدوا") or a participle ("مشيرا إلى", "مؤكدة", "مضيفين") speaks for the last speaker whose
 * gender and number fit the verb — a person or an anonymous source (tracked by the extractor
 * state) or an organisation or state (tracked here: ministries, cells and countries take
 * feminine verbs, "وقالت في بيان" after "أعلنت خلية الإعلام" is the cell).
 */
import type { ExtractorState } from './extractor-state';
import type { Cls } from './grammar';
import { AR_COUNTRIES } from './lexicon';

interface LastOrg {
  label: string;
  sent: number;
  fem: boolean;
}
const lastOrgs = new WeakMap<ExtractorState, LastOrg>();

/** How far back (in sentences) a subject-less verb looks for its speaker. */
const REACH = 4;

/** Record an organisation that spoke in the current sentence. */
export function noteOrganisation(x: ExtractorState, label: string, head: string): void {
  lastOrgs.set(x, { label, sent: x.si, fem: /ه$/.test(head) || AR_COUNTRIES.has(head) });
}

/** Gender and number told by a folded verb or participle form. */
export function verbForm(w: string): { fem: boolean; plural: boolean } {
  const said = /^[وف]?ب(?:قوله|قولها|قولهم|القول)$/.exec(w);
  if (said) return { fem: /ها$/.test(w), plural: /هم$/.test(w) };
  const v = w.replace(/^[وفل]/, '');
  const plural = /(?:وا|ون|ين|تا|ان)$/.test(v) && v.length > 4;
  const fem = !plural && (/ت$/.test(v) || /ه$/.test(v) || /^ت/.test(v));
  return { fem, plural };
}

/** The speaker a subject-less verb of that form refers to, or null. */
export function implicitSpeaker(x: ExtractorState, form: { fem: boolean; plural: boolean }, reach = REACH): Cls | null {
  const l = x.last && x.si - x.last.sent <= reach ? x.last : null;
  const o = lastOrgs.get(x);
  const org = o && x.si - o.sent <= reach ? o : null;
  const personFem = (p: { role?: string; gender?: 'm' | 'f' }) => p.gender === 'f' || /(?:ه|ة)(?:\s|$)/.test((p.role ?? '').split(/\s+/)[0] ?? '');
  const fitsLast = (): boolean => {
    if (!l) return false;
    if (l.person) return form.plural ? false : form.fem === personFem(l.person);
    if (l.anon) return form.plural ? l.anon.plural : form.fem ? l.anon.plural || /ه$/.test(l.anon.lemma) : !l.anon.plural;
    return false;
  };
  const fitsOrg = (): boolean => !!org && !form.plural && form.fem === org.fem;
  const fromLast = (): Cls | null => {
    if (l?.person) return { k: 'person', name: l.person.name, role: l.person.role };
    if (l?.anon) return { k: 'anonymous', label: l.anon.label, lemma: l.anon.lemma, plural: l.anon.plural, definite: false };
    return null;
  };
  const fromOrg = (): Cls | null => (org ? { k: 'organisation', label: org.label } : null);
  const a = fitsLast();
  const b = fitsOrg();
  if (a && b) return org!.sent > l!.sent ? fromOrg() : fromLast();
  if (a) return fromLast();
  if (b) return fromOrg();
  // No speaker of that form: the most recent one.
  if (l && (!org || l.sent >= org.sent)) return fromLast();
  return fromOrg();
}
