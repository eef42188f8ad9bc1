/**
 * Export in the Hypothesis client's own export format, so highlights can be imported into
 * a Hypothesis group (the client's "Import" tab reads this file):
 *
 *   { export_date, export_userid, client_version, annotations: [ <API form> … ] }
 *
 * Each annotation is in Hypothesis's API form: `id`, `created`, `updated`, `user`, `uri`,
 * `text` (the note), `tags`, `target: [{ source, selector: [TextQuoteSelector,
 * TextPositionSelector] }]`, `document: { title: [title] }`, and for annotations that came
 * from Hypothesis, their `links` (`html`, `incontext`, `json`) and their own bare id.
 * Positions stay UTF-16 offsets, as the Hypothesis client counts them. Our fields with no
 * Hypothesis equivalent (colour, report id, direction, last anchoring outcome, a quote
 * that differs from the selector's) ride along as the same absolute-IRI extension
 * properties as in the Web Annotation export; Hypothesis ignores them, our importer
 * (web-annotation.ts) reads them back, so import → export → import loses nothing.
 */
import { isoTime } from './highlight-check';
import { bareHypothesisId, hypothesisLinks } from './hypothesis-ids';
import type { HighlightRecord } from './types';
import { NS } from './web-annotation';

export const HYPOTHESIS_CLIENT_VERSION = 'provenance-export/1';
/** The account written as `export_userid` and each annotation's `user` (a reserved .invalid host). */
export const HYPOTHESIS_DEFAULT_USER = 'acct:provenance@provenance.invalid';

export interface HypothesisExportOptions {
  now?: Date;
  userid?: string;
}

/** One highlight in Hypothesis's API form. */
export function hypothesisAnnotation(h: HighlightRecord, userid = HYPOTHESIS_DEFAULT_USER): Record<string, unknown> {
  const q = h.selectors.quote;
  const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' }];
  if (h.selectors.position) selector.push({ type: 'TextPositionSelector', start: h.selectors.position.start, end: h.selectors.position.end });
  const bare = bareHypothesisId(h.id);
  const a: Record<string, unknown> = {
    id: bare ?? h.id,
    created: isoTime(h.createdAt),
    updated: isoTime(h.updatedAt),
    user: userid,
    uri: h.url,
    text: h.note ?? '',
    tags: [...h.tags],
    target: [{ source: h.url, selector }],
    document: h.pageTitle ? { title: [h.pageTitle] } : {},
  };
  if (bare) a.links = hypothesisLinks(bare, h.url);
  a[NS.color] = h.color;
  if (h.reportId) a[NS.reportId] = h.reportId;
  if (h.dir) a[NS.dir] = h.dir;
  if (h.quote !== q.exact) a[NS.quote] = h.quote;
  if (h.anchor) {
    a[NS.anchorStatus] = h.anchor.status;
    a[NS.anchorAt] = isoTime(h.anchor.at);
    if (h.anchor.reason) a[NS.anchorReason] = h.anchor.reason;
  }
  return a;
}

/** The highlights as a Hypothesis client export file. */
export function toHypothesis(highlights: readonly HighlightRecord[], opts: HypothesisExportOptions = {}): Record<string, unknown> {
  const userid = opts.userid ?? HYPOTHESIS_DEFAULT_USER;
  return {
    export_date: (opts.now ?? new Date()).toISOString(),
    export_userid: userid,
    client_version: HYPOTHESIS_CLIENT_VERSION,
    annotations: highlights.map((h) => hypothesisAnnotation(h, userid)),
  };
}

export function hypothesisText(highlights: readonly HighlightRecord[], opts: HypothesisExportOptions = {}): string {
  return JSON.stringify(toHypothesis(highlights, opts), null, 2) + '\n';
}
