/**
 * How Hypothesis (https://web.hypothes.is) names its annotations, shared by the Web
 * Annotation importer and the Hypothesis-format export. Hypothesis writes one annotation
 * two ways: its API form (in its client's export file and its API's search results) with
 * a bare id (`AbC…`) and `links`, and its JSON-LD form with the id as the URL
 * `https://hypothes.is/a/<id>`. Both become the highlight id `https://hypothes.is/a/<id>`,
 * so the same annotation imported through either form is one highlight.
 */
import { own } from './highlight-check';

export const HYPOTHESIS_ANNOTATION_URL = 'https://hypothes.is/a/';

/** Hypothesis's links of an annotation id (as its API writes them). */
export function hypothesisLinks(bareId: string, uri: string): { html: string; incontext: string; json: string } {
  const id = bareId;
  return { html: `${HYPOTHESIS_ANNOTATION_URL}${id}`, incontext: `https://hyp.is/${id}/${uri}`, json: `https://hypothes.is/api/annotations/${id}` };
}

/** True for an annotation in Hypothesis's API form: no JSON-LD type, a `uri` and a list of targets. */
export function isHypothesisApiItem(a: unknown): boolean {
  return own(a, 'type') === undefined && own(a, '@type') === undefined && typeof own(a, 'uri') === 'string' && Array.isArray(own(a, 'target'));
}

/**
 * The highlight id of an API-form item's id: `https://hypothes.is/a/<id>` when the item's
 * own `links` say it is that Hypothesis annotation, else the id unchanged (an annotation
 * we exported in this format keeps our id).
 */
export function hypothesisItemId(a: unknown, id: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return id;
  const links = own(a, 'links');
  const want = hypothesisLinks(id, '');
  const html = own(links, 'html');
  const json = own(links, 'json');
  const incontext = own(links, 'incontext');
  const ours = html === want.html || json === want.json || (typeof incontext === 'string' && incontext.startsWith(want.incontext));
  return ours ? `${HYPOTHESIS_ANNOTATION_URL}${id}` : id;
}

/** The bare Hypothesis id of a highlight id, or null when it is not a Hypothesis annotation. */
export function bareHypothesisId(highlightId: string): string | null {
  if (!highlightId.startsWith(HYPOTHESIS_ANNOTATION_URL)) return null;
  const rest = highlightId.slice(HYPOTHESIS_ANNOTATION_URL.length);
  // Hypothesis ids are URL-safe base64; anything else is kept whole as our id.
  return /^[A-Za-z0-9_-]+$/.test(rest) ? rest : null;
}

/** True when positions in this item are the Hypothesis client's UTF-16 offsets (both of its forms). */
export function positionsInUtf16(a: unknown): boolean {
  const id = own(a, 'id') ?? own(a, '@id');
  return isHypothesisApiItem(a) || (typeof id === 'string' && id.startsWith(HYPOTHESIS_ANNOTATION_URL));
}
