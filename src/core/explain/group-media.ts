/**
 * Plain wording for what rests on the Islamic State's own media (attribution kind
 * 'group-media': Amaq, al-Naba, al-Furqan, al-Hayat Media Center, Dabiq, Rumiyah, Nashir,
 * "a statement posted on a website used by the group"). The popup shows these notices in
 * its Sourcing and Claims sections; the CLI can print them. Pure: no browser APIs.
 *
 * Its wording is in the message catalogue (keys gm_*), through the core's translator.
 */
import type { ClaimView, SourcingView } from './types';
import type { CoreKey } from '../i18n/en';
import { tr } from '../i18n/translate';

/** The wording goes through the core's translator (English by default; the reader's language in the extension). */
const MEDIUM_KEY = {
  amaq: 'gm_of_amaq',
  naba: 'gm_of_naba',
  furqan: 'gm_of_furqan',
  hayat: 'gm_of_hayat',
  dabiq: 'gm_of_dabiq',
  rumiyah: 'gm_of_rumiyah',
  nashir: 'gm_of_nashir',
  other: 'gm_own_media',
} as const satisfies Record<string, CoreKey>;

/** The user-facing wording of this feature, in the reader's language. */
export const GROUP_MEDIA_TEXT = {
  responsibility: (medium: string) => tr().msg('gm_responsibility', medium),
  statement: (medium: string) => tr().msg('gm_statement', medium),
  figure: (medium: string) => tr().msg('gm_figure', medium),
  medium: (key: keyof typeof MEDIUM_KEY) => tr().msg(MEDIUM_KEY[key]),
};

type MediumKey = keyof typeof MEDIUM_KEY;

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
    const name = GROUP_MEDIA_TEXT.medium(medium);
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
  if (direct) return GROUP_MEDIA_TEXT.figure(GROUP_MEDIA_TEXT.medium(groupMedium(direct.source)));
  for (const m of MEDIA) if (found.has(m.key) && m.re.test(claim.text)) return GROUP_MEDIA_TEXT.figure(GROUP_MEDIA_TEXT.medium(m.key));
  return null;
}
