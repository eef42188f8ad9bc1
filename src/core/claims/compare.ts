/**
 * Cross-referencing claims: does a claim on the page agree with, or differ from, a claim
 * stored in a pack (or another page)?
 *
 * Same subject = the head nouns match after light normalisation (singular, Arabic folding
 * and affix stripping, a small English/French/Arabic synonym table), no conflicting
 * nationality, and no conflicting places when both name places. Figures are compared as
 * ranges implied by their qualifiers: "about 7,000" = 5,950–8,050, "more than 160" = 160+
 * (inclusive: reports round), "dozens" = 13–99, "hundreds" = 100–999, "thousands" = 1,000+,
 * "several" = 3–12. Overlapping ranges agree; disjoint ranges differ. When only one side
 * gives a figure (or neither), a claim about the same subject counts as agreeing.
 */
import type { ReportClaim as Claim, ClaimQualifier } from '../model';
import { foldArabic } from '../text/normalize';
import { placeKeys } from './context';

export type ClaimRelation = 'agrees' | 'differs' | 'unrelated';

/** The fields compared: a pack `Claim` or a page claim both fit. */
export interface ClaimLike {
  subject: string;
  text?: string;
  quantity?: number | null;
  qualifier?: ClaimQualifier | null;
  unit?: string | null;
  place?: string | null;
  date?: string | null;
}

const STOP = new Set(
  ('the a an of in on at to from by for with who which that whose where when into over under about after before during ' +
    'since as and or is are was were be been being their its his her this these those some most many more than ' +
    'le la les des du de d l un une et ou qui que dans par pour sur aux au ' +
    'من في الي علي عن مع الذي التي الذين و او').split(/\s+/),
);
const CUT_EN = /^(?:who|which|that|whose|where|when|from|in|of|to|at|on|by|for|with|during|after|before|since|across|into|under|over|against|between|through|qui|que|dont|de|du|des|dans|par|pour|sur|avec)$/;
const CUT_AR = /^(?:الذي|التي|الذين|من|في|الي|علي|عن|خلال|بعد|قبل|منذ|داخل)$/;

/** English/French/Arabic nouns → one key. Keys are English singulars. */
const SYNONYMS: Record<string, string> = {
  jihadi: 'fighter', jihadist: 'fighter', militant: 'fighter', fighter: 'fighter', combatant: 'fighter', combattant: 'fighter',
  djihadiste: 'fighter', jihadiste: 'fighter', مقاتل: 'fighter', مسلح: 'fighter', عنصر: 'fighter', جهادي: 'fighter',
  detainee: 'detainee', détenu: 'detainee', معتقل: 'detainee', محتجز: 'detainee', موقوف: 'detainee',
  prisoner: 'prisoner', prisonnier: 'prisoner', سجين: 'prisoner', سجناء: 'prisoner',
  soldier: 'soldier', troop: 'soldier', soldat: 'soldier', جندي: 'soldier', جنود: 'soldier', عسكري: 'soldier',
  account: 'account', compte: 'account', حساب: 'account',
  expert: 'expert', specialist: 'expert', spécialiste: 'expert', خبير: 'expert', خبراء: 'expert', اخصايي: 'expert',
  technician: 'technician', technicien: 'technician', فني: 'technician', تقني: 'technician',
  user: 'user', utilisateur: 'user', مستخدم: 'user',
  civilian: 'civilian', civil: 'civilian', مدني: 'civilian',
  person: 'person', people: 'person', personne: 'person', شخص: 'person', اشخاص: 'person',
  child: 'child', enfant: 'child', طفل: 'child', اطفال: 'child',
  woman: 'woman', femme: 'woman', امراه: 'woman', نساء: 'woman',
  refugee: 'refugee', réfugié: 'refugee', لاجي: 'refugee',
  victim: 'victim', victime: 'victim', ضحيه: 'victim', ضحايا: 'victim',
  dead: 'dead', death: 'dead', mort: 'dead', قتيل: 'dead', قتلي: 'dead',
  family: 'family', famille: 'family', عايله: 'family', اسره: 'family', اسر: 'family',
  center: 'center', centre: 'center', مركز: 'center', مراكز: 'center',
  recruit: 'recruit', recrue: 'recruit', مجند: 'recruit',
  defector: 'defector', déserteur: 'defector', منشق: 'defector',
  member: 'member', membre: 'member', عضو: 'member', اعضاء: 'member',
  follower: 'follower', abonné: 'follower', متابع: 'follower',
  national: 'national', ressortissant: 'national', مواطن: 'national',
};
/** Nationality / origin adjectives → one key (two subjects with different keys differ). */
const NATIONALITY: Record<string, string> = {};
for (const [key, words] of Object.entries({
  iraq: 'iraqi irakien irakienne irakiens عراقي عراقيه عراقيين',
  syria: 'syrian syrien syrienne syriens سوري سوريه سوريين',
  kurd: 'kurdish kurde kurdes كردي كرديه',
  us: 'american américain américains امريكي امريكيه امريكيين',
  russia: 'russian russe russes روسي روسيه',
  uk: 'british britannique britanniques بريطاني بريطانيه',
  france: 'french français française فرنسي فرنسيه',
  turkey: 'turkish turc turque تركي تركيه',
  iran: 'iranian iranien ايراني ايرانيه',
  foreign: 'foreign étranger étrangers étrangère étrangères اجنبي اجانب اجنبيه',
  local: 'local locaux locale محلي محليه محليين',
})) for (const w of words.split(' ')) NATIONALITY[w] = key;

function singular(w: string): string {
  if (/^[\u0600-\u06ff]/.test(w)) {
    let a = w.replace(/^(?:وال|بال|فال|كال|لل|ال)(?=[\u0600-\u06ff]{2,})/, '');
    if (a.length > 3 && /[^ا]ا$/.test(a)) a = a.slice(0, -1); // tanween alif: جنديا → جندي
    if (a.length > 4 && /(?:ين|ون|ات)$/.test(a)) a = a.slice(0, -2);
    if (a.length > 3 && /يي$/.test(a)) a = a.slice(0, -1);
    return a;
  }
  if (/^(?:people|men|women|children|personnel|police|staff)$/.test(w)) return { people: 'person', men: 'man', women: 'woman', children: 'child' }[w] ?? w;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

function canon(w: string): string {
  const s = singular(w);
  // "jihadis", "détenus": plurals the generic rule leaves alone (it spares "status", "crisis").
  return SYNONYMS[s] ?? SYNONYMS[w] ?? (w.endsWith('s') ? SYNONYMS[w.slice(0, -1)] : undefined) ?? s;
}

/** Heads too generic to identify a claim alone: they need a shared modifier, place or event. */
const GENERIC_HEADS = new Set(['fighter', 'person', 'member', 'man', 'woman', 'child', 'civilian', 'dead', 'victim', 'national']);
/** Modifiers that say nothing in this domain. */
const WEAK_MODS = new Set(['isis', 'isil', 'is', 'daesh', 'islamic', 'state', 'group', 'داعش', 'تنظيم', 'الدوله', 'ei', 'daech', 'pro-isis', 'top', 'new']);
/** Event stems (English, French, folded Arabic). */
const EVENTS: [RegExp, string][] = [
  [/\b(?:kill|killed|killing|tué|tués|قتل|قتلوا|مقتل)/iu, 'kill'],
  [/\b(?:fled|flee|fleeing|left|leaving|deserted|desert|defected|fui|quitté|فر|فروا|غادر|انشق)/iu, 'leave'],
  [/\b(?:transfer|transferred|moved|moving|transféré|transférés|نقل|نقلوا)/iu, 'transfer'],
  [/\b(?:suspended|suspend|blocked|closed|taken down|suspendu|suspendus|اغلق|اغلقت|علق)/iu, 'suspend'],
  [/\b(?:arrested|detained|captured|arrêté|اعتقل|احتجز)/iu, 'arrest'],
  [/\b(?:executed|beheaded|massacred|massacre|shot|exécuté|اعدم)/iu, 'execute'],
  [/\b(?:signed up|joined|recruited|rejoint|انضم|جند)/iu, 'join'],
  [/\b(?:destroyed|détruit|دمر)/iu, 'destroy'],
];
function events(...texts: (string | null | undefined)[]): Set<string> {
  const out = new Set<string>();
  const t = foldArabic(texts.filter(Boolean).join(' '));
  for (const [re, k] of EVENTS) if (re.test(t)) out.add(k);
  return out;
}

interface SubjectInfo {
  heads: Set<string>;
  mods: Set<string>;
  nat: Set<string>;
}

function tokens(s: string): string[] {
  return (foldArabic(s).toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? []).map((t) => t.replace(/[’']s$/, ''));
}

function phraseHead(s: string): { head: string | null; mods: string[] } {
  const ts = tokens(s);
  if (!ts.length) return { head: null, mods: [] };
  const arabic = /^[\u0600-\u06ff]/.test(ts[0]);
  const kept: string[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i];
    if (i > 0 && (arabic ? CUT_AR.test(t) : CUT_EN.test(t))) break;
    // A participle after the noun starts a reduced relative clause ("soldiers massacred …").
    if (!arabic && i > 0 && /(?:ed|ing)$/.test(t) && t.length > 4 && kept.length) break;
    if (STOP.has(t)) continue;
    kept.push(t);
  }
  if (!kept.length) return { head: null, mods: [] };
  if (arabic) return { head: kept[0], mods: kept.slice(1) };
  // The last plural noun of the phrase, else its last word.
  let h = kept.length - 1;
  for (let i = kept.length - 1; i >= 0; i--) {
    if (singular(kept[i]) !== kept[i] || /^(?:people|men|women|children)$/.test(kept[i])) {
      h = i;
      break;
    }
  }
  return { head: kept[h], mods: kept.filter((_, i) => i !== h) };
}

function subjectInfo(c: ClaimLike): SubjectInfo {
  const heads = new Set<string>();
  const mods = new Set<string>();
  const nat = new Set<string>();
  for (const s of [c.subject, c.unit ?? '']) {
    if (!s || s === '%') continue;
    const { head, mods: m } = phraseHead(s);
    if (head) heads.add(canon(head));
    for (const x of m) {
      mods.add(canon(x));
      const n = NATIONALITY[x] ?? NATIONALITY[singular(x)];
      if (n) nat.add(n);
    }
  }
  return { heads, mods, nat };
}

/**
 * Same subject: shared head noun, no clash of nationality or place; a generic head
 * ("fighters", "people") also needs a shared modifier, place or event.
 */
export function sameSubject(a: ClaimLike, b: ClaimLike): boolean {
  const sa = subjectInfo(a);
  const sb = subjectInfo(b);
  const shared = [...sa.heads].filter((h) => sb.heads.has(h));
  if (!shared.length) return false;
  if (sa.nat.size && sb.nat.size && ![...sa.nat].some((n) => sb.nat.has(n))) return false;
  if ((a.unit === '%') !== (b.unit === '%')) return false;
  const pa = placeKeys(a.place);
  const pb = placeKeys(b.place);
  if (pa.size && pb.size && ![...pa].some((p) => pb.has(p))) return false;
  const ea = events(a.subject, a.text);
  const eb = events(b.subject, b.text);
  if (ea.size && eb.size && ![...ea].some((e) => eb.has(e))) return false;
  if (shared.every((h) => GENERIC_HEADS.has(h))) {
    const modShared = [...sa.mods].some((m) => !WEAK_MODS.has(m) && sb.mods.has(m)) || [...sa.nat].some((n) => sb.nat.has(n));
    const placeShared = [...pa].some((p) => pb.has(p));
    const eventShared = [...ea].some((e) => eb.has(e));
    if (!modShared && !placeShared && !eventShared) return false;
  }
  return true;
}

/** The range of values a figure with its qualifier allows; null when there is no figure. */
export function figureRange(quantity: number | null | undefined, qualifier: ClaimQualifier | null | undefined): [number, number] | null {
  switch (qualifier) {
    case 'dozens':
      return [13, 99];
    case 'hundreds':
      return [100, 999];
    case 'thousands':
      return [1000, Number.POSITIVE_INFINITY];
    case 'several':
      return quantity == null ? [3, 12] : [quantity, quantity];
    default:
      break;
  }
  if (quantity == null || !Number.isFinite(quantity)) return null;
  const q = quantity;
  switch (qualifier) {
    case 'about':
      return [Math.round(q * 85) / 100, Math.round(q * 115) / 100];
    case 'more-than':
    case 'at-least':
      return [q, Number.POSITIVE_INFINITY];
    case 'up-to':
    case 'fewer-than':
      return [0, q];
    default:
      return [q, q];
  }
}

export function compareClaims(a: ClaimLike, b: ClaimLike): ClaimRelation {
  if (!sameSubject(a, b)) return 'unrelated';
  const ra = figureRange(a.quantity, a.qualifier);
  const rb = figureRange(b.quantity, b.qualifier);
  if (!ra || !rb) return 'agrees';
  return ra[0] <= rb[1] && rb[0] <= ra[1] ? 'agrees' : 'differs';
}

export interface CrossReference<C extends ClaimLike = Claim> {
  /** Index of the page claim. */
  claimIndex: number;
  reportId: string;
  relation: Exclude<ClaimRelation, 'unrelated'>;
  /** The stored claim compared with. */
  other: C;
}

/**
 * Compare each page claim with stored claims; returns the related pairs (agreeing or
 * differing), page order, differences first within a claim.
 */
export function crossReference<C extends ClaimLike = Claim>(pageClaims: ClaimLike[], storeClaims: { reportId: string; claim: C }[]): CrossReference<C>[] {
  const out: CrossReference<C>[] = [];
  pageClaims.forEach((pc, claimIndex) => {
    const rows: CrossReference<C>[] = [];
    for (const { reportId, claim } of storeClaims) {
      const relation = compareClaims(pc, claim);
      if (relation !== 'unrelated') rows.push({ claimIndex, reportId, relation, other: claim });
    }
    rows.sort((x, y) => (x.relation === y.relation ? 0 : x.relation === 'differs' ? -1 : 1));
    out.push(...rows);
  });
  return out;
}
