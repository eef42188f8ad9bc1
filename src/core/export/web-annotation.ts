/**
 * W3C Web Annotation (JSON-LD) export and import of highlights.
 *
 * Export: one `AnnotationCollection` whose `first` and `last` are the one *embedded*
 * `AnnotationPage` holding every annotation in `items` (Web Annotation Data Model §5: a
 * collection's annotations live in its pages; a page may be embedded; `items` directly on
 * a collection is not in the model); the page names its collection in `partOf`. One page
 * keeps the file self-contained — nothing to fetch — and an empty export has no page. `@context` is the single string
 * "http://www.w3.org/ns/anno.jsonld" (on the collection only: embedded annotations inherit it).
 *
 * Each highlight becomes an `Annotation`:
 * - `id`: `urn:uuid:<id>` for UUID ids; an id that is already an absolute IRI as itself;
 *   any other id as `<PROVENANCE_NS>highlight/<percent-encoded id>`.
 * - `motivation`: "commenting" when it has a note, else "highlighting".
 * - `body`: the note as a TextualBody (`purpose: "commenting"`, `format: "text/plain"`),
 *   then one TextualBody per tag (`purpose: "tagging"`, `format: "text/plain"`); no body
 *   when neither.
 * - `target`: `{ source: <page URL>, state, selector: [TextQuoteSelector, TextPositionSelector?] }`.
 *   The TextQuoteSelector always has `prefix` and `suffix` (empty strings allowed: the
 *   model asks for exactly one of each). TextPositionSelector offsets are in code points,
 *   as the model says (ours are UTF-16 code units: see code-points.ts; when the two differ
 *   the stored offsets also go in the extension property `utf16Position`, so our import is
 *   exact). `state` is a `TimeState` (model §4.2.5): `sourceDate` the save time and
 *   `cached` the Web Archive copy of the page at that time (archive.ts) — the model's own
 *   property for "a copy of the source as it was when annotated".
 * - Our fields with no Web Annotation equivalent — colour, page title, report id, text
 *   direction, last anchoring outcome — are extension properties named by absolute IRIs
 *   in PROVENANCE_NS (`"https://provenance.invalid/ns#color": "yellow"`). Absolute-IRI keys
 *   are valid JSON-LD without a context entry, so `@context` stays the plain string.
 *
 * Import (`fromWebAnnotation`) reads a collection (with embedded pages, following embedded
 * `next` pages), a page, one annotation, or an array of annotations; also Hypothesis
 * exports — its JSON-LD (target arrays, Markdown note bodies without a purpose), its API
 * JSON (`rows`, `text`, `tags`, `uri`, `document.title`) and its client's export file
 * (`{export_date, export_userid, client_version, annotations}`). A Hypothesis annotation
 * gets the id `https://hypothes.is/a/<id>` from either form (hypothesis-ids.ts), and its
 * positions are read as UTF-16 offsets, as its client writes them; other files' positions
 * are code points and are converted (code-points.ts). Each bad item is reported with its
 * path and skipped; it never throws and never drops good items because of a bad one.
 */
import {
  checkHighlight,
  errorText,
  isObject,
  isoTime,
  own,
  ProblemLog,
  show,
  type HighlightDraft,
} from './highlight-check';
import { MAX_IMPORT_HIGHLIGHTS, type HighlightRecord, type HighlightsImport } from './types';
import { archiveUrl } from './archive';
import { fromCodePoints, toCodePoints } from './code-points';
import { hypothesisItemId, isHypothesisApiItem, positionsInUtf16 } from './hypothesis-ids';
import type { TextPositionSelector, TextQuoteSelector } from '../anchoring/types';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Namespace of our extension properties (a reserved .invalid host: it names, it is never fetched). */
export const PROVENANCE_NS = 'https://provenance.invalid/ns#';
export const NS = {
  color: `${PROVENANCE_NS}color`,
  pageTitle: `${PROVENANCE_NS}pageTitle`,
  reportId: `${PROVENANCE_NS}reportId`,
  dir: `${PROVENANCE_NS}dir`,
  /** Only written when the record's `quote` differs from the selector's `exact`. */
  quote: `${PROVENANCE_NS}quote`,
  anchorStatus: `${PROVENANCE_NS}anchorStatus`,
  anchorAt: `${PROVENANCE_NS}anchorAt`,
  anchorReason: `${PROVENANCE_NS}anchorReason`,
  /** The stored TextPositionSelector in UTF-16 code units, when it differs from the code-point one. */
  utf16Position: `${PROVENANCE_NS}utf16Position`,
} as const;
const ID_PREFIX = `${PROVENANCE_NS}highlight/`;
/** Ids that are not well-formed UTF-16 (cannot be percent-encoded) are written as JSON. */
const ID_JSON_PREFIX = `${PROVENANCE_NS}highlight-json/`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;

/** The annotation IRI of a highlight id. */
export function annotationIdOf(id: string): string {
  if (UUID.test(id)) return `urn:uuid:${id}`;
  if (ABSOLUTE_IRI.test(id) && !/^urn:uuid:/i.test(id) && !id.startsWith(PROVENANCE_NS)) return id;
  try {
    return ID_PREFIX + encodeURIComponent(id);
  } catch {
    return ID_JSON_PREFIX + encodeURIComponent(JSON.stringify(id));
  }
}

/** The highlight id of an annotation IRI (inverse of annotationIdOf). */
export function highlightIdOf(iri: string): string {
  const m = /^urn:uuid:(.*)$/is.exec(iri);
  if (m && UUID.test(m[1])) return m[1];
  try {
    if (iri.startsWith(ID_PREFIX)) return decodeURIComponent(iri.slice(ID_PREFIX.length));
    if (iri.startsWith(ID_JSON_PREFIX)) {
      const v: unknown = JSON.parse(decodeURIComponent(iri.slice(ID_JSON_PREFIX.length)));
      if (typeof v === 'string') return v;
    }
  } catch {
    // Not one of ours after all: keep the IRI as the id.
  }
  return iri;
}

export interface WebAnnotationOptions {
  /** Collection IRI; default a fresh urn:uuid. */
  id?: string;
  label?: string;
}

/** One highlight as a Web Annotation (without `@context`: see toWebAnnotation). */
export function annotationOf(h: HighlightRecord): Record<string, unknown> {
  const q = h.selectors.quote;
  const quoteSel: Record<string, unknown> = { type: 'TextQuoteSelector', exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '' };
  const selector: Record<string, unknown>[] = [quoteSel];
  const pos = h.selectors.position;
  const cp = pos && toCodePoints(pos, q);
  if (cp) selector.push({ type: 'TextPositionSelector', start: cp.start, end: cp.end });

  const body: Record<string, unknown>[] = [];
  if (h.note) body.push({ type: 'TextualBody', value: h.note, format: 'text/plain', purpose: 'commenting' });
  for (const t of h.tags) body.push({ type: 'TextualBody', value: t, format: 'text/plain', purpose: 'tagging' });

  const a: Record<string, unknown> = {
    id: annotationIdOf(h.id),
    type: 'Annotation',
    created: isoTime(h.createdAt),
    modified: isoTime(h.updatedAt),
    motivation: h.note ? 'commenting' : 'highlighting',
  };
  if (body.length) a.body = body;
  const target: Record<string, unknown> = { source: h.url };
  const cached = archiveUrl(h.url, h.createdAt);
  if (cached) target.state = { type: 'TimeState', sourceDate: isoTime(h.createdAt), cached };
  target.selector = selector;
  a.target = target;
  a[NS.color] = h.color;
  if (h.pageTitle) a[NS.pageTitle] = h.pageTitle;
  if (h.reportId) a[NS.reportId] = h.reportId;
  if (h.dir) a[NS.dir] = h.dir;
  if (h.quote !== q.exact) a[NS.quote] = h.quote;
  if (pos && cp) {
    const back = fromCodePoints(cp, q);
    const differs = cp.start !== pos.start || cp.end !== pos.end || back.start !== pos.start || back.end !== pos.end;
    if (differs) a[NS.utf16Position] = { start: pos.start, end: pos.end };
  }
  if (h.anchor) {
    a[NS.anchorStatus] = h.anchor.status;
    a[NS.anchorAt] = isoTime(h.anchor.at);
    if (h.anchor.reason) a[NS.anchorReason] = h.anchor.reason;
  }
  return a;
}

/** The highlights as one AnnotationCollection with an embedded page (see the module comment). */
export function toWebAnnotation(highlights: readonly HighlightRecord[], opts: WebAnnotationOptions = {}): Record<string, unknown> {
  const id = opts.id ?? `urn:uuid:${globalThis.crypto.randomUUID()}`;
  const collection: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: opts.label ?? 'Provenance highlights',
    total: highlights.length,
  };
  if (highlights.length) {
    const pageId = `${id}#page-1`;
    collection.first = { id: pageId, type: 'AnnotationPage', partOf: id, startIndex: 0, items: highlights.map(annotationOf) };
    collection.last = pageId;
  }
  return collection;
}

/** The export as the text of a .jsonld file. */
export function webAnnotationText(highlights: readonly HighlightRecord[], opts: WebAnnotationOptions = {}): string {
  return JSON.stringify(toWebAnnotation(highlights, opts), null, 2) + '\n';
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

function types(o: unknown): string[] {
  const t = own(o, 'type') ?? own(o, '@type');
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^(?:oa:|as:|http:\/\/www\.w3\.org\/ns\/oa#)/, ''));
}

const hasType = (o: unknown, t: string) => types(o).includes(t);
const asList = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

interface Item {
  path: string;
  value: unknown;
}

/** The annotations a document holds, with their paths; container problems go to `log`. */
function collectItems(json: unknown, log: ProblemLog): Item[] {
  const items: Item[] = [];
  const add = (arr: unknown, path: string) => {
    if (!Array.isArray(arr)) {
      log.error(path, `expected a list of annotations, got ${show(arr)}`);
      return;
    }
    arr.forEach((value, i) => items.push({ path: `${path}[${i}]`, value }));
  };
  const page = (p: unknown, path: string) => {
    if (own(p, 'items') !== undefined) add(own(p, 'items'), `${path}.items`);
    else log.error(path, 'the annotation page has no "items"');
  };

  if (Array.isArray(json)) add(json, '$');
  else if (!isObject(json)) log.error('$', `not a Web Annotation document: expected an object or a list, got ${show(json)}`);
  else if (hasType(json, 'AnnotationCollection')) {
    if (own(json, 'items') !== undefined) add(own(json, 'items'), '$.items'); // not in the model, but seen in the wild
    let p = own(json, 'first');
    let path = '$.first';
    const seen = new Set<unknown>();
    while (p !== undefined && p !== null) {
      if (typeof p === 'string') {
        log.error(path, `the annotations are in a separate page (${show(p)}) that is not in the file: export them with the pages embedded`);
        break;
      }
      if (!isObject(p) || seen.has(p)) {
        if (!seen.has(p)) log.error(path, `expected an annotation page, got ${show(p)}`);
        break;
      }
      seen.add(p);
      page(p, path);
      p = own(p, 'next');
      path += '.next';
    }
    if (own(json, 'first') === undefined && own(json, 'items') === undefined) {
      const total = own(json, 'total');
      if (typeof total === 'number' && total > 0) log.error('$', `the collection says it has ${total} annotations but holds no page`);
    }
  } else if (hasType(json, 'AnnotationPage')) page(json, '$');
  else if (Array.isArray(own(json, 'rows'))) add(own(json, 'rows'), '$.rows'); // Hypothesis API search result
  else if (Array.isArray(own(json, 'annotations'))) add(own(json, 'annotations'), '$.annotations'); // Hypothesis client export
  else if (hasType(json, 'Annotation') || own(json, 'target') !== undefined) items.push({ path: '$', value: json });
  else log.error('$', 'not a Web Annotation document: expected an Annotation, an AnnotationPage, an AnnotationCollection or a list of annotations');
  return items;
}

/** A selector list: our TextQuoteSelector and TextPositionSelector, wherever they are in it. */
function selectorsOf(target: unknown): { quote?: Record<string, unknown>; position?: Record<string, unknown> } {
  const out: { quote?: Record<string, unknown>; position?: Record<string, unknown> } = {};
  for (const s of asList(own(target, 'selector')).slice(0, 100)) {
    if (!isObject(s)) continue;
    if (!out.quote && hasType(s, 'TextQuoteSelector')) out.quote = s;
    else if (!out.position && hasType(s, 'TextPositionSelector')) out.position = s;
  }
  return out;
}

function sourceOf(target: unknown): unknown {
  const src = own(target, 'source');
  if (isObject(src)) return own(src, 'id') ?? own(src, '@id');
  return src;
}

/** Read one annotation into a draft, noting what is left out. */
function draftOf(a: unknown, warn: (m: string) => void): HighlightDraft | string {
  if (!isObject(a)) return `expected an annotation object, got ${show(a)}`;
  const t = types(a);
  if (t.length && !t.includes('Annotation')) return `not an annotation (type ${show(t.join(', '))})`;

  // Target: the first one with a quote selector (Hypothesis writes a list of targets).
  const targets = asList(own(a, 'target')).slice(0, 100);
  if (!targets.length) return 'no target';
  const target = targets.find((x) => isObject(x) && selectorsOf(x).quote) ?? targets[0];
  const sel = selectorsOf(target);
  if (!sel.quote) {
    return typeof target === 'string' || !own(target, 'selector')
      ? 'the target is a whole page, not a passage (page notes are not imported as highlights)'
      : 'no TextQuoteSelector: the passage cannot be placed';
  }

  const d: HighlightDraft = {
    url: sourceOf(target) ?? own(a, 'uri'),
    exact: own(sel.quote, 'exact'),
    prefix: own(sel.quote, 'prefix'),
    suffix: own(sel.quote, 'suffix'),
    hasPosition: !!sel.position,
    start: own(sel.position, 'start'),
    end: own(sel.position, 'end'),
    created: own(a, 'created'),
    updated: own(a, 'modified') ?? own(a, 'updated'),
    color: own(a, NS.color),
    pageTitle: own(a, NS.pageTitle),
    reportId: own(a, NS.reportId),
    dir: own(a, NS.dir),
    quote: own(a, NS.quote),
  };
  const id = own(a, 'id') ?? own(a, '@id');
  if (id !== undefined) d.id = typeof id !== 'string' ? id : isHypothesisApiItem(a) ? hypothesisItemId(a, id) : highlightIdOf(id);
  const status = own(a, NS.anchorStatus);
  if (status !== undefined) d.anchor = { status, at: own(a, NS.anchorAt), reason: own(a, NS.anchorReason) };

  // Bodies: notes (commenting, or no purpose as Hypothesis writes them) and tags.
  const notes: string[] = [];
  const tags: unknown[] = [];
  const bodyValue = own(a, 'bodyValue');
  if (typeof bodyValue === 'string') notes.push(bodyValue);
  asList(own(a, 'body')).slice(0, 10_000).forEach((b, i) => {
    if (!isObject(b)) {
      warn(`body ${i}: ${typeof b === 'string' ? 'a linked resource' : show(b)} is not text: ignored`);
      return;
    }
    const purpose = own(b, 'purpose');
    const value = own(b, 'value');
    if (purpose === 'tagging') tags.push(value);
    else if (typeof value !== 'string' || (types(b).length && !hasType(b, 'TextualBody'))) warn(`body ${i} has no text value: ignored`);
    else if (purpose === undefined || purpose === 'commenting' || purpose === 'describing') notes.push(value);
    else warn(`body ${i} with purpose ${show(purpose)} ignored`);
  });
  // Hypothesis API JSON: the note and tags are plain fields.
  if (!own(a, 'body') && typeof own(a, 'text') === 'string' && own(a, 'text')) notes.push(own(a, 'text') as string);
  if (!own(a, 'body') && Array.isArray(own(a, 'tags'))) tags.push(...(own(a, 'tags') as unknown[]).slice(0, 10_000));
  if (notes.length) d.note = notes.join('\n\n');
  d.tags = tags;
  if (d.pageTitle === undefined) {
    const title = own(own(a, 'document'), 'title');
    const first = Array.isArray(title) ? title[0] : title;
    if (typeof first === 'string') d.pageTitle = first;
  }
  return d;
}

/** A Web Annotation position (code points) as stored: our exact UTF-16 copy when it agrees, else converted. */
function storedPosition(a: unknown, pos: TextPositionSelector, quote: TextQuoteSelector): TextPositionSelector {
  const u = own(a, NS.utf16Position);
  const start = own(u, 'start');
  const end = own(u, 'end');
  if (Number.isSafeInteger(start) && Number.isSafeInteger(end) && (start as number) >= 0 && (end as number) >= (start as number)) {
    const exact: TextPositionSelector = { type: 'TextPositionSelector', start: start as number, end: end as number };
    const cp = toCodePoints(exact, quote);
    if (cp.start === pos.start && cp.end === pos.end) return exact;
  }
  return fromCodePoints(pos, quote);
}

export interface FromWebAnnotationOptions {
  /** Time used for items without a valid creation time (ms). */
  now?: number;
}

/** Highlights from a Web Annotation document (see the module comment). Never throws. */
export function fromWebAnnotation(json: unknown, opts: FromWebAnnotationOptions = {}): HighlightsImport {
  const now = opts.now ?? Date.now();
  const log = new ProblemLog();
  const highlights: HighlightRecord[] = [];
  let items: Item[] = [];
  try {
    items = collectItems(json, log);
  } catch (e) {
    log.error('$', `the document could not be read: ${errorText(e)}`);
  }
  if (items.length > MAX_IMPORT_HIGHLIGHTS) {
    log.error(items[MAX_IMPORT_HIGHLIGHTS].path, `too many annotations: ${items.length}; only the first ${MAX_IMPORT_HIGHLIGHTS} are read`);
    items = items.slice(0, MAX_IMPORT_HIGHLIGHTS);
  }
  for (const { path, value } of items) {
    let rawId: string | undefined;
    try {
      const idValue = own(value, 'id') ?? own(value, '@id');
      rawId = typeof idValue === 'string' ? idValue.slice(0, 200) : undefined;
      const warnings: string[] = [];
      const d = draftOf(value, (m) => warnings.push(m));
      if (typeof d === 'string') {
        log.error(path, d, rawId);
        continue;
      }
      const checked = checkHighlight(d, now);
      if (!checked.ok) {
        log.error(path, checked.message, rawId);
        continue;
      }
      const pos = checked.highlight.selectors.position;
      if (pos && !positionsInUtf16(value)) checked.highlight.selectors.position = storedPosition(value, pos, checked.highlight.selectors.quote);
      for (const w of [...warnings, ...checked.warnings]) log.warning(path, w, checked.highlight.id);
      highlights.push(checked.highlight);
    } catch (e) {
      log.error(path, `the annotation could not be read: ${errorText(e)}`, rawId);
    }
  }
  return { highlights, problems: log.done() };
}
