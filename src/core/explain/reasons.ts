/**
 * Match reasons in words, as the popup and the CLI show them ("Same story: about 93 % of
 * the wording is shared …", "This page relays The Wall Street Journal, who published this report").
 */
import { entityKey } from '../match/features';
import type { MatchReason } from '../match/match';
import type { ReportRecord } from '../packs/types';

/** The report's own spelling of an entity key (keys are normalised for matching). */
function displayName(r: ReportRecord, key: string): string {
  const names = [...(r.entities?.people ?? []), ...(r.entities?.organisations ?? []), ...(r.entities?.places ?? []), ...(r.keywords ?? [])];
  return names.find((n) => entityKey(n) === key) ?? key;
}

function sameStory([share, how]: string[]): string {
  switch (how) {
    case 'page-abridged': return `Same story: this page is an abridged copy of this report (about ${share} % of its wording is in the report)`;
    case 'report-abridged': return `Same story: this report is an abridged copy of this page (about ${share} % of its wording is on this page)`;
    case 're-edited': return `Same story: a re-edited copy of this report (about ${share} % of the wording is shared)`;
    default: return `Same story: about ${share} % of the wording is shared (a copy or a lightly edited version)`;
  }
}

export function describeReason(r: MatchReason, outletName: (id: string) => string, report: ReportRecord): string {
  switch (r.kind) {
    case 'same-story': return sameStory(r.details);
    case 'close-date': return r.details[0] === '0' ? 'Published the same day' : `Published ${r.details[0]} day${r.details[0] === '1' ? '' : 's'} apart`;
    case 'same-url': return 'Same address: this page is this report or a known copy of it';
    case 'relays-outlet': return `This page relays ${outletName(r.details[0])}, who published this report`;
    case 'shared-entities': return `Same people, places or groups: ${r.details.map((k) => displayName(report, k)).join(', ')}`;
    case 'same-figures': return `Same figures: ${r.details.map((n) => Number(n).toLocaleString('en-US')).join(', ')}`;
    case 'similar-text': return `Similar wording: ${r.details.join(', ')}`;
    case 'same-outlet': return `Same outlet (${outletName(r.details[0])})`;
  }
}
