/**
 * Match reasons in words, as the popup and the CLI show them ("Same story: about 93 % of
 * the wording is shared …", "This page relays The Wall Street Journal, who published this
 * report"), in the reader's language (core/i18n).
 */
import { entityKey } from '../match/features';
import type { MatchReason } from '../match/match';
import type { ReportRecord } from '../packs/types';
import { joinList, tr, type CoreTranslator } from '../i18n/translate';

/** The report's own spelling of an entity key (keys are normalised for matching). */
function displayName(r: ReportRecord, key: string): string {
  const names = [...(r.entities?.people ?? []), ...(r.entities?.organisations ?? []), ...(r.entities?.places ?? []), ...(r.keywords ?? [])];
  return names.find((n) => entityKey(n) === key) ?? key;
}

/** Same story: a whole copy, an abridged copy (which side is the shorter), or a re-edited copy. */
function sameStory([share, how]: string[], t: CoreTranslator, num: (s: string) => string): string {
  switch (how) {
    case 'page-abridged': return t.msg('rel_same_story_page_abridged', num(share));
    case 'report-abridged': return t.msg('rel_same_story_report_abridged', num(share));
    case 're-edited': return t.msg('rel_same_story_re_edited', num(share));
    default: return t.msg('rel_same_story', num(share));
  }
}

export function describeReason(r: MatchReason, outletName: (id: string) => string, report: ReportRecord): string {
  const t = tr();
  const num = (s: string) => (Number.isFinite(Number(s)) ? t.num(Number(s)) : s);
  switch (r.kind) {
    case 'same-story': return sameStory(r.details, t, num);
    case 'close-date': return r.details[0] === '0' ? t.msg('rel_same_day') : t.plural('rel_days_apart', Number(r.details[0]));
    case 'same-url': return t.msg('rel_same_url');
    case 'relays-outlet': return t.msg('rel_relays_outlet', t.data(outletName(r.details[0])));
    case 'shared-entities': return t.msg('rel_shared_entities', joinList(r.details.map((k) => t.data(displayName(report, k))), t));
    case 'same-figures': return t.msg('rel_same_figures', joinList(r.details.map((n) => t.num(Number(n))), t));
    case 'similar-text': return t.msg('rel_similar_text', joinList(r.details.map(t.data), t));
    case 'same-outlet': return t.msg('rel_same_outlet', t.data(outletName(r.details[0])));
  }
}
