/**
 * The extractor state: people met so far (see people.ts), the known outlets, the page's own
 * outlet, and the drafts the grammars emit (`emit`, `via`). finish.ts turns the drafts into
 * attributions.
 */
import type { Anon, Cls, Draft, Lang, Person, Via } from './grammar';
import { CAP_STOP, COUNTRIES, NOT_SURNAME, ORG_NAME_END, ORG_WORDS, PLACES, PLACES2, ROLE_WORDS } from './lexicon';
import { outletIndex, type OutletIndex } from './outlets';
import { PeopleState } from './people';
import type { AttributionOptions } from './types';

/** Gender told by an honorific or a role word, if any. */
export function genderOf(role: string): 'm' | 'f' | undefined {
  if (/\b(?:Mrs|Ms|Miss|Mme|Madame|Lady|Dame|Queen|Princess|spokeswoman|congresswoman|chairwoman|businesswoman)\b/i.test(role)) return 'f';
  if (/\b(?:Mr|Sir|Lord|King|Prince|M|Monsieur|spokesman|congressman|chairman|businessman)\b/i.test(role)) return 'm';
  return undefined;
}

export class ExtractorState extends PeopleState {
  readonly idx: OutletIndex;
  readonly self: Via | null;
  drafts: Draft[] = [];

  constructor(text: string, opts: AttributionOptions) {
    super(text);
    this.idx = outletIndex(opts.outlets ?? []);
    const self = opts.self;
    this.self = !self ? null : typeof self === 'string' ? { name: self, sourceId: null } : { name: self.name, sourceId: self.sourceId };
  }

  emit(c: Cls, cue: string, at: number, lang: Lang): Draft | null {
    const base = { sent: this.si, cue, at, lang };
    let d: Draft | null = null;
    switch (c.k) {
      case 'pronoun': {
        const l = this.last;
        let ok = !!l && this.si - l.sent <= 8 && l.plural === c.plural;
        // "she said" never resolves to a man (nor "he said" to a woman).
        if (ok && l!.person && c.gender && l!.person.gender && l!.person.gender !== c.gender) ok = false;
        if (!ok && !c.plural && c.gender) {
          const p = this.personByGender(c.gender);
          if (p) {
            p.last = this.si;
            d = { ...base, kind: 'named-person', source: p.name, role: p.role, person: p };
          }
          break;
        }
        if (!ok) return null;
        if (l!.person) d = { ...base, kind: 'named-person', source: l!.person.name, role: l!.person.role, person: l!.person };
        else if (l!.anon) d = { ...base, kind: 'anonymous', source: l!.anon.label, anon: l!.anon };
        break;
      }
      case 'person': {
        const p = this.addPerson(c.name, c.role);
        if (!p.gender && c.role) p.gender = genderOf(c.role);
        d = { ...base, kind: 'named-person', source: p.name, role: p.role, person: p };
        break;
      }
      case 'anonymous': {
        if (c.definite) {
          const r = this.resolveBackref(c.lemma, c.plural);
          if (r?.person) {
            r.person.last = this.si;
            d = { ...base, kind: 'named-person', source: r.person.name, role: r.person.role, person: r.person };
            break;
          }
          // ("The Ohio governor" after "the governor": a mention with words of its own is kept as written.)
          if (r?.anon && withinAnte(c.label, r.anon.label)) {
            r.anon.last = this.si;
            d = { ...base, kind: 'anonymous', source: r.anon.label, anon: r.anon };
            break;
          }
        }
        const a = this.anon(c.label, c.lemma, c.plural);
        d = { ...base, kind: 'anonymous', source: a.label, anon: a };
        break;
      }
      case 'outlet':
        d = { ...base, kind: 'outlet', source: c.name, sourceId: c.sourceId };
        break;
      case 'document':
        d = { ...base, kind: 'document', source: c.label };
        break;
      case 'organisation':
        d = { ...base, kind: 'organisation', source: c.label };
        break;
      case 'group-media':
        d = { ...base, kind: 'group-media', source: c.label };
        break;
    }
    if (!d) return null;
    if (c.joint) d.joint = c.joint;
    if (d.person) this.last = { person: d.person, plural: false, sent: this.si };
    else if (d.anon) this.last = { anon: d.anon, plural: d.anon.plural, sent: this.si };
    this.drafts.push(d);
    return d;
  }

  /** Give `via` to the speaker (person or anonymous) of this sentence nearest to offset `at`, and add the outlet. */
  via(o: { name: string; sourceId: string | null }, cue: string, at: number, lang: Lang): void {
    let best: Draft | null = null;
    for (let i = this.drafts.length - 1; i >= 0; i--) {
      const d = this.drafts[i];
      if (d.sent !== this.si) break;
      if (d.kind !== 'named-person' && d.kind !== 'anonymous') continue;
      if (!best || Math.abs(d.at - at) < Math.abs(best.at - at)) best = d;
    }
    // Every speaker of that cue ("Residents and officials, cited by X, describe …").
    for (let i = this.drafts.length - 1; best && i >= 0; i--) {
      const d = this.drafts[i];
      if (d.sent !== this.si) break;
      if (d.at !== best.at || (d.kind !== 'named-person' && d.kind !== 'anonymous')) continue;
      if (!d.via) d.via = o;
      if (d.person && !d.person.via) d.person.via = o;
      if (d.anon && !d.anon.via) d.anon.via = o;
    }
    this.emit({ k: 'outlet', name: o.name, sourceId: o.sourceId }, cue, at, lang);
  }

  /**
   * For a pronoun with no usable last speaker: the person of that gender met most recently
   * (within 8 sentences), else the nearest "Mr./Mrs./Ms./Sen. Name" mention in the text
   * before the sentence.
   */
  personByGender(g: 'm' | 'f'): Person | null {
    let best: Person | null = null;
    for (const p of this.persons) if (p.gender === g && this.si - p.last <= 8 && (!best || p.last > best.last)) best = p;
    if (best) return best;
    const l = this.last;
    if (l?.person && !l.person.gender && this.si - l.sent <= 8) return l.person;
    const recent = this.recentPerson(g);
    if (recent) return recent;
    const start = this.sent.start;
    const hay = this.text.slice(Math.max(0, start - 1500), start);
    const re = /\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Del)\.\s+((?:\p{Lu}[\p{L}'’-]+)(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{L}'’-]+){0,2})/gu;
    let m: RegExpExecArray | null;
    let hit: { name: string; role: string } | null = null;
    let guard = 0;
    while ((m = re.exec(hay)) && guard++ < 200) {
      const mg = m[1] === 'Mr' ? 'm' : m[1] === 'Mrs' || m[1] === 'Ms' ? 'f' : undefined;
      if (!mg || mg === g) hit = { name: m[2], role: `${m[1]}.` };
    }
    if (!hit) {
      // The nearest "First Last" mention in the paragraph or the one before.
      const paraStart = this.sents.findIndex((s) => s.para >= this.sent.para - 1);
      const near = this.text.slice(this.sents[Math.max(0, paraStart)].start, start);
      // Not part of a longer capitalised run ("the Affordable Care Act"), not a place ("New Hampshire").
      const nm = /(?<![\p{Lu}][\p{L}.'’-]*\s)\b(\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}\.)?\s+\p{Lu}[\p{Ll}'’-]+)\b(?!\s+\p{Lu})/gu;
      let last: string | null = null;
      let n = 0;
      while ((m = nm.exec(near)) && n++ < 200) {
        const ws = m[1].split(/\s+/);
        if (PLACES2.has(ws.join('_')) || ws.some((w) => PLACES.has(w))) continue;
        if (ws.every((w) => !CAP_STOP.has(w) && !ROLE_WORDS.has(w) && !ORG_WORDS.has(w) && !ORG_NAME_END.has(w) && !COUNTRIES.has(w) && !NOT_SURNAME.has(w))) last = m[1];
      }
      if (!last) return null;
      return this.findPerson(last) ?? this.addPerson(last, undefined);
    }
    const p = this.findPerson(hit.name) ?? this.addPerson(hit.name, hit.role);
    if (!p.gender) p.gender = genderOf(hit.role);
    return p;
  }
}

/** Every word of the definite mention `label` (besides "the") is in the earlier description `ante`. */
function withinAnte(label: string, ante: string): boolean {
  const a = new Set(ante.toLowerCase().split(/\s+/));
  return !label.toLowerCase().split(/\s+/).some((w) => w !== 'the' && !a.has(w));
}
