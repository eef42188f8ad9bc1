/**
 * Plain wording for what rests on the Islamic State's own media (attribution kind
 * 'group-media': Amaq, al-Naba, al-Furqan, al-Hayat Media Center, Dabiq, Rumiyah, Nashir,
 * "a statement posted on a website used by the group"). The popup shows these notices in
 * its Sourcing and Claims sections; the CLI can print them. Pure: no browser APIs.
 *
 * Every user-facing string of this feature is in GROUP_MEDIA_TEXT below, so that it can move
 * to the extension's message catalogue (i18n) in one step.
 */
import type { ClaimView, SourcingView } from './types';

/** The user-facing wording (English). Keep every string of this feature here. */
export const GROUP_MEDIA_TEXT = {
  responsibility: (medium: string) => `Claim of responsibility through ${medium}; not independently verified.`,
  statement: (medium: string) => `Statement through ${medium}; not independently verified.`,
  figure: (medium: string) => `This figure rests on ${medium}; not independently verified.`,
  media: {
    amaq: "the group's Amaq agency",
    naba: "the group's weekly al-Naba",
    furqan: "the group's al-Furqan media office",
    hayat: "the group's al-Hayat Media Center",
    dabiq: "the group's magazine Dabiq",
    rumiyah: "the group's magazine Rumiyah",
    nashir: "the group's Nashir channel",
    other: "the group's own media",
  },
} as const;

type MediumKey = keyof typeof GROUP_MEDIA_TEXT.media;

/** How each of the group's media is named in English, French and Arabic text. */
const MEDIA: readonly { key: Exclude<MediumKey, 'other'>; re: RegExp }[] = [
  { key: 'amaq', re: /\ba['’]?maq\b|[أا]عماق/i },
  { key: 'naba', re: /\bal[-\s]?naba['’]?\b|النب[أا]/i },
  { key: 'furqan', re: /\bfurqan\b|الفرقان/i },
  { key: 'hayat', re: /\bal[-\s]?hayat\b|مركز الحياة|الحياة للإعلام/i },
  { key: 'dabiq', re: /\bdabiq\b|دابق/i },
  { key: 'rumiyah', re: /\brumiy?ah?\b|رومية/i },
  { key: 'nashir', re: /\bnashir\b|ناشر/i },
];

/** Which of the group's media a label names ("Amaq", "وكالة أعماق", "a website used by the group" → other). */
export function groupMedium(label: string): MediumKey {
  for (const m of MEDIA) if (m.re.test(label)) return m.key;
  return 'other';
}

/** The statement claims an attack or an act for the group (EN / FR / AR wording). */
const RESPONSIBILITY = /\bclaim(?:ed|s|ing)?\b[^.]{0,40}\bresponsib|\bresponsibility\b|\bclaimed\b|revendiqu|تبن[ىي]|مسؤولي(?:ت|ة)/i;

export interface GroupMediaNotice {
  medium: MediumKey;
  /** True when the statement is a claim of responsibility. */
  responsibility: boolean;
  text: string;
}

/**
 * One notice per medium the page's statements rest on: a claim of responsibility when any of
 * its statements (or the sentence around it) claims an act, otherwise a statement.
 */
export function groupMediaNotices(sourcing: Pick<SourcingView, 'items' | 'sources'> | null | undefined, pageText?: string): GroupMediaNotice[] {
  if (!sourcing) return [];
  const byMedium = new Map<MediumKey, boolean>();
  const labels = [
    ...sourcing.items.filter((i) => i.kind === 'group-media').map((i) => ({ label: i.source, quote: i.quote, start: i.start, end: i.end })),
    ...sourcing.sources.filter((s) => s.kind === 'group-media').map((s) => ({ label: s.source, quote: '', start: -1, end: -1 })),
  ];
  for (const l of labels) {
    const medium = groupMedium(l.label);
    const around = pageText && l.start >= 0 ? pageText.slice(Math.max(0, l.start - 200), Math.min(pageText.length, l.end + 200)) : '';
    const resp = RESPONSIBILITY.test(l.quote) || RESPONSIBILITY.test(around);
    byMedium.set(medium, (byMedium.get(medium) ?? false) || resp);
  }
  return [...byMedium].map(([medium, responsibility]) => {
    const name = GROUP_MEDIA_TEXT.media[medium];
    return { medium, responsibility, text: responsibility ? GROUP_MEDIA_TEXT.responsibility(name) : GROUP_MEDIA_TEXT.statement(name) };
  });
}

/**
 * The notice for one figure, when it rests on the group's media: its source is one of the
 * page's group-media sources, or its sentence names one of the group's media while the page's
 * sourcing found that medium. Null otherwise.
 */
export function claimGroupMediaNote(claim: Pick<ClaimView, 'text' | 'attributedTo' | 'via'>, sourcing: Pick<SourcingView, 'sources'> | null | undefined): string | null {
  const gm = (sourcing?.sources ?? []).filter((s) => s.kind === 'group-media');
  if (!gm.length) return null;
  const found = new Set(gm.map((s) => groupMedium(s.source)));
  const by = [claim.attributedTo, claim.via].filter((x): x is string => !!x);
  const direct = gm.find((s) => by.some((b) => b === s.source));
  if (direct) return GROUP_MEDIA_TEXT.figure(GROUP_MEDIA_TEXT.media[groupMedium(direct.source)]);
  for (const m of MEDIA) if (found.has(m.key) && m.re.test(claim.text)) return GROUP_MEDIA_TEXT.figure(GROUP_MEDIA_TEXT.media[m.key]);
  return null;
}
